package dev.sluice.kit.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.test.PgTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@PgTest
class MigratorCrashTest {
  @TempDir Path dir;

  /**
   * A migrator process killed (SIGKILL) while a migration runs: its transaction is rolled back, its
   * advisory lock goes with its session, and the next run applies the migration cleanly.
   * The slow statement sleeps 30 s only in the process to be killed (it sets the setting
   * sluice_test.sleep_seconds through the connection's options), so the re-run is quick.
   */
  @Test
  void aMigratorKilledMidMigrationLeavesConsistentHistoryAndNoLock() throws Exception {
    MigrationFolder folder = MigrationFolder.of(dir);
    folder.write("base", "create table base (id int);", null, null);
    folder.write("slow", "create table slow (id int);\ninsert into slow values (1);\n"
        + "select pg_sleep(coalesce(nullif(current_setting('sluice_test.sleep_seconds', true), ''), '0')::float8);\n"
        + "insert into slow values (2);", null, null);
    folder.write("after", "create table after_slow (id int);", null, null);

    try (LiveDb db = new LiveDb("mig_crash")) {
      Path log = dir.resolveSibling(dir.getFileName() + "-child.log");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          CrashingMigratorMain.class.getName(), db.url + "&options=-c%20sluice_test.sleep_seconds%3D30", dir.toString())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        await("the child to be sleeping inside 0002_slow.sql", Duration.ofSeconds(60), () -> !child.isAlive()
            || "1".equals(db.scalar("select count(*) from pg_stat_activity where datname = current_database()"
                + " and state = 'active' and query like 'select pg_sleep%'")));
        assertThat(child.isAlive()).as("child still running; its output: %s", read(log)).isTrue();
        assertThat(db.rows("select version from sluice.migrations")).containsExactly("1");
        assertThat(db.scalar("select count(*) from pg_locks where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())")).isEqualTo("1");
      } finally {
        child.destroyForcibly();
        child.waitFor();
      }

      // the server notices the dead client: the lock session ends at once, the sleeping statement
      // within client_connection_check_interval (1 s) instead of running its 30 s
      await("the killed migrator's sessions to end", Duration.ofSeconds(20), () ->
          "0".equals(db.scalar("select count(*) from pg_stat_activity where datname = current_database()"
              + " and application_name = 'sluice migrate'")));
      assertThat(db.scalar("select count(*) from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())")).isEqualTo("0");
      assertThat(db.rows("select version, success from sluice.migrations")).containsExactly("1|t");
      assertThat(db.tableExists("slow")).isFalse();

      long start = System.nanoTime();
      Migrator migrator = Migrator.connect(db.url, folder)
          .withOptions(MigratorOptions.DEFAULTS.withLockWaitTimeout(Duration.ofSeconds(5)));
      assertThat(migrator.migrate()).extracting(Migration::version).containsExactly(2, 3);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      assertThat(db.rows("select id from slow order by id")).containsExactly("1", "2");
      assertThat(db.rows("select version, success from sluice.migrations order by version"))
          .containsExactly("1|t", "2|t", "3|t");
    }
  }

  /**
   * A migrator process killed (SIGKILL) while its {@code CREATE INDEX CONCURRENTLY} waits for a writer
   * (a transaction of the test holding a row lock on the table): the server ends the statement when it
   * sees the client gone, the index stays INVALID, the migration stays recorded as failed, and the
   * re-run refuses, naming the INVALID index and the statement that drops it. After the fix (drop,
   * repair) the migration runs again and the index is valid.
   */
  @Test
  void aMigratorKilledDuringCreateIndexConcurrentlyLeavesTheMigrationFailedAndNamesTheInvalidIndex() throws Exception {
    killDuringConcurrentIndex("create index concurrently items_v on items (v);", false);
  }

  /**
   * The same with {@code IF NOT EXISTS}: repairing without dropping the INVALID index is not enough,
   * because the re-run's {@code CREATE INDEX CONCURRENTLY IF NOT EXISTS} would silently accept it; the
   * migrator refuses before running it, naming the index and the fix.
   */
  @Test
  void aKilledCreateIndexConcurrentlyIfNotExistsIsNotAcceptedOnReRun() throws Exception {
    killDuringConcurrentIndex("create index concurrently if not exists items_v on items (v);", true);
  }

  private void killDuringConcurrentIndex(String createIndex, boolean ifNotExists) throws Exception {
    MigrationFolder folder = MigrationFolder.of(dir);
    folder.write("items", "create table items (id int primary key, v int);\n"
        + "insert into items select g, g % 100 from generate_series(1, 1000) g;", null, null);
    folder.write("items_v", createIndex, null, null);

    try (LiveDb db = new LiveDb(ifNotExists ? "mig_cic_ine" : "mig_cic")) {
      Migrator migrator = Migrator.connect(db.url, folder)
          .withOptions(MigratorOptions.DEFAULTS.withLockWaitTimeout(Duration.ofSeconds(5)));
      assertThat(migrator.migrate(1)).extracting(Migration::version).containsExactly(1);

      Path log = dir.resolveSibling(dir.getFileName() + "-cic-child.log");
      try (Connection writer = db.connect()) {
        writer.setAutoCommit(false);
        try (Statement st = writer.createStatement()) {
          st.execute("update items set v = v where id = 1"); // a writer CREATE INDEX CONCURRENTLY must wait for
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            CrashingMigratorMain.class.getName(), db.url, dir.toString(), "60000")
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
          await("the child's CREATE INDEX CONCURRENTLY to wait for the writer", Duration.ofSeconds(60), () -> !child.isAlive()
              || "1".equals(db.scalar("select count(*) from pg_stat_activity where datname = current_database()"
                  + " and state = 'active' and wait_event_type = 'Lock' and query ilike 'create index concurrently%'")));
          assertThat(child.isAlive()).as("child still running; its output: %s", read(log)).isTrue();
          assertThat(db.rows("select indisvalid from pg_index where indexrelid = 'items_v'::regclass")).containsExactly("f");
        } finally {
          child.destroyForcibly();
          child.waitFor();
        }
        // the server notices the dead client within client_connection_check_interval (1 s) and ends the
        // waiting statement; the writer is still open, so the index cannot have been completed
        await("the killed migrator's sessions to end", Duration.ofSeconds(20), () ->
            "0".equals(db.scalar("select count(*) from pg_stat_activity where datname = current_database()"
                + " and application_name = 'sluice migrate'")));
        writer.rollback();
      }
      assertThat(db.rows("select indisvalid from pg_index where indexrelid = 'items_v'::regclass")).containsExactly("f");
      assertThat(db.rows("select version, success from sluice.migrations order by 1")).containsExactly("1|t", "2|f");

      assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationException.class)
          .hasMessageContaining("0002_items_v.sql")
          .hasMessageContaining("INVALID index public.items_v on public.items")
          .hasMessageContaining("DROP INDEX CONCURRENTLY public.items_v;")
          .hasMessageContaining("sluice repair");

      if (ifNotExists) {
        assertThat(migrator.repair()).isEqualTo(1); // repaired, but the INVALID index is still there
        assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationException.class)
            .hasMessageContaining("0002_items_v.sql was not run")
            .hasMessageContaining("IF NOT EXISTS items_v would accept the existing INVALID index public.items_v")
            .hasMessageContaining("DROP INDEX CONCURRENTLY public.items_v;");
        assertThat(db.rows("select version, success from sluice.migrations order by 1")).containsExactly("1|t");
        db.execute("drop index concurrently public.items_v");
      } else {
        db.execute("drop index concurrently public.items_v");
        assertThat(migrator.repair()).isEqualTo(1);
      }
      assertThat(migrator.migrate()).extracting(Migration::version).containsExactly(2);
      assertThat(db.rows("select indisvalid from pg_index where indexrelid = 'items_v'::regclass")).containsExactly("t");
      assertThat(db.rows("select version, success from sluice.migrations order by 1")).containsExactly("1|t", "2|t");
    }
  }

  private static void await(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + max + " waiting for " + what);
      Thread.sleep(100);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

}
