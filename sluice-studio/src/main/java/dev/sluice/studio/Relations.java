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

/**
 * The relationship explorer: the rows a row points to through its foreign keys, and the rows pointing at it.
 * No join: the keyed row's columns are read as text first, then the other table is searched for those values
 * with {@link Comparisons} on its own column types, so no operator is resolved by name between two user types.
 */
final class Relations {
  static final int MAX_INCOMING = 50;

  private Relations() {}

  static Map<String, Object> of(Connection c, SchemaModel model, TableModel t, Map<String, String> key, Catalog catalog)
      throws SQLException {
    Comparisons keyed = Comparisons.of(c, t);
    List<Map<String, Object>> outgoing = new ArrayList<>();
    for (ForeignKeyModel fk : t.foreignKeys()) {
      TableModel ref = catalog.table(fk.refSchema(), fk.refTable());
      outgoing.add(query(c, fk, ref, fk.refColumns(), fk.columns(), t, keyed, key, 1));
    }
    List<Map<String, Object>> incoming = new ArrayList<>();
    String schema = Catalog.schemaOf(t);
    for (TableModel child : model.tables()) {
      for (ForeignKeyModel fk : child.foreignKeys()) {
        String refSchema = fk.refSchema() == null ? "public" : fk.refSchema();
        if (!refSchema.equals(schema) || !fk.refTable().equals(t.name())) continue;
        incoming.add(query(c, fk, child, fk.columns(), fk.refColumns(), t, keyed, key, MAX_INCOMING));
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("outgoing", outgoing);
    out.put("incoming", incoming);
    return out;
  }

  /** Rows of {@code shown} whose {@code shownCols} equal the {@code keyedCols} of the keyed row of {@code keyedTable}. */
  private static Map<String, Object> query(Connection c, ForeignKeyModel fk, TableModel shown, List<String> shownCols,
      List<String> keyedCols, TableModel keyedTable, Comparisons keyed, Map<String, String> key, int limit) throws SQLException {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("constraint", fk.name());
    out.put("schema", Catalog.schemaOf(shown));
    out.put("table", shown.name());
    out.put("via", keyedCols);
    out.put("to", shownCols);
    out.put("columns", SqlParts.columnsMeta(shown));
    out.put("primaryKey", shown.primaryKey() == null ? List.of() : shown.primaryKey().columns());

    List<Object> binds = new ArrayList<>();
    List<String> select = new ArrayList<>();
    for (String k : keyedCols) select.add(SqlParts.col("s", k));
    String sql = "SELECT " + String.join(", ", select) + " FROM " + SqlParts.qualified(keyedTable) + " s WHERE "
        + SqlParts.keyCondition(keyed, "s", keyedTable, key, binds);
    List<Object> values = new ArrayList<>();
    try (PreparedStatement ps = StudioDb.prepare(c, sql, binds); ResultSet rs = ps.executeQuery()) {
      if (rs.next()) for (int i = 1; i <= keyedCols.size(); i++) values.add(rs.getString(i));
    }
    if (values.isEmpty() || values.contains(null)) { // no such row, or a NULL reference: nothing is related
      out.put("rows", List.of());
      out.put("more", false);
      return out;
    }
    Comparisons cmp = Comparisons.of(c, shown);
    List<String> where = new ArrayList<>();
    for (String col : shownCols) where.add(cmp.compare("r", col, "="));
    String rows = "SELECT " + SqlParts.selectList("r", shown) + " FROM " + SqlParts.qualified(shown) + " r WHERE "
        + String.join(" AND ", where) + orderBy(shown, "r") + " LIMIT " + (limit + 1);
    try (PreparedStatement ps = StudioDb.prepare(c, rows, values); ResultSet rs = ps.executeQuery()) {
      Map<String, Object> table = StudioDb.table(rs, limit, true);
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
