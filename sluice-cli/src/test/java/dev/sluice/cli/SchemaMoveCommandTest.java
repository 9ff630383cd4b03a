package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** {@code --rename public.invoice=billing.invoice}: a table moving to another schema keeps its rows. */
@PgTest
class SchemaMoveCommandTest {

  private static void run(String url, String... sql) throws Exception {
    try (Connection c = dev.sluice.runtime.PgUrl.parse(url).connect(); Statement st = c.createStatement()) {
      for (String s : sql) st.execute(s);
    }
  }

  @Test
  void aTableMovedToAnotherSchemaNeedsTheFlagAndThenIsSetSchemaWithItsRows(PgTestContext pg) throws Exception {
    String a = pg.server().createDatabase("objc_move_a");
    String b = pg.server().createDatabase("objc_move_b");
    run(a, "create table public.invoice (id bigint generated always as identity primary key, amount numeric(10,2))",
        "insert into public.invoice (amount) values (1.5), (2)");
    run(b, "create schema billing",
        "create table billing.invoice (id bigint generated always as identity primary key, amount numeric(10,2))");

    Cli.Run ambiguous = Cli.run("diff", "--from", a, "--to", b);
    assertThat(ambiguous.exit()).as(ambiguous.toString()).isEqualTo(3);
    assertThat(ambiguous.err()).contains("table public.invoice dropped, billing.invoice created")
        .contains("--rename public.invoice=billing.invoice");

    Cli.Run moved = Cli.run("diff", "--from", a, "--to", b, "--rename", "public.invoice=billing.invoice");
    assertThat(moved.exit()).as(moved.toString()).isZero();
    assertThat(moved.out()).contains("CREATE SCHEMA billing;").contains("ALTER TABLE public.invoice SET SCHEMA billing;")
        .doesNotContain("DROP TABLE").doesNotContain("CREATE TABLE");
    for (var s : dev.sluice.kit.sql.SqlScript.split(moved.out())) run(a, s.text());
    try (Connection c = dev.sluice.runtime.PgUrl.parse(a).connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select string_agg(id || '=' || amount, ',' order by id) from billing.invoice")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("1=1.50,2=2.00");
    }
    Cli.Run again = Cli.run("diff", "--from", a, "--to", b, "--rename", "public.invoice=billing.invoice");
    assertThat(again.exit()).as(again.toString()).isZero();
    assertThat(again.out()).as("applying the diff converges; the applied hint is skipped").isBlank();
  }
}
