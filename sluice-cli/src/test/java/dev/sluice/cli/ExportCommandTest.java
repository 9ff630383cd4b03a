package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ExportCommandTest {
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cmd = SluiceCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void exportPrintsTheDdlOfASchemaClass() {
    Run r = run("export", "--schema", "dev.sluice.cli.fixtures.Shop");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("CREATE TYPE public.order_status AS ENUM ('OPEN', 'PAID')")
        .contains("CREATE TABLE public.customers").contains("CREATE TABLE public.orders")
        .contains("FOREIGN KEY (customer_id) REFERENCES public.customers");
    assertThat(r.out().indexOf("CREATE TYPE")).isLessThan(r.out().indexOf("CREATE TABLE public.orders"));
  }

  @Test
  void exportLoadsEveryClassOfAPackageOnTheClasspath() {
    Run r = run("export", "--schema", "dev.sluice.cli.fixtures", "--classpath", "target/test-classes");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("CREATE TABLE public.orders");
  }

  @Test
  void aMissingSchemaIsOneClearErrorLine() {
    Run r = run("export", "--schema", "no.such.Thing");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: schema no.such.Thing is neither a class nor a package");
  }
}
