package dev.sluice.kit.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.test.PgTest;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17 item 14: the Flyway features teams rely on. */
@PgTest
class MigratorFlywayFeaturesTest {
  @TempDir Path dir;
  LiveDb db;
  MigrationFolder folder;

  @BeforeEach
  void setUp(TestInfo info) {
    db = new LiveDb("cli17_" + info.getTestMethod().orElseThrow().getName());
    folder = MigrationFolder.of(dir);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private Migrator migrator() {
    return Migrator.connect(db.url, folder);
  }

  private void file(String name, String sql) throws Exception {
    Files.writeString(dir.resolve(name), sql);
  }

  @Test
  void repeatableMigrationsRunAfterVersionedOnesAndAgainOnlyWhenTheirChecksumChanges() throws Exception {
    folder.write("books", "create table books (id int primary key, title text);", null, null);
    file("R__book_titles.sql", "create or replace view book_titles as select title from books;");
    List<Migration> first = migrator().migrate();
    assertThat(first).extracting(Migration::fileName).containsExactly("0001_books.sql", "R__book_titles.sql");
    assertThat(db.rows("select name from sluice.migrations")).containsExactly("0001_books");
    assertThat(db.rows("select name from sluice.migrations_repeatable")).containsExactly("R__book_titles");

    assertThat(migrator().migrate()).isEmpty(); // unchanged: not re-applied
    assertThat(migrator().status()).extracting(s -> s.name() + " " + s.state())
        .containsExactly("0001_books APPLIED", "R__book_titles APPLIED");

    file("R__book_titles.sql", "create or replace view book_titles as select title, id from books;");
    assertThat(migrator().status()).extracting(s -> s.name() + " " + s.state())
        .containsExactly("0001_books APPLIED", "R__book_titles OUTDATED");
    assertThat(migrator().migrate()).extracting(Migration::fileName).containsExactly("R__book_titles.sql");
    assertThat(db.rows("select column_name from information_schema.columns where table_name = 'book_titles' order by 1"))
        .containsExactly("id", "title");
    assertThat(folder.verify()).isEmpty(); // sluice.sum covers versioned migrations only
  }

  @Test
  void placeholdersAreSubstitutedTheEscapeStaysLiteralAndTheChecksumIsOfTheFileAsWritten() {
    Migration m = folder.write("settings", "create table ${table} (v text);\ninsert into ${table} values ('$${not_a_placeholder}');", null, null);
    Migrator migrator = migrator().withOptions(MigratorOptions.DEFAULTS.withPlaceholders(Map.of("table", "app_settings")));
    migrator.migrate();
    assertThat(db.rows("select v from app_settings")).containsExactly("${not_a_placeholder}");
    assertThat(db.scalar("select sha256 from sluice.migrations")).isEqualTo(m.sha256()).isEqualTo(Migration.sha256Hex(m.upSql()));
  }

  @Test
  void aPlaceholderWithoutAValueIsAnErrorNamingFileAndLineAndNothingIsApplied() {
    folder.write("one", "create table one (id int);", null, null);
    folder.write("two", "create table two (id int);\n\ngrant select on two to ${reader};", null, null);
    assertThatThrownBy(() -> migrator().withOptions(MigratorOptions.DEFAULTS.withPlaceholders(Map.of("table", "t"))).migrate())
        .isInstanceOf(MigrationException.class)
        .hasMessage("0002_two.sql line 3: no value for placeholder ${reader} (defined: table); define it (sluice.json"
            + " \"placeholders\", --placeholder reader=VALUE, or SLUICE_PLACEHOLDERS_READER), or write $${reader} for the literal text");
    assertThat(db.tableExists("one")).isFalse();
  }

  @Test
  void callbacksRunAroundTheRunAndEachMigrationAndAreNotRecorded() throws Exception {
    file("beforeMigrate.sql", "create table if not exists cb_log (id serial, event text);\ninsert into cb_log (event) values ('before');");
    file("beforeEachMigrate.sql", "insert into cb_log (event) values ('before each');");
    file("afterEachMigrate.sql", "insert into cb_log (event) values ('after each');");
    file("afterMigrate__grants.sql", "insert into cb_log (event) values ('after ${who}');");
    folder.write("a", "insert into cb_log (event) values ('a');", null, null);
    folder.write("b", "insert into cb_log (event) values ('b');", null, null);
    Migrator migrator = migrator().withOptions(MigratorOptions.DEFAULTS.withPlaceholders(Map.of("who", "all")));
    assertThat(migrator.migrate()).extracting(Migration::fileName).containsExactly("0001_a.sql", "0002_b.sql");
    assertThat(db.rows("select event from cb_log order by id")).containsExactly(
        "before", "before each", "a", "after each", "before each", "b", "after each", "after all");
    assertThat(db.rows("select name from sluice.migrations order by version")).containsExactly("0001_a", "0002_b");
    assertThat(folder.verify()).isEmpty();
  }

  @Test
  void aFailingCallbackFailsTheRunNamingTheFileAndRollsBackItsMigration() throws Exception {
    file("afterEachMigrate.sql", "select 1;\nselect no_such_column from pg_class;");
    folder.write("a", "create table a (id int);", null, null);
    assertThatThrownBy(() -> migrator().migrate()).isInstanceOf(MigrationException.class)
        .hasMessageStartingWith("callback afterEachMigrate.sql failed at line 2: ERROR 42703: column \"no_such_column\" does not exist")
        .hasMessageEndingWith("the migration it ran with was rolled back: nothing of it was applied and sluice.migrations is unchanged");
    assertThat(db.tableExists("a")).isFalse();
    assertThat(db.rows("select name from sluice.migrations")).isEmpty();
  }

  @Test
  void aClasspathLocationInAJarIsReadInPlace() throws Exception {
    Path src = dir.resolve("src");
    MigrationFolder source = MigrationFolder.of(src);
    source.write("in_jar", "create table in_jar (id int);", null, null);
    Files.writeString(src.resolve("R__in_jar_view.sql"), "create or replace view in_jar_view as select id from in_jar;");
    Path jar = dir.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name : List.of("0001_in_jar.sql", "sluice.sum", "R__in_jar_view.sql")) {
        out.putNextEntry(new JarEntry("db/migration/" + name));
        out.write(Files.readAllBytes(src.resolve(name)));
        out.closeEntry();
      }
    }
    try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
      MigrationFolder inJar = MigrationFolder.classpath("classpath:db/migration", loader);
      assertThat(inJar.readOnly()).isTrue();
      assertThat(inJar.verify()).isEmpty();
      assertThat(Migrator.connect(db.url, inJar).migrate()).extracting(Migration::fileName)
          .containsExactly("0001_in_jar.sql", "R__in_jar_view.sql");
      assertThatThrownBy(() -> inJar.write("x", "select 1;", null, null)).isInstanceOf(MigrationFolderException.class)
          .hasMessageStartingWith("migration location classpath:db/migration (in " + jar + ") is read-only");
      assertThatThrownBy(() -> MigrationFolder.classpath("classpath:db/nope", loader)).isInstanceOf(MigrationFolderException.class)
          .hasMessage("migration location classpath:db/nope does not exist on the classpath (is the jar or folder that holds it on --classpath?)");
    }
    assertThat(db.tableExists("in_jar_view")).isTrue();
  }

  @Test
  void dryRunPrintsThePendingSqlWithPlaceholdersSubstitutedAndAppliesNothing() throws Exception {
    folder.write("one", "create table one (id int);", null, null);
    migrator().migrate();
    folder.write("two", "create table ${name} (id int);", null, null);
    file("R__v.sql", "create or replace view v as select 1;");
    file("afterMigrate.sql", "analyze;");
    Migrator migrator = migrator().withOptions(MigratorOptions.DEFAULTS.withPlaceholders(Map.of("name", "two")));
    assertThat(migrator.dryRun(Integer.MAX_VALUE)).isEqualTo(
        "-- 0002_two.sql (in one transaction)\n"
            + "create table two (id int);\n"
            + "-- R__v.sql (in one transaction)\n"
            + "create or replace view v as select 1;\n"
            + "-- callback afterMigrate.sql\n"
            + "analyze;\n");
    assertThat(db.tableExists("two")).isFalse();
    assertThat(db.rows("select name from sluice.migrations")).containsExactly("0001_one");
  }

  @Test
  void migrateLogsEachStepAtInfo() throws Exception {
    folder.write("logged", "create table logged (id int);", null, null);
    file("beforeMigrate.sql", "select 1;");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8)); // slf4j-simple writes to the System.err of the moment
    try {
      migrator().migrate();
    } finally {
      System.setErr(original);
    }
    String log = buf.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("INFO dev.sluice.kit.migrate.Migrator - migrating " + dir + ": 1 pending migration(s)")
        .contains("INFO dev.sluice.kit.migrate.Migrator - running callback beforeMigrate.sql")
        .contains("INFO dev.sluice.kit.migrate.Migrator - applying 0001_logged.sql")
        .contains("INFO dev.sluice.kit.migrate.Migrator - applied 0001_logged.sql in ")
        .contains("INFO dev.sluice.kit.migrate.Migrator - migrate done: 1 migration(s) applied in ");
  }

  @Test
  void repairRealignsTheChecksumOfADeliberatelyEditedMigration() throws Exception {
    Migration m = folder.write("edited", "create table edited (id int);", null, null);
    migrator().migrate();
    file("0001_edited.sql", "-- a comment added later\ncreate table edited (id int);");
    folder.rehash();
    assertThatThrownBy(() -> migrator().migrate()).hasMessageContaining("0001_edited.sql was changed after it was applied");
    String now = Migration.sha256Hex(Files.readString(dir.resolve("0001_edited.sql")));
    Repair expected = new Repair(List.of(), List.of(new Repair.Realigned(1, "0001_edited.sql", m.sha256(), now)));
    assertThat(migrator().repairPreview()).isEqualTo(expected);
    assertThat(db.scalar("select sha256 from sluice.migrations")).isEqualTo(m.sha256()); // a preview changes nothing
    assertThat(migrator().repairAll()).isEqualTo(expected);
    assertThat(db.scalar("select sha256 from sluice.migrations")).isEqualTo(now);
    assertThat(migrator().migrate()).isEmpty();
    assertThat(migrator().repairPreview().isEmpty()).isTrue();
  }

  @Test
  void cancelRollsBackTheRunningMigrationAndStartsNoOther() throws Exception {
    folder.write("fast", "create table fast (id int);", null, null);
    folder.write("slow", "create table slow (id int);\nselect pg_sleep(60);", null, null);
    folder.write("later", "create table later (id int);", null, null);
    Migrator migrator = migrator();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        migrator.migrate();
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    t.start();
    for (int i = 0; i < 600 && db.rows("select 1 from pg_stat_activity where query like '%pg_sleep(60)%'"
        + " and state = 'active' and pid <> pg_backend_pid()").isEmpty(); i++) {
      Thread.sleep(50);
    }
    migrator.cancel();
    t.join(60_000);
    assertThat(t.isAlive()).isFalse();
    assertThat(failure.get()).isInstanceOf(MigrationException.class).hasMessageContaining("0002_slow.sql")
        .hasMessageContaining("57014").hasMessageContaining("the migration was rolled back");
    assertThat(db.rows("select name from sluice.migrations")).containsExactly("0001_fast");
    assertThat(db.tableExists("slow")).isFalse();
    assertThat(db.tableExists("later")).isFalse();
  }
}
