package dev.sluice.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Database;
import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 1: the database's physical column order differs from the class (columns created in
 * another order, two text columns swapped, and a column added by hand). Every whole-table read must
 * select explicit columns in the order it decodes them.
 */
@PgTest
class PhysicalColumnOrderLiveTest {
  static Database db;

  static final class Shelves extends Table<Shelves> {
    static final Shelves SHELVES = new Shelves();
    final Column<Long> id = bigint("id").primaryKey();
    final Column<String> label = text("label").notNull();
    final Relation<Books> books = many(() -> Books.BOOKS, b -> b.shelfId);

    private Shelves() {
      super("po_shelves");
    }
  }

  static final class Books extends Table<Books> {
    static final Books BOOKS = new Books();
    final Column<Long> id = bigint("id").primaryKey();
    final Column<String> title = text("title").notNull();
    final Column<String> author = text("author").notNull();
    final Column<OffsetDateTime> publishedAt = timestamptz("published_at");
    final Column<Long> shelfId = bigint("shelf_id").references(() -> Shelves.SHELVES.id);

    private Books() {
      super("po_books");
    }
  }

  record BookRow(Long id, String title, String author, OffsetDateTime publishedAt, Long shelfId) {}

  record BookView(String title, String author) {}

  record ShelfView(String label, List<BookRow> books) {}

  static final OffsetDateTime WHEN = OffsetDateTime.parse("2020-01-02T03:04:05Z");

  @BeforeAll
  static void setUp(PgTestContext pg) {
    pg.execute(
        "create table po_shelves (label text not null, id bigint primary key)",
        // physical order: author before title (same type, swapped), published_at first, shelf_id in the middle
        "create table po_books (published_at timestamptz, author text not null, shelf_id bigint references po_shelves (id),"
            + " title text not null, id bigint primary key)",
        "alter table po_books add column added_by_hand text default 'x'",
        "insert into po_shelves (label, id) values ('fiction', 1)",
        "insert into po_books (id, title, author, published_at, shelf_id) values (10, 'Dune', 'Herbert', '2020-01-02T03:04:05Z', 1)");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  static final BookRow DUNE = new BookRow(10L, "Dune", "Herbert", WHEN, 1L);

  @Test
  void selectOfATableReadsEachColumnByNameNotByPhysicalPosition() {
    Books b = Books.BOOKS;
    for (int run = 0; run < 2; run++) { // the second run uses the table's cached rendering
      Select q = db.select(b).from(b);
      assertThat(q.toString()).doesNotContain("*");
      List<BookRow> rows = db.select(b).from(b).fetchInto(BookRow.class);
      assertThat(rows).containsExactly(DUNE);
      assertThat(db.select(b).from(b).fetchRows().get(0).get(b.title)).isEqualTo("Dune");
    }
  }

  @Test
  void selectOfAJoinOfTwoTablesAndOfAnAliasReadsByName() {
    Books b = Books.BOOKS.as("b");
    Shelves s = Shelves.SHELVES;
    var row = db.select(s, b).from(b).join(s, b.shelfId.eq(s.id)).fetchRows().get(0);
    assertThat(row.get(s.label)).isEqualTo("fiction");
    assertThat(row.get(s.id)).isEqualTo(1L);
    assertThat(row.get(b.title)).isEqualTo("Dune");
    assertThat(row.get(b.author)).isEqualTo("Herbert");
    assertThat(row.get(b.publishedAt)).isEqualTo(WHEN);
  }

  @Test
  void returningTheTableReadsByName() {
    Books b = Books.BOOKS;
    BookRow r = db.update(b).set(b.title, "Dune").where(b.id.eq(10L)).returning(b).fetchOptionalInto(BookRow.class).orElseThrow();
    assertThat(r).isEqualTo(DUNE);
    BookRow inserted = db.insertInto(b).set(b.id, 11L).set(b.title, "Emma").set(b.author, "Austen")
        .returning().fetchOptionalInto(BookRow.class).orElseThrow();
    assertThat(inserted).isEqualTo(new BookRow(11L, "Emma", "Austen", null, null));
    db.deleteFrom(b).where(b.id.eq(11L)).execute();
  }

  @Test
  void relationalFindManyReadsEveryLevelByName() {
    Shelves s = Shelves.SHELVES;
    assertThat(db.query(s).with(s.books).findMany(ShelfView.class))
        .containsExactly(new ShelfView("fiction", List.of(DUNE)));
    assertThat(db.query(Books.BOOKS).findMany(BookRow.class)).containsExactly(DUNE);
    assertThat(db.query(s).with(s.books, x -> x.orderBy(Books.BOOKS.title).limit(5)).limit(1).orderBy(s.label)
        .findMany(ShelfView.class)).containsExactly(new ShelfView("fiction", List.of(DUNE)));
  }
}
