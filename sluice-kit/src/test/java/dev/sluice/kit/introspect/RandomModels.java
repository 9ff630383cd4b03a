package dev.sluice.kit.introspect;

import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.CompositeTypeModel;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.GrantModel;
import dev.sluice.schema.model.IdentityModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.IndexModel.IndexElement;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.PrimaryKeyModel;
import dev.sluice.schema.model.RoleModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.SequenceModel;
import dev.sluice.schema.model.SequenceOptions;
import dev.sluice.schema.model.TableModel;
import dev.sluice.schema.model.TableOptions;
import dev.sluice.schema.model.UniqueModel;
import dev.sluice.schema.model.ViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random schema models whose SQL fragments are written the way PostgreSQL prints them, all in one
 * schema, so that creating them and introspecting gives the same model back.
 */
final class RandomModels {
  static final String ROLE = "rt_reader";

  /** Type, default as printed, check as printed ({@code %s} = column). */
  private record Kind(String type, String defaultExpr, String check) {}

  private static final List<Kind> KINDS = List.of(
      new Kind("text", "'x'::text", "(length(%s) > 0)"),
      new Kind("integer", "0", "(%s > 0)"),
      new Kind("bigint", "'-1'::integer", "(%s <> 7)"),
      new Kind("smallint", "1", "(%s < 100)"),
      new Kind("boolean", "true", null),
      new Kind("numeric(10,2)", "0.5", "(%s >= (0)::numeric)"),
      new Kind("character varying(20)", "'a'::character varying", null),
      new Kind("timestamp with time zone", "now()", null),
      new Kind("timestamp(3) without time zone", null, null),
      new Kind("date", "CURRENT_DATE", null),
      new Kind("jsonb", "'{}'::jsonb", null),
      new Kind("uuid", "gen_random_uuid()", null),
      new Kind("text[]", "'{}'::text[]", null),
      new Kind("double precision", null, null),
      new Kind("bytea", null, null),
      new Kind("interval", null, null),
      new Kind("inet", null, null),
      new Kind("tstzrange", null, null));

  private RandomModels() {}

  /**
   * A model in {@code schema}; {@code viewQuery} is the printed query of
   * {@code SELECT id FROM <schema>.t0} on this server, with {@code SCHEMA} standing for the schema.
   */
  static SchemaModel model(long seed, String schema, String viewQuery) {
    Random r = new Random(seed);
    List<EnumModel> enums = new ArrayList<>();
    int enumCount = r.nextInt(3);
    for (int e = 0; e < enumCount; e++) {
      List<String> values = new ArrayList<>();
      int n = 1 + r.nextInt(4);
      for (int v = 0; v < n; v++) values.add("v" + v + (r.nextBoolean() ? "" : " x"));
      enums.add(new EnumModel(schema, "mood" + e, values, r.nextBoolean() ? "enum " + e : null));
    }
    List<CompositeTypeModel> composites = new ArrayList<>();
    int compositeCount = r.nextInt(3);
    for (int k = 0; k < compositeCount; k++) {
      List<CompositeTypeModel.Attribute> attributes = new ArrayList<>();
      int n = r.nextInt(4);
      for (int a = 0; a < n; a++) {
        String type;
        if (!composites.isEmpty() && r.nextInt(4) == 0) {
          type = schema + "." + composites.get(r.nextInt(composites.size())).name() + (r.nextBoolean() ? "[]" : "");
        } else if (!enums.isEmpty() && r.nextInt(4) == 0) {
          type = schema + "." + enums.get(r.nextInt(enums.size())).name();
        } else {
          type = KINDS.get(r.nextInt(KINDS.size())).type();
        }
        attributes.add(new CompositeTypeModel.Attribute("a" + a, type, type.equals("text") && r.nextBoolean() ? "C" : null));
      }
      composites.add(new CompositeTypeModel(schema, "row" + k, attributes, r.nextBoolean() ? "composite " + k : null));
    }
    boolean roleUsed = false;
    List<TableModel> tables = new ArrayList<>();
    List<GrantModel> grants = new ArrayList<>();
    int tableCount = 1 + r.nextInt(3);
    String idType = "integer";
    for (int t = 0; t < tableCount; t++) {
      String table = "t" + t;
      List<ColumnModel> columns = new ArrayList<>();
      switch (r.nextInt(3)) {
        case 0 -> columns.add(new ColumnModel("id", "serial", true, null, null, null, null, null));
        case 1 -> columns.add(new ColumnModel("id", "integer", true, null, new IdentityModel(
            r.nextBoolean() ? IdentityModel.Kind.ALWAYS : IdentityModel.Kind.BY_DEFAULT,
            r.nextBoolean() ? SequenceOptions.DEFAULTS : new SequenceOptions(100L, 3L, null, null, null, false)),
            null, null, null));
        default -> columns.add(new ColumnModel("id", "integer", true, null, null, null, null, "the key"));
      }
      List<CheckModel> checks = new ArrayList<>();
      List<UniqueModel> uniques = new ArrayList<>();
      List<IndexModel> indexes = new ArrayList<>();
      List<ForeignKeyModel> fks = new ArrayList<>();
      int columnCount = 1 + r.nextInt(5);
      for (int c = 0; c < columnCount; c++) {
        String name = "c" + c;
        String type;
        String def = null;
        String check = null;
        if (!composites.isEmpty() && r.nextInt(6) == 0) {
          type = schema + "." + composites.get(r.nextInt(composites.size())).name() + (r.nextBoolean() ? "[]" : "");
        } else if (!enums.isEmpty() && r.nextInt(5) == 0) {
          EnumModel e = enums.get(r.nextInt(enums.size()));
          type = schema + "." + e.name();
          if (r.nextBoolean()) def = "'" + e.values().get(0) + "'::" + type;
        } else {
          Kind k = KINDS.get(r.nextInt(KINDS.size()));
          type = k.type();
          if (k.defaultExpr() != null && r.nextBoolean()) def = k.defaultExpr();
          if (k.check() != null && r.nextInt(3) == 0) check = String.format(k.check(), name);
        }
        String collation = type.equals("text") && r.nextInt(4) == 0 ? "C" : null;
        String generated = null;
        if (type.equals("integer") && def == null && r.nextInt(4) == 0) generated = "(id * 2)";
        columns.add(new ColumnModel(name, type, r.nextBoolean(), def, null, generated, collation,
            r.nextInt(4) == 0 ? "column " + c + " it's" : null));
        if (check != null) {
          checks.add(new CheckModel(table + "_" + name + "_check", check, r.nextInt(4) == 0, r.nextInt(4) == 0 ? "check's" : null));
        }
        boolean composite = type.startsWith(schema + ".row");
        if (r.nextInt(4) == 0 && !composite && !type.equals("jsonb") && !type.endsWith("[]") && !type.equals("tstzrange")) {
          uniques.add(new UniqueModel(table + "_" + name + "_key", List.of(name), r.nextBoolean(), false, false,
              r.nextInt(4) == 0 ? "unique " + name : null));
        }
        if (r.nextInt(3) == 0 && !composite && !type.equals("jsonb") && !type.endsWith("[]") && !type.equals("tstzrange")) {
          Boolean nulls = switch (r.nextInt(3)) {
            case 0 -> null;
            case 1 -> Boolean.TRUE;
            default -> Boolean.FALSE;
          };
          boolean desc = r.nextBoolean();
          if (nulls != null && nulls == desc) nulls = null; // the default placement is not written
          indexes.add(new IndexModel(table + "_" + name + "_idx", false, "btree",
              List.of(new IndexElement(name, false, null, null, desc, nulls)), List.of(),
              r.nextBoolean() ? "(" + name + " IS NOT NULL)" : null, Map.of(), false, false,
              r.nextInt(4) == 0 ? "index" : null));
        }
      }
      if (t > 0 && r.nextBoolean()) {
        columns.add(new ColumnModel("parent_id", idType, false, null, null, null, null, null));
        ForeignKeyModel.Action[] actions = ForeignKeyModel.Action.values();
        fks.add(new ForeignKeyModel(table + "_parent_id_fkey", List.of("parent_id"), schema, "t0", List.of("id"),
            actions[r.nextInt(actions.length)], actions[r.nextInt(actions.length)],
            r.nextBoolean() ? ForeignKeyModel.Match.SIMPLE : ForeignKeyModel.Match.FULL, r.nextBoolean(), false,
            r.nextInt(4) == 0).withComment(r.nextInt(3) == 0 ? "to t0" : null));
      }
      if (r.nextInt(3) == 0) {
        indexes.add(new IndexModel(table + "_expr_idx", r.nextBoolean(), "btree",
            List.of(new IndexElement("(id + 1)", true, null, null, false, null)), List.of(), null,
            Map.of("fillfactor", "80"), false, false, null));
      }
      boolean rls = r.nextBoolean();
      List<PolicyModel> policies = new ArrayList<>();
      if (rls && r.nextBoolean()) {
        boolean toRole = r.nextBoolean();
        roleUsed |= toRole;
        policies.add(new PolicyModel(table + "_read", PolicyModel.Command.SELECT, true,
            toRole ? List.of(ROLE) : List.of(), "(id > 0)", null));
        policies.add(new PolicyModel(table + "_all", PolicyModel.Command.ALL, r.nextBoolean(), List.of(), "true",
            "(id IS NOT NULL)", r.nextBoolean() ? "all rows" : null));
      }
      if (r.nextInt(3) == 0) {
        grants.add(new GrantModel("TABLE", schema, table, ROLE, List.of("SELECT", "UPDATE")));
        roleUsed = true;
      }
      tables.add(new TableModel(schema, table, columns, new PrimaryKeyModel(table + "_pkey", List.of("id"),
          r.nextInt(3) == 0 ? "key of " + table : null), fks, uniques,
          checks, List.of(), indexes, null, rls, rls && r.nextBoolean(), policies, r.nextBoolean() ? "table " + t : null,
          options(r, t > 0 && fks.isEmpty(), columns.stream().anyMatch(c -> VARLENA.contains(c.type().replace(schema + ".row", "row"))
              || c.type().startsWith(schema + ".row")))));
    }
    inheritance(new Random(seed * 31 + 17), schema, tables);
    List<ViewModel> views = new ArrayList<>();
    if (r.nextBoolean()) {
      views.add(new ViewModel(schema, "v0", viewQuery.replace("SCHEMA", schema), false, r.nextBoolean(), false, null,
          false, List.of(), r.nextBoolean() ? "a view" : null));
    }
    List<SequenceModel> sequences = new ArrayList<>();
    if (r.nextBoolean()) {
      sequences.add(new SequenceModel(schema, "s0", r.nextBoolean() ? "bigint" : "integer",
          r.nextBoolean() ? SequenceOptions.DEFAULTS : new SequenceOptions(5L, null, null, 1000L, null, true), null));
    }
    List<dev.sluice.schema.model.DomainModel> domains = new ArrayList<>();
    if (r.nextBoolean()) {
      List<CheckModel> domainChecks = new ArrayList<>();
      domainChecks.add(new CheckModel("d0_len", "(length(VALUE) < 100)", false, r.nextBoolean() ? "short" : null));
      if (r.nextBoolean()) domainChecks.add(new CheckModel("d0_blank", "(VALUE <> ''::text)", r.nextBoolean(), null));
      domains.add(new dev.sluice.schema.model.DomainModel(schema, "d0", "text", r.nextBoolean(),
          r.nextBoolean() ? "'x'::text" : null, domainChecks, r.nextBoolean() ? "a domain" : null, r.nextBoolean() ? "C" : null));
    }
    return new SchemaModel(List.of(schema), List.of(), roleUsed ? List.of(RoleModel.of(ROLE)) : List.of(), enums,
        domains, sequences, tables, views, grants, null, null, composites,
        r.nextBoolean() ? Map.of(schema, "schema " + schema) : null);
  }

  /**
   * Half the time a child of a random table ({@code INHERITS}), keyed on the inherited {@code id}, with a
   * column and a check of its own, and sometimes a grandchild without columns of its own. A separate
   * random stream, so the rest of the model is the same as before inheritance was modelled.
   */
  private static void inheritance(Random r, String schema, List<TableModel> tables) {
    if (r.nextBoolean()) return;
    TableModel parent = tables.get(r.nextInt(tables.size()));
    if (parent.options().unlogged()) return; // a permanent child of an unlogged parent is refused
    List<ColumnModel> own = List.of(new ColumnModel("note", "text", r.nextBoolean(), null, null, null, null,
        r.nextBoolean() ? "own column" : null));
    List<CheckModel> checks = r.nextBoolean()
        ? List.of(new CheckModel("t_child_note_check", "(note <> ''::text)", false)) : List.of();
    tables.add(new TableModel(schema, "t_child", own, new PrimaryKeyModel("t_child_pkey", List.of("id")), List.of(),
        List.of(), checks, List.of(), List.of(), null, false, false, List.of(), r.nextBoolean() ? "a child" : null, null,
        List.of(new dev.sluice.schema.model.ParentTable(schema, parent.name()))));
    if (r.nextBoolean()) {
      tables.add(new TableModel(schema, "t_grandchild", List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(),
          null, false, false, List.of(), null, null, List.of(new dev.sluice.schema.model.ParentTable(schema, "t_child"))));
    }
  }

  /** Random table options; UNLOGGED only for a table no foreign key involves (PostgreSQL restricts those). */
  /**
   * Types with no maximum size: a table with one of them has a TOAST table to hold toast.* options.
   * Varlena types whose typmod bounds their size (numeric(10,2), varchar(20)) do not make one, and
   * PostgreSQL then drops toast.* options silently (found by a random seed in CI).
   */
  private static final java.util.Set<String> VARLENA = java.util.Set.of("text", "jsonb", "text[]", "bytea", "tstzrange");

  private static TableOptions options(Random r, boolean mayBeUnlogged, boolean hasToast) {
    if (r.nextBoolean()) return TableOptions.DEFAULT;
    Map<String, String> with = new java.util.TreeMap<>();
    if (r.nextBoolean()) with.put("fillfactor", String.valueOf(10 + r.nextInt(91)));
    if (r.nextInt(3) == 0) with.put("autovacuum_enabled", r.nextBoolean() ? "false" : "off");
    if (hasToast && r.nextInt(4) == 0) with.put("toast.autovacuum_enabled", "true");
    TableOptions.ReplicaIdentity[] ids = {TableOptions.ReplicaIdentity.DEFAULT, TableOptions.ReplicaIdentity.FULL,
        TableOptions.ReplicaIdentity.NOTHING};
    return new TableOptions(mayBeUnlogged && r.nextInt(3) == 0, with, ids[r.nextInt(ids.length)], null);
  }
}
