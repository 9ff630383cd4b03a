package dev.sluice.kit.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.Aggregate;
import dev.sluice.schema.Function;
import dev.sluice.schema.Namespace;
import dev.sluice.schema.SchemaDefinitionException;
import dev.sluice.schema.model.AggregateModel;
import dev.sluice.schema.model.AggregateModel.Kind;
import dev.sluice.schema.model.AggregateModel.Modify;
import dev.sluice.schema.model.SchemaModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden SQL of ordered-set, hypothetical-set, moving-mode, {@code SORTOP} and granted aggregates written with
 * the {@link Aggregate} DSL, and the models the DSL builds for them.
 */
class AggregateDdlTest {
  private static final Namespace NS = Namespace.of("ag");

  private static List<String> create(Aggregate a) {
    SchemaModel m = Tables.schema().schemas("ag").add(a.toModel()).build();
    return DdlRenderer.render(Differ.diff(Tables.schema().schemas("ag").build(), m));
  }

  @Test
  void anOrderedSetAggregateWritesItsDirectArgumentsBeforeOrderByAndKeepsTheReadWriteDefault() {
    Aggregate pct = Aggregate.of(NS, "pct").arg("fraction", "double precision").orderBy("integer")
        .stateFunction("ag._push").stateType("integer[]").finalFunction("ag._pick").finalExtra().initialCondition("{}");
    AggregateModel m = pct.toModel();
    assertThat(m.kind()).isEqualTo(Kind.ORDERED_SET);
    assertThat(m.directArguments()).isEqualTo(1);
    assertThat(m.finalModify()).isEqualTo(Modify.READ_WRITE);
    assertThat(m.signature()).isEqualTo("ag.pct(double precision, integer)");
    assertThat(create(pct)).containsExactly("CREATE AGGREGATE ag.pct(fraction double precision ORDER BY integer) (\n"
        + "    SFUNC = ag._push,\n    STYPE = integer[],\n    FINALFUNC = ag._pick,\n    FINALFUNC_EXTRA,\n"
        + "    INITCOND = '{}'\n)");
  }

  @Test
  void anOrderedSetAggregateWithoutDirectArgumentsAndAReadOnlyFinalFunctionSaysSo() {
    Aggregate mode = Aggregate.of(NS, "my_mode").orderBy("anyelement").stateFunction("ordered_set_transition")
        .stateType("internal").finalFunction("mode_final").finalExtra().finalModify(Modify.READ_ONLY);
    assertThat(create(mode)).containsExactly("CREATE AGGREGATE ag.my_mode(ORDER BY anyelement) (\n"
        + "    SFUNC = ordered_set_transition,\n    STYPE = internal,\n    FINALFUNC = mode_final,\n    FINALFUNC_EXTRA,\n"
        + "    FINALFUNC_MODIFY = READ_ONLY\n)");
  }

  @Test
  void aHypotheticalAggregateOverVariadicAnyKeepsOneArgumentAsPostgresqlDoes() {
    Aggregate rank = Aggregate.of(NS, "my_rank").variadic(null, "\"any\"").orderByVariadic(null, "\"any\"")
        .hypothetical().stateFunction("ordered_set_transition_multi").stateType("internal").finalFunction("rank_final")
        .finalExtra();
    AggregateModel m = rank.toModel();
    assertThat(m.arguments()).hasSize(1);
    assertThat(m.directArguments()).isEqualTo(1);
    assertThat(m.aggregatedArguments()).isEqualTo(m.arguments());
    assertThat(create(rank)).containsExactly("CREATE AGGREGATE ag.my_rank(VARIADIC \"any\" ORDER BY VARIADIC \"any\") (\n"
        + "    SFUNC = ordered_set_transition_multi,\n    STYPE = internal,\n    FINALFUNC = rank_final,\n    FINALFUNC_EXTRA,\n"
        + "    HYPOTHETICAL\n)");
  }

  @Test
  void movingModeSortOperatorAndGrantsAreRendered() {
    Function inv = Function.sql(NS, "_minus").arg("a", "bigint").arg("b", "integer").returns("bigint").immutable()
        .body("SELECT a - b");
    Aggregate sum = Aggregate.of(NS, "msum").arg("integer").stateFunction("int4_sum").stateType("bigint")
        .movingState("int4_sum", "ag._minus", "bigint").movingStateSpace(8).movingFinalFunction("int8um")
        .movingFinalModify(Modify.SHAREABLE).movingInitialCondition("0").finalFunction("int8um").revokeExecuteFromPublic()
        .grantExecute("Report Reader", "app");
    assertThat(sum.functions()).isEmpty();
    Aggregate withFn = Aggregate.of(NS, "msum2").arg("integer").stateFunction("int4_sum").stateType("bigint")
        .movingState(Function.sql(NS, "_plus").arg("a", "bigint").arg("b", "integer").returns("bigint").body("SELECT a + b"), inv,
            "bigint");
    assertThat(withFn.functions()).extracting(Function::name).containsExactly("_plus", "_minus");
    assertThat(create(sum)).containsExactly("CREATE AGGREGATE ag.msum(integer) (\n"
        + "    SFUNC = int4_sum,\n    STYPE = bigint,\n    FINALFUNC = int8um,\n"
        + "    MSFUNC = int4_sum,\n    MINVFUNC = ag._minus,\n    MSTYPE = bigint,\n    MSSPACE = 8,\n    MFINALFUNC = int8um,\n"
        + "    MFINALFUNC_MODIFY = SHAREABLE,\n    MINITCOND = '0'\n)",
        "REVOKE EXECUTE ON FUNCTION ag.msum(integer) FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION ag.msum(integer) TO \"Report Reader\"",
        "GRANT EXECUTE ON FUNCTION ag.msum(integer) TO app");
    Aggregate max = Aggregate.of(NS, "my_max").arg("integer").stateFunction("int4larger").stateType("integer").sortOperator(">");
    assertThat(max.toModel().sortOperator()).isEqualTo("pg_catalog.>");
    assertThat(create(max)).containsExactly("CREATE AGGREGATE ag.my_max(integer) (\n"
        + "    SFUNC = int4larger,\n    STYPE = integer,\n    SORTOP = OPERATOR(pg_catalog.>)\n)");
    Aggregate quoted = Aggregate.of(NS, "q").arg("integer").stateFunction("int4larger").stateType("integer")
        .sortOperator("\"My Ops\".<");
    assertThat(create(quoted).get(0)).contains("SORTOP = OPERATOR(\"My Ops\".<)");
  }

  @Test
  void grantsChangeInPlaceAndAReplacedAggregateKeepsThem() {
    Aggregate before = Aggregate.of(NS, "total").arg("integer").stateFunction("int4pl").stateType("integer");
    Aggregate after = Aggregate.of(NS, "total").arg("integer").stateFunction("int4pl").stateType("integer").initialCondition("0")
        .revokeExecuteFromPublic().grantExecute("app");
    SchemaModel from = Tables.schema().schemas("ag").add(before.toModel()).build();
    SchemaModel to = Tables.schema().schemas("ag").add(after.toModel()).build();
    assertThat(DdlRenderer.render(Differ.diff(from, to))).containsExactly(
        "CREATE OR REPLACE AGGREGATE ag.total(integer) (\n    SFUNC = int4pl,\n    STYPE = integer,\n    INITCOND = '0'\n)",
        "REVOKE EXECUTE ON FUNCTION ag.total(integer) FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION ag.total(integer) TO app");
  }

  @Test
  void becomingOrderedSetIsADropAndCreate() {
    Aggregate normal = Aggregate.of(NS, "pick").arg("double precision").arg("integer").stateFunction("ag._push")
        .stateType("integer[]");
    Aggregate ordered = Aggregate.of(NS, "pick").arg("double precision").orderBy("integer").stateFunction("ag._push")
        .stateType("integer[]");
    SchemaModel from = Tables.schema().schemas("ag").add(normal.toModel()).build();
    SchemaModel to = Tables.schema().schemas("ag").add(ordered.toModel()).build();
    assertThat(DdlRenderer.render(Differ.diff(from, to))).containsExactly(
        "DROP AGGREGATE ag.pick(double precision, integer)",
        "CREATE AGGREGATE ag.pick(double precision ORDER BY integer) (\n    SFUNC = ag._push,\n    STYPE = integer[]\n)");
  }

  @Test
  void optionsWithoutWhatTheyNeedAreRefused() {
    assertThatThrownBy(() -> Aggregate.of(NS, "h").arg("integer").hypothetical().stateFunction("int4pl").stateType("integer")
        .toModel()).isInstanceOf(SchemaDefinitionException.class).hasMessageContaining("orderBy");
    assertThatThrownBy(() -> Aggregate.of(NS, "m").arg("integer").stateFunction("int4pl").stateType("integer")
        .movingInitialCondition("0").toModel()).isInstanceOf(SchemaDefinitionException.class).hasMessageContaining("movingState");
    assertThatThrownBy(() -> Aggregate.of(NS, "s").arg("integer").sortOperator("<); drop table x; --"))
        .isInstanceOf(SchemaDefinitionException.class);
  }
}
