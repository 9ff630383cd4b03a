package dev.sluice.kit.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.model.AggregateModel;
import dev.sluice.schema.model.AggregateModel.Modify;
import dev.sluice.schema.model.AggregateModel.Moving;
import dev.sluice.schema.model.FunctionModel.Argument;
import dev.sluice.schema.model.FunctionModel.Mode;
import dev.sluice.schema.model.FunctionModel.Parallel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.StatisticsModel;
import dev.sluice.schema.model.StatisticsModel.Kind;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Aggregates (every kind and option) and extended statistics created with plain SQL, read back by the introspector exactly. */
@PgTest
class IntrospectorAggregatesStatisticsLiveTest {
  static SchemaModel model;

  @BeforeAll
  static void create(PgTestContext pg) throws Exception {
    pg.execute("""
        CREATE SCHEMA aggs;
        CREATE TABLE aggs.t (id integer, a text, b integer, c numeric);
        CREATE FUNCTION aggs._cat(text, text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ select $1 || $2 $$;
        CREATE FUNCTION aggs._done(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ select upper($1) $$;
        CREATE AGGREGATE aggs.cat(x text) (SFUNC = aggs._cat, STYPE = text, FINALFUNC = aggs._done,
          FINALFUNC_MODIFY = SHAREABLE, INITCOND = '>', SSPACE = 32, PARALLEL = RESTRICTED);
        COMMENT ON AGGREGATE aggs.cat(text) IS 'cat';
        CREATE AGGREGATE aggs.n(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0');
        CREATE AGGREGATE aggs.sum_ordered(ORDER BY anyelement) (SFUNC = pg_catalog.ordered_set_transition, STYPE = internal,
          FINALFUNC = pg_catalog.mode_final, FINALFUNC_EXTRA);
        CREATE AGGREGATE aggs.moving(integer) (SFUNC = int4pl, STYPE = integer, MSFUNC = int4pl, MINVFUNC = int4mi,
          MSTYPE = integer, MSSPACE = 4, MINITCOND = '0', MFINALFUNC = int4abs, MFINALFUNC_MODIFY = SHAREABLE);
        CREATE AGGREGATE aggs.biggest(integer) (SFUNC = int4larger, STYPE = integer, SORTOP = >);
        CREATE AGGREGATE aggs.ranked(VARIADIC "any" ORDER BY VARIADIC "any") (SFUNC = ordered_set_transition_multi,
          STYPE = internal, FINALFUNC = rank_final, FINALFUNC_EXTRA, HYPOTHETICAL);
        DO $$ BEGIN CREATE ROLE aggs_intro_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
        REVOKE EXECUTE ON FUNCTION aggs.biggest(integer) FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION aggs.biggest(integer) TO aggs_intro_reader;
        CREATE AGGREGATE aggs.grant_option(integer) (SFUNC = int4pl, STYPE = integer);
        GRANT EXECUTE ON FUNCTION aggs.grant_option(integer) TO aggs_intro_reader WITH GRANT OPTION;
        CREATE STATISTICS aggs.all_kinds ON b, a FROM aggs.t;
        CREATE STATISTICS aggs.chosen (mcv, dependencies) ON c, id FROM aggs.t;
        ALTER STATISTICS aggs.chosen SET STATISTICS 250;
        COMMENT ON STATISTICS aggs.chosen IS 'two';
        CREATE STATISTICS aggs.one_expr ON (lower(a)) FROM aggs.t;
        CREATE STATISTICS aggs.mixed (ndistinct) ON b, (c * 2), (lower(a)) FROM aggs.t;
        CREATE SCHEMA aggs_other;
        CREATE TABLE aggs_other.hidden (x integer, y integer);
        CREATE STATISTICS aggs.on_hidden ON x, y FROM aggs_other.hidden;
        """);
    try (Connection c = pg.connect()) {
      model = Introspector.introspect(c, IntrospectOptions.schemas("aggs"));
    }
  }

  @Test
  void readsNormalOrderedSetHypotheticalAndMovingAggregatesWithEveryOptionButNotAGrantOption() {
    assertThat(model.aggregates()).containsExactly(
        new AggregateModel("aggs", "biggest", List.of(new Argument(Mode.IN, null, "integer", null)), "int4larger", "integer", null,
            null, false, Modify.READ_ONLY, null, null, null, null, Parallel.UNSAFE, null, AggregateModel.Kind.NORMAL, 0, "pg_catalog.>", null,
            List.of("aggs_intro_reader")),
        new AggregateModel("aggs", "cat", List.of(new Argument(Mode.IN, "x", "text", null)), "aggs._cat", "text", 32, "aggs._done",
            false, Modify.SHAREABLE, null, null, null, ">", Parallel.RESTRICTED, "cat"),
        new AggregateModel("aggs", "moving", List.of(new Argument(Mode.IN, null, "integer", null)), "int4pl", "integer", null, null,
            false, Modify.READ_ONLY, null, null, null, null, Parallel.UNSAFE, null, AggregateModel.Kind.NORMAL, 0, null,
            new Moving("int4pl", "int4mi", "integer", 4, "int4abs", false, Modify.SHAREABLE, "0"), null),
        new AggregateModel("aggs", "n", List.of(), "int8inc", "bigint", null, null, false, Modify.READ_ONLY, null, null, null, "0",
            Parallel.UNSAFE, null),
        new AggregateModel("aggs", "ranked", List.of(new Argument(Mode.VARIADIC, null, "\"any\"", null)),
            "ordered_set_transition_multi", "internal", null, "rank_final", true, Modify.READ_WRITE, null, null, null, null,
            Parallel.UNSAFE, null, AggregateModel.Kind.HYPOTHETICAL, 1, null, null, null),
        new AggregateModel("aggs", "sum_ordered", List.of(new Argument(Mode.IN, null, "anyelement", null)),
            "ordered_set_transition", "internal", null, "mode_final", true, null, null, null, null, null, Parallel.UNSAFE, null,
            AggregateModel.Kind.ORDERED_SET, 0, null, null, null));
    assertThat(model.functions()).extracting(f -> f.name()).containsExactly("_cat", "_done");
  }

  @Test
  void readsStatisticsWithKindsColumnsInTableOrderExpressionsTargetsAndComments() {
    assertThat(model.statistics()).containsExactly(
        new StatisticsModel("aggs", "all_kinds", "aggs", "t", List.of(Kind.values()), List.of("a", "b"), List.of(), null, null),
        new StatisticsModel("aggs", "chosen", "aggs", "t", List.of(Kind.DEPENDENCIES, Kind.MCV), List.of("id", "c"), List.of(),
            250, "two"),
        new StatisticsModel("aggs", "mixed", "aggs", "t", List.of(Kind.NDISTINCT), List.of("b"), List.of("(c * (2)::numeric)",
            "lower(a)"), null, null),
        new StatisticsModel("aggs", "on_hidden", "aggs_other", "hidden", List.of(Kind.values()), List.of("x", "y"), List.of(), null,
            null),
        new StatisticsModel("aggs", "one_expr", "aggs", "t", List.of(), List.of(), List.of("lower(a)"), null, null));
  }

  @Test
  void statisticsOnAnExcludedTableAreLeftOut(PgTestContext pg) throws Exception {
    try (Connection c = pg.connect()) {
      SchemaModel m = Introspector.introspect(c, new IntrospectOptions(List.of("aggs"), List.of("t")));
      assertThat(m.statistics()).extracting(StatisticsModel::name).containsExactly("on_hidden");
    }
  }
}
