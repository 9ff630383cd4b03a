package dev.sluice.query.relational;

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

/** Relational queries read live rows only, at every level, unless a level asks for deleted rows too. */
@PgTest
class RelationalSoftDeleteLiveTest {
  static final class Boards extends Table<Boards> {
    static final Boards BOARDS = new Boards();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<String> name = text("name").notNull();
    final Column<OffsetDateTime> deletedAt = deletedAt();
    final Relation<Cards> cards = many(() -> Cards.CARDS, c -> c.boardId);

    private Boards() {
      super("boards");
    }
  }

  static final class Cards extends Table<Cards> {
    static final Cards CARDS = new Cards();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<Integer> boardId = integer("board_id").notNull().references(() -> Boards.BOARDS.id);
    final Column<String> title = text("title").notNull();
    final Column<OffsetDateTime> deletedAt = deletedAt();

    private Cards() {
      super("cards");
    }
  }

  record CardView(String title) {}

  record BoardView(String name, List<CardView> cards) {}

  record BoardName(String name) {}

  static Database db;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    pg.execute("create table boards (id int primary key, name text not null, deleted_at timestamptz)",
        "create table cards (id int primary key, board_id int not null references boards, title text not null, deleted_at timestamptz)",
        "insert into boards values (1, 'live', null), (2, 'gone', now())",
        "insert into cards values (1, 1, 'todo', null), (2, 1, 'trashed', now()), (3, 2, 'orphan', null)");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void deletedRowsAreLeftOutAtEveryLevel() {
    Boards b = Boards.BOARDS;
    List<BoardView> boards = db.query(b).with(b.cards, c -> c.orderBy(Cards.CARDS.id)).findMany(BoardView.class);
    assertThat(boards).containsExactly(new BoardView("live", List.of(new CardView("todo"))));
  }

  @Test
  void withDeletedAppliesToItsOwnLevelOnly() {
    Boards b = Boards.BOARDS;
    List<BoardView> boards = db.query(b).with(b.cards, c -> c.withDeleted().orderBy(Cards.CARDS.id))
        .findMany(BoardView.class);
    assertThat(boards).containsExactly(new BoardView("live", List.of(new CardView("todo"), new CardView("trashed"))));
    assertThat(db.query(b).withDeleted().orderBy(b.id).findMany(BoardName.class)).extracting(BoardName::name)
        .containsExactly("live", "gone");
  }

  @Test
  void existsIgnoresDeletedRelatedRows() {
    Boards b = Boards.BOARDS;
    assertThat(db.query(b).where(Relations.exists(b.cards, c -> c.title.eq("trashed"))).findMany(BoardName.class))
        .isEmpty();
    assertThat(db.query(b).where(Relations.exists(b.cards, c -> c.title.eq("todo"))).findMany(BoardName.class))
        .extracting(BoardName::name).containsExactly("live");
  }
}
