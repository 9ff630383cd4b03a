package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17 item 3: what generate writes and calls clean, lint (in the migrations folder) calls clean too. */
@PgTest
class GeneratedMigrationsPassLintTest {
  static final String V1 = "dev.sluice.cli.fixtures.Shop";
  static final String RETYPED = "dev.sluice.cli.fixtures.evolved.ShopRetyped";

  @Test
  void lintStrictOfGeneratedMigrationsFindsNoMissingLockTimeoutNorAValidatedCheck(PgTestContext pg, @TempDir Path dir)
      throws Exception {
    Path m = dir.resolve("migrations");
    String url = pg.server().createDatabase("lintgen");
    assertThat(Cli.run("generate", "--schema", V1, "--migrations", m.toString(), "--name", "init").exit()).isZero();
    assertThat(Cli.run("migrate", "--schema", V1, "--migrations", m.toString(), "--url", url).exit()).isZero();
    try (Connection c = dev.sluice.runtime.PgUrl.parse(url).connect()) {
      c.createStatement().execute("insert into customers (email) values ('a@x')");
      c.createStatement().execute("insert into orders (customer_id, total) select id, 10 from customers");
    }

    Cli.Run gen = Cli.run("generate", "--schema", RETYPED, "--migrations", m.toString(), "--name", "retype");
    assertThat(gen.exit()).as(gen.toString()).isZero();
    assertThat(gen.out()).contains("0002_retype.sql").contains("0003_retype_validate.sql").doesNotContain("LK10");
    assertThat(m.resolve("0002_retype.sql")).content()
        .contains("ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID")
        .contains("ADD CONSTRAINT customers_email_check CHECK (email <> '') NOT VALID")
        .doesNotContain("VALIDATE");
    assertThat(m.resolve("0003_retype_validate.sql")).content()
        .contains("ALTER TABLE public.orders VALIDATE CONSTRAINT orders_total_check");

    Cli.Run ups = Cli.run("lint", "--strict", m.resolve("0001_init.sql").toString(), m.resolve("0002_retype.sql").toString(),
        m.resolve("0003_retype_validate.sql").toString());
    assertThat(ups.exit()).as(ups.toString()).isZero();
    assertThat(ups.out()).isEqualTo("lint: no findings in 3 file(s)\n");

    Cli.Run folder = Cli.run("lint", "--strict", m.toString());
    assertThat(folder.exit()).as(folder.toString()).isZero();
    assertThat(folder.out()).isEqualTo("lint: no findings in 3 file(s)\n");
    // the down file re-adds the old CHECK valid (a down is one transaction): the only finding, by design
    Cli.Run down = Cli.run("lint", m.resolve("0002_retype.down.sql").toString());
    assertThat(down.exit()).as(down.toString()).isZero();
    assertThat(down.out()).contains("LK104").doesNotContain("LK107");

    Cli.Run up = Cli.run("migrate", "--schema", RETYPED, "--migrations", m.toString(), "--url", url);
    assertThat(up.exit()).as(up.toString()).isZero();
    try (Connection c = dev.sluice.runtime.PgUrl.parse(url).connect();
         ResultSet rs = c.createStatement().executeQuery("select count(*) from pg_constraint where contype = 'c'"
             + " and conname in ('orders_total_check', 'customers_email_check') and convalidated")) {
      rs.next();
      assertThat(rs.getInt(1)).as("both checks end validated").isEqualTo(2);
    }
    Cli.Run check = Cli.run("check", "--schema", RETYPED, "--migrations", m.toString(), "--url", url, "--db");
    assertThat(check.exit()).as(check.toString()).isZero();
    Cli.Run undo = Cli.run("down", "--yes", "--schema", RETYPED, "--migrations", m.toString(), "--url", url, "2");
    assertThat(undo.exit()).as(undo.toString()).isZero();
  }

  @Test
  void aFileOutsideASluiceFolderStillNeedsLockTimeout(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("hand.sql");
    Files.writeString(f, "alter table orders add column note text;\n");
    Cli.Run r = Cli.run("lint", f.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).contains("LK107");
  }
}
