package dev.sluice.studio;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.CachedQuery;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.jdbc.PreferQueryMode;

/**
 * The SQL console: the one place raw SQL is accepted, which is the point of a console. It runs inside the
 * studio's transaction (in read-only mode READ ONLY and as the read role, see {@link StudioDb}), with a 30 s
 * statement timeout, on a connection that is closed afterwards.
 *
 * <p>What counts as one statement is PostgreSQL's call, not a splitter's: the text goes to the server in ONE
 * extended-protocol Parse message, and the server refuses a Parse message holding several commands ("cannot
 * insert multiple commands into a prepared statement"). pgjdbc splits text at top-level semicolons into several
 * Parse messages on its own; the console asks the driver how it would send the text and refuses anything the
 * driver would send as more than one message (a false refusal is possible where pgjdbc and PostgreSQL disagree,
 * never a second statement). EXPLAIN ANALYZE executes the statement, so it always runs in a transaction that is
 * rolled back.
 */
final class Console {
  static final int MAX_ROWS = 1000;

  private final StudioDb db;
  private final ObjectMapper json;

  Console(StudioDb db, ObjectMapper json) {
    this.db = db;
    this.json = json;
  }

  private static String text(String sql) {
    if (sql == null || sql.isBlank()) throw ApiException.badRequest("no SQL to run");
    return sql;
  }

  /**
   * Refuses SQL the driver would send as several protocol messages, and makes sure the driver uses the extended
   * protocol (in simple mode a whole multi-statement text would go out as one Query message the server runs in full).
   */
  static void requireOneMessage(Connection c, String sql) throws SQLException {
    QueryExecutor qe = c.unwrap(BaseConnection.class).getQueryExecutor();
    if (qe.getPreferQueryMode() != PreferQueryMode.EXTENDED) qe.setPreferQueryMode(PreferQueryMode.EXTENDED);
    CachedQuery q = qe.createQuery(sql, false, false);
    try {
      Query[] parts = q.query.getSubqueries();
      int n = parts == null ? 1 : parts.length;
      if (n != 1) {
        throw ApiException.badRequest("the console runs one statement at a time; this text holds " + n
            + " (each run is its own transaction: run them one by one)");
      }
    } finally {
      qe.releaseQuery(q);
    }
  }

  Map<String, Object> run(String sql) throws SQLException {
    String statement = text(sql);
    long started = System.nanoTime();
    return db.console(false, c -> {
      requireOneMessage(c, statement);
      Map<String, Object> out = new LinkedHashMap<>();
      try (Statement st = c.createStatement()) {
        st.setEscapeProcessing(false);
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
    String statement = "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + text(sql);
    return db.console(true, c -> {
      requireOneMessage(c, statement);
      try (Statement st = c.createStatement()) {
        st.setEscapeProcessing(false);
        try (ResultSet rs = st.executeQuery(statement)) {
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
      }
    });
  }
}
