package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.query.Cursor;
import dev.sluice.query.Dsl;
import dev.sluice.query.Row;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import dev.sluice.types.PgTypes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Leaks are caught: a cursor or stream that is never closed would hold its pooled connection
 * {@code idle in transaction} forever; once it is garbage collected its transaction is rolled back,
 * the connection goes back to the pool and a WARN names the SQL with the stack trace of the code that
 * opened it. HikariCP's own leak detection is reachable through the connect options. slf4j-simple
 * writes to System.err, which the test captures.
 */
@PgTest
@Isolated
class CursorLeakLiveTest {
  static final class Leaky extends dev.sluice.schema.Table<Leaky> {
    static final Leaky L = new Leaky();
    final dev.sluice.schema.Column<Integer> n = column("n", PgTypes.INTEGER);

    private Leaky() {
      super("leaky");
    }
  }

  static final Leaky L = Leaky.L;
  static Database db;
  static PgTestContext ctx;
  final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  PrintStream originalErr;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    ctx = pg;
    pg.execute("create table leaky as select g as n from generate_series(1, 1000) g");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @BeforeEach
  void captureStderr() {
    originalErr = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(originalErr);
    System.err.print(log());
  }

  String log() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  /** Opens a cursor, reads one row and drops it without closing it. */
  static void openACursorAndForgetIt() {
    Cursor<Row> cursor = db.select(L.n).from(L)
        .fetchLazy(10);
    cursor.next();
  }

  /** Opens a stream, reads one element and drops it without closing it. */
  static void openAStreamAndForgetIt() {
    Stream<Row> stream = db.select(L.n).from(L)
        .fetchLazy(10).stream();
    stream.iterator().next();
  }

  static long idleInTransaction() throws Exception {
    try (Connection c = ctx.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from pg_stat_activity where datname = current_database()"
            + " and state = 'idle in transaction'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Collects garbage until the pool has no borrowed connection, in a bounded loop. */
  static void gcUntilNoActiveConnection() throws InterruptedException {
    for (int i = 0; i < 200 && PoolLeakCheck.activeConnections(db) != 0; i++) {
      System.gc();
      Thread.sleep(50);
    }
  }

  @Test
  void aCursorNeverClosedIsReleasedAfterGcAndLoggedWithWhereItWasOpened() throws Exception {
    openACursorAndForgetIt();
    assertThat(PoolLeakCheck.activeConnections(db)).isEqualTo(1);
    assertThat(idleInTransaction()).as("the leaked cursor holds a session idle in transaction").isEqualTo(1);
    gcUntilNoActiveConnection();
    assertThat(PoolLeakCheck.activeConnections(db)).as("the leaked cursor's connection is back in the pool").isZero();
    assertThat(idleInTransaction()).as("its transaction was rolled back").isZero();
    assertThat(log()).contains("WARN dev.sluice.leak - a cursor was never closed")
        .contains("FROM leaky")
        .contains("the cursor was opened here")
        .contains("openACursorAndForgetIt");
    assertThat(db.select(Dsl.field(PgTypes.BIGINT, "(select count(*) from leaky)")).fetchOne()).isEqualTo(1000);
  }

  @Test
  void aStreamNeverClosedIsReleasedAfterGc() throws Exception {
    openAStreamAndForgetIt();
    assertThat(PoolLeakCheck.activeConnections(db)).isEqualTo(1);
    gcUntilNoActiveConnection();
    assertThat(PoolLeakCheck.activeConnections(db)).isZero();
    assertThat(log()).contains("a cursor was never closed").contains("openAStreamAndForgetIt");
  }

  @Test
  void aClosedOrFullyReadCursorIsNotReportedAsALeak() throws Exception {
    try (Cursor<Row> c = db.select(L.n).from(L).fetchLazy(10)) {
      c.next();
    }
    Cursor<Row> all = db.select(L.n).from(L).fetchLazy(100);
    int n = 0;
    while (all.hasNext()) {
      all.next();
      n++;
    }
    assertThat(n).isEqualTo(1000);
    all = null;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(PoolLeakCheck.activeConnections(db)).isZero();
    assertThat(log()).doesNotContain("never closed");
  }

  @Test
  void hikariLeakDetectionThresholdIsSetThroughTheConnectOptions() throws Exception {
    try (Database watched = Database.connect(ctx.jdbcUrl(), c -> c.setLeakDetectionThreshold(2000))) {
      assertThat(watched.dataSource().unwrap(HikariDataSource.class).getLeakDetectionThreshold()).isEqualTo(2000);
      try (Cursor<Row> held = watched.select(L.n).from(L)
          .fetchLazy(10)) {
        held.next();
        for (int i = 0; i < 100 && !log().contains("Connection leak detection triggered"); i++) Thread.sleep(100);
      }
      assertThat(log()).contains("Connection leak detection triggered");
    }
  }
}
