package dev.sluice.studio;

import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The relationship explorer: the rows a row points to through its foreign keys, and the rows pointing at it. */
final class Relations {
  static final int MAX_INCOMING = 50;

  private Relations() {}

  static Map<String, Object> of(Connection c, SchemaModel model, TableModel t, Map<String, String> key, Catalog catalog)
      throws SQLException {
    List<Map<String, Object>> outgoing = new ArrayList<>();
    for (ForeignKeyModel fk : t.foreignKeys()) {
      TableModel ref = catalog.table(fk.refSchema(), fk.refTable());
      outgoing.add(query(c, fk, ref, ref, "r", t, "s", fk.refColumns(), fk.columns(), t, key, 1));
    }
    List<Map<String, Object>> incoming = new ArrayList<>();
    String schema = Catalog.schemaOf(t);
    for (TableModel child : model.tables()) {
      for (ForeignKeyModel fk : child.foreignKeys()) {
        String refSchema = fk.refSchema() == null ? "public" : fk.refSchema();
        if (!refSchema.equals(schema) || !fk.refTable().equals(t.name())) continue;
        incoming.add(query(c, fk, child, child, "r", t, "s", fk.columns(), fk.refColumns(), t, key, MAX_INCOMING));
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("outgoing", outgoing);
    out.put("incoming", incoming);
    return out;
  }

  /** Rows of {@code shown} (alias r) joined to the row of {@code keyed} (alias s) on the FK's column pairs. */
  private static Map<String, Object> query(Connection c, ForeignKeyModel fk, TableModel shown, TableModel r, String ra,
      TableModel s, String sa, List<String> rCols, List<String> sCols, TableModel keyed, Map<String, String> key, int limit)
      throws SQLException {
    List<Object> binds = new ArrayList<>();
    List<String> on = new ArrayList<>();
    for (int i = 0; i < rCols.size(); i++) on.add(SqlParts.col(ra, rCols.get(i)) + " = " + SqlParts.col(sa, sCols.get(i)));
    String sql = "SELECT " + SqlParts.textSelectList(ra, r) + " FROM " + SqlParts.qualified(r) + " " + ra + " JOIN "
        + SqlParts.qualified(s) + " " + sa + " ON " + String.join(" AND ", on) + " WHERE "
        + SqlParts.keyCondition(sa, keyed, key, binds) + orderBy(r, ra) + " LIMIT " + (limit + 1);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("constraint", fk.name());
    out.put("schema", Catalog.schemaOf(shown));
    out.put("table", shown.name());
    out.put("via", sCols);
    out.put("to", rCols);
    out.put("columns", SqlParts.columnsMeta(shown));
    out.put("primaryKey", shown.primaryKey() == null ? List.of() : shown.primaryKey().columns());
    try (PreparedStatement ps = StudioDb.prepare(c, sql, binds); ResultSet rs = ps.executeQuery()) {
      Map<String, Object> table = StudioDb.table(rs, limit);
      out.put("rows", table.get("rows"));
      out.put("more", table.get("truncated"));
    }
    return out;
  }

  private static String orderBy(TableModel t, String alias) {
    if (t.primaryKey() == null) return "";
    List<String> parts = new ArrayList<>();
    for (String k : t.primaryKey().columns()) parts.add(SqlParts.col(alias, k));
    return " ORDER BY " + String.join(", ", parts);
  }
}
