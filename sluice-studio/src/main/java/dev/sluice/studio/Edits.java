package dev.sluice.studio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.TableModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A batch of row edits (insert, update, delete) applied in ONE transaction: either every edit lands or none
 * does. A failing edit is reported with its index, PostgreSQL's message, SQLSTATE and the constraint name, so
 * the UI can show the error next to that row.
 */
final class Edits {
  private Edits() {}

  /** Thrown (to roll the transaction back) when one edit of the batch fails. */
  static final class Failed extends RuntimeException {
    final Map<String, Object> report;

    Failed(Map<String, Object> report) {
      super(String.valueOf(report.get("message")));
      this.report = report;
    }
  }

  static Map<String, Object> apply(Connection c, TableModel t, JsonNode ops) throws SQLException {
    if (!ops.isArray() || ops.isEmpty()) throw ApiException.badRequest("no edits to apply");
    Comparisons cmp = Comparisons.of(c, t);
    int i = 0;
    int rows = 0;
    for (JsonNode op : ops) {
      String kind = op.path("op").asText();
      List<Object> binds = new ArrayList<>();
      String sql = switch (kind) {
        case "insert" -> insert(t, op.path("values"), binds);
        case "update" -> update(cmp, t, op, binds);
        case "delete" -> "DELETE FROM " + SqlParts.qualified(t) + " WHERE " + SqlParts.keyCondition(cmp, null, t, key(op), binds);
        default -> throw ApiException.badRequest("edit " + i + ": unknown op " + kind + " (insert, update, delete)");
      };
      try (PreparedStatement ps = StudioDb.prepare(c, sql, binds)) {
        int n = ps.executeUpdate();
        if (!kind.equals("insert") && n != 1) {
          throw new Failed(report(i, "the row was not found (changed or deleted meanwhile); nothing was applied", null, null, null));
        }
        rows += n;
      } catch (SQLException e) {
        throw new Failed(failure(i, e));
      }
      i++;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ok", true);
    out.put("applied", i);
    out.put("rows", rows);
    return out;
  }

  private static String insert(TableModel t, JsonNode values, List<Object> binds) {
    List<String> cols = new ArrayList<>();
    List<String> params = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
      var e = it.next();
      ColumnModel col = Catalog.column(t, e.getKey());
      cols.add(SqlParts.col(null, col.name()));
      params.add(SqlParts.param(col));
      binds.add(e.getValue().isNull() ? null : e.getValue().asText());
    }
    String target = SqlParts.qualified(t);
    return cols.isEmpty() ? "INSERT INTO " + target + " DEFAULT VALUES"
        : "INSERT INTO " + target + " (" + String.join(", ", cols) + ") VALUES (" + String.join(", ", params) + ")";
  }

  private static String update(Comparisons cmp, TableModel t, JsonNode op, List<Object> binds) {
    List<String> sets = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = op.path("values").fields(); it.hasNext(); ) {
      var e = it.next();
      ColumnModel col = Catalog.column(t, e.getKey());
      sets.add(SqlParts.col(null, col.name()) + " = " + SqlParts.param(col));
      binds.add(e.getValue().isNull() ? null : e.getValue().asText());
    }
    if (sets.isEmpty()) throw ApiException.badRequest("update without values");
    return "UPDATE " + SqlParts.qualified(t) + " SET " + String.join(", ", sets) + " WHERE "
        + SqlParts.keyCondition(cmp, null, t, key(op), binds);
  }

  static Map<String, String> key(JsonNode op) {
    Map<String, String> key = new LinkedHashMap<>();
    op.path("key").fields().forEachRemaining(e -> key.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
    return key;
  }

  static Map<String, Object> failure(int index, SQLException e) {
    String constraint = null;
    String detail = null;
    String message = e.getMessage();
    if (e instanceof PSQLException pe && pe.getServerErrorMessage() != null) {
      ServerErrorMessage m = pe.getServerErrorMessage();
      constraint = m.getConstraint();
      detail = m.getDetail();
      message = m.getMessage();
    }
    return report(index, message, e.getSQLState(), constraint, detail);
  }

  private static Map<String, Object> report(int index, String message, String sqlState, String constraint, String detail) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ok", false);
    out.put("index", index);
    out.put("message", message);
    out.put("sqlState", sqlState);
    out.put("constraint", constraint);
    out.put("detail", detail);
    return out;
  }
}
