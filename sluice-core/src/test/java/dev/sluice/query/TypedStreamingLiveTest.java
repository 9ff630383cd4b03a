package dev.sluice.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Database;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 17 item 6: lazy reads keep the select's row type, like fetch does. */
@PgTest
class TypedStreamingLiveTest {
  static Database db;

  static final class Items extends Table<Items> {
    static final Items ITEMS = new Items();
    final Column<Long> id = bigint("id").primaryKey();
    final Column<String> name = text("name").notNull();

    private Items() {
      super("ts_items");
    }
  }

  record Item(Long id, String name) {}

  @BeforeAll
  static void setUp(PgTestContext pg) {
    pg.execute("create table ts_items (id bigint primary key, name text not null)",
        "insert into ts_items select g, 'item ' || g from generate_series(1, 2500) g");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void fetchStreamMapsEveryRowThroughTheTypedConstructor() {
    Items i = Items.ITEMS;
    try (Stream<Item> rows = db.select(i.id, i.name).from(i).orderBy(i.id).fetchStream(Item::new)) {
      List<Item> all = rows.toList();
      assertThat(all).hasSize(2500);
      assertThat(all.get(0)).isEqualTo(new Item(1L, "item 1"));
      assertThat(all.get(2499)).isEqualTo(new Item(2500L, "item 2500"));
    }
  }

  @Test
  void fetchLazyWithAMapperIsACursorOfRecords() {
    Items i = Items.ITEMS;
    long sum = 0;
    int n = 0;
    try (Cursor<Item> c = db.select(i.id, i.name).from(i).where(i.id.le(250L)).fetchLazy(100, Item::new)) {
      while (c.hasNext()) {
        Item it = c.next();
        sum += it.id();
        n++;
      }
    }
    assertThat(n).isEqualTo(250);
    assertThat(sum).isEqualTo(250L * 251 / 2);
  }

  @Test
  void aSingleColumnStreamsItsValues() {
    Items i = Items.ITEMS;
    try (Stream<String> names = db.select(i.name).from(i).where(i.id.le(3L)).orderBy(i.id).fetchStream()) {
      assertThat(names.toList()).containsExactly("item 1", "item 2", "item 3");
    }
  }

  @Test
  void returningStreamsTypedRowsToo() {
    Items i = Items.ITEMS;
    try (Stream<Item> rows = db.update(i).set(i.name, "renamed").where(i.id.eq(7L)).returning(i.id, i.name)
        .fetchStream(Item::new)) {
      assertThat(rows.toList()).containsExactly(new Item(7L, "renamed"));
    }
  }
}
