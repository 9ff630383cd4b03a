package dev.sluice.kit.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Database;
import dev.sluice.test.PgTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

@PgTest
class MigratorLiveTest {
  @TempDir Path dir;
  LiveDb db;
  MigrationFolder folder;
  Migrator migrator;

  @BeforeEach
  void setUp(TestInfo info) {
    db = new LiveDb("mig_" + info.getTestMethod().orElseThrow().getName());
    folder = MigrationFolder.of(dir);
    migrator = Migrator.connect(db.url, folder);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private void file(String name, String sql) throws Exception {
    Files.writeString(dir.resolve(name), sql);
  }

  @Test
  void appliesPendingMigrationsInOrderOnceAndRecordsHistory() {
    Migration m1 = folder.write("users", "create table users (id int primary key);", "drop table users;", null);
    folder.write("orders", "create table orders (id int primary key, user_id int references users);", "drop table orders;", null);
    folder.write("seed", "insert into users values (1);\ninsert into orders values (10, 1);", "delete from orders; delete from users;", null);

    List<String> events = new java.util.ArrayList<>();
    MigrationListener listener = new MigrationListener() {
      @Override
      public void starting(Migration m, boolean down) {
        events.add((down ? "undo " : "start ") + m.name());
      }

      @Override
      public void finished(Migration m, boolean down, long ms) {
        events.add((down ? "undone " : "done ") + m.name());
      }
    };
    assertThat(migrator.withListener(listener).migrate(2)).extracting(Migration::version).containsExactly(1, 2);
    assertThat(events).containsExactly("start 0001_users", "done 0001_users", "start 0002_orders", "done 0002_orders");
    assertThat(migrator.migrate()).extracting(Migration::version).containsExactly(3);
    assertThat(migrator.migrate()).isEmpty();

    String user = db.scalar("select current_user");
    assertThat(db.rows("select version, name, sha256, applied_by, success, execution_ms >= 0, applied_at <= now()"
        + " from sluice.migrations order by version")).containsExactly(
        "1|0001_users|" + m1.sha256() + "|" + user + "|t|t|t",
        "2|0002_orders|" + folder.migration(2).orElseThrow().sha256() + "|" + user + "|t|t|t",
        "3|0003_seed|" + folder.migration(3).orElseThrow().sha256() + "|" + user + "|t|t|t");
    assertThat(db.scalar("select count(*) from orders")).isEqualTo("1");
    assertThat(migrator.status()).extracting(MigrationStatus::state).containsOnly(MigrationState.APPLIED);
  }

  @Test
  void installedByIsRecordedWhenGiven() {
    folder.write("one", "select 1;", null, null);
    migrator.withOptions(MigratorOptions.DEFAULTS.withInstalledBy("ci-deploy")).migrate();
    assertThat(db.scalar("select applied_by from sluice.migrations")).isEqualTo("ci-deploy");
  }

  @Test
  void aFailingStatementRollsBackItsMigrationAndNamesFileLineAndStatement() {
    folder.write("users", "create table users (id int primary key);", null, null);
    folder.write("bad", "-- a comment\ncreate table a (id int);\n\ninsert into a values (1);\ninsert into a\n  values ('x');\n", null, null);
    folder.write("never", "create table never (id int);", null, null);

    assertThatThrownBy(() -> migrator.migrate()).isInstanceOfSatisfying(MigrationException.class, e -> {
      assertThat(e.file()).isEqualTo("0002_bad.sql");
      assertThat(e.line()).isEqualTo(6); // the statement starts on line 5, the bad value is on line 6
      assertThat(e.statement()).isEqualTo("insert into a\n  values ('x')");
      assertThat(e.sqlState()).isEqualTo("22P02");
      assertThat(e.getMessage())
          .contains("migration 0002_bad.sql failed at line 6: ERROR 22P02: invalid input syntax for type integer")
          .contains("statement (line 5):\n    insert into a\n      values ('x')")
          .contains("rolled back");
    });
    assertThat(db.tableExists("users")).isTrue();
    assertThat(db.tableExists("a")).isFalse();
    assertThat(db.tableExists("never")).isFalse();
    assertThat(db.rows("select version from sluice.migrations")).containsExactly("1");
    assertThat(migrator.status()).extracting(MigrationStatus::state)
        .containsExactly(MigrationState.APPLIED, MigrationState.PENDING, MigrationState.PENDING);
  }

  @Test
  void transactionControlInATransactionalMigrationIsRefusedBeforeRunning() {
    folder.write("tx", "create table t (id int);\ncommit;\n", null, null);
    assertThatThrownBy(() -> migrator.migrate()).isInstanceOf(MigrationException.class)
        .hasMessageContaining("0001_tx.sql line 2: COMMIT in a migration");
    assertThat(db.tableExists("t")).isFalse();
  }

  @Test
  void anAppliedMigrationThatWasEditedIsRefusedBeforeApplyingAnything() throws Exception {
    Migration m1 = folder.write("users", "create table users (id int primary key);", null, null);
    migrator.migrate();
    file("0001_users.sql", "create table users (id bigint primary key);");
    folder.rehash(); // even when the integrity file was updated, history still knows
    folder.write("orders", "create table orders (id int);", null, null);

    assertThatThrownBy(() -> migrator.migrate()).isInstanceOf(MigrationException.class)
        .hasMessageContaining("nothing was applied")
        .hasMessageContaining("0001_users.sql was changed after it was applied")
        .hasMessageContaining("recorded sha256 " + m1.sha256())
        .hasMessageContaining("file now " + folder.migration(1).orElseThrow().sha256());
    assertThat(db.tableExists("orders")).isFalse();
    assertThat(migrator.status()).extracting(MigrationStatus::state)
        .containsExactly(MigrationState.CHANGED, MigrationState.PENDING);
  }

  @Test
  void aFolderThatDoesNotMatchItsIntegrityFileIsRefused() throws Exception {
    folder.write("users", "create table users (id int primary key);", null, null);
    file("0001_users.sql", "create table users (id int primary key, evil text);");
    assertThatThrownBy(() -> migrator.migrate()).isInstanceOf(MigrationFolderException.class)
        .hasMessageContaining("0001_users.sql: changed since sluice.sum was written");
    assertThat(db.tableExists("users")).isFalse();
  }

  @Test
  void aMigrationMergedFromAnotherBranchIsRefusedUnlessOutOfOrderIsAllowed() throws Exception {
    file("0001_base.sql", "create table base (id int);");
    file("0003_mine.sql", "create table mine (id int);");
    folder.rehash();
    migrator.migrate();
    file("0002_theirs.sql", "create table theirs (id int);");
    folder.rehash();

    assertThat(migrator.status()).extracting(s -> s.name() + ":" + s.state()).containsExactly(
        "0001_base:APPLIED", "0002_theirs:OUT_OF_ORDER", "0003_mine:APPLIED");
    assertThatThrownBy(() -> migrator.migrate()).isInstanceOf(MigrationException.class)
        .hasMessageContaining("0002_theirs.sql is pending but version 2 is lower than the highest applied (0003_mine.sql)")
        .hasMessageContaining("allowOutOfOrder");
    assertThat(db.tableExists("theirs")).isFalse();

    assertThat(migrator.withOptions(MigratorOptions.DEFAULTS.withAllowOutOfOrder(true)).migrate())
        .extracting(Migration::name).containsExactly("0002_theirs");
    assertThat(db.tableExists("theirs")).isTrue();
    assertThat(migrator.status()).extracting(MigrationStatus::state).containsOnly(MigrationState.APPLIED);
  }

  @Test
  void baselineAdoptsAnExistingDatabaseWithoutRunningItsMigrations() {
    db.execute("create table users (id int primary key)", "create table orders (id int primary key)");
    folder.write("users", "create table users (id int primary key);", null, null);
    folder.write("orders", "create table orders (id int primary key);", null, null);
    folder.write("items", "create table items (id int primary key);", null, null);

    assertThat(migrator.baseline(2)).extracting(Migration::version).containsExactly(1, 2);
    assertThat(db.rows("select version, execution_ms, success from sluice.migrations order by version"))
        .containsExactly("1|0|t", "2|0|t");
    assertThat(migrator.migrate()).extracting(Migration::version).containsExactly(3);
    assertThatThrownBy(() -> migrator.baseline(3)).isInstanceOf(MigrationException.class)
        .hasMessageContaining("already records 3 migration(s)");
  }

  @Test
  void baselineAtAVersionWithoutAFileIsRefused() {
    folder.write("users", "create table users (id int primary key);", null, null);
    assertThatThrownBy(() -> migrator.baseline(7)).isInstanceOf(MigrationException.class)
        .hasMessageContaining("no migration with that version");
  }

  @Test
  void downUndoesTheLastMigrationsInReverseOrderWithTheirDownFiles() {
    folder.write("users", "create table users (id int primary key);", "drop table users;", null);
    folder.write("orders", "create table orders (id int references users);", "drop table orders;", null);
    folder.write("email", "alter table users add column email text;", "alter table users drop column email;", null);
    migrator.migrate();

    assertThat(migrator.down(2)).extracting(Migration::version).containsExactly(3, 2);
    assertThat(db.tableExists("orders")).isFalse();
    assertThat(db.scalar("select count(*) from information_schema.columns where table_name = 'users'")).isEqualTo("1");
    assertThat(db.rows("select version from sluice.migrations")).containsExactly("1");
    assertThat(migrator.status()).extracting(MigrationStatus::state)
        .containsExactly(MigrationState.APPLIED, MigrationState.PENDING, MigrationState.PENDING);
    assertThat(migrator.migrate()).hasSize(2);
    assertThat(db.tableExists("orders")).isTrue();
  }

  @Test
  void downWithAMissingDownFileChangesNothing() {
    folder.write("users", "create table users (id int primary key);", "drop table users;", null);
    folder.write("orders", "create table orders (id int);", null, null);
    migrator.migrate();
    assertThatThrownBy(() -> migrator.down(2)).isInstanceOf(MigrationException.class)
        .hasMessageContaining("nothing was changed")
        .hasMessageContaining("0002_orders.down.sql: missing");
    assertThat(db.tableExists("orders")).isTrue();
    assertThat(db.rows("select version from sluice.migrations order by 1")).containsExactly("1", "2");
    assertThatThrownBy(() -> migrator.down(3)).hasMessageContaining("only 2 applied");
  }

  @Test
  void statusReportsMissingFilesAndPendingWithoutTakingTheLock() throws Exception {
    assertThat(migrator.status()).isEmpty(); // no history table yet
    folder.write("users", "create table users (id int primary key);", null, null);
    folder.write("gone", "create table gone (id int);", null, null);
    migrator.migrate();
    folder.write("later", "create table later (id int);", null, null);
    Files.delete(dir.resolve("0002_gone.sql"));
    file("0003_later.sql", Files.readString(dir.resolve("0003_later.sql"))); // unchanged
    folder.rehash();
    List<MigrationStatus> status = migrator.status();
    assertThat(status).extracting(s -> s.version() + ":" + s.name() + ":" + s.state()).containsExactly(
        "1:0001_users:APPLIED", "2:0002_gone:MISSING_FILE", "3:0003_later:PENDING");
    assertThat(status.get(0).appliedAt()).isNotNull();
    assertThat(status.get(2).appliedAt()).isNull();
    assertThatThrownBy(() -> migrator.migrate()).hasMessageContaining("0002_gone.sql (version 2) was applied")
        .hasMessageContaining("missing");
  }

  @Test
  void createIndexConcurrentlyRunsOutsideATransaction() {
    folder.write("users", "create table users (id int primary key, email text);\ninsert into users select g, 'u' || g from generate_series(1, 1000) g;", null, null);
    Migration idx = folder.write("email_idx", "create index concurrently users_email on users (email);\n"
        + "create unique index concurrently users_email_id on users (email, id);", "drop index concurrently users_email;", null);
    assertThat(idx.noTransaction()).isTrue();

    migrator.migrate();
    assertThat(db.rows("select indexrelid::regclass::text, indisvalid from pg_index where indrelid = 'users'::regclass"
        + " and not indisprimary order by 1")).containsExactly("users_email|t", "users_email_id|t");
    assertThat(db.rows("select version, success from sluice.migrations order by 1")).containsExactly("1|t", "2|t");

    // its down file (DROP INDEX CONCURRENTLY) runs outside a transaction too
    assertThat(migrator.down(1)).extracting(Migration::version).containsExactly(2);
    assertThat(db.rows("select indexrelid::regclass::text from pg_index where indrelid = 'users'::regclass"
        + " and not indisprimary order by 1")).containsExactly("users_email_id");
    assertThat(db.rows("select version from sluice.migrations")).containsExactly("1");
  }

  @Test
  void statementTimeoutStopsASlowStatementWhenConfigured() {
    folder.write("slow", "create table t (id int);\nselect pg_sleep(3);", null, null);
    assertThatThrownBy(() -> migrator.withOptions(MigratorOptions.DEFAULTS.withStatementTimeout(Duration.ofMillis(200))).migrate())
        .isInstanceOfSatisfying(MigrationException.class, e -> {
          assertThat(e.sqlState()).isEqualTo("57014");
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.getMessage()).contains("statement_timeout expired");
        });
    assertThat(db.tableExists("t")).isFalse();
  }

  @Test
  void aFailedNoTransactionMigrationIsRecordedAndRefusedUntilRepaired() throws Exception {
    folder.write("users", "create table users (id int primary key, email text);\ninsert into users values (1, 'a'), (2, 'a');", null, null);
    folder.write("email_idx", "create table side_effect (id int);\ncreate unique index concurrently users_email on users (email);", null, null);

    assertThatThrownBy(() -> migrator.migrate()).isInstanceOfSatisfying(MigrationException.class, e -> {
      assertThat(e.file()).isEqualTo("0002_email_idx.sql");
      assertThat(e.line()).isEqualTo(4); // write() put the no-transaction marker and a comment line on top
      assertThat(e.sqlState()).isEqualTo("23505");
      assertThat(e.getMessage()).contains("ran outside a transaction").contains("repair")
          .contains("it left:\n  INVALID index public.users_email on public.users; fix: DROP INDEX CONCURRENTLY public.users_email;");
    });
    assertThat(db.tableExists("side_effect")).isTrue(); // autocommitted before the failure
    assertThat(db.rows("select version, success from sluice.migrations order by 1")).containsExactly("1|t", "2|f");
    assertThat(migrator.status().get(1).state()).isEqualTo(MigrationState.FAILED);
    assertThatThrownBy(() -> migrator.migrate()).hasMessageContaining("0002_email_idx.sql").hasMessageContaining("sluice repair")
        .hasMessageContaining("INVALID index public.users_email on public.users; fix: DROP INDEX CONCURRENTLY public.users_email;");

    // fix by hand: undo the partial work, including the INVALID index left behind, and the data
    db.execute("drop table side_effect", "drop index users_email", "update users set email = 'b' where id = 2");
    assertThat(migrator.repair()).isEqualTo(1);
    assertThat(migrator.migrate()).extracting(Migration::version).containsExactly(2);
    assertThat(db.rows("select version, success from sluice.migrations order by 1")).containsExactly("1|t", "2|t");
  }

  @Test
  void aConcurrentIndexIfNotExistsOverAnInvalidIndexIsRefusedBeforeRunning() {
    db.execute("create table t (id int primary key, v int)", "insert into t values (1, 1), (2, 1)");
    try {
      db.execute("create unique index concurrently t_v on t (v)"); // fails on the duplicate, leaves t_v INVALID
    } catch (IllegalStateException expected) {
      assertThat(expected).hasMessageContaining("t_v");
    }
    folder.write("t_v", "create index concurrently if not exists t_v on t (v);", null, null);
    assertThatThrownBy(() -> migrator.migrate()).isInstanceOf(MigrationException.class)
        .hasMessageContaining("0001_t_v.sql was not run")
        .hasMessageContaining("IF NOT EXISTS t_v would accept the existing INVALID index public.t_v on public.t;"
            + " fix: DROP INDEX CONCURRENTLY public.t_v;");
    assertThat(db.rows("select count(*) from sluice.migrations")).containsExactly("0");
    assertThat(db.rows("select indisvalid from pg_index where indexrelid = 't_v'::regclass")).containsExactly("f");
  }

  @Test
  void aMigrationThatDropsTheInvalidIndexBeforeRecreatingItIsAccepted() {
    db.execute("create table t (id int primary key, v int)", "insert into t values (1, 1), (2, 1)");
    try {
      db.execute("create unique index concurrently t_v on t (v)");
    } catch (IllegalStateException expected) {
      // leaves t_v INVALID
    }
    folder.write("t_v", "drop index concurrently if exists t_v;\ncreate index concurrently if not exists t_v on t (v);", null, null);
    assertThat(migrator.migrate()).extracting(Migration::version).containsExactly(1);
    assertThat(db.rows("select indisvalid from pg_index where indexrelid = 't_v'::regclass")).containsExactly("t");
  }

  @Test
  void anInvalidIndexStillThereAfterANoTransactionMigrationLeavesItFailed() {
    db.execute("create schema other", "create table t (id int primary key, v int)", "insert into t values (1, 1), (2, 1)");
    try {
      db.execute("create unique index concurrently t_v on t (v)");
    } catch (IllegalStateException expected) {
      // leaves public.t_v INVALID
    }
    // drops another schema's t_v (so the check before running lets it through), then IF NOT EXISTS skips public.t_v
    folder.write("t_v", "drop index concurrently if exists other.t_v;\ncreate index concurrently if not exists t_v on public.t (v);",
        null, null);
    assertThatThrownBy(() -> migrator.migrate()).isInstanceOf(MigrationException.class)
        .hasMessageContaining("0001_t_v.sql ran outside a transaction and left INVALID index(es)")
        .hasMessageContaining("INVALID index public.t_v on public.t; fix: DROP INDEX CONCURRENTLY public.t_v;")
        .hasMessageContaining("sluice repair");
    assertThat(db.rows("select version, success from sluice.migrations")).containsExactly("1|f");
  }

  @Test
  void aMigrationThatEndsItsOwnTransactionIsRefusedAndNeverRecorded() {
    for (String control : List.of("abort", "commit and chain", "rollback and chain", "begin isolation level serializable",
        "end", "/* c */ commit", "prepare transaction 'x'")) {
      MigrationFolder f = MigrationFolder.of(dir.resolve(control.replaceAll("[^a-z]", "_")));
      f.write("tx", "create table t (id int);\n" + control + ";\ncreate table u (id int);", null, null);
      assertThatThrownBy(() -> Migrator.connect(db.url, f).migrate()).as(control).isInstanceOf(MigrationException.class)
          .hasMessageContaining("in a migration; sluice runs each migration in its own transaction");
      assertThat(db.tableExists("t")).as(control).isFalse();
      assertThat(db.rows("select count(*) from sluice.migrations")).as(control).containsExactly("0");
    }
  }

  @Test
  void aRollbackToASavepointStaysInTheMigrationsTransaction() {
    folder.write("sp", "create table t (id int);\nsavepoint s;\ncreate table u (id int);\nrollback to savepoint s;\n"
        + "insert into t values (1);", null, null);
    assertThat(migrator.migrate()).extracting(Migration::version).containsExactly(1);
    assertThat(db.tableExists("t")).isTrue();
    assertThat(db.tableExists("u")).isFalse();
    assertThat(db.rows("select version, success from sluice.migrations")).containsExactly("1|t");
  }

  @Test
  void anErrorCaughtInsideADoBlockDoesNotFailTheMigration() {
    folder.write("do", "create table t (id int primary key);\ninsert into t values (1);\n"
        + "do $$ begin insert into t values (1); exception when unique_violation then null; end $$;\n"
        + "insert into t values (2);", null, null);
    assertThat(migrator.migrate()).extracting(Migration::version).containsExactly(1);
    assertThat(db.rows("select id from t order by id")).containsExactly("1", "2");
    assertThat(db.rows("select version, success from sluice.migrations")).containsExactly("1|t");
  }

  @Test
  void anEnumValueAddedInOneMigrationCanBeUsedInALaterOneOfTheSameRun() {
    folder.write("mood", "create type mood as enum ('sad', 'ok');\ncreate table person (name text, mood mood);", null, null);
    folder.write("happy", "alter type mood add value 'happy' after 'ok';", null, null);
    folder.write("use_happy", "insert into person values ('ann', 'happy');\nalter table person alter column mood set default 'happy';", null, null);
    assertThat(migrator.migrate()).hasSize(3);
    assertThat(db.rows("select name, mood from person")).containsExactly("ann|happy");
  }

  @Test
  void anEnumValueUsedInTheFileThatAddsItExplainsTheFix() {
    folder.write("mood", "create type mood as enum ('sad', 'ok');\ncreate table person (name text, mood mood);", null, null);
    folder.write("happy", "alter type mood add value 'happy';\ninsert into person values ('ann', 'happy');", null, null);
    assertThatThrownBy(() -> migrator.migrate()).isInstanceOfSatisfying(MigrationException.class, e -> {
      assertThat(e.sqlState()).isEqualTo("55P04");
      assertThat(e.getMessage()).contains("use it in a later migration").contains(Migration.NO_TRANSACTION_MARKER);
    });
    assertThat(db.scalar("select count(*) from pg_enum")).isEqualTo("2"); // rolled back

    folder.removeLast();
    folder.write("happy", Migration.NO_TRANSACTION_MARKER + "\nalter type mood add value 'happy';\ninsert into person values ('ann', 'happy');", null, null);
    migrator.migrate();
    assertThat(db.rows("select name, mood from person")).containsExactly("ann|happy");
  }

  @Test
  void lockTimeoutStopsAMigrationThatWaitsForABusyTable() throws Exception {
    folder.write("t", "create table t (id int);", null, null);
    migrator.migrate();
    folder.write("alter_t", "alter table t add column name text;", null, null);
    try (Connection busy = db.connect()) {
      busy.setAutoCommit(false);
      busy.createStatement().execute("select * from t"); // holds ACCESS SHARE until rollback
      long start = System.nanoTime();
      assertThatThrownBy(() -> migrator.withOptions(MigratorOptions.DEFAULTS.withLockTimeout(Duration.ofMillis(300))).migrate())
          .isInstanceOfSatisfying(MigrationException.class, e -> {
            assertThat(e.sqlState()).isEqualTo("55P03");
            assertThat(e.getMessage()).contains("0002_alter_t.sql").contains("lock_timeout (300ms) expired");
          });
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      busy.rollback();
    }
    assertThat(migrator.migrate()).hasSize(1);
  }

  /**
   * pgjdbc server-prepares a statement after 5 executions; a migration that changes the row type of
   * {@code select *} then makes its next execution fail with "cached plan must not change result type".
   * In autocommit pgjdbc re-prepares and retries by itself; inside a transaction it can only do so with
   * autosave=conservative (a savepoint before each statement), which Database.connect sets.
   */
  @Test
  void anApplicationPoolKeepsWorkingWhenAMigrationChangesATableItsPreparedStatementsRead() throws Exception {
    db.execute("create table t (id int)", "insert into t values (1)");
    try (Database app = Database.connect(db.url, c -> c.setMaximumPoolSize(1))) {
      for (int i = 0; i < 8; i++) assertThat(selectAll(app.dataSource().getConnection(), i % 2 == 0)).isEqualTo(1);
      folder.write("add_name", "alter table t add column name text default 'x';", null, null);
      migrator.migrate();
      assertThat(selectAll(app.dataSource().getConnection(), true)).isEqualTo(2);
      folder.write("add_more", "alter table t add column more text default 'y';", null, null);
      migrator.migrate();
      assertThat(selectAll(app.dataSource().getConnection(), false)).isEqualTo(3);
      assertThat(selectAll(app.dataSource().getConnection(), true)).isEqualTo(3);
    }
  }

  @Test
  void withoutAutosaveTheSameSequenceFailsInATransactionWhichIsWhatTheSettingIsFor() throws Exception {
    db.execute("create table t (id int)", "insert into t values (1)");
    try (Connection plain = db.connect()) {
      plain.setAutoCommit(false);
      for (int i = 0; i < 8; i++) assertThat(selectAllKeepOpen(plain)).isEqualTo(1);
      plain.commit();
      folder.write("add_name", "alter table t add column name text default 'x';", null, null);
      migrator.migrate();
      assertThatThrownBy(() -> selectAllKeepOpen(plain)).isInstanceOf(SQLException.class)
          .hasMessageContaining("cached plan must not change result type");
      plain.rollback();
    }
  }

  private static int selectAll(Connection c, boolean inTransaction) throws SQLException {
    try (c) {
      c.setAutoCommit(!inTransaction);
      int n = selectAllKeepOpen(c);
      if (inTransaction) c.commit();
      return n;
    }
  }

  private static int selectAllKeepOpen(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select * from t"); ResultSet rs = ps.executeQuery()) {
      assertThat(rs.next()).isTrue();
      return rs.getMetaData().getColumnCount();
    }
  }
}
