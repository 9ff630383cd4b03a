package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.migrate.MigrationFolder;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@PgTest
class MigrateCommandsTest {
  @Test
  void migrateStatusDownAndDropWorkTogether(PgTestContext pg, @TempDir Path dir) throws Exception {
    pg.execute("drop schema if exists sluice cascade", "drop table if exists notes");
    Path migrations = dir.resolve("migrations");
    MigrationFolder folder = MigrationFolder.of(migrations);
    folder.write("create_notes", "CREATE TABLE notes (id int PRIMARY KEY, body text);", "DROP TABLE notes;", null);
    folder.write("add_title", "ALTER TABLE notes ADD COLUMN title text;", "ALTER TABLE notes DROP COLUMN title;", null);
    String[] common = {"--url", pg.jdbcUrl(), "--migrations", migrations.toString()};

    Cli.Run up = Cli.run(concat(new String[] {"migrate"}, common));
    assertThat(up.exit()).as(up.toString()).isZero();
    assertThat(up.out()).contains("applying 0001_create_notes.sql ... done in").contains("applied 2 migration(s)");

    Cli.Run again = Cli.run(concat(new String[] {"migrate"}, common));
    assertThat(again.out()).contains("database is up to date");

    Cli.Run status = Cli.run(concat(new String[] {"status"}, common));
    assertThat(status.exit()).as(status.toString()).isZero();
    assertThat(status.out()).contains("0001_create_notes").contains("APPLIED");

    Cli.Run refused = Cli.run(concat(new String[] {"drop"}, common));
    assertThat(refused.exit()).isEqualTo(3);
    assertThat(refused.err()).contains("0002_add_title.sql has been applied");

    Cli.Run down = Cli.run(concat(new String[] {"down", "--yes"}, common));
    assertThat(down.exit()).as(down.toString()).isZero();
    assertThat(down.out()).contains("reverting 0002_add_title.sql").contains("reverted 1 migration(s)");

    Cli.Run dropped = Cli.run(concat(new String[] {"drop"}, common));
    assertThat(dropped.exit()).as(dropped.toString()).isZero();
    assertThat(Files.exists(migrations.resolve("0002_add_title.sql"))).isFalse();

    Cli.Run json = Cli.run(concat(new String[] {"status", "--json"}, common));
    assertThat(json.out()).startsWith("{\"migrations\":[{\"version\":1");
  }

  @Test
  void aFailingMigrationNamesFileLineAndStatementAndExitsOne(PgTestContext pg, @TempDir Path dir) {
    pg.execute("drop schema if exists sluice cascade");
    Path migrations = dir.resolve("m");
    MigrationFolder.of(migrations).write("broken", "CREATE TABLE ok_table (id int);\n\nINSERT INTO missing_table VALUES (1);", null, null);
    Cli.Run r = Cli.run("migrate", "--url", pg.jdbcUrl(), "--migrations", migrations.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("0001_broken.sql").contains("line 3").contains("missing_table");
    pg.execute("select 1");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] r = new String[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
