package dev.sluice.kit.diff;

import static dev.sluice.kit.diff.Tables.table;

import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.SchemaModel;
import java.util.List;
import java.util.Map;

/**
 * Table inheritance ({@code INHERITS}) fixtures for {@link ConvergenceLiveTest}: each converges up and
 * down, and the child's rows stay and stay visible through the parent.
 */
final class InheritanceFixtures {
  private InheritanceFixtures() {}

  static List<ChangeFixtures.Fixture> all() {
    return List.of(created(), linked(), parentColumnAdded(), parentDropped(), columnOverrides());
  }

  private static ColumnModel notNull(String name, String type) {
    return new ColumnModel(name, type, true, null, null, null, null, null);
  }

  private static Tables parent(String s) {
    return table(s, "event").column(notNull("id", "bigint")).column("at", "timestamp with time zone")
        .check("event_id_check", "(id > 0)");
  }

  private static ChangeFixtures.Fixture fixture(String name, Tables.SchemaModelBuilder from, Tables.SchemaModelBuilder to,
      List<String> seed, Map<String, String> expect) {
    SchemaModel a = from.build();
    SchemaModel b = to.build();
    return new ChangeFixtures.Fixture(name, a, b, DiffOptions.NONE, seed, expect, List.of());
  }

  /** Parent, two children and a grandchild created (parents first) and dropped (children first). */
  static ChangeFixtures.Fixture created() {
    String s = "fx_inh_created";
    return fixture(s,
        Tables.schema().schemas(s).add(table(s, "keep").column("id", "integer")),
        Tables.schema().schemas(s).add(table(s, "keep").column("id", "integer"))
            // declared before their parent: the create order comes from INHERITS, not from the list
            .add(table(s, "urgent").column("level", "integer").inherits(s, "login"))
            .add(table(s, "login").column("user_name", "text").column(notNull("at", "timestamp with time zone"))
                .primaryKey("login_pkey", "id").inherits(s, "event"))
            .add(table(s, "audit").inherits(s, "event").inherits(s, "tagged"))
            .add(table(s, "tagged").column("tag", "text"))
            .add(parent(s)),
        List.of("insert into fx_inh_created.keep values (1)"),
        Map.of("select count(*) from fx_inh_created.keep", "1"));
  }

  /** An existing table with the parent's columns (but not its check) starts inheriting: INHERIT, rows stay. */
  static ChangeFixtures.Fixture linked() {
    String s = "fx_inh_linked";
    return fixture(s,
        Tables.schema().schemas(s).add(parent(s))
            .add(table(s, "login").column(notNull("id", "bigint")).column("at", "timestamp with time zone")
                .column("user_name", "text")),
        Tables.schema().schemas(s).add(parent(s)).add(table(s, "login").column("user_name", "text").inherits(s, "event")),
        List.of("insert into fx_inh_linked.login values (1, now(), 'ann'), (2, now(), 'bob')",
            "insert into fx_inh_linked.event values (3, now())"),
        Map.of("select count(*) from fx_inh_linked.event", "3",
            "select string_agg(user_name, ',' order by id) from fx_inh_linked.login", "ann,bob"));
  }

  /** A column added to the parent reaches the child through PostgreSQL, not by a second ADD COLUMN. */
  static ChangeFixtures.Fixture parentColumnAdded() {
    String s = "fx_inh_parent_col";
    return fixture(s,
        Tables.schema().schemas(s).add(parent(s)).add(table(s, "login").column("user_name", "text").inherits(s, "event")),
        Tables.schema().schemas(s).add(parent(s).column("source", "text"))
            .add(table(s, "login").column("user_name", "text").inherits(s, "event")),
        List.of("insert into fx_inh_parent_col.login values (1, now(), 'ann')"),
        Map.of("select count(*) from fx_inh_parent_col.event where source is null", "1",
            "select count(*) from fx_inh_parent_col.login where source is null", "1"));
  }

  /** The parent goes, the child stays: NO INHERIT first (its inherited columns become its own), then DROP. */
  static ChangeFixtures.Fixture parentDropped() {
    String s = "fx_inh_parent_gone";
    return fixture(s,
        Tables.schema().schemas(s).add(parent(s)).add(table(s, "login").column("user_name", "text").inherits(s, "event")),
        Tables.schema().schemas(s).add(table(s, "login").column(notNull("id", "bigint")).column("at", "timestamp with time zone")
            .column("user_name", "text").check("event_id_check", "(id > 0)")),
        List.of("insert into fx_inh_parent_gone.login values (1, now(), 'ann'), (2, now(), 'bob')"),
        Map.of("select string_agg(user_name, ',' order by id) from fx_inh_parent_gone.login", "ann,bob"));
  }

  private static Tables statusParent(String s, String statusDefault) {
    return parent(s).column(new ColumnModel("status", "text", false, statusDefault, null, null, null, null));
  }

  /**
   * Children's own defaults and NOT NULL on columns they only inherit. Up: the parent's default
   * changes (PostgreSQL carries it to every child, so login's own default is set again after it),
   * login gains an own NOT NULL, audit drops its NOT NULL and its parent's default, a grandchild
   * with an own default of its own comes. Down the reverse. Rows stay; the parent keeps its own.
   */
  static ChangeFixtures.Fixture columnOverrides() {
    String s = "fx_inh_overrides";
    String status = "(select pg_get_expr(adbin, adrelid) from pg_attrdef d join pg_attribute a on a.attrelid = d.adrelid"
        + " and a.attnum = d.adnum where a.attname = 'status' and a.attrelid = '" + s + ".%s'::regclass)";
    return fixture(s,
        Tables.schema().schemas(s).add(statusParent(s, "'new'::text"))
            .add(table(s, "login").column("user_name", "text").inherits(s, "event")
                .inheritedColumn("status", "'login'::text", false, false))
            .add(table(s, "audit").inherits(s, "event").inheritedColumn("at", null, false, true)),
        Tables.schema().schemas(s).add(statusParent(s, "'open'::text"))
            .add(table(s, "login").column("user_name", "text").inherits(s, "event")
                .inheritedColumn("status", "'login'::text", false, false).inheritedColumn("at", null, false, true))
            .add(table(s, "audit").inherits(s, "event").inheritedColumn("status", null, true, false))
            .add(table(s, "urgent").inherits(s, "login").inheritedColumn("status", "'urgent'::text", false, false)),
        List.of("insert into " + s + ".login (id, at, user_name) values (1, now(), 'ann')",
            "insert into " + s + ".audit (id, at) values (2, now())"),
        Map.of("select string_agg(status, ',' order by id) from " + s + ".event", "login,new",
            "select " + String.format(status, "event") + " || ' ' || " + String.format(status, "login") + " || ' '"
                + " || coalesce(" + String.format(status, "audit") + ", 'none') || ' ' || " + String.format(status, "urgent"),
            "'open'::text 'login'::text none 'urgent'::text",
            "select string_agg(attrelid::regclass::text || ':' || attnotnull, ',' order by attrelid::regclass::text)"
                + " from pg_attribute where attname = 'at' and attrelid::regclass::text like '" + s + ".%'",
            s + ".audit:false," + s + ".event:false," + s + ".login:true," + s + ".urgent:true"));
  }
}
