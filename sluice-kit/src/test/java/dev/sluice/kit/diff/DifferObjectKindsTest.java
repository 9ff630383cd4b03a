package dev.sluice.kit.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.model.CompositeTypeModel;
import dev.sluice.schema.model.CompositeTypeModel.Attribute;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.SchemaModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden SQL of the {@link ObjectKindFixtures} pairs (composite types, table options), up and down,
 * and the composite type changes PostgreSQL cannot make in place.
 */
class DifferObjectKindsTest {

  @Test
  void compositeTypesAreAlteredInPlaceAndNestedOnesKeepTheirOrder() {
    var f = ObjectKindFixtures.compositeTypes();
    assertThat(DifferAlterTest.up(f)).containsExactly(
        "[D] ALTER TYPE fx_composite.addr DROP ATTRIBUTE zip",
        "ALTER TYPE fx_composite.addr ADD ATTRIBUTE city text COLLATE \"C\"",
        "ALTER TYPE fx_composite.loose ALTER ATTRIBUTE a TYPE bigint",
        "CREATE TYPE fx_composite.point3 AS (x double precision, y double precision, z double precision)",
        "DROP TYPE fx_composite.reorder",
        "CREATE TYPE fx_composite.reorder AS (b integer, a integer)",
        "COMMENT ON TYPE fx_composite.addr IS 'a postal address'",
        "DROP TYPE fx_composite.gone");
    assertThat(DifferAlterTest.down(f)).containsExactly(
        "[D] ALTER TYPE fx_composite.addr DROP ATTRIBUTE city",
        "ALTER TYPE fx_composite.addr ADD ATTRIBUTE zip integer",
        "CREATE TYPE fx_composite.gone AS (a integer)",
        "ALTER TYPE fx_composite.loose ALTER ATTRIBUTE a TYPE integer",
        "DROP TYPE fx_composite.reorder",
        "CREATE TYPE fx_composite.reorder AS (a integer, b integer)",
        "COMMENT ON TYPE fx_composite.addr IS NULL",
        "DROP TYPE fx_composite.point3");
  }

  @Test
  void tableOptionsAreSetInCreateTableAndAlteredAfter() {
    var f = ObjectKindFixtures.tableOptions();
    assertThat(DifferAlterTest.up(f)).containsExactly(
        "CREATE UNLOGGED TABLE fx_table_options.scratch (\n  id integer NOT NULL,\n  note text,\n  CONSTRAINT scratch_pkey PRIMARY KEY (id)\n)"
            + " WITH (fillfactor = 50, toast.autovacuum_enabled = false)",
        "ALTER TABLE fx_table_options.cache SET LOGGED",
        "ALTER TABLE fx_table_options.cache SET (fillfactor = 80), RESET (autovacuum_enabled)",
        "ALTER TABLE fx_table_options.logs SET UNLOGGED",
        "ALTER TABLE fx_table_options.logs SET (autovacuum_enabled = false)",
        "CREATE UNIQUE INDEX events_id_key ON fx_table_options.events USING btree (id)",
        "ALTER TABLE fx_table_options.events REPLICA IDENTITY USING INDEX events_id_key",
        "ALTER TABLE fx_table_options.scratch REPLICA IDENTITY NOTHING");
    assertThat(DifferAlterTest.down(f)).containsExactly(
        "DROP INDEX fx_table_options.events_id_key",
        "[D] DROP TABLE fx_table_options.scratch",
        "ALTER TABLE fx_table_options.cache SET UNLOGGED",
        "ALTER TABLE fx_table_options.cache SET (fillfactor = 70, autovacuum_enabled = off)",
        "ALTER TABLE fx_table_options.logs SET LOGGED",
        "ALTER TABLE fx_table_options.logs RESET (autovacuum_enabled)",
        "ALTER TABLE fx_table_options.events REPLICA IDENTITY FULL");
  }

  private static SchemaModel stored(CompositeTypeModel t) {
    return Tables.schema().add(t).add(Tables.table("public", "t").column("v", "public.pair")).build();
  }

  @Test
  void aStoredCompositeWhoseAttributeChangesTypeIsRefusedNamingTheColumn() {
    var from = stored(new CompositeTypeModel("public", "pair", List.of(new Attribute("a", "integer", null)), null));
    var to = stored(new CompositeTypeModel("public", "pair", List.of(new Attribute("a", "bigint", null)), null));
    assertThatThrownBy(() -> Differ.diff(from, to)).isInstanceOf(UnsupportedChangeException.class)
        .hasMessageContaining("composite type public.pair").hasMessageContaining("column public.t.v");
  }

  @Test
  void aStoredCompositeWithAnAttributeInsertedBeforeOthersIsRefused() {
    var from = stored(new CompositeTypeModel("public", "pair", List.of(new Attribute("a", "integer", null)), null));
    var to = stored(new CompositeTypeModel("public", "pair",
        List.of(new Attribute("first", "text", null), new Attribute("a", "integer", null)), null));
    assertThatThrownBy(() -> Differ.diff(from, to)).isInstanceOf(UnsupportedChangeException.class)
        .hasMessageContaining("only append attributes");
  }

  @Test
  void newCompositeTypesAreCreatedAfterTheTypesTheirAttributesUseAndBeforeTables() {
    var outer = new CompositeTypeModel("public", "a_outer", List.of(new Attribute("inner", "public.z_inner[]", null)), null);
    var inner = new CompositeTypeModel("public", "z_inner", List.of(new Attribute("m", "public.mood", null)), null);
    var to = Tables.schema().add(new EnumModel("public", "mood", List.of("ok"), null)).add(outer).add(inner)
        .add(Tables.table("public", "t").column("v", "public.a_outer")).build();
    assertThat(DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, to))).containsExactly(
        "CREATE TYPE public.mood AS ENUM ('ok')",
        "CREATE TYPE public.z_inner AS (m public.mood)",
        "CREATE TYPE public.a_outer AS (\"inner\" public.z_inner[])",
        "CREATE TABLE public.t (\n  v public.a_outer\n)");
    assertThat(DdlRenderer.render(Differ.diff(to, SchemaModel.EMPTY))).containsExactly(
        "DROP TABLE public.t",
        "DROP TYPE public.a_outer",
        "DROP TYPE public.z_inner",
        "DROP TYPE public.mood");
  }

  @Test
  void anEnumRebuildUnderACompositeAttributeIsRefused() {
    var pair = new CompositeTypeModel("public", "pair", List.of(new Attribute("m", "public.mood", null)), null);
    var from = Tables.schema().add(new EnumModel("public", "mood", List.of("a", "b"), null)).add(pair).build();
    var to = Tables.schema().add(new EnumModel("public", "mood", List.of("b", "a"), null)).add(pair).build();
    assertThatThrownBy(() -> Differ.diff(from, to)).isInstanceOf(UnsupportedChangeException.class)
        .hasMessageContaining("composite type");
  }
}
