package dev.sluice.kit.diff;

import static dev.sluice.kit.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.Collation;
import dev.sluice.schema.Function;
import dev.sluice.schema.Namespace;
import dev.sluice.schema.RangeType;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.ExclusionModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.IndexModel.IndexElement;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Convergence of collations and range types: create {@code from}, insert rows, apply
 * {@code diff(from, to)}, check rows and behaviour (a case-insensitive comparison, an exclusion
 * constraint over a range column), then the database introspected must equal (and re-diff empty
 * against) a shadow database created from {@code to}; the same for the way down. ICU collations
 * need a server built with ICU (the embedded PostgreSQL and Debian's both are).
 */
@PgTest
class CollationRangeTypeConvergenceLiveTest {

  record Fixture(String name, SchemaModel from, SchemaModel to, List<String> seed, Map<String, String> expect,
      List<String> mustContain, List<String> mustNotContain) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static SchemaModel model(String s, Object... objects) {
    Tables.SchemaModelBuilder b = Tables.schema().schemas(s);
    for (Object o : objects) b.add(o);
    return b.build();
  }

  private static ColumnModel collated(String name, String type, String collation) {
    return new ColumnModel(name, type, false, null, null, null, collation, null);
  }

  private static Collation ci(String s) {
    return Collation.icu(Namespace.of(s), "ci", "und-u-ks-level2").nondeterministic();
  }

  static List<Fixture> fixtures() {
    List<Fixture> out = new ArrayList<>();
    // a case-insensitive ICU collation, created before the domain, the column and the index using it
    {
      String s = "collrange_coll_new";
      String ref = s + ".ci";
      Tables before = table(s, "users").notNull("id", "integer").column("email", "text").column("nick", "text")
          .primaryKey("users_pkey", "id");
      Tables after = table(s, "users").notNull("id", "integer").column(collated("email", "text", ref))
          .column("nick", "text").primaryKey("users_pkey", "id")
          .index(new IndexModel("users_nick_ci", false, "btree",
              List.of(new IndexElement("nick", false, ref, null, false, null)), null, null, null, false, false, null));
      out.add(new Fixture(s, model(s, before),
          model(s, ci(s).comment("case-insensitive"), after, new DomainModel(s, "handle", "text", false, null, List.of(), null, ref),
              Collation.libc(Namespace.of(s), "posix", "C", "POSIX")),
          List.of("INSERT INTO collrange_coll_new.users VALUES (1, 'Ann@Example.org', 'Ann')"),
          Map.of("SELECT count(*) FROM collrange_coll_new.users WHERE email = 'ann@example.ORG'", "1",
              "SELECT collprovider::text || collisdeterministic::text FROM pg_collation WHERE collname = 'ci'"
                  + " AND collnamespace = 'collrange_coll_new'::regnamespace", "ifalse"),
          List.of("CREATE COLLATION collrange_coll_new.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false)",
              "COLLATE collrange_coll_new.ci", "COMMENT ON COLLATION collrange_coll_new.ci IS 'case-insensitive'",
              "CREATE COLLATION collrange_coll_new.posix (provider = libc, lc_collate = 'C', lc_ctype = 'POSIX')"),
          List.of()));
    }
    // a changed collation nothing uses is dropped and created again; a comment changes in place
    {
      String s = "collrange_coll_change";
      Namespace ns = Namespace.of(s);
      Tables items = table(s, "items").notNull("id", "integer").column("label", "text").primaryKey("items_pkey", "id");
      out.add(new Fixture(s,
          model(s, items, Collation.icu(ns, "sorted", "de-u-co-phonebk"), Collation.libc(ns, "plain", "C"), ci(s)),
          model(s, items, Collation.icu(ns, "sorted", "und-u-kn-true"), Collation.libc(ns, "plain", "C").comment("bytes"),
              Collation.icu(ns, "ci", "und-u-ks-level2")),
          List.of("INSERT INTO collrange_coll_change.items VALUES (1, 'a')"),
          Map.of("SELECT count(*) FROM collrange_coll_change.items", "1"),
          List.of("DROP COLLATION collrange_coll_change.sorted", "CREATE COLLATION collrange_coll_change.sorted (provider = icu,"
              + " locale = 'und-u-kn-true')", "DROP COLLATION collrange_coll_change.ci", "COMMENT ON COLLATION collrange_coll_change.plain"),
          List.of("DROP COLLATION collrange_coll_change.plain")));
    }
    // range types: a built-in difference function, a SQL one declared with it, a collation, a multirange name;
    // a column of it with an exclusion constraint (the range type's own gist operator class), a function over it
    {
      String s = "collrange_range_new";
      Namespace ns = Namespace.of(s);
      Function diff = Function.sql(ns, "time_diff").arg("x", "time without time zone").arg("y", "time without time zone")
          .returns("double precision").immutable().body("SELECT EXTRACT(EPOCH FROM (x - y))::double precision");
      RangeType floats = RangeType.of(ns, "floatrange", "double precision").subtypeDiff("float8mi").comment("floats");
      RangeType times = RangeType.of(ns, "timerange", "time without time zone").subtypeDiff(diff).multirange("time_ranges");
      RangeType texts = RangeType.of(ns, "textrange", "text").collation("C");
      Function width = Function.sql(ns, "width").arg("r", s + ".floatrange").returns("double precision").immutable()
          .body("SELECT upper(r) - lower(r)");
      Tables before = table(s, "slots").notNull("id", "integer").column("note", "text").primaryKey("slots_pkey", "id");
      Tables after = table(s, "slots").notNull("id", "integer").column("note", "text").column("span", s + ".floatrange")
          .column("opening", s + ".timerange").column("letters", s + ".textrange[]").primaryKey("slots_pkey", "id")
          .exclusion(new ExclusionModel("slots_no_overlap", "gist", List.of(new ExclusionModel.Element("span", null, "&&")),
              null, false, false));
      out.add(new Fixture(s, model(s, before), model(s, floats, times, texts, width, after),
          List.of("INSERT INTO collrange_range_new.slots VALUES (1, 'a'), (2, 'b')"),
          Map.of("SELECT count(*) FROM collrange_range_new.slots", "2",
              "SELECT typname::text FROM pg_type WHERE oid = (SELECT rngmultitypid FROM pg_range"
                  + " WHERE rngtypid = 'collrange_range_new.timerange'::regtype)", "time_ranges",
              "SELECT collrange_range_new.width('[1.5,4)'::collrange_range_new.floatrange)", "2.5"),
          List.of("CREATE TYPE collrange_range_new.floatrange AS RANGE (SUBTYPE = double precision, SUBTYPE_DIFF = float8mi)",
              "SUBTYPE_DIFF = collrange_range_new.time_diff, MULTIRANGE_TYPE_NAME = collrange_range_new.time_ranges",
              "COLLATION = \"C\"", "COMMENT ON TYPE collrange_range_new.floatrange IS 'floats'", "EXCLUDE USING gist (span WITH &&)"),
          List.of()));
    }
    // a changed range type no column stores is dropped and created again; a comment changes in place
    {
      String s = "collrange_range_change";
      Namespace ns = Namespace.of(s);
      Tables items = table(s, "items").notNull("id", "integer").column("span", s + ".keep").primaryKey("items_pkey", "id");
      out.add(new Fixture(s,
          model(s, items, RangeType.of(ns, "keep", "integer"), RangeType.of(ns, "loose", "double precision")),
          model(s, items, RangeType.of(ns, "keep", "integer").comment("stored"),
              RangeType.of(ns, "loose", "double precision").subtypeDiff("float8mi").multirange("loose_many")),
          List.of("INSERT INTO collrange_range_change.items VALUES (1, '[1,3)')"),
          Map.of("SELECT span::text FROM collrange_range_change.items", "[1,3)"),
          List.of("DROP TYPE collrange_range_change.loose", "MULTIRANGE_TYPE_NAME = collrange_range_change.loose_many",
              "COMMENT ON TYPE collrange_range_change.keep IS 'stored'"),
          List.of("DROP TYPE collrange_range_change.keep")));
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyCollationAndRangeTypeChangeConverges(PgTestContext db) {
    return fixtures().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> converge(db, f)));
  }

  @Test
  void aChangedCollationAColumnUsesIsRefusedNamingTheColumn() {
    String s = "collrange_refuse";
    Tables t = table(s, "t").column(collated("name", "text", s + ".ci"));
    SchemaModel a = model(s, ci(s), t);
    SchemaModel b = model(s, Collation.icu(Namespace.of(s), "ci", "und-u-ks-level1").nondeterministic(), t);
    assertThat(Differ.diff(a, a)).isEmpty();
    assertThatThrownBy(() -> Differ.diff(a, b)).isInstanceOf(UnsupportedChangeException.class)
        .hasMessageContaining("collation collrange_refuse.ci").hasMessageContaining("column collrange_refuse.t.name")
        .hasMessageContaining("PostgreSQL cannot alter a collation");
  }

  @Test
  void aChangedRangeTypeAColumnStoresIsRefusedNamingTheColumn() {
    String s = "collrange_refuse";
    Namespace ns = Namespace.of(s);
    Tables t = table(s, "t").column("span", s + ".r[]");
    SchemaModel a = model(s, RangeType.of(ns, "r", "integer"), t);
    SchemaModel b = model(s, RangeType.of(ns, "r", "bigint"), t);
    assertThatThrownBy(() -> Differ.diff(a, b)).isInstanceOf(UnsupportedChangeException.class)
        .hasMessageContaining("range type collrange_refuse.r").hasMessageContaining("column collrange_refuse.t.span")
        .hasMessageContaining("PostgreSQL cannot alter a range type");
  }

  @Test
  void theDefaultMultirangeNameIsNotPartOfTheModel() {
    Namespace ns = Namespace.of("collrange_m");
    assertThat(RangeType.of(ns, "floatrange", "double precision").multirange("floatmultirange").toModel().multirange()).isNull();
    assertThat(RangeType.of(ns, "span", "integer").multirange("span_multirange").toModel().multirange()).isNull();
    assertThat(RangeType.of(ns, "span", "integer").multirange("spans").toModel().multirange()).isEqualTo("spans");
  }

  private static void converge(PgTestContext db, Fixture f) throws Exception {
    ConvergenceRun.converge(db, f.name(), f.from(), f.to(), f.seed(), f.expect(), f.mustContain(), f.mustNotContain(), null,
        CollationRangeTypeConvergenceLiveTest::only, (name, actual, want) -> {
          assertThat(actual.collations()).as(name + ": collations").isEqualTo(want.collations());
          assertThat(actual.rangeTypes()).as(name + ": range types").isEqualTo(want.rangeTypes());
          assertThat(actual.tables()).as(name + ": tables").isEqualTo(want.tables());
          assertThat(actual.domains()).as(name + ": domains").isEqualTo(want.domains());
          assertThat(actual.functions()).as(name + ": functions").isEqualTo(want.functions());
        });
  }

  static SchemaModel only(String name, SchemaModel m) {
    Predicate<String> mine = s -> s != null && s.equals(name);
    return AggregateStatisticsRuleConvergenceLiveTest.only(name, m)
        .withCollations(m.collations().stream().filter(x -> mine.test(x.schema())).toList())
        .withRangeTypes(m.rangeTypes().stream().filter(x -> mine.test(x.schema())).toList());
  }
}
