package dev.sluice.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Database;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A column of a user range type and one with a custom collation through the query DSL: the range is
 * written and read as PostgreSQL's text form (bound with a cast to the type), the collation decides
 * comparisons on the server.
 */
@PgTest
class RangeTypeColumnLiveTest {
  static final RangeType FLOATRANGE = RangeType.of("collrange_floats", "double precision").subtypeDiff("float8mi");
  static final Collation CI = Collation.icu("collrange_ci", "und-u-ks-level2").nondeterministic();

  static final class Slots extends Table<Slots> {
    static final Slots SLOTS = new Slots();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<String> span = column("span", FLOATRANGE.dataType());
    final Column<String> label = text("label").collate(CI);

    private Slots() {
      super("collrange_slots");
    }
  }

  record Row(Integer id, String span, String label) {}

  static Database db;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    pg.execute("create type public.collrange_floats as range (subtype = float8, subtype_diff = float8mi)");
    pg.execute("create collation public.collrange_ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false)");
    pg.execute("create table collrange_slots (id integer primary key, span public.collrange_floats,"
        + " label text collate public.collrange_ci)");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void aRangeColumnIsWrittenAndReadAsTextAndACollatedColumnComparesOnTheServer() {
    Slots s = Slots.SLOTS;
    db.insertInto(s).set(s.id, 1).set(s.span, "[1.5,2.5)").set(s.label, "Morning").execute();
    db.insertInto(s).set(s.id, 2).set(s.span, "(,0]").set(s.label, (String) null).execute();
    db.insertInto(s).set(s.id, 3).set(s.span, (String) null).set(s.label, "x").execute();
    List<Row> rows = db.select(s.id, s.span, s.label).from(s).orderBy(s.id).fetch(Row::new);
    assertThat(rows).containsExactly(new Row(1, "[1.5,2.5)", "Morning"), new Row(2, "(,0]", null), new Row(3, null, "x"));
    assertThat(db.select(s.id).from(s).where(s.label.eq("MORNING")).fetch(r -> r))
        .as("the nondeterministic collation compares case-insensitively").containsExactly(1);
    assertThat(db.select(s.id).from(s).where(s.span.eq("[1.5,2.5)")).fetch(r -> r))
        .as("a range bound as text is cast to the type").containsExactly(1);
    assertThat(Schema.of(FLOATRANGE, CI, s).toModel().tables().get(0).columns())
        .extracting(c -> c.type() + " " + c.collation())
        .containsExactly("integer null", "public.collrange_floats null", "text public.collrange_ci");
  }
}
