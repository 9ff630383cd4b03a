package dev.sluice.kit.diff;

import static dev.sluice.kit.diff.Tables.table;

import dev.sluice.schema.model.CompositeTypeModel;
import dev.sluice.schema.model.CompositeTypeModel.Attribute;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableOptions;
import dev.sluice.schema.model.TableOptions.ReplicaIdentity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link ChangeFixtures} pairs of the object kinds added with issue 13: composite types and table options. */
final class ObjectKindFixtures {
  private ObjectKindFixtures() {}

  /** A map in argument order (storage parameters keep the order written). */
  static Map<String, String> ordered(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }

  private static CompositeTypeModel type(String schema, String name, String comment, Attribute... attributes) {
    return new CompositeTypeModel(schema, name, List.of(attributes), comment);
  }

  private static Attribute attr(String name, String type) {
    return new Attribute(name, type, null);
  }

  private static Tables people(String s) {
    return table(s, "people").notNull("id", "integer").column("home", s + ".addr").column("homes", s + ".addr[]")
        .column("n", s + ".nested").primaryKey("people_pkey", "id");
  }

  /**
   * A stored type gains and loses attributes in place (rows keep the other attributes), a nested
   * type keeps working, an unused type is retyped in place and another reordered (drop and create),
   * one type is created and one dropped, and a comment appears.
   */
  static ChangeFixtures.Fixture compositeTypes() {
    String s = "fx_composite";
    SchemaModel from = Tables.schema().schemas(s)
        .add(type(s, "addr", null, attr("street", "text"), attr("zip", "integer")))
        .add(type(s, "nested", null, attr("home", s + ".addr"), attr("tags", "text[]")))
        .add(type(s, "gone", null, attr("a", "integer")))
        .add(type(s, "loose", null, attr("a", "integer"), attr("b", "text")))
        .add(type(s, "reorder", null, attr("a", "integer"), attr("b", "integer")))
        .add(people(s))
        .build();
    SchemaModel to = Tables.schema().schemas(s)
        .add(type(s, "addr", "a postal address", attr("street", "text"), new Attribute("city", "text", "C")))
        .add(type(s, "nested", null, attr("home", s + ".addr"), attr("tags", "text[]")))
        .add(type(s, "point3", null, attr("x", "double precision"), attr("y", "double precision"), attr("z", "double precision")))
        .add(type(s, "loose", null, attr("a", "bigint"), attr("b", "text")))
        .add(type(s, "reorder", null, attr("b", "integer"), attr("a", "integer")))
        .add(people(s))
        .build();
    Map<String, String> expect = new LinkedHashMap<>();
    expect.put("select string_agg(home::text, ';' order by id) from fx_composite.people", "(\"1 Main St\",)");
    expect.put("select string_agg(homes::text, ';' order by id) from fx_composite.people", "{\"(x,)\",NULL}");
    expect.put("select string_agg(((n).home).street, ';' order by id) from fx_composite.people", "nested st");
    return new ChangeFixtures.Fixture(s, from, to, DiffOptions.NONE,
        List.of("insert into fx_composite.people values (1, ('1 Main St', 12345), array[row('x', 1)::fx_composite.addr, null],"
            + " row(row('nested st', 7), '{a,b}'))"),
        expect, List.of());
  }

  private static IndexModel uniqueIndex(String name, String column) {
    return new IndexModel(name, true, null, List.of(IndexModel.IndexElement.column(column)), null, null, null, false, false, null);
  }

  /**
   * A table becomes UNLOGGED with a storage parameter, another goes back to LOGGED with a changed
   * and a reset parameter, replica identity moves from FULL to USING INDEX (on an index created by
   * the same migration), and a new table is created with all three options.
   */
  static ChangeFixtures.Fixture tableOptions() {
    String s = "fx_table_options";
    SchemaModel from = Tables.schema().schemas(s)
        .add(table(s, "logs").column("id", "integer"))
        .add(table(s, "cache").notNull("id", "integer").primaryKey("cache_pkey", "id")
            .options(new TableOptions(true, ordered("fillfactor", "70", "autovacuum_enabled", "off"), null, null)))
        .add(table(s, "events").notNull("id", "integer").options(new TableOptions(false, null, ReplicaIdentity.FULL, null)))
        .build();
    SchemaModel to = Tables.schema().schemas(s)
        .add(table(s, "logs").column("id", "integer")
            .options(new TableOptions(true, ordered("autovacuum_enabled", "false"), null, null)))
        .add(table(s, "cache").notNull("id", "integer").primaryKey("cache_pkey", "id")
            .options(new TableOptions(false, ordered("fillfactor", "80"), null, null)))
        .add(table(s, "events").notNull("id", "integer").index(uniqueIndex("events_id_key", "id"))
            .options(new TableOptions(false, null, ReplicaIdentity.INDEX, "events_id_key")))
        .add(table(s, "scratch").notNull("id", "integer").column("note", "text").primaryKey("scratch_pkey", "id")
            .options(new TableOptions(true, ordered("fillfactor", "50", "toast.autovacuum_enabled", "false"),
                ReplicaIdentity.NOTHING, null)))
        .build();
    Map<String, String> expect = new LinkedHashMap<>();
    expect.put("select count(*) from fx_table_options.logs", "2");
    expect.put("select count(*) from fx_table_options.cache", "1");
    expect.put("select count(*) from fx_table_options.events", "3");
    return new ChangeFixtures.Fixture(s, from, to, DiffOptions.NONE,
        List.of("insert into fx_table_options.logs values (1), (2)", "insert into fx_table_options.cache values (1)",
            "insert into fx_table_options.events values (1), (2), (3)"),
        expect, List.of());
  }
  /**
   * CLUSTER ON (real schema: AdventureWorks for Postgres clusters every table on its primary key): a
   * table moves from its primary key to another index, another loses its cluster index, and a new
   * table is created clustered on its primary key, and one whose cluster index changes definition (so
   * is created again) is clustered on it again.
   */
  static ChangeFixtures.Fixture clusterOn() {
    String s = "fx_cluster_on";
    IndexModel byN = new IndexModel("a_n_idx", false, null, List.of(IndexModel.IndexElement.column("n")), null, null, null,
        false, false, null);
    IndexModel bByN = new IndexModel("b_n_idx", false, null, List.of(IndexModel.IndexElement.column("n")), null, null, null,
        false, false, null);
    IndexModel dByN = new IndexModel("d_n_idx", false, null, List.of(IndexModel.IndexElement.column("n")), null, null, null,
        false, false, null);
    IndexModel dByNAndId = new IndexModel("d_n_idx", false, null, List.of(IndexModel.IndexElement.column("n"),
        IndexModel.IndexElement.column("id")), null, null, null, false, false, null);
    SchemaModel from = Tables.schema().schemas(s)
        .add(table(s, "d").notNull("id", "integer").column("n", "integer").index(dByN)
            .options(new TableOptions(false, null, null, null, "d_n_idx")))
        .add(table(s, "a").notNull("id", "integer").column("n", "integer").primaryKey("a_pkey", "id").index(byN)
            .options(new TableOptions(false, null, null, null, "a_pkey")))
        .add(table(s, "b").notNull("id", "integer").column("n", "integer").index(bByN)
            .options(new TableOptions(false, null, null, null, "b_n_idx")))
        .build();
    // d: its cluster index changes definition, so it is created again and clustered on again
    SchemaModel to = Tables.schema().schemas(s)
        .add(table(s, "d").notNull("id", "integer").column("n", "integer").index(dByNAndId)
            .options(new TableOptions(false, null, null, null, "d_n_idx")))
        .add(table(s, "a").notNull("id", "integer").column("n", "integer").primaryKey("a_pkey", "id").index(byN)
            .options(new TableOptions(false, null, null, null, "a_n_idx")))
        .add(table(s, "b").notNull("id", "integer").column("n", "integer").index(bByN))
        .add(table(s, "c").notNull("id", "integer").primaryKey("c_pkey", "id")
            .options(new TableOptions(false, null, null, null, "c_pkey")))
        .build();
    Map<String, String> expect = new LinkedHashMap<>();
    expect.put("select count(*) from fx_cluster_on.a", "2");
    return new ChangeFixtures.Fixture(s, from, to, DiffOptions.NONE,
        List.of("insert into fx_cluster_on.a values (1, 2), (2, 1)", "insert into fx_cluster_on.b values (1, 1)"),
        expect, List.of());
  }
}
