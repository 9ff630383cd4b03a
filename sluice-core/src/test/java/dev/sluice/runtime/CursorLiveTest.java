package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.query.Cursor;
import dev.sluice.query.Dsl;
import dev.sluice.query.Field;
import dev.sluice.query.Row;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.sql.Sql;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import dev.sluice.types.PgTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PgTest
class CursorLiveTest {
  static final int ROWS = 1_000_000;

  /** A million rows, each with ~100 bytes of text: fully buffered they would take well over 100 MB of heap. */
  static final class Big extends Table<Big> {
    static final Big BIG = new Big();
    final Column<Integer> n = column("n", PgTypes.INTEGER);
    final Column<String> pad = column("pad", PgTypes.TEXT);

    private Big() {
      super("big");
    }
  }

  static Database db;
  static PgTestContext ctx;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    ctx = pg;
    pg.execute("create table big as select g as n, repeat('x', 100) as pad from generate_series(1, " + ROWS + ") g",
        "create table marks (id int primary key)");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @AfterEach
  void noConnectionLeaks() {
    PoolLeakCheck.assertNoLeaks(db);
  }

  static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }

  @Test
  void streamsAMillionRowsInBatchesInConstantMemory() {
    Big b = Big.BIG;
    long before = usedHeapAfterGc();
    long sum = 0;
    long rows = 0;
    long peakGrowth = 0;
    try (Cursor<Row> cursor = db.select(b.n, b.pad).from(b).orderBy(b.n).fetchLazy(1_000)) {
      while (cursor.hasNext()) {
        Row r = cursor.next();
        sum += r.get(b.n);
        rows++;
        if (rows == 10) {
          // after the first rows the server still holds the portal: the statement is suspended mid-result
          assertThat(otherSessionState()).isEqualTo("idle in transaction");
          assertThat(PoolLeakCheck.activeConnections(db)).isEqualTo(1);
        }
        if (rows % 250_000 == 0) peakGrowth = Math.max(peakGrowth, usedHeapAfterGc() - before);
      }
    }
    assertThat(rows).isEqualTo(ROWS);
    assertThat(sum).isEqualTo((long) ROWS * (ROWS + 1) / 2);
    // fully buffered: >= 1M x (row array + 100-char string) > 150 MB; streamed: a few batches of 1,000 rows
    assertThat(peakGrowth).as("heap growth while streaming (bytes)").isLessThan(40L * 1024 * 1024);
  }

  /** The state of the one other client backend of this test's database (the cursor's connection). */
  private static String otherSessionState() {
    try (var c = ctx.connect(); var st = c.createStatement();
         var rs = st.executeQuery("select state from pg_stat_activity where datname = current_database()"
             + " and pid <> pg_backend_pid() and query ilike '%big%'")) {
      return rs.next() ? rs.getString(1) : null;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void earlyCloseReleasesTheConnection() {
    Field<Integer> g = Dsl.field(PgTypes.INTEGER, "n");
    Cursor<Row> cursor = db.select(g).from(Big.BIG).fetchLazy(100);
    for (int i = 0; i < 10; i++) cursor.next();
    assertThat(PoolLeakCheck.activeConnections(db)).isEqualTo(1);
    cursor.close();
    cursor.close(); // idempotent
    assertThat(PoolLeakCheck.activeConnections(db)).isZero();
    assertThat(cursor.hasNext()).isFalse();
  }

  @Test
  void streamCloseReleasesTheConnection() {
    Big b = Big.BIG;
    try (var s = db.select(b.n).from(b).where(b.n.le(5000)).fetchLazy(500).stream()) {
      assertThat(s.limit(1200).count()).isEqualTo(1200);
    }
    assertThat(PoolLeakCheck.activeConnections(db)).isZero();
  }

  @Test
  void exhaustingTheCursorReleasesTheConnection() {
    Big b = Big.BIG;
    Cursor<Row> cursor = db.select(b.n).from(b).where(b.n.le(3)).fetchLazy(2);
    int n = 0;
    while (cursor.hasNext()) {
      cursor.next();
      n++;
    }
    assertThat(n).isEqualTo(3);
    assertThat(PoolLeakCheck.activeConnections(db)).isZero();
  }

  @Test
  void failingQueryReleasesTheConnection() {
    assertThatThrownBy(() -> db.select(Dsl.field(PgTypes.INTEGER, "1/0")).fetchLazy(10))
        .isInstanceOf(DataAccessException.class);
    assertThat(PoolLeakCheck.activeConnections(db)).isZero();
  }

  @Test
  void cursorInsideATransactionDoesNotCommitIt() {
    Big b = Big.BIG;
    assertThatThrownBy(() -> db.transaction(tx -> {
      tx.executor().execute(Sql.sql("insert into marks (id) values ({})", 1).render());
      try (Cursor<Row> cursor = tx.select(b.n).from(b).orderBy(b.n).fetchLazy(100)) {
        for (int i = 0; i < 250; i++) cursor.next();
      }
      // still inside the transaction: our own insert is visible, and the cursor's close did not commit it
      assertThat(tx.select(Dsl.field(PgTypes.BIGINT, "(select count(*) from marks)")).fetchOne()).isEqualTo(1);
      throw new IllegalStateException("roll back");
    })).hasMessage("roll back");
    assertThat(db.select(Dsl.field(PgTypes.BIGINT, "(select count(*) from marks)")).fetchOne()).isZero();
  }
}
