package dev.sluice.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Database;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PgTest
class PaginationLiveTest {
  static final class Items extends Table<Items> {
    static final Items ITEMS = new Items();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<String> name = text("name").notNull();
    final Column<Integer> score = integer("score").notNull();
    final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull();

    private Items() {
      super("items");
    }
  }

  record Item(int id, String name) {}

  static final Items I = Items.ITEMS;
  static Database db;
  static PgTestContext pg;

  @BeforeAll
  static void setUp(PgTestContext context) {
    pg = context;
    // 137 rows; score and created_at repeat so only (x, id) orderings are unique
    pg.execute("create table items (id integer primary key, name text not null, score integer not null,"
        + " created_at timestamptz not null)",
        "insert into items select g, 'item ' || (g % 23), g % 7,"
        + " timestamptz '2024-01-01 00:00:00.123456+00' + ((g % 11) * interval '1.5 seconds') from generate_series(1, 137) g");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  static List<Integer> ids(String sql) {
    try (Connection c = pg.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<Integer> out = new ArrayList<>();
      while (rs.next()) out.add(rs.getInt(1));
      return out;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Integer> walk(int pageSize, SortField... order) {
    List<Integer> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      KeysetPage<Item> page = Pagination.keyset(db.select(I.id, I.name, I.score, I.createdAt).from(I), order)
          .after(cursor).limit(pageSize).fetchInto(Item.class);
      page.items().forEach(i -> seen.add(i.id()));
      cursor = page.nextCursor();
      assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
      if (page.hasMore()) assertThat(page.items()).hasSize(pageSize);
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo((137 + pageSize - 1) / pageSize);
    return seen;
  }

  @Test
  void keysetWalksEveryRowExactlyOnceInOrderWithMixedDirections() {
    List<Integer> seen = walk(10, I.score.desc(), I.id.asc());
    assertThat(new HashSet<>(seen)).hasSize(137);
    assertThat(seen).isEqualTo(ids("select id from items order by score desc, id asc"));
  }

  @Test
  void keysetWalksEveryRowExactlyOnceOnATimestampAndTextOrdering() {
    assertThat(walk(13, I.createdAt.asc(), I.name.asc(), I.id.asc()))
        .isEqualTo(ids("select id from items order by created_at, name, id"));
    assertThat(walk(50, I.createdAt.desc(), I.id.desc()))
        .isEqualTo(ids("select id from items order by created_at desc, id desc"));
  }

  @Test
  void keysetRespectsTheSelectsOwnFilterAndRendersARowComparisonForUniformOrder() {
    var select = db.select(I.id, I.name).from(I).where(I.score.eq(3));
    var keyset = Pagination.keyset(select, I.name.asc(), I.id.asc()).afterValues("item 1", 5).limit(5);
    assertThat(keyset.render().sql()).isEqualTo("SELECT * FROM (SELECT items.id, items.name FROM items WHERE"
        + " items.score = ?) AS p WHERE (p.name, p.id) > (?, ?) ORDER BY p.name, p.id LIMIT ?");
    assertThat(keyset.fetchInto(Item.class).items()).extracting(Item::id).isEqualTo(ids(
        "select id from items where score = 3 and (name, id) > ('item 1', 5) order by name, id limit 5"));
  }

  @Test
  void aTamperedCursorOrAnUnselectedOrderingFieldIsRejected() {
    assertThatThrownBy(() -> Pagination.keyset(db.select(I.id, I.name).from(I), I.id.asc()).after("bm90IGpzb24"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid keyset cursor for ordering [id]");
    assertThatThrownBy(() -> Pagination.keyset(db.select(I.id).from(I), I.score.asc(), I.id.asc()))
        .hasMessageContaining("keyset ordering field score must be selected");
  }

  @Test
  void offsetPagesCarryTheTotalCountFromTheSameStatement() {
    var select = db.select(I.id, I.name).from(I).where(I.score.ne(0)).orderBy(I.name, I.id);
    long total = ids("select count(*) from items where score <> 0").get(0);
    Set<Integer> seen = new HashSet<>();
    List<Integer> all = new ArrayList<>();
    for (int p = 1; p <= 12; p++) {
      Page<Item> page = Pagination.offset(select, p, 10).fetchInto(Item.class);
      assertThat(page.total()).isEqualTo(total);
      assertThat(page.items()).extracting(Item::id).isEqualTo(ids(
          "select id from items where score <> 0 order by name, id limit 10 offset " + (p - 1) * 10));
      page.items().forEach(i -> all.add(i.id()));
      seen.addAll(page.items().stream().map(Item::id).toList());
      assertThat(page.hasNext()).isEqualTo(p < page.totalPages());
    }
    assertThat(all).hasSize((int) total).doesNotHaveDuplicates();
    assertThat(Pagination.offset(select, 1, 10).fetchInto(Item.class).totalPages()).isEqualTo((total + 9) / 10);
  }

  @Test
  void anOffsetPagePastTheEndIsEmptyButKnowsTheTotal() {
    Page<Item> page = Pagination.offset(db.select(I.id, I.name).from(I).orderBy(I.id), 99, 10).fetchInto(Item.class);
    assertThat(page.items()).isEmpty();
    assertThat(page.total()).isEqualTo(137);
    Page<Item> none = Pagination.offset(db.select(I.id, I.name).from(I).where(I.id.lt(0)), 1, 10).fetchInto(Item.class);
    assertThat(none.items()).isEmpty();
    assertThat(none.total()).isZero();
  }
}
