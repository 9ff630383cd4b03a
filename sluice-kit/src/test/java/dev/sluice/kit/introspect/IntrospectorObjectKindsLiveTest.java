package dev.sluice.kit.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.model.CompositeTypeModel;
import dev.sluice.schema.model.CompositeTypeModel.Attribute;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableOptions;
import dev.sluice.schema.model.TableOptions.ReplicaIdentity;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Composite types and table options created with plain SQL, read back by the introspector. */
@PgTest
class IntrospectorObjectKindsLiveTest {
  static SchemaModel model;

  @BeforeAll
  static void create(PgTestContext pg) throws Exception {
    pg.execute("""
        CREATE SCHEMA kinds;
        CREATE TYPE kinds.mood AS ENUM ('ok');
        CREATE TYPE kinds.addr AS (street text COLLATE "C", zip varchar(10), gone integer, mood kinds.mood);
        ALTER TYPE kinds.addr DROP ATTRIBUTE gone;
        COMMENT ON TYPE kinds.addr IS 'postal';
        CREATE TYPE kinds."Nested Type" AS (homes kinds.addr[], n numeric(8,2));
        CREATE TYPE kinds.empty AS ();
        CREATE TABLE kinds.plain (id integer PRIMARY KEY, home kinds.addr, note text);
        CREATE VIEW kinds.v AS SELECT id FROM kinds.plain;
        CREATE UNLOGGED TABLE kinds.cache (id integer, note text)
          WITH (fillfactor = 70, autovacuum_enabled = off, toast.autovacuum_enabled = false);
        CREATE TABLE kinds.full_id (id integer) WITH (fillfactor = 90);
        ALTER TABLE kinds.full_id REPLICA IDENTITY FULL;
        CREATE TABLE kinds.no_id (id integer);
        ALTER TABLE kinds.no_id REPLICA IDENTITY NOTHING;
        CREATE TABLE kinds.by_index (id integer NOT NULL);
        CREATE UNIQUE INDEX by_index_id ON kinds.by_index (id);
        ALTER TABLE kinds.by_index REPLICA IDENTITY USING INDEX by_index_id;
        CREATE TABLE kinds.index_gone (id integer NOT NULL);
        CREATE UNIQUE INDEX index_gone_id ON kinds.index_gone (id);
        ALTER TABLE kinds.index_gone REPLICA IDENTITY USING INDEX index_gone_id;
        DROP INDEX kinds.index_gone_id;
        """);
    try (Connection c = pg.connect()) {
      model = Introspector.introspect(c, IntrospectOptions.all());
    }
  }

  @Test
  void readsCompositeTypesInFieldOrderWithCollationsCommentsAndQuotedNamesButNotRowTypesOfRelations() {
    assertThat(model.compositeTypes()).containsExactly(
        new CompositeTypeModel("kinds", "Nested Type",
            List.of(new Attribute("homes", "kinds.addr[]", null), new Attribute("n", "numeric(8,2)", null)), null),
        new CompositeTypeModel("kinds", "addr", List.of(new Attribute("street", "text", "C"),
            new Attribute("zip", "character varying(10)", null), new Attribute("mood", "kinds.mood", null)), "postal"),
        new CompositeTypeModel("kinds", "empty", List.of(), null));
    assertThat(model.table("kinds", "plain").orElseThrow().column("home").orElseThrow().type()).isEqualTo("kinds.addr");
  }

  @Test
  void readsUnloggedStorageParametersIncludingToastOnesAndEveryReplicaIdentity() {
    assertThat(model.table("kinds", "plain").orElseThrow().options()).isEqualTo(TableOptions.DEFAULT);
    assertThat(model.table("kinds", "cache").orElseThrow().options()).isEqualTo(new TableOptions(true,
        Map.of("fillfactor", "70", "autovacuum_enabled", "off", "toast.autovacuum_enabled", "false"), null, null));
    assertThat(model.table("kinds", "cache").orElseThrow().options().with().keySet()).as("in the order written")
        .containsExactly("fillfactor", "autovacuum_enabled", "toast.autovacuum_enabled");
    assertThat(model.table("kinds", "full_id").orElseThrow().options())
        .isEqualTo(new TableOptions(false, Map.of("fillfactor", "90"), ReplicaIdentity.FULL, null));
    assertThat(model.table("kinds", "no_id").orElseThrow().options().replicaIdentity()).isEqualTo(ReplicaIdentity.NOTHING);
    assertThat(model.table("kinds", "by_index").orElseThrow().options())
        .isEqualTo(new TableOptions(false, null, ReplicaIdentity.INDEX, "by_index_id"));
    assertThat(model.table("kinds", "index_gone").orElseThrow().options().replicaIdentity())
        .as("USING INDEX with its index dropped behaves as NOTHING").isEqualTo(ReplicaIdentity.NOTHING);
  }

  @Test
  void excludedSchemasHideTheirCompositeTypes(PgTestContext pg) throws Exception {
    pg.execute("CREATE SCHEMA other; CREATE TYPE other.pair AS (a integer)");
    try (Connection c = pg.connect()) {
      assertThat(Introspector.introspect(c, IntrospectOptions.schemas("kinds")).compositeTypes())
          .extracting(CompositeTypeModel::name).containsExactly("Nested Type", "addr", "empty");
    }
  }
}
