package dev.sluice.studio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.schema.model.ColumnModel;
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
 * One page of a table for the data grid. Pages are keyset-paginated on the primary key when the grid is sorted
 * by it (cost independent of page depth, so a 10-million-row table stays fast), else LIMIT/OFFSET with the key
 * as tie-breaker. Counts are exact only when cheap: large unfiltered tables report the planner's
 * {@code reltuples} estimate, large filtered ones count at most {@link #COUNT_CAP} rows.
 */
final class GridQueries {
  static final int MAX_LIMIT = 500;
  static final long ESTIMATE_ABOVE = 100_000;
  static final int COUNT_CAP = 100_000;

  private GridQueries() {}

  static Map<String, Object> page(Connection c, TableModel t, JsonNode req) throws SQLException {
    long started = System.nanoTime();
    int limit = Math.max(1, Math.min(MAX_LIMIT, req.path("limit").asInt(100)));
    List<Object> binds = new ArrayList<>();
    Comparisons cmp = Comparisons.of(c, t);
    List<String> where = filters(cmp, t, req.path("filters"), binds);
    List<Object> countBinds = new ArrayList<>(binds);
    List<String> countWhere = new ArrayList<>(where);

    List<String> pk = t.primaryKey() == null ? List.of() : t.primaryKey().columns();
    String sortCol = req.path("sort").path("column").asText(null);
    boolean desc = req.path("sort").path("desc").asBoolean(false);
    if (sortCol != null) Catalog.column(t, sortCol);
    boolean keyset = !pk.isEmpty() && (sortCol == null || (pk.size() == 1 && pk.get(0).equals(sortCol)));
    String dir = desc ? " DESC" : " ASC";
    List<String> order = new ArrayList<>();
    int offset = 0;
    if (keyset) {
      JsonNode after = req.path("after");
      if (after.isArray() && after.size() > 0) {
        if (after.size() != pk.size()) throw ApiException.badRequest("cursor has " + after.size() + " values, key has " + pk.size());
        List<String> values = new ArrayList<>();
        for (int i = 0; i < pk.size(); i++) values.add(after.get(i).asText());
        where.add(cmp.after("t", pk, desc, binds, values));
      }
      for (String k : pk) order.add(SqlParts.col("t", k) + dir);
    } else {
      offset = Math.max(0, req.path("offset").asInt(0));
      if (sortCol != null) order.add(SqlParts.col("t", sortCol) + dir + (desc ? " NULLS LAST" : " NULLS FIRST"));
      for (String k : pk) order.add(SqlParts.col("t", k) + dir);
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(SqlParts.selectList("t", t))
        .append(" FROM ").append(SqlParts.qualified(t)).append(" t");
    if (!where.isEmpty()) sql.append(" WHERE ").append(String.join(" AND ", where));
    if (!order.isEmpty()) sql.append(" ORDER BY ").append(String.join(", ", order));
    sql.append(" LIMIT ").append(limit + 1);
    if (!keyset && offset > 0) sql.append(" OFFSET ").append(offset);

    Map<String, Object> out = new LinkedHashMap<>();
    try (PreparedStatement ps = StudioDb.prepare(c, sql.toString(), binds); ResultSet rs = ps.executeQuery()) {
      Map<String, Object> table = StudioDb.table(rs, limit, true);
      @SuppressWarnings("unchecked") List<List<String>> rows = (List<List<String>>) table.get("rows");
      out.put("columns", SqlParts.columnsMeta(t));
      out.put("primaryKey", pk);
      out.put("rows", rows);
      out.put("hasMore", table.get("truncated"));
      out.put("mode", keyset ? "keyset" : "offset");
      out.put("offset", offset);
      if (keyset && !rows.isEmpty()) {
        List<String> last = rows.get(rows.size() - 1);
        List<String> cursor = new ArrayList<>();
        for (String k : pk) cursor.add(last.get(indexOf(t, k)));
        out.put("nextCursor", cursor);
      }
    }
    count(c, t, countWhere, countBinds, out);
    out.put("ms", (System.nanoTime() - started) / 1_000_000);
    return out;
  }

  private static void count(Connection c, TableModel t, List<String> where, List<Object> binds, Map<String, Object> out)
      throws SQLException {
    long estimate;
    try (PreparedStatement ps = StudioDb.prepare(c, "SELECT reltuples::bigint FROM pg_class WHERE oid = CAST(? AS regclass)",
        List.of(SqlParts.qualified(t))); ResultSet rs = ps.executeQuery()) {
      estimate = rs.next() ? rs.getLong(1) : -1;
    }
    if (where.isEmpty() && estimate > ESTIMATE_ABOVE) {
      out.put("total", estimate);
      out.put("totalEstimated", true);
      return;
    }
    String sql = "SELECT count(*) FROM (SELECT 1 FROM " + SqlParts.qualified(t) + " t"
        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " LIMIT " + (COUNT_CAP + 1) + ") s";
    try (PreparedStatement ps = StudioDb.prepare(c, sql, binds); ResultSet rs = ps.executeQuery()) {
      rs.next();
      long n = rs.getLong(1);
      out.put("total", Math.min(n, COUNT_CAP));
      out.put("totalEstimated", false);
      out.put("totalAtLeast", n > COUNT_CAP);
    }
  }

  static int indexOf(TableModel t, String column) {
    for (int i = 0; i < t.columns().size(); i++) if (t.columns().get(i).name().equals(column)) return i;
    throw ApiException.badRequest("no column " + column);
  }

  /**
   * Per-column filters; operators are a closed set so only values, never SQL, come from the request, and each is a
   * pg_catalog operator or function (see {@link Comparisons}). "contains" matches the value's output text,
   * {@code format('%s', col)}, which calls the type's output function rather than a (possibly user-defined) cast.
   */
  static List<String> filters(Comparisons cmp, TableModel t, JsonNode filters, List<Object> binds) {
    List<String> out = new ArrayList<>();
    if (!filters.isArray()) return out;
    for (JsonNode f : filters) {
      ColumnModel col = Catalog.column(t, f.path("column").asText());
      String c = SqlParts.col("t", col.name());
      String op = f.path("op").asText("eq");
      String value = f.path("value").isNull() ? null : f.path("value").asText(null);
      switch (op) {
        case "isnull" -> out.add(c + " IS NULL");
        case "notnull" -> out.add(c + " IS NOT NULL");
        case "contains" -> {
          out.add("pg_catalog.format('%s', " + c + ") OPERATOR(pg_catalog.~~*) CAST(? AS pg_catalog.text)");
          binds.add("%" + SqlParts.likeEscape(require(value, col)) + "%");
        }
        case "eq", "ne", "lt", "gt", "le", "ge" -> {
          String sqlOp = switch (op) {
            case "eq" -> "=";
            case "ne" -> "<>";
            case "lt" -> "<";
            case "gt" -> ">";
            case "le" -> "<=";
            default -> ">=";
          };
          out.add(cmp.compare("t", col.name(), sqlOp));
          binds.add(require(value, col));
        }
        default -> throw ApiException.badRequest("unknown filter operator " + op);
      }
    }
    return out;
  }

  private static String require(String value, ColumnModel col) {
    if (value == null) throw ApiException.badRequest("filter on " + col.name() + " needs a value");
    return value;
  }
}
