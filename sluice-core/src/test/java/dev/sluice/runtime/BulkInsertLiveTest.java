package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.query.Dsl;
import dev.sluice.query.InsertRow;
import dev.sluice.schema.Column;
import dev.sluice.schema.PgEnum;
import dev.sluice.schema.Table;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PgTest
class BulkInsertLiveTest {
  enum Mood { SAD, OK, HAPPY }

  static final PgEnum<Mood> MOOD = PgEnum.of("mood", Mood.class);

  static final class Items extends Table<Items> {
    final Column<Long> id = bigint("id").primaryKey();
    final Column<String> note = text("note");
    final Column<Integer> qty = integer("qty");
    final Column<BigDecimal> price = numeric("price", 12, 3);
    final Column<OffsetDateTime> at = timestamptz("at");
    final Column<UUID> uid = uuid("uid");
    final Column<JsonNode> doc = jsonb("doc");
    final Column<String[]> tags = text("tags").array();
    final Column<Integer[]> nums = integer("nums").array();
    final Column<Mood> mood = column("mood", MOOD);
    final Column<byte[]> data = bytea("data");
    final Column<Boolean> flag = bool("flag");
    final Column<LocalDate> day = date("day");
    final Column<Double> ratio = doublePrecision("ratio");

    Items(String name) {
      super(name);
    }
  }

  /** Defaults filled by the application, and a column the database generates. */
  static final class Events extends Table<Events> {
    static final Events EVENTS = new Events();
    final Column<Long> seq = bigint("seq").generatedAlwaysAsIdentity();
    final Column<UUID> id = uuid("id").primaryKey().defaultFn(UUID::randomUUID);
    final Column<String> name = text("name").notNull().unique();
    final Column<Integer> hits = integer("hits").notNull();
    final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").onUpdate(() -> OffsetDateTime.now(ZoneOffset.UTC));

    private Events() {
      super("events");
    }
  }

  record Item(Long id, String note, Integer qty, BigDecimal price, OffsetDateTime at, UUID uid, JsonNode doc,
      String[] tags, Integer[] nums, Mood mood, byte[] data, Boolean flag, LocalDate day, Double ratio) {}

  static final Items ITEMS = new Items("items");
  static final Items SMALL = new Items("items_small");
  static final Items BATCH = new Items("items_batch");
  static final Items COPY = new Items("items_copy");
  static final String[] HOSTILE = {
      "tab\there", "new\nline", "cr\rreturn\r\n", "back\\slash\\", "quotes ' \" ''", "unicode ünïcødé ✓ 🚀 中文",
      "\\N", "\\.", "", "NULL", "{a,b}", "comma, and space", "trailing\\", "\u0001control"};

  static Database db;
  static PgTestContext ctx;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    ctx = pg;
    pg.execute("create type mood as enum ('SAD', 'OK', 'HAPPY')");
    for (String t : List.of("items", "items_small", "items_batch", "items_copy")) {
      pg.execute("create table " + t + " (id bigint primary key, note text, qty integer, price numeric(12,3),"
          + " at timestamptz, uid uuid, doc jsonb, tags text[], nums integer[], mood mood, data bytea, flag boolean,"
          + " day date, ratio double precision)");
    }
    pg.execute("create table events (seq bigint generated always as identity, id uuid primary key,"
        + " name text not null unique, hits integer not null, updated_at timestamptz)");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @BeforeEach
  void clean() {
    ctx.execute("truncate items, items_small, items_batch, items_copy, events restart identity");
  }

  static List<Item> items(int n) {
    ObjectMapper json = new ObjectMapper();
    byte[] allBytes = new byte[256];
    for (int i = 0; i < 256; i++) allBytes[i] = (byte) i;
    List<Item> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String hostile = HOSTILE[i % HOSTILE.length];
      boolean nulls = i % 7 == 0;
      out.add(new Item((long) i,
          nulls ? null : hostile + " #" + i,
          nulls ? null : i * 3 - 1000,
          nulls ? null : new BigDecimal(i + ".125").negate(),
          nulls ? null : OffsetDateTime.of(2024, 2, 29, 23, 59, 58, 123456000, ZoneOffset.UTC).plusMinutes(i),
          nulls ? null : new UUID(i, -i),
          nulls ? null : json.createObjectNode().put("text", hostile).put("n", i).set("list",
              json.createArrayNode().add(hostile).add(1.5).addNull()),
          nulls ? null : new String[] {hostile, "a,b", "c\"d", "e\\f", null, "NULL", "", "x y"},
          nulls ? null : new Integer[] {i, null, -i},
          nulls ? null : Mood.values()[i % 3],
          nulls ? null : (i % 2 == 0 ? allBytes : new byte[0]),
          nulls ? null : i % 2 == 0,
          nulls ? null : LocalDate.of(2000, 1, 1).plusDays(i),
          nulls ? null : i / 3.0));
    }
    return out;
  }

  static BiConsumer<InsertRow, Item> mapper(Items t) {
    return (row, it) -> row.set(t.id, it.id()).set(t.note, it.note()).set(t.qty, it.qty()).set(t.price, it.price())
        .set(t.at, it.at()).set(t.uid, it.uid()).set(t.doc, it.doc()).set(t.tags, it.tags()).set(t.nums, it.nums())
        .set(t.mood, it.mood()).set(t.data, it.data()).set(t.flag, it.flag()).set(t.day, it.day())
        .set(t.ratio, it.ratio());
  }

  static List<Item> readBack(Items t) {
    return db.select(t.id, t.note, t.qty, t.price, t.at, t.uid, t.doc, t.tags, t.nums, t.mood, t.data, t.flag, t.day,
        t.ratio).from(t).orderBy(t.id).fetch(Item::new);
  }

  static void assertSameItems(List<Item> actual, List<Item> expected) {
    assertThat(actual).hasSize(expected.size());
    assertThat(actual).usingRecursiveFieldByFieldElementComparator(RecursiveComparisonConfiguration.builder()
        .withComparatorForType(java.util.Comparator.nullsFirst(java.util.Comparator.comparing(OffsetDateTime::toInstant)),
            OffsetDateTime.class)
        .build()).containsExactlyElementsOf(expected);
  }

  /** Every row as PostgreSQL prints it. */
  static List<String> dump(String table) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = ctx.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select t::text from " + table + " t order by id")) {
      while (rs.next()) rows.add(rs.getString(1));
    }
    return rows;
  }

  static long count(String table) {
    try (Connection c = ctx.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void copyPathStoresEveryTypeAsGiven() {
    List<Item> items = items(300);
    long n = db.bulk(BulkOptions.DEFAULT.withCopyMinRows(1)).insertMany(ITEMS, items, mapper(ITEMS));
    assertThat(n).isEqualTo(300);
    assertSameItems(readBack(ITEMS), items);
  }

  @Test
  void theThreePathsStoreIdenticalRows() throws SQLException {
    List<Item> items = items(60);
    assertThat(db.bulk(new BulkOptions(1000, 10_000)).insertMany(SMALL, items, mapper(SMALL))).isEqualTo(60);
    assertThat(db.bulk(new BulkOptions(1, 10_000)).insertMany(BATCH, items, mapper(BATCH))).isEqualTo(60);
    assertThat(db.bulk(new BulkOptions(1, 1)).insertMany(COPY, items, mapper(COPY))).isEqualTo(60);
    assertSameItems(readBack(SMALL), items);
    List<String> small = dump("items_small");
    assertThat(small).hasSize(60);
    assertThat(dump("items_batch")).isEqualTo(small);
    assertThat(dump("items_copy")).isEqualTo(small);
  }

  @Test
  void defaultThresholdsInsertEveryRowOnEachPath() {
    for (int n : new int[] {1, 32, 33, 499, 500, 2500}) {
      ctx.execute("truncate items");
      assertThat(db.insertMany(ITEMS, items(n), mapper(ITEMS))).as("rows for %d items", n).isEqualTo(n);
      assertThat(count("items")).isEqualTo(n);
    }
    assertThat(db.insertMany(ITEMS, List.<Item>of(), mapper(ITEMS))).isZero();
  }

  @Test
  void aUniqueViolationDuringCopyLeavesNothingInserted() {
    List<Item> items = new ArrayList<>(items(5000));
    items.set(4000, items.get(10));
    assertThatThrownBy(() -> db.insertMany(ITEMS, items, mapper(ITEMS)))
        .isInstanceOfSatisfying(DataAccessException.class, e -> {
          assertThat(e.isUniqueViolation()).isTrue();
          assertThat(e.constraint()).isEqualTo("items_pkey");
        });
    assertThat(count("items")).isZero();
  }

  @Test
  void aUniqueViolationInABatchLeavesNothingInserted() {
    List<Item> items = new ArrayList<>(items(400));
    items.set(300, items.get(10));
    assertThatThrownBy(() -> db.insertMany(ITEMS, items, mapper(ITEMS)))
        .isInstanceOfSatisfying(DataAccessException.class, e -> assertThat(e.isUniqueViolation()).isTrue());
    assertThat(count("items")).isZero();
  }

  @Test
  void aMapperFailingMidStreamCancelsTheCopy() {
    assertThatThrownBy(() -> db.insertMany(ITEMS, IntStream.rangeClosed(1, 3000).boxed(), (row, i) -> {
      if (i == 2500) throw new IllegalStateException("bad item " + i);
      row.set(ITEMS.id, (long) i);
    })).hasMessage("bad item 2500");
    assertThat(count("items")).isZero();
    assertThat(db.insertMany(ITEMS, List.of(1L, 2L), (row, i) -> row.set(ITEMS.id, i))).isEqualTo(2);
  }

  @Test
  void insideATransactionRowsAreVisibleThereAndRolledBackWithIt() {
    assertThatThrownBy(() -> db.transaction(tx -> {
      assertThat(tx.insertMany(ITEMS, items(2000), mapper(ITEMS))).isEqualTo(2000);
      assertThat(tx.insertMany(ITEMS, items(2010).subList(2000, 2010), mapper(ITEMS))).isEqualTo(10);
      assertThat(tx.select(Dsl.count()).from(ITEMS).fetchOne()).isEqualTo(2010L);
      throw new IllegalStateException("roll back");
    })).hasMessage("roll back");
    assertThat(count("items")).isZero();
    db.transaction(tx -> tx.insertMany(ITEMS, items(1500), mapper(ITEMS)));
    assertThat(count("items")).isEqualTo(1500);
  }

  @Test
  void upsertManyUpdatesExistingRowsAndInsertsNewOnesOnEveryPath() {
    Events e = Events.EVENTS;
    for (BulkOptions options : List.of(new BulkOptions(1000, 10_000), new BulkOptions(1, 10_000), new BulkOptions(1, 1))) {
      ctx.execute("truncate events");
      db.insertMany(e, IntStream.rangeClosed(1, 10).boxed().toList(), (row, i) -> row.set(e.name, "n" + i).set(e.hits, 1));
      List<UUID> idsBefore = db.select(e.id).from(e).orderBy(e.name).fetch();
      long n = db.bulk(options).upsertMany(e, IntStream.rangeClosed(5, 15).boxed().toList(),
          (row, i) -> row.set(e.name, "n" + i).set(e.hits, 100 + i), e.name);
      assertThat(n).as("%s", options).isEqualTo(11);
      List<Integer> hits = db.select(e.hits).from(e).orderBy(e.hits).fetch();
      assertThat(hits).containsExactly(1, 1, 1, 1, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115);
      assertThat(db.select(e.id).from(e).where(e.name.in("n1", "n10", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9"))
          .orderBy(e.name).fetch()).as("app defaults are insert-only").isEqualTo(idsBefore);
      assertThat(db.select(Dsl.count()).from(e).where(e.updatedAt.isNotNull()).fetchOne())
          .as("onUpdate set on updated rows only").isEqualTo(6L);
    }
  }

  @Test
  void appSideDefaultsAreFilledPerRowAndGeneratedColumnsRejected() {
    Events e = Events.EVENTS;
    assertThat(db.bulk(BulkOptions.DEFAULT.withCopyMinRows(1)).insertMany(e, List.of("a", "b", "c"),
        (row, s) -> row.set(e.name, s).set(e.hits, 0))).isEqualTo(3);
    assertThat(db.select(e.id).from(e).fetch()).doesNotContainNull().doesNotHaveDuplicates().hasSize(3);
    assertThat(db.select(e.seq).from(e).orderBy(e.seq).fetch()).containsExactly(1L, 2L, 3L);
    assertThatThrownBy(() -> db.insertMany(e, List.of(1L), (row, s) -> row.set(e.seq, s).set(e.name, "x").set(e.hits, 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seq is GENERATED ALWAYS");
  }

  @Test
  void rowsMustSetTheSameColumnsAndTakeNoExpressions() {
    assertThatThrownBy(() -> db.insertMany(ITEMS, List.of(1L, 2L), (row, i) -> {
      row.set(ITEMS.id, i);
      if (i == 2) row.set(ITEMS.note, "x");
    })).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("insertMany into items: row 2 sets column note but row 1 does not; every row must set the same columns");
    assertThatThrownBy(() -> db.insertMany(ITEMS, List.of(1L), (row, i) -> row.set(ITEMS.id, Dsl.val(i))))
        .hasMessageContaining("bulk inserts take plain values");
    assertThat(count("items")).isZero();
  }

  @Test
  void aHundredThousandRowsStreamThroughCopy() {
    long n = db.insertMany(ITEMS, IntStream.rangeClosed(1, 100_000).mapToObj(i -> (long) i),
        (row, i) -> row.set(ITEMS.id, i).set(ITEMS.note, "row\t" + i).set(ITEMS.tags, new String[] {"a", "b\n" + i}));
    assertThat(n).isEqualTo(100_000);
    assertThat(count("items")).isEqualTo(100_000);
    assertThat(db.select(ITEMS.note, ITEMS.tags).from(ITEMS).where(ITEMS.id.eq(99_999L)).fetch(
        (note, tags) -> note + "|" + Arrays.toString(tags))).containsExactly("row\t99999|[a, b\n99999]");
  }

  @Test
  void copyTextEscapesTheFormatsSpecialCharacters() {
    StringBuilder b = new StringBuilder();
    BulkWriter.CopyText.escape(b, "a\\b\tc\nd\re\\N");
    assertThat(b.toString()).isEqualTo("a\\\\b\\tc\\nd\\re\\\\N");
  }
}
