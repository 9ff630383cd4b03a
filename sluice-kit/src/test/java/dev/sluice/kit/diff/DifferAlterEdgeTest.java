package dev.sluice.kit.diff;

import static dev.sluice.kit.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.ExtensionModel;
import dev.sluice.schema.model.GrantModel;
import dev.sluice.schema.model.IdentityModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.SequenceModel;
import dev.sluice.schema.model.SequenceOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alter/drop cases beside the fixtures: single rules, each with its SQL. */
class DifferAlterEdgeTest {

  private static List<String> sql(SchemaModel from, SchemaModel to) {
    return DdlRenderer.render(Differ.diff(from, to));
  }

  @Test
  void anExtensionMovedToAnotherSchemaIsAlteredNotReinstalled() {
    var from = Tables.schema().schemas("ext").add(new ExtensionModel("citext", null)).build();
    var to = Tables.schema().schemas("ext").add(new ExtensionModel("citext", "ext")).build();
    assertThat(sql(from, to)).containsExactly("ALTER EXTENSION citext SET SCHEMA ext");
  }

  @Test
  void sequenceOptionsReturningToTheirDefaultsAreResetExplicitly() {
    var from = Tables.schema().add(new SequenceModel("public", "s", "bigint",
        new SequenceOptions(10L, -1L, -100L, 100L, 5L, true), null)).build();
    var to = Tables.schema().add(new SequenceModel("public", "s", "bigint", null, null)).build();
    assertThat(sql(from, to)).containsExactly(
        "ALTER SEQUENCE public.s INCREMENT BY 1 NO MINVALUE NO MAXVALUE START WITH 1 CACHE 1 NO CYCLE");
  }

  @Test
  void identityOptionsChangeWithSetClauses() {
    var from = Tables.schema().add(table("public", "t").column(new ColumnModel("id", "bigint", true, null,
        new IdentityModel(IdentityModel.Kind.BY_DEFAULT, new SequenceOptions(null, null, null, 1000L, null, true)), null, null, null)))
        .build();
    var to = Tables.schema().add(table("public", "t").column(new ColumnModel("id", "bigint", true, null,
        new IdentityModel(IdentityModel.Kind.BY_DEFAULT, null), null, null, null))).build();
    assertThat(sql(from, to)).containsExactly("ALTER TABLE public.t ALTER COLUMN id SET NO MAXVALUE SET NO CYCLE");
  }

  @Test
  void valuesAddedToAnEmptyEnumAreAppended() {
    var from = Tables.schema().add(new EnumModel("public", "e", List.of(), null)).build();
    var to = Tables.schema().add(new EnumModel("public", "e", List.of("a", "b"), null)).build();
    assertThat(sql(from, to)).containsExactly("ALTER TYPE public.e ADD VALUE 'a'", "ALTER TYPE public.e ADD VALUE 'b'");
  }

  @Test
  void theConcurrentlyFlagAloneIsNoChangeAndACommentAloneIsACommentChange() {
    var plain = new IndexModel("t_a_idx", false, null, List.of(IndexModel.IndexElement.column("a")), null, null, null, false, false,
        null);
    var concurrent = new IndexModel("t_a_idx", false, null, List.of(IndexModel.IndexElement.column("a")), null, null, null, false,
        true, "note");
    var from = Tables.schema().add(table("public", "t").column("a", "integer").index(plain)).build();
    var to = Tables.schema().add(table("public", "t").column("a", "integer").index(concurrent)).build();
    assertThat(sql(from, to)).containsExactly("COMMENT ON INDEX public.t_a_idx IS 'note'");
  }

  @Test
  void policyRolesChangeThroughAlterPolicy() {
    var p1 = new PolicyModel("p", PolicyModel.Command.SELECT, true, List.of(), "true", null);
    var p2 = new PolicyModel("p", PolicyModel.Command.SELECT, true, List.of("app", "public"), "true", null);
    var from = Tables.schema().add(table("public", "t").column("a", "integer").policy(p1)).build();
    var to = Tables.schema().add(table("public", "t").column("a", "integer").policy(p2)).build();
    assertThat(sql(from, to)).containsExactly("ALTER POLICY p ON public.t TO app, PUBLIC USING (true)");
  }

  @Test
  void grantsOnADroppedTableGoWithItWithoutRevokes() {
    var from = Tables.schema().add(table("public", "t").column("a", "integer"))
        .add(new GrantModel("TABLE", "public", "t", "app", List.of("SELECT"))).build();
    assertThat(sql(from, SchemaModel.EMPTY)).containsExactly("DROP TABLE public.t");
  }

  @Test
  void aForeignKeyToADroppedTableIsDroppedFirst() {
    var from = Tables.schema().add(table("public", "a").column("id", "integer").primaryKey("a_pkey", "id"))
        .add(table("public", "b").column("a_id", "integer").foreignKey(Tables.fk("b_a_id_fkey", "a_id", "public", "a", "id")))
        .build();
    var to = Tables.schema().add(table("public", "b").column("a_id", "integer")).build();
    assertThat(sql(from, to)).containsExactly("ALTER TABLE public.b DROP CONSTRAINT b_a_id_fkey", "DROP TABLE public.a");
  }

  @Test
  void dropsDescribeWhatIsLost() {
    var from = Tables.schema().add(table("public", "t").column("a", "integer").column("b", "integer")).build();
    var to = Tables.schema().add(table("public", "t").column("a", "integer")).build();
    assertThat(Differ.diff(from, to)).singleElement().satisfies(c -> {
      assertThat(c.destructive()).isTrue();
      assertThat(c.description()).isEqualTo("table public.t: drop column b (its values are lost)");
    });
    assertThat(Differ.diff(to, SchemaModel.EMPTY)).singleElement()
        .satisfies(c -> assertThat(c.description()).isEqualTo("table public.t: drop (its rows are lost)"));
  }

  @Test
  void typeChangesAreLossyUnlessTheyWiden() {
    assertThat(TypeChanges.lossy("integer", "bigint")).isFalse();
    assertThat(TypeChanges.lossy("bigint", "integer")).isTrue();
    assertThat(TypeChanges.lossy("character varying(10)", "character varying(20)")).isFalse();
    assertThat(TypeChanges.lossy("character varying(20)", "character varying(10)")).isTrue();
    assertThat(TypeChanges.lossy("character varying(20)", "text")).isFalse();
    assertThat(TypeChanges.lossy("text", "character varying(20)")).isTrue();
    assertThat(TypeChanges.lossy("numeric(10,2)", "numeric(12,2)")).isFalse();
    assertThat(TypeChanges.lossy("numeric(10,2)", "numeric(10,1)")).isTrue();
    assertThat(TypeChanges.lossy("timestamp(3) without time zone", "timestamp(6) without time zone")).isFalse();
    assertThat(TypeChanges.lossy("integer[]", "bigint[]")).isFalse();
    assertThat(TypeChanges.lossy("jsonb", "integer")).isTrue();
    assertThat(TypeChanges.using("c", "integer", "bigint")).isNull();
    assertThat(TypeChanges.using("c", "timestamp(3) with time zone", "timestamp without time zone")).isNull();
    assertThat(TypeChanges.using("c", "text", "uuid")).isEqualTo("c::uuid");
    assertThat(TypeChanges.using("Odd", "text[]", "integer[]")).isEqualTo("\"Odd\"::integer[]");
  }

  @Test
  void aDifferenceWithoutAnyChangeIsReportedAsADifferBug() {
    var from = Tables.schema().add(table("public", "t").column("a", "integer")).build();
    var to = Tables.schema().add(table("public", "t").column("a", "bigint")).build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CoverageGuard.check(from, to, List.of()))
        .isInstanceOf(UnsupportedChangeException.class)
        .hasMessage("table public.t: column a changed type (integer -> bigint), but the differ produced no change for it"
            + " (a Sluice bug: please report it)");
  }

  @Test
  void aMaterializedViewIndexBuiltConcurrentlyIsNoChange() {
    var plain = new IndexModel("m_a_idx", false, null, List.of(IndexModel.IndexElement.column("a")), null, null, null, false, false,
        null);
    var concurrent = new IndexModel("m_a_idx", false, null, List.of(IndexModel.IndexElement.column("a")), null, null, null, false,
        true, null);
    var from = Tables.schema().add(new dev.sluice.schema.model.ViewModel("public", "m", "SELECT 1 AS a", true, false, false, null,
        true, List.of(plain), null)).build();
    var to = Tables.schema().add(new dev.sluice.schema.model.ViewModel("public", "m", "SELECT 1 AS a", true, false, false, null,
        true, List.of(concurrent), null)).build();
    assertThat(sql(from, to)).isEmpty();
  }

  @Test
  void anIdentityAddedToAMixedCaseColumnFindsItsSequenceByTheLiteralName() {
    var from = Tables.schema().add(table("App", "Orders").column(new ColumnModel("Id", "bigint", true, null, null, null, null, null)))
        .build();
    var to = Tables.schema().add(table("App", "Orders").column(new ColumnModel("Id", "bigint", true, null,
        new IdentityModel(IdentityModel.Kind.BY_DEFAULT, null), null, null, null))).build();
    assertThat(sql(from, to)).containsExactly(
        "ALTER TABLE \"App\".\"Orders\" ALTER COLUMN \"Id\" ADD GENERATED BY DEFAULT AS IDENTITY",
        "SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('\"App\".\"Orders\"', 'Id'), coalesce(max(\"Id\"), 0) + 1, false)"
            + " FROM \"App\".\"Orders\"");
  }
}
