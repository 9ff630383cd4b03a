package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.migrate.MigrationFolder;
import dev.sluice.test.PgTest;
import dev.sluice.test.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17 items 12 and 14 on the command line: repeatables, placeholders, callbacks, classpath:, dry run, repair, down. */
@PgTest
class FlywayFeaturesCommandTest {
  @TempDir Path dir;
  String url;
  Path m;
  MigrationFolder folder;

  @BeforeEach
  void setUp(TestInfo info) {
    url = TestDatabase.get().createDatabase("cli17_" + info.getTestMethod().orElseThrow().getName());
    m = dir.resolve("migrations");
    folder = MigrationFolder.of(m);
  }

  @AfterEach
  void tearDown() {
    TestDatabase.get().dropDatabase(url);
  }

  private Cli.Run sluice(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--url", url));
    if (all.stream().noneMatch(a -> a.equals("--migrations"))) all.addAll(List.of("--migrations", m.toString()));
    return Cli.run(all.toArray(String[]::new));
  }

  private List<String> rows(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) out.add(rs.getString(1));
      return out;
    }
  }

  @Test
  void migrateDryRunPrintsThePendingSqlWithPlaceholdersAndAppliesNothing() throws Exception {
    Path cfg = dir.resolve("sluice.json");
    Files.writeString(cfg, "{\"placeholders\": {\"table\": \"from_json\", \"owner\": \"app\"}}");
    folder.write("t", "create table ${table} (v text);\ncomment on table ${table} is 'owned by ${owner}, $${kept}';", null, null);
    Files.writeString(m.resolve("afterMigrate.sql"), "analyze ${table};");
    Cli.Run r = sluice("migrate", "--dry-run", "--config", cfg.toString(), "--placeholder", "table=from_flag");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("-- 0001_t.sql (in one transaction)\n"
        + "create table from_flag (v text);\ncomment on table from_flag is 'owned by app, ${kept}';\n"
        + "-- callback afterMigrate.sql\n"
        + "analyze from_flag;\n");
    assertThat(rows("select to_regclass('sluice.migrations')::text")).containsExactly((String) null);
  }

  @Test
  void aPlaceholderWithoutAValueNamesFileAndLine() {
    folder.write("grants", "create table g (id int);\ngrant select on g to ${reader};", null, null);
    Cli.Run r = sluice("migrate");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: 0001_grants.sql line 2: no value for placeholder ${reader} (none are defined);"
        + " define it (sluice.json \"placeholders\", --placeholder reader=VALUE, or SLUICE_PLACEHOLDERS_READER),"
        + " or write $${reader} for the literal text\n");
  }

  @Test
  void statusShowsRepeatableMigrationsAndMigrateReappliesAChangedOne() throws Exception {
    folder.write("books", "create table books (id int, title text);", null, null);
    Files.writeString(m.resolve("R__titles.sql"), "create or replace view titles as select title from books;");
    Cli.Run up = sluice("migrate");
    assertThat(up.out()).as(up.toString()).contains("applying 0001_books.sql ... done in").contains("applying R__titles.sql ... done in")
        .endsWith("applied 2 migration(s)\n");
    Files.writeString(m.resolve("R__titles.sql"), "create or replace view titles as select title, id from books;");
    Cli.Run status = sluice("status");
    assertThat(status.exit()).as(status.toString()).isZero();
    assertThat(status.out().lines().map(l -> l.replaceAll("\\s+\\S+$", "").strip()).toList())
        .containsExactly("0001_books                                   APPLIED", "R__titles                                    OUTDATED");
    Cli.Run again = sluice("migrate");
    assertThat(again.out()).contains("applying R__titles.sql").endsWith("applied 1 migration(s)\n");
  }

  @Test
  void aFailingCallbackFailsTheRunWithItsFileName() throws Exception {
    folder.write("a", "create table a (id int);", null, null);
    Files.writeString(m.resolve("beforeMigrate.sql"), "select * from nope;");
    Cli.Run r = sluice("migrate");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: callback beforeMigrate.sql failed at line 1: ERROR 42P01: relation \"nope\" does not exist\n");
    assertThat(rows("select count(*) from sluice.migrations")).containsExactly("0");
  }

  @Test
  void aClasspathLocationIsReadFromAJarOnTheClasspath() throws Exception {
    folder.write("from_jar", "create table from_jar (id int);", null, null);
    Path jar = dir.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("db/"));
      out.putNextEntry(new JarEntry("db/migration/"));
      for (String name : List.of("0001_from_jar.sql", "sluice.sum")) {
        out.putNextEntry(new JarEntry("db/migration/" + name));
        out.write(Files.readAllBytes(m.resolve(name)));
        out.closeEntry();
      }
    }
    Cli.Run r = sluice("migrate", "--classpath", jar.toString(), "--migrations", "classpath:db/migration");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("applying 0001_from_jar.sql ... done in").endsWith("applied 1 migration(s)\n");
    Cli.Run missing = sluice("status", "--classpath", jar.toString(), "--migrations", "classpath:db/other");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("error: migration location classpath:db/other does not exist on the classpath"
        + " (is the jar or folder that holds it on --classpath?)\n");
  }

  @Test
  void repairAsksForYesWithoutATerminalAndPrintsWhatItRealigned() throws Exception {
    folder.write("edited", "create table edited (id int);", null, null);
    assertThat(sluice("migrate").exit()).isZero();
    String before = rows("select sha256 from sluice.migrations").get(0);
    Files.writeString(m.resolve("0001_edited.sql"), "-- why: documented later\ncreate table edited (id int);");
    folder.rehash();
    String after = dev.sluice.kit.migrate.MigrationFolder.of(m).migrations().get(0).sha256();
    String line = "realign the checksum of 0001_edited.sql from " + before.substring(0, 12) + " to " + after.substring(0, 12)
        + " (the edited file is not run)";

    Cli.Run refused = sluice("repair");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).isEqualTo("error: repair would change sluice.migrations:\n  " + line
        + "\npass --yes to confirm (there is no terminal to ask)\n");
    assertThat(rows("select sha256 from sluice.migrations")).containsExactly(before);

    Cli.Run repaired = sluice("repair", "--yes");
    assertThat(repaired.exit()).as(repaired.toString()).isZero();
    assertThat(repaired.out()).isEqualTo("realigned" + line.substring("realign".length()) + "\nrepaired 1 record(s)\n");
    assertThat(rows("select sha256 from sluice.migrations")).containsExactly(after);
    assertThat(sluice("migrate").out()).isEqualTo("database is up to date\n");
    assertThat(sluice("repair").out()).isEqualTo("nothing to repair: no failed record, and every applied migration matches its file\n");
  }

  @Test
  void downAsksForYesWithoutATerminal() throws Exception {
    folder.write("a", "create table a (id int);", "drop table a;", null);
    folder.write("b", "create table b (id int);", "drop table b;", null);
    assertThat(sluice("migrate").exit()).isZero();
    Cli.Run refused = sluice("down");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).isEqualTo("error: down would revert 0002_b.sql (running 0002_b.down.sql)\n"
        + "pass --yes to confirm (there is no terminal to ask)\n");
    assertThat(rows("select count(*) from sluice.migrations")).containsExactly("2");
    Cli.Run down = sluice("down", "--yes");
    assertThat(down.out()).as(down.toString()).endsWith("reverted 1 migration(s)\n");
  }
}
