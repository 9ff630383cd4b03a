package dev.sluice.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Database;
import dev.sluice.schema.Column;
import dev.sluice.schema.Schema;
import dev.sluice.schema.Table;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 17 item 11: smallint columns take int literals (int2) and refuse values that do not fit, before SQL. */
@PgTest
class SmallintIntLiteralsLiveTest {
  static Database db;

  static final class Stock extends Table<Stock> {
    static final Stock STOCK = new Stock();
    final Column<Long> id = bigint("id").primaryKey();
    final Column<Integer> qty = int2("qty").notNull().defaultValue(0);

    private Stock() {
      super("si_stock");
    }
  }

  @BeforeAll
  static void setUp(PgTestContext pg) {
    pg.execute("create table si_stock (id bigint primary key, qty smallint not null default 0)");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void anInt2ColumnComparesAndSetsIntLiteralsWithoutACast() {
    Stock s = Stock.STOCK;
    db.insertInto(s).set(s.id, 1L).set(s.qty, 5).newRow().set(s.id, 2L).set(s.qty, 32767).execute();
    assertThat(db.select(s.id).from(s).where(s.qty.eq(5)).fetchOne()).isEqualTo(1L);
    assertThat(db.select(s.qty).from(s).where(s.qty.gt(100)).fetchOne()).isEqualTo(32767);
    assertThat(db.query(s).columns(s.qty).where(s.id.eq(1L)).findMany(Qty.class)).containsExactly(new Qty(5));
    assertThat(Schema.of(s).toModel().tables().get(0).columns().get(1).type()).isEqualTo("smallint");
  }

  record Qty(Integer qty) {}

  @Test
  void aValueThatDoesNotFitASmallintFailsBeforeSqlNamingTheRange() {
    Stock s = Stock.STOCK;
    assertThatThrownBy(() -> db.select(s.id).from(s).where(s.qty.eq(40000)).fetch())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value 40000 does not fit a smallint column (-32768..32767); declare the column"
            + " integer(...) if it must hold it");
    assertThat(db.select(s.id).from(s).where(s.qty.eq(-32768)).fetch()).isEmpty(); // the pool still works
  }
}
