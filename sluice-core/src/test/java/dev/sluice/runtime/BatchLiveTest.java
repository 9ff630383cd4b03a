package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.query.Dsl;
import dev.sluice.sql.QueryPart;
import dev.sluice.sql.Sql;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import dev.sluice.types.PgTypes;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PgTest
class BatchLiveTest {
  static Database db;
  static PgTestContext ctx;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    ctx = pg;
    pg.execute("create table items (id int primary key, name text not null, qty int not null default 0)");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @BeforeEach
  void clean() {
    ctx.execute("truncate items");
  }

  @AfterEach
  void noConnectionLeaks() {
    PoolLeakCheck.assertNoLeaks(db);
  }

  static QueryPart insert(int id, String name) {
    return Sql.sql("insert into items (id, name) values ({}, {})", id, name);
  }

  static QueryPart addQty(int minId, int qty) {
    return Sql.sql("update items set qty = qty + {} where id >= {}", qty, minId);
  }

  static long count() {
    return db.select(Dsl.field(PgTypes.BIGINT, "(select count(*) from items)")).fetchOne();
  }

  @Test
  void returnsUpdateCountsInStatementOrder() {
    int[] counts = db.batch(List.of(insert(1, "a"), insert(2, "b"), insert(3, "c"), addQty(2, 5), addQty(1, 1), insert(4, "d")));
    assertThat(counts).hasSize(6);
    // pgjdbc's reWriteBatchedInserts folds the INSERTs into one multi-row statement and reports SUCCESS_NO_INFO
    for (int i : new int[] {0, 1, 2, 5}) assertThat(counts[i]).isIn(1, Statement.SUCCESS_NO_INFO);
    assertThat(counts[3]).isEqualTo(2);
    assertThat(counts[4]).isEqualTo(3);
    assertThat(count()).isEqualTo(4);
    assertThat(db.select(Dsl.field(PgTypes.BIGINT, "(select sum(qty) from items)")).fetchOne()).isEqualTo(13);
  }

  @Test
  void exactCountsWithoutInsertRewriting() {
    try (Database plain = Database.connect(ctx.jdbcUrl(), c -> c.addDataSourceProperty("reWriteBatchedInserts", "false"))) {
      int[] counts = plain.batch(List.of(insert(1, "a"), insert(2, "b"), addQty(1, 1)));
      assertThat(counts).containsExactly(1, 1, 2);
    }
  }

  @Test
  void aFailingBatchOutsideATransactionIsRolledBackWhole() {
    assertThatThrownBy(() -> db.batch(List.of(insert(1, "a"), insert(2, "b"), addQty(1, 1), insert(1, "dup"))))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("insert into items")
        .satisfies(e -> assertThat(((DataAccessException) e).isUniqueViolation()).isTrue());
    assertThat(count()).isZero();
  }

  @Test
  void batchInsideATransactionJoinsIt() {
    assertThatThrownBy(() -> db.transaction(tx -> {
      assertThat(tx.batch(List.of(insert(1, "a"), insert(2, "b")))).hasSize(2);
      assertThat(tx.select(Dsl.field(PgTypes.BIGINT, "(select count(*) from items)")).fetchOne()).isEqualTo(2);
      throw new IllegalStateException("undo");
    })).hasMessage("undo");
    assertThat(count()).isZero();
  }

  @Test
  void emptyBatchDoesNothing() {
    assertThat(db.batch(List.of())).isEmpty();
  }
}
