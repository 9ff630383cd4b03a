package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kit workflow a user follows, through the CLI: define -> generate -> check -> migrate; push; diff. */
@PgTest
class KitWorkflowTest {
  static final String V1 = "dev.sluice.cli.fixtures.Shop";
  static final String V2 = "dev.sluice.cli.fixtures.evolved.ShopV2";

  static Cli.Run sluice(String... args) {
    return Cli.run(args);
  }

  static String[] args(String cmd, String schema, Path migrations, String url, String... more) {
    List<String> a = new ArrayList<>(List.of(cmd, "--schema", schema, "--migrations", migrations.toString()));
    if (url != null) a.addAll(List.of("--url", url));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  @Test
  void generateCheckMigrateThenEvolveTheSchema(PgTestContext pg, @TempDir Path dir) throws Exception {
    Path m = dir.resolve("migrations");
    String url = pg.server().createDatabase("workflow");

    Cli.Run gen1 = sluice(args("generate", V1, m, null, "--name", "init"));
    assertThat(gen1.exit()).as(gen1.toString()).isZero();
    assertThat(gen1.out()).contains("0001_init.sql");
    assertThat(m.resolve("snapshots/0001_init.json")).exists();
    assertThat(m.resolve("0001_init.down.sql")).content().contains("DROP TABLE public.orders");

    Cli.Run nothing = sluice(args("generate", V1, m, null));
    assertThat(nothing.out()).contains("no schema changes");
    assertThat(sluice(args("check", V1, m, null)).exit()).isZero();
    Cli.Run stale = sluice(args("check", V2, m, null));
    assertThat(stale.exit()).isEqualTo(3);
    assertThat(stale.out()).contains("without a migration (run sluice generate)");

    assertThat(sluice(args("migrate", V1, m, url)).exit()).isZero();
    try (Connection c = dev.sluice.runtime.PgUrl.parse(url).connect()) {
      c.createStatement().execute("insert into customers (email) values ('a@x')");
      c.createStatement().execute("insert into orders (customer_id, total) select id, 10 from customers");
    }

    Cli.Run gen2 = sluice(args("generate", V2, m, null, "--name", "shipping"));
    assertThat(gen2.exit()).as(gen2.toString()).isZero();
    // the new enum value gets a migration of its own, so the next one can use it
    assertThat(gen2.out()).contains("0002_shipping_enum_values.sql").contains("0003_shipping.sql");
    assertThat(m.resolve("0002_shipping_enum_values.sql")).content().contains("ADD VALUE 'SHIPPED' AFTER 'OPEN'");
    assertThat(sluice(args("check", V2, m, null)).exit()).isZero();

    Cli.Run up = sluice(args("migrate", V2, m, url));
    assertThat(up.exit()).as(up.toString()).isZero();
    assertThat(up.out()).contains("applied 2 migration(s)");
    try (Connection c = dev.sluice.runtime.PgUrl.parse(url).connect();
         ResultSet rs = c.createStatement().executeQuery("select count(*) from orders")) {
      rs.next();
      assertThat(rs.getInt(1)).as("rows survive").isEqualTo(1);
    }
    // the database now matches the code exactly
    Cli.Run push = sluice(args("push", V2, m, url, "--dry-run"));
    assertThat(push.out()).as(push.toString()).contains("database is in sync");

    Cli.Run down = sluice(args("down", V2, m, url, "--yes", "2"));
    assertThat(down.exit()).as(down.toString()).isZero();
    Cli.Run check = sluice(args("check", V2, m, url, "--db"));
    assertThat(check.exit()).as(check.toString()).isZero();
  }

  @Test
  void pushRefusesDataLossWithNumbersUnlessForced(PgTestContext pg, @TempDir Path dir) throws Exception {
    String url = pg.server().createDatabase("push");
    Path m = dir.resolve("unused");
    assertThat(sluice(args("push", V2, m, url)).exit()).isZero();
    try (Connection c = dev.sluice.runtime.PgUrl.parse(url).connect()) {
      c.createStatement().execute("insert into customers (email, name) values ('a@x', 'Ann'), ('b@x', 'Bob')");
    }
    Cli.Run refused = sluice(args("push", V1, m, url));
    assertThat(refused.exit()).as(refused.toString()).isEqualTo(3);
    assertThat(refused.out()).contains("RISK:").contains("2 non-null value(s) would be lost");
    assertThat(refused.err()).contains("refused").contains("--force");

    Cli.Run forced = sluice(args("push", V1, m, url, "--force"));
    assertThat(forced.exit()).as(forced.toString()).isZero();
    assertThat(sluice(args("push", V1, m, url, "--dry-run")).out()).contains("database is in sync");
  }

  @Test
  void diffBetweenTwoLiveDatabasesConverges(PgTestContext pg, @TempDir Path dir) throws Exception {
    String a = pg.server().createDatabase("diff_a");
    String b = pg.server().createDatabase("diff_b");
    Path m = dir.resolve("unused");
    assertThat(sluice(args("push", V1, m, a)).exit()).isZero();
    assertThat(sluice(args("push", V2, m, b)).exit()).isZero();
    try (Connection c = dev.sluice.runtime.PgUrl.parse(a).connect()) {
      c.createStatement().execute("insert into customers (email) values ('keep@x')");
    }
    Cli.Run diff = sluice("diff", "--from", a, "--to", b);
    assertThat(diff.exit()).as(diff.toString()).isZero();
    assertThat(diff.out()).contains("ALTER TABLE public.customers ADD COLUMN name text");
    try (Connection c = dev.sluice.runtime.PgUrl.parse(a).connect()) {
      for (var s : dev.sluice.kit.sql.SqlScript.split(diff.out())) c.createStatement().execute(s.text());
      ResultSet rs = c.createStatement().executeQuery("select email from customers");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("keep@x");
    }
    Cli.Run again = sluice("diff", "--from", a, "--to", b);
    assertThat(again.out()).as("applying the diff converges").isBlank();

    Cli.Run bad = sluice("diff", "--from", "nonsense", "--to", b);
    assertThat(bad.exit()).isNotZero();
    assertThat(bad.err()).contains("not a PostgreSQL URL");
  }

  @Test
  void anAmbiguousRenameStopsWithoutATerminalAndNamesTheHint(@TempDir Path dir) throws Exception {
    Path m = dir.resolve("migrations");
    assertThat(sluice(args("generate", V1, m, null, "--name", "init")).exit()).isZero();
    Cli.Run r = sluice(args("generate", "dev.sluice.cli.fixtures.evolved.ShopRenamed", m, null));
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("renamedFrom").contains("--rename");
    assertThat(Files.list(m).filter(p -> p.toString().endsWith(".sql")).count()).as("nothing written").isEqualTo(2);

    Cli.Run hinted = sluice(args("generate", "dev.sluice.cli.fixtures.evolved.ShopRenamed", m, null, "--rename", "public.customers=clients"));
    assertThat(hinted.exit()).as(hinted.toString()).isZero();
    String sql = Files.readString(m.resolve(Files.list(m).map(p -> p.getFileName().toString())
        .filter(n -> n.startsWith("0002") && !n.contains(".down.")).findFirst().orElseThrow()));
    assertThat(sql).contains("ALTER TABLE public.customers RENAME TO clients");
  }

  @Test
  void checkDbFailsWhenAColumnWasAddedByHand(PgTestContext pg, @TempDir Path dir) throws Exception {
    Path m = dir.resolve("migrations");
    String url = pg.server().createDatabase("drift");
    assertThat(sluice(args("generate", V1, m, null, "--name", "init")).exit()).isZero();
    assertThat(sluice(args("migrate", V1, m, url)).exit()).isZero();
    Cli.Run clean = sluice(args("check", V1, m, url, "--db"));
    assertThat(clean.exit()).as(clean.toString()).isZero();

    try (Connection c = dev.sluice.runtime.PgUrl.parse(url).connect()) {
      c.createStatement().execute("alter table customers add column nickname text");
    }
    Cli.Run drift = sluice(args("check", V1, m, url, "--db"));
    assertThat(drift.exit()).as(drift.toString()).isEqualTo(3);
    assertThat(drift.out()).isEqualTo("problem: database drift: the database differs from what the applied migrations"
        + " (up to 0001_init) create; 1 change(s) would bring it back:\n  - table public.customers: drop column nickname (its values are lost)\n");
  }

  @Test
  void pushDryRunExitCodeIsThreeOnlyWhenThereAreChangesToMake(PgTestContext pg, @TempDir Path dir) throws Exception {
    String url = pg.server().createDatabase("exitcode");
    Path m = dir.resolve("unused");
    assertThat(sluice(args("push", V1, m, url)).exit()).isZero();
    Cli.Run same = sluice(args("push", V1, m, url, "--dry-run", "--exit-code"));
    assertThat(same.exit()).as(same.toString()).isZero();
    assertThat(same.out()).isEqualTo("database is in sync with the code\n");
    Cli.Run changes = sluice(args("push", V2, m, url, "--dry-run", "--exit-code"));
    assertThat(changes.exit()).as(changes.toString()).isEqualTo(3);
    assertThat(changes.out()).contains("ALTER TABLE public.customers ADD COLUMN name text;");
    assertThat(sluice(args("push", V1, m, url, "--dry-run", "--exit-code")).exit()).as("the dry run changed nothing").isZero();
    Cli.Run misuse = sluice(args("push", V1, m, url, "--exit-code"));
    assertThat(misuse.exit()).isEqualTo(2);
    assertThat(misuse.err()).isEqualTo("error: --exit-code needs --dry-run\n");
  }
}
