package dev.sluice.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.BulkOptions;
import dev.sluice.runtime.Database;
import dev.sluice.schema.model.CompositeTypeModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import dev.sluice.types.PgTypes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Composite values through the DSL codec against a real server: written, read back, and read from values the server made. */
@PgTest
class CompositeTypeLiveTest {
  enum Kind { home, work }

  record Address(String street, Integer zip, String[] lines, Kind kind) {}

  record Person(String name, Address address, BigDecimal score, LocalDate born) {}

  static final PgEnum<Kind> KIND = PgEnum.of("kind", Kind.class);

  static final CompositeType<Address> ADDRESS = CompositeType.of("address", Address.class)
      .attribute("street", PgTypes.TEXT)
      .attribute("zip", PgTypes.INTEGER)
      .attribute("lines", PgTypes.TEXT.array())
      .attribute("kind", KIND)
      .comment("postal");

  static final CompositeType<Person> PERSON = CompositeType.of("person", Person.class)
      .attribute("name", PgTypes.TEXT, "C")
      .attribute("address", ADDRESS)
      .attribute("score", PgTypes.NUMERIC)
      .attribute("born", PgTypes.DATE);

  static final class Rows extends Table<Rows> {
    static final Rows ROWS = new Rows();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<Person> who = column("who", PERSON);
    final Column<Address[]> places = column("places", ADDRESS).array();

    private Rows() {
      super("rows");
    }
  }

  record Row(Integer id, Person who, Address[] places) {}

  static Database db;
  static PgTestContext ctx;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    ctx = pg;
    pg.execute("create type kind as enum ('home', 'work')");
    pg.execute("create type address as (street text, zip integer, lines text[], kind kind)");
    pg.execute("create type person as (name text collate \"C\", address address, score numeric, born date)");
    pg.execute("create table rows (id integer primary key, who person, places address[])");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @BeforeEach
  void clean() {
    ctx.execute("truncate rows");
  }

  static final String[] HOSTILE = {"", "a,b", "(paren)", "quote \" and ''", "back\\slash\\", " lead and trail ", "NULL",
      "tab\there", "new\nline", "ünïcødé ✓ 🚀", "{a,b}", "\"\""};

  static List<Row> rows() {
    Row[] out = new Row[HOSTILE.length + 2];
    for (int i = 0; i < HOSTILE.length; i++) {
      String h = HOSTILE[i];
      Address a = new Address(h, i % 3 == 0 ? null : 10000 + i, new String[] {h, null, "x y"}, Kind.values()[i % 2]);
      Person p = new Person(h + "#" + i, i % 4 == 0 ? null : a, i % 5 == 0 ? null : new BigDecimal("-1." + i),
          LocalDate.of(1990, 1, 1).plusDays(i));
      out[i] = new Row(i, p, new Address[] {a, null, new Address(null, null, null, null)});
    }
    out[HOSTILE.length] = new Row(100, null, null);
    out[HOSTILE.length + 1] = new Row(101, new Person(null, new Address(null, null, new String[0], null), null, null),
        new Address[0]);
    return Arrays.asList(out);
  }

  static List<Row> readBack() {
    return db.select(Rows.ROWS.id, Rows.ROWS.who, Rows.ROWS.places).from(Rows.ROWS).orderBy(Rows.ROWS.id).fetch(Row::new);
  }

  static void assertSame(List<Row> actual, List<Row> expected) {
    assertThat(actual).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(expected);
  }

  @Test
  void nestedCompositesWithNullAttributesAndHostileTextSurviveInsertAndSelect() {
    for (Row r : rows()) {
      db.insertInto(Rows.ROWS).set(Rows.ROWS.id, r.id()).set(Rows.ROWS.who, r.who()).set(Rows.ROWS.places, r.places())
          .execute();
    }
    assertSame(readBack(), rows());
  }

  @Test
  void compositeColumnsSurviveTheCopyAndBatchBulkPaths() {
    List<Row> rows = rows();
    db.bulk(BulkOptions.DEFAULT.withCopyMinRows(1)).insertMany(Rows.ROWS, rows,
        (row, r) -> row.set(Rows.ROWS.id, r.id()).set(Rows.ROWS.who, r.who()).set(Rows.ROWS.places, r.places()));
    assertSame(readBack(), rows);
    ctx.execute("truncate rows");
    db.bulk(new BulkOptions(3, 1_000_000)).insertMany(Rows.ROWS, rows,
        (row, r) -> row.set(Rows.ROWS.id, r.id()).set(Rows.ROWS.who, r.who()).set(Rows.ROWS.places, r.places()));
    assertSame(readBack(), rows);
  }

  @Test
  void valuesTheServerBuiltAreDecoded() {
    ctx.execute("insert into rows values (1, row('O''Brien, \"Jr\"', row('x\\y', null, array['p', null], 'work'), 2.5,"
        + " '2001-02-03')::person, array[row(' ', 1, '{}', null)::address, null])");
    Row r = readBack().get(0);
    assertThat(r.who().name()).isEqualTo("O'Brien, \"Jr\"");
    assertThat(r.who().address().street()).isEqualTo("x\\y");
    assertThat(r.who().address().zip()).isNull();
    assertThat(r.who().address().lines()).containsExactly("p", null);
    assertThat(r.who().address().kind()).isEqualTo(Kind.work);
    assertThat(r.who().score()).isEqualByComparingTo("2.5");
    assertThat(r.places()).hasSize(2);
    assertThat(r.places()[0].street()).isEqualTo(" ");
    assertThat(r.places()[0].lines()).isEmpty();
    assertThat(r.places()[1]).isNull();
  }

  @Test
  void theDslModelListsAttributesInOrderWithCollationAndComment() {
    CompositeTypeModel m = Schema.of(Rows.ROWS).toModel().compositeType("public", "address").orElseThrow();
    assertThat(m.attributes()).containsExactly(new CompositeTypeModel.Attribute("street", "text", null),
        new CompositeTypeModel.Attribute("zip", "integer", null), new CompositeTypeModel.Attribute("lines", "text[]", null),
        new CompositeTypeModel.Attribute("kind", "public.kind", null));
    assertThat(m.comment()).isEqualTo("postal");
    var schema = Schema.of(Rows.ROWS).toModel();
    assertThat(schema.compositeType("public", "person").orElseThrow().attributes().get(0).collation()).isEqualTo("C");
    assertThat(schema.enums()).extracting(e -> e.name()).containsExactly("kind");
  }

  record TooShort(String street) {}

  @Test
  void aRecordThatDoesNotMatchTheAttributesIsRefusedWhenTheSchemaIsBuilt() {
    CompositeType<TooShort> bad = CompositeType.of("bad", TooShort.class).attribute("street", PgTypes.TEXT)
        .attribute("zip", PgTypes.INTEGER);
    assertThatThrownBy(() -> Schema.of(bad).toModel()).isInstanceOf(SchemaDefinitionException.class)
        .hasMessageContaining("1 components but the type declares 2 attributes");
    record WrongType(Integer street) {}
    CompositeType<WrongType> wrong = CompositeType.of("wrong", WrongType.class).attribute("street", PgTypes.TEXT);
    assertThatThrownBy(wrong::toModel).isInstanceOf(SchemaDefinitionException.class)
        .hasMessageContaining("component street is Integer but attribute street (text) reads as String");
  }
}
