package dev.sluice.studio;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.kit.sql.SqlScript;
import dev.sluice.kit.sql.SqlStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SQL console: the one place raw SQL is accepted, which is the point of a console. It still runs inside the
 * studio's transaction (read-only in read-only mode, 30 s statement timeout). Exactly one statement is accepted,
 * and transaction control is refused, so a {@code COMMIT; SET ... READ WRITE; ...} string cannot step outside
 * the read-only transaction. EXPLAIN ANALYZE executes the statement, so it always runs in a transaction that
 * is rolled back.
 */
final class Console {
  static final int MAX_ROWS = 1000;
  private static final Pattern TX_CONTROL = Pattern.compile(
      "^(begin|commit|rollback|abort|end|start\\s+transaction|savepoint|release|prepare\\s+transaction"
          + "|set\\s+(session\\s+)?(transaction|session\\s+characteristics)|set\\s+(session\\s+|local\\s+)?default_transaction_read_only"
          + "|set\\s+(session\\s+|local\\s+)?transaction_read_only|reset\\s+(all|default_transaction_read_only|transaction_read_only)"
          + "|discard|set\\s+role|set\\s+session\\s+authorization)\\b");

  private final StudioDb db;
  private final ObjectMapper json;

  Console(StudioDb db, ObjectMapper json) {
    this.db = db;
    this.json = json;
  }

  static String single(String sql) {
    if (sql == null || sql.isBlank()) throw ApiException.badRequest("no SQL to run");
    List<SqlStatement> statements = SqlScript.split(sql);
    if (statements.size() != 1) {
      throw ApiException.badRequest("the console runs one statement at a time; found " + statements.size());
    }
    String text = statements.get(0).text().trim();
    String head = SqlScript.stripComments(text).trim().toLowerCase(Locale.ROOT);
    if (TX_CONTROL.matcher(head).find()) {
      throw ApiException.badRequest("transaction control is not available in the console: each run is its own transaction");
    }
    return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
  }

  Map<String, Object> run(String sql) throws SQLException {
    String statement = single(sql);
    long started = System.nanoTime();
    return db.tx(c -> {
      Map<String, Object> out = new LinkedHashMap<>();
      try (Statement st = c.createStatement()) {
        st.setMaxRows(MAX_ROWS + 1);
        boolean hasRows = st.execute(statement);
        if (hasRows) {
          try (ResultSet rs = st.getResultSet()) {
            out.putAll(StudioDb.table(rs, MAX_ROWS));
          }
        } else {
          out.put("updateCount", st.getUpdateCount());
        }
      }
      out.put("ms", (System.nanoTime() - started) / 1_000_000);
      return out;
    });
  }

  Map<String, Object> explain(String sql) throws SQLException {
    String statement = single(sql);
    return db.tx(true, c -> {
      try (Statement st = c.createStatement();
           ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + statement)) {
        rs.next();
        Map<String, Object> out = new LinkedHashMap<>();
        try {
          out.put("plan", json.readTree(rs.getString(1)));
        } catch (java.io.IOException e) {
          throw new SQLException("unreadable EXPLAIN output: " + e.getMessage(), e);
        }
        out.put("rolledBack", true);
        return out;
      }
    });
  }
}
