package dev.sluice.kit.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.diff.DiffOptions;
import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.schema.Column;
import dev.sluice.schema.Schema;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

@PgTest
class PusherLiveTest {
  /** The code: nickname dropped, age narrowed to smallint, email made NOT NULL and unique, a new column. */
  static final class People extends Table<People> {
    static final People PEOPLE = new People();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<String> email = text("email").notNull().unique();
    final Column<Short> age = smallint("age");
    final Column<String> city = text("city");

    private People() {
      super("people");
    }
  }

  /** The code, safe version: only adds a column. */
  static final class Pets extends Table<Pets> {
    static final Pets PETS = new Pets();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<String> name = text("name").notNull();
    final Column<String> species = text("species");

    private Pets() {
      super("pets");
    }
  }

  @Test
  void planMeasuresEveryRiskWithNumbersBeforeAnythingRuns(PgTestContext pg) throws Exception {
    pg.execute("create table people (id int primary key, email text, age int, nickname text)",
        "insert into people values (1, 'a@x', 30, 'ann'), (2, null, 40000, null), (3, 'a@x', 20, 'cy'), (4, null, 5, 'dee')");
    Pusher.Plan plan = Pusher.plan(pg.jdbcUrl(), Schema.of(People.PEOPLE).toModel(), IntrospectOptions.all(),
        DiffOptions.NONE.allowDropAndCreate());
    assertThat(plan.inSync()).isFalse();
    assertThat(plan.risks()).extracting(DataRisk::toString).anySatisfy(r -> assertThat(r).contains("nickname").contains("3 non-null value(s) would be lost"))
        .anySatisfy(r -> assertThat(r).contains("email").contains("2 row(s) are NULL"))
        .anySatisfy(r -> assertThat(r).contains("1 duplicate group(s)"))
        .anySatisfy(r -> assertThat(r).contains("age").contains("1 value(s) would not convert to smallint"));
    try (Connection c = pg.connect(); ResultSet rs = c.createStatement().executeQuery("select count(*), count(nickname) from people")) {
      rs.next();
      assertThat(rs.getInt(1)).as("planning changes nothing").isEqualTo(4);
      assertThat(rs.getInt(2)).isEqualTo(3);
    }
  }

  @Test
  void applyingASafePlanKeepsRowsAndConverges(PgTestContext pg) throws Exception {
    pg.execute("create table pets (id int primary key, name text not null)", "insert into pets values (1, 'rex'), (2, 'tom')");
    SchemaModel code = Schema.of(Pets.PETS).toModel();
    Pusher.Plan plan = Pusher.plan(pg.jdbcUrl(), code, IntrospectOptions.all(), DiffOptions.NONE);
    assertThat(plan.risks()).isEmpty();
    assertThat(plan.statements()).containsExactly("ALTER TABLE public.pets ADD COLUMN species text");
    Pusher.apply(pg.jdbcUrl(), plan);
    try (Connection c = pg.connect(); ResultSet rs = c.createStatement().executeQuery("select count(*) from pets")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
    assertThat(Pusher.plan(pg.jdbcUrl(), code, IntrospectOptions.all(), DiffOptions.NONE).inSync()).isTrue();
  }

  @Test
  void risksListIsEmptyWhenDropsTouchNoData(PgTestContext pg) throws Exception {
    pg.execute("create schema scratch", "create table scratch.empty_thing (id int)");
    Pusher.Plan plan = Pusher.plan(pg.jdbcUrl(), Schema.of().toModel(), IntrospectOptions.schemas("scratch"),
        DiffOptions.NONE);
    assertThat(plan.changes()).isNotEmpty();
    assertThat(plan.risks()).as("dropping an empty table loses nothing").isEqualTo(List.of());
  }

  static final class Authors extends Table<Authors> {
    static final Authors AUTHORS = new Authors();
    final Column<Integer> id = integer("id").primaryKey();

    private Authors() {
      super("authors");
    }
  }

  static final class Books extends Table<Books> {
    static final Books BOOKS = new Books();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<Integer> author = integer("author_id").notNull().references(() -> Authors.AUTHORS.id);
    final Column<Integer> editor = integer("editor_id").references(() -> Authors.AUTHORS.id);
    final Column<Integer> sequel = integer("sequel_id").references(() -> Books.BOOKS.id);

    private Books() {
      super("books");
    }
  }

  @Test
  void pushIntoAnEmptyDatabaseWithSeveralForeignKeysDoesNotAbortTheProbe(PgTestContext pg) throws Exception {
    String url = pg.server().createDatabase("pushintoanemptydatabasewithseveralforeig");
    SchemaModel code = Schema.of(Authors.AUTHORS, Books.BOOKS).toModel();
    Pusher.Plan plan = Pusher.plan(url, code, IntrospectOptions.all(), DiffOptions.NONE);
    assertThat(plan.changes()).filteredOn(c -> c instanceof dev.sluice.kit.diff.Change.AddForeignKey).hasSize(3);
    assertThat(plan.risks()).isEmpty();
    Pusher.apply(url, plan);
    assertThat(Pusher.plan(url, code, IntrospectOptions.all(), DiffOptions.NONE).inSync()).isTrue();
  }

  @Test
  void foreignKeysToATableTheSamePushCreatesAreProbedWithoutAbortingTheTransaction(PgTestContext pg) throws Exception {
    String url = pg.server().createDatabase("foreignkeystoatablethesamepushcreatesare");
    // books exists with rows; authors does not: the orphan probe of each FK to authors must not poison the next one
    execute(url, "create table books (id int primary key, author_id int not null, editor_id int, sequel_id int)",
        "insert into books values (1, 1, null, null), (2, 1, 1, 1)");
    Pusher.Plan plan = Pusher.plan(url, Schema.of(Authors.AUTHORS, Books.BOOKS).toModel(), IntrospectOptions.all(),
        DiffOptions.NONE);
    assertThat(plan.changes()).filteredOn(c -> c instanceof dev.sluice.kit.diff.Change.AddForeignKey).hasSize(3);
    assertThat(plan.risks()).extracting(DataRisk::toString).containsExactly(
        "table public.books: foreign key books_author_id_fkey: 2 row(s) reference missing rows (the foreign key would fail)",
        "table public.books: foreign key books_editor_id_fkey: 1 row(s) reference missing rows (the foreign key would fail)");
  }

  /** The code adds {@code species text NOT NULL} with no default. */
  static final class StrictPets extends Table<StrictPets> {
    static final StrictPets PETS = new StrictPets();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<String> name = text("name").notNull();
    final Column<String> species = text("species").notNull();

    private StrictPets() {
      super("pets");
    }
  }

  @Test
  void addingANotNullColumnWithoutDefaultToATableWithRowsIsARisk(PgTestContext pg) throws Exception {
    String url = pg.server().createDatabase("addinganotnullcolumnwithoutdefaulttoatab");
    execute(url, "create table pets (id int primary key, name text not null)", "insert into pets values (1, 'rex'), (2, 'tom')");
    Pusher.Plan plan = Pusher.plan(url, Schema.of(StrictPets.PETS).toModel(), IntrospectOptions.all(), DiffOptions.NONE);
    assertThat(plan.risks()).extracting(DataRisk::toString).containsExactly("table public.pets: add column species: 2 row(s) exist"
        + " and the new column is NOT NULL without a default: ADD COLUMN would fail (23502), even with --force; give the column"
        + " a default, or add it nullable, fill it, then make it NOT NULL");
    assertThat(plan.risks().get(0).fails()).isTrue();
  }

  @Test
  void addingANotNullColumnWithoutDefaultToAnEmptyTableIsNoRisk(PgTestContext pg) throws Exception {
    String url = pg.server().createDatabase("addinganotnullcolumnwithoutdefaulttoanem");
    execute(url, "create table pets (id int primary key, name text not null)");
    Pusher.Plan plan = Pusher.plan(url, Schema.of(StrictPets.PETS).toModel(), IntrospectOptions.all(), DiffOptions.NONE);
    assertThat(plan.risks()).isEmpty();
    Pusher.apply(url, plan);
  }

  private static void execute(String url, String... sql) throws Exception {
    try (Connection c = dev.sluice.runtime.PgUrl.parse(url).connect(); var st = c.createStatement()) {
      for (String s : sql) st.execute(s);
    }
  }
}
