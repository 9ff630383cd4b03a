package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.query.Cursor;
import dev.sluice.query.Dsl;
import dev.sluice.sql.Sql;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import dev.sluice.types.PgTypes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real error always surfaces: a killed backend keeps its SQLSTATE (57P01 or 08xxx) and the
 * statement text, cleanup failures are suppressed, a COMMIT that loses its connection says its outcome
 * is unknown, timeouts keep their SQLSTATE, and an exhausted pool says so with its numbers.
 */
@PgTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ErrorSurfacingLiveTest {
  static Database db;
  static PgTestContext ctx;
  static ExecutorService killer;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    ctx = pg;
    pg.execute("create table surfacing (id int primary key, body text not null)",
        // a deferred constraint trigger that runs (and sleeps) during COMMIT, to kill a backend mid-commit
        "create table slow_commit (id int primary key)",
        "create function slow_commit_check() returns trigger language plpgsql as"
            + " $$ begin perform pg_sleep(30); return null; end $$",
        "create constraint trigger slow_commit_trg after insert on slow_commit deferrable initially deferred"
            + " for each row execute function slow_commit_check()");
    db = Database.connect(pg.jdbcUrl());
    killer = Executors.newSingleThreadExecutor();
  }

  @AfterAll
  static void tearDown() {
    killer.shutdownNow();
    db.close();
  }

  @BeforeEach
  void clean() {
    ctx.execute("truncate surfacing, slow_commit");
  }

  @AfterEach
  void noConnectionLeaks() {
    PoolLeakCheck.assertNoLeaks(db);
  }

  static long count(String table) {
    return db.select(Dsl.field(PgTypes.BIGINT, "(select count(*) from " + table + ")")).fetchOne();
  }

  static void terminate(int pid) throws SQLException {
    try (Connection c = ctx.connect(); Statement st = c.createStatement()) {
      st.execute("select pg_terminate_backend(" + pid + ", 10000)");
    }
  }

  /** Waits (bounded) until backend {@code pid} runs a statement containing {@code text}, then terminates it. */
  static Future<?> terminateWhenRunning(int pid, String text) {
    return killer.submit(() -> {
      try (Connection c = ctx.connect(); Statement st = c.createStatement()) {
        for (int i = 0; i < 200; i++) {
          try (ResultSet rs = st.executeQuery("select count(*) from pg_stat_activity where pid = " + pid
              + " and state = 'active' and query like '%" + text + "%'")) {
            rs.next();
            if (rs.getInt(1) > 0) break;
          }
          Thread.sleep(25);
        }
        st.execute("select pg_terminate_backend(" + pid + ", 10000)");
      }
      return null;
    });
  }

  static int backendPid(Transaction tx) {
    return tx.select(Dsl.field(PgTypes.INTEGER, "pg_backend_pid()")).fetchOne();
  }

  static void assertConnectionLostWithStatement(Throwable e, String statement) {
    assertThat(e).isInstanceOf(DataAccessException.class);
    DataAccessException d = (DataAccessException) e;
    System.out.println("killed backend surfaced as " + d.getClass().getSimpleName() + " [" + d.sqlState() + "] "
        + d.getMessage().replace('\n', ' ') + "; suppressed: " + java.util.Arrays.stream(d.getSuppressed())
        .map(s -> s.getMessage().replace('\n', ' ')).toList());
    assertThat(d.sqlState()).as(d.getMessage()).matches("57P01|08\\d\\d\\d");
    assertThat(d.isTransient()).isTrue();
    assertThat(d.getMessage()).contains("statement: " + statement).doesNotStartWith("Connection is closed");
  }

  @Test
  void aBackendKilledBetweenStatementsSurfaces57P01AndTheStatementNotConnectionIsClosed() {
    assertThatThrownBy(() -> db.transaction(tx -> {
      tx.executor().execute(Sql.sql("insert into surfacing values (1, 'a')").render());
      terminate(backendPid(tx));
      tx.executor().execute(Sql.sql("insert into surfacing values (2, 'b')").render());
      return null;
    })).satisfies(e -> assertConnectionLostWithStatement(e, "insert into surfacing values (2, 'b')"))
        // rolling back and restoring autocommit on the dead connection failed: kept as suppressed, not thrown
        .satisfies(e -> assertThat(e.getSuppressed()).isNotEmpty()
            .allSatisfy(s -> assertThat(s.getMessage()).contains("(cleanup)")));
    assertThat(count("surfacing")).isZero();
    db.inTransaction(tx -> tx.executor().execute(Sql.sql("insert into surfacing values (3, 'c')").render()));
    assertThat(count("surfacing")).isEqualTo(1);
  }

  @Test
  void aBackendKilledDuringAStatementSurfaces57P01AndTheStatement() throws Exception {
    AtomicInteger pid = new AtomicInteger();
    Future<?>[] kill = new Future<?>[1];
    assertThatThrownBy(() -> db.transaction(tx -> {
      pid.set(backendPid(tx));
      kill[0] = terminateWhenRunning(pid.get(), "pg_sleep(20)");
      tx.executeSql("select pg_sleep(20)");
      return null;
    })).satisfies(e -> assertConnectionLostWithStatement(e, "select pg_sleep(20)"));
    kill[0].get(20, TimeUnit.SECONDS);
  }

  @Test
  void aBackendKilledDuringAnAutocommitStatementSurfaces57P01AndThePoolReplacesIt() throws Exception {
    try (Database one = Database.connect(ctx.jdbcUrl(), c -> c.setMaximumPoolSize(1))) {
      int pid = one.select(Dsl.field(PgTypes.INTEGER, "pg_backend_pid()")).fetchOne();
      Future<?> kill = terminateWhenRunning(pid, "pg_sleep(19)");
      assertThatThrownBy(() -> one.select(Dsl.field(PgTypes.INTEGER, "(select 1 from pg_sleep(19))")).fetchOne())
          .satisfies(e -> assertConnectionLostWithStatement(e, "SELECT (select 1 from pg_sleep(19))"));
      kill.get(20, TimeUnit.SECONDS);
      assertThat(one.select(Dsl.field(PgTypes.INTEGER, "1")).fetchOne()).isEqualTo(1);
    }
  }

  @Test
  void aCommitThatLosesItsConnectionIsReportedAsOutcomeUnknownAndNotRetried() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    Future<?>[] kill = new Future<?>[1];
    assertThatThrownBy(() -> db.retrying(3, TransactionOptions.DEFAULT, tx -> {
      attempts.incrementAndGet();
      tx.executeSql("insert into slow_commit values (1)");
      kill[0] = terminateWhenRunning(backendPid(tx), "COMMIT");
      return null;
    })).isInstanceOf(CommitOutcomeUnknownException.class)
        .hasMessageContaining("may or may not have committed")
        .satisfies(e -> {
          DataAccessException d = (DataAccessException) e;
          assertThat(d.sqlState()).matches("57P01|08\\d\\d\\d");
          assertThat(d.isTransient()).isFalse();
        });
    kill[0].get(20, TimeUnit.SECONDS);
    assertThat(attempts.get()).as("an unknown commit outcome is never retried").isEqualTo(1);
  }

  @Test
  void retryingRetriesATransactionWhoseBackendWasKilledBeforeCommit() {
    AtomicInteger attempts = new AtomicInteger();
    String result = db.retrying(3, TransactionOptions.DEFAULT, tx -> {
      tx.executor().execute(Sql.sql("insert into surfacing values (1, {})", "attempt " + attempts.incrementAndGet()).render());
      if (attempts.get() == 1) tx.executeSql("select pg_terminate_backend(pg_backend_pid())");
      return "done";
    });
    assertThat(result).isEqualTo("done");
    assertThat(attempts.get()).isEqualTo(2);
    assertThat(db.select(Dsl.field(PgTypes.TEXT, "(select string_agg(body, ',') from surfacing)")).fetchOne())
        .isEqualTo("attempt 2");
  }

  @Test
  void aStatementTimeoutSurfacesAs57014WithTheStatement() {
    assertThatThrownBy(() -> db.inTransaction(tx -> {
      tx.executeSql("set local statement_timeout = '100ms'");
      tx.executeSql("select pg_sleep(5)");
    })).isInstanceOfSatisfying(DataAccessException.class, e -> {
      assertThat(e.sqlState()).isEqualTo("57014");
      assertThat(e.isTransient()).isFalse();
      assertThat(e.getMessage()).contains("statement timeout").contains("statement: select pg_sleep(5)");
    });
  }

  @Test
  void aLockTimeoutSurfacesAs55P03WithTheStatement() throws Exception {
    try (Connection holder = ctx.connect()) {
      holder.setAutoCommit(false);
      try (Statement st = holder.createStatement()) {
        st.execute("lock table surfacing in access exclusive mode");
      }
      assertThatThrownBy(() -> db.inTransaction(tx -> {
        tx.executeSql("set local lock_timeout = '100ms'");
        tx.executeSql("insert into surfacing values (1, 'blocked')");
      })).isInstanceOfSatisfying(DataAccessException.class, e -> {
        assertThat(e.sqlState()).isEqualTo("55P03");
        assertThat(e.getMessage()).contains("lock timeout").contains("statement: insert into surfacing");
      });
      holder.rollback();
    }
  }

  @Test
  void anExhaustedPoolGivesPoolTimeoutExceptionWithItsNumbersAndTheSetting() throws Exception {
    try (Database small = Database.connect(ctx.jdbcUrl(), c -> {
      c.setMaximumPoolSize(2);
      c.setConnectionTimeout(250);
    })) {
      Cursor<Integer> a = small.executor().cursor(Sql.sql("select g from generate_series(1, 10) g").render(), rs -> rs.getInt(1), 1);
      Cursor<Integer> b = small.executor().cursor(Sql.sql("select g from generate_series(1, 10) g").render(), rs -> rs.getInt(1), 1);
      try (a; b) {
        assertThatThrownBy(() -> small.select(Dsl.field(PgTypes.INTEGER, "1")).fetchOne())
            .isInstanceOfSatisfying(PoolTimeoutException.class, e -> {
              assertThat(e.isTransient()).isTrue();
              assertThat(e.activeConnections()).isEqualTo(2);
              assertThat(e.idleConnections()).isZero();
              assertThat(e.maximumPoolSize()).isEqualTo(2);
              assertThat(e.connectionTimeoutMillis()).isEqualTo(250);
              assertThat(e.getMessage()).contains("active 2, idle 0").contains("maximumPoolSize 2")
                  .contains("connectionTimeout of 250 ms").contains("setMaximumPoolSize");
            });
        assertThatThrownBy(() -> small.transaction(tx -> 1)).isInstanceOf(PoolTimeoutException.class);
      }
      assertThat(small.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections()).isZero();
      assertThat(small.select(Dsl.field(PgTypes.INTEGER, "1")).fetchOne()).isEqualTo(1);
    }
  }
}
