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

/** Issue 17 item 5: generate --custom, fill the files in, check and migrate accept them. */
@PgTest
class CustomMigrationFlowTest {
  static final String V1 = "dev.sluice.cli.fixtures.Shop";

  static String[] args(String cmd, Path m, String... more) {
    String[] base = {cmd, "--schema", V1, "--migrations", m.toString()};
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  static int customers(String url) throws Exception {
    try (Connection c = dev.sluice.runtime.PgUrl.parse(url).connect();
         ResultSet rs = c.createStatement().executeQuery("select count(*) from customers")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void aFilledInCustomMigrationIsRecordedAtTheNextCheckAndMigrates(PgTestContext pg, @TempDir Path dir) throws Exception {
    Path m = dir.resolve("migrations");
    String url = pg.server().createDatabase("custom_flow");
    assertThat(Cli.run(args("generate", m, "--name", "init")).exit()).isZero();

    Cli.Run custom = Cli.run(args("generate", m, "--custom", "--name", "seed"));
    assertThat(custom.exit()).as(custom.toString()).isZero();
    assertThat(custom.out()).isEqualTo("wrote " + m.toAbsolutePath().normalize().resolve("0002_seed.sql")
        + " and 0002_seed.down.sql (fill them in by hand; sluice.sum records what you wrote at the next migrate or check)\n");
    assertThat(m.resolve("0002_seed.down.sql")).exists();

    Files.writeString(m.resolve("0002_seed.sql"), "insert into customers (email) values ('seed@x');\n", java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(m.resolve("0002_seed.down.sql"), "delete from customers where email = 'seed@x';\n");

    Cli.Run check = Cli.run(args("check", m));
    assertThat(check.exit()).as(check.toString()).isZero();
    assertThat(check.out()).contains("sluice.sum: recorded the hand-written 0002_seed.sql\n")
        .contains("sluice.sum: recorded the hand-written 0002_seed.down.sql\n");

    Cli.Run up = Cli.run(args("migrate", m, "--url", url));
    assertThat(up.exit()).as(up.toString()).isZero();
    assertThat(customers(url)).isEqualTo(1);

    // recorded now: a later edit is a change like any other
    Files.writeString(m.resolve("0002_seed.sql"), "-- edited\n", java.nio.file.StandardOpenOption.APPEND);
    Cli.Run edited = Cli.run(args("check", m));
    assertThat(edited.exit()).isEqualTo(3);
    assertThat(edited.out()).contains("0002_seed.sql: changed since sluice.sum was written");
  }

  @Test
  void aCustomMigrationIsEditableUntilMigrateWhichRecordsIt(PgTestContext pg, @TempDir Path dir) throws Exception {
    Path m = dir.resolve("migrations");
    String url = pg.server().createDatabase("custom_migrate");
    assertThat(Cli.run(args("generate", m, "--name", "init")).exit()).isZero();
    assertThat(Cli.run(args("generate", m, "--custom", "--name", "seed")).exit()).isZero();
    Files.writeString(m.resolve("0002_seed.sql"), "insert into customers (email) values ('seed@x');\n");

    Cli.Run up = Cli.run(args("migrate", m, "--url", url));
    assertThat(up.exit()).as(up.toString()).isZero();
    assertThat(customers(url)).isEqualTo(1);
    assertThat(Cli.run(args("check", m)).exit()).isZero();

    // the down file is still the template: down refuses instead of claiming it undid the insert
    Cli.Run down = Cli.run(args("down", m, "--url", url, "--yes", "1"));
    assertThat(down.exit()).isNotZero();
    assertThat(down.out() + down.err()).contains("0002_seed.down.sql: still the empty template of generate --custom");
    assertThat(customers(url)).isEqualTo(1);
  }
}
