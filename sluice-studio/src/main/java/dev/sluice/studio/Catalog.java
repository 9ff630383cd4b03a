package dev.sluice.studio;

import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.Introspector;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database's schema as the kit's introspector reads it, cached between requests. Every table or column
 * name the API accepts is looked up here first, so only names that exist ever reach generated SQL.
 */
final class Catalog {
  private final StudioDb db;
  private volatile SchemaModel model;

  Catalog(StudioDb db) {
    this.db = db;
  }

  SchemaModel refresh() throws SQLException {
    model = db.tx(true, c -> Introspector.introspect(c, IntrospectOptions.all()));
    return model;
  }

  SchemaModel model() throws SQLException {
    SchemaModel m = model;
    return m == null ? refresh() : m;
  }

  /** The table, or 404 naming it; one refresh is tried first so tables created from the console show up. */
  TableModel table(String schema, String name) throws SQLException {
    TableModel t = find(model(), schema, name);
    if (t == null) t = find(refresh(), schema, name);
    if (t == null) throw new ApiException(404, "no table " + display(schema, name));
    return t;
  }

  static ColumnModel column(TableModel t, String name) {
    for (ColumnModel c : t.columns()) if (c.name().equals(name)) return c;
    throw ApiException.badRequest("table " + display(t.schema(), t.name()) + " has no column " + name);
  }

  static String schemaOf(TableModel t) {
    return t.schema() == null ? "public" : t.schema();
  }

  static String display(String schema, String name) {
    return schema == null || schema.equals("public") ? name : schema + "." + name;
  }

  private static TableModel find(SchemaModel m, String schema, String name) {
    String s = schema == null || schema.isEmpty() ? "public" : schema;
    for (TableModel t : m.tables()) if (schemaOf(t).equals(s) && t.name().equals(name)) return t;
    return null;
  }

  /** What the UI gets: the model plus row estimates and enum labels by type name. */
  Map<String, Object> view(boolean readOnly) throws SQLException {
    SchemaModel m = refresh();
    Map<String, Long> estimates = db.tx(true, c -> {
      Map<String, Long> out = new HashMap<>();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "select n.nspname, c.relname, c.reltuples::bigint from pg_class c join pg_namespace n on n.oid = c.relnamespace"
              + " where c.relkind in ('r', 'p')")) {
        while (rs.next()) out.put(rs.getString(1) + "." + rs.getString(2), rs.getLong(3));
      }
      return out;
    });
    Map<String, List<String>> enumValues = new LinkedHashMap<>();
    for (EnumModel e : m.enums()) {
      String s = e.schema() == null ? "public" : e.schema();
      enumValues.put(s + "." + e.name(), e.values());
      if (s.equals("public")) enumValues.put(e.name(), e.values());
    }
    Map<String, Long> rows = new LinkedHashMap<>();
    for (TableModel t : m.tables()) rows.put(schemaOf(t) + "." + t.name(), estimates.getOrDefault(schemaOf(t) + "." + t.name(), -1L));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("readOnly", readOnly);
    out.put("schemas", m.schemas());
    out.put("tables", m.tables());
    out.put("views", m.views());
    out.put("enums", m.enums());
    out.put("enumValues", enumValues);
    out.put("rowEstimates", rows);
    return out;
  }
}
