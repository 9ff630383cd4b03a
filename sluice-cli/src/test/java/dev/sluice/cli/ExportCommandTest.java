package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExportCommandTest {
  @Test
  void exportPrintsTheDdlOfASchemaClass() {
    Cli.Run r = Cli.run("export", "--schema", "dev.sluice.cli.fixtures.Shop");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("CREATE TYPE public.order_status AS ENUM ('OPEN', 'PAID')")
        .contains("CREATE TABLE public.customers").contains("CREATE TABLE public.orders")
        .contains("FOREIGN KEY (customer_id) REFERENCES public.customers");
    assertThat(r.out().indexOf("CREATE TYPE")).isLessThan(r.out().indexOf("CREATE TABLE public.orders"));
  }

  @Test
  void exportLoadsEveryClassOfAPackageOnTheClasspath() {
    Cli.Run r = Cli.run("export", "--schema", "dev.sluice.cli.fixtures", "--classpath", "target/test-classes");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("CREATE TABLE public.orders");
  }

  @Test
  void aMissingSchemaIsOneClearErrorLine() {
    Cli.Run r = Cli.run("export", "--schema", "no.such.Thing");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: schema no.such.Thing is neither a class nor a package");
  }
}
