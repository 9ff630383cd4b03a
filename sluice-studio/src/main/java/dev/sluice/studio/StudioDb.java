package dev.sluice.studio;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.runtime.PgUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Connections for the studio. Every unit of work runs in its own transaction; in read-only mode the
 * transaction is {@code SET TRANSACTION READ ONLY} (and sessions default to read-only too), so
 * PostgreSQL itself refuses writes whatever the UI or the console sends.
 */
final class StudioDb implements AutoCloseable {
  /** The statement timeout of every studio transaction, so a runaway console query cannot hang the server. */
  static final String STATEMENT_TIMEOUT = "30s";

  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final HikariDataSource pool;
  final boolean readOnly;

  StudioDb(String url, boolean readOnly) {
    PgUrl pg = PgUrl.parse(url);
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(pg.jdbcUrl());
    if (pg.user() != null) cfg.setUsername(pg.user());
    if (pg.password() != null) cfg.setPassword(pg.password());
    cfg.setMaximumPoolSize(4);
    cfg.setMinimumIdle(0);
    cfg.setPoolName("sluice-studio");
    cfg.addDataSourceProperty("ApplicationName", "sluice studio");
    if (readOnly) cfg.setConnectionInitSql("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
    this.pool = new HikariDataSource(cfg);
    this.readOnly = readOnly;
  }

  DataSource dataSource() {
    return pool;
  }

  /** Runs work in one transaction, committed on success (unless {@code rollback}), rolled back on any failure. */
  <T> T tx(boolean rollback, Work<T> work) throws SQLException {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (Statement st = c.createStatement()) {
          if (readOnly) st.execute("SET TRANSACTION READ ONLY");
          st.execute("SET LOCAL statement_timeout = '" + STATEMENT_TIMEOUT + "'");
        }
        T result = work.run(c);
        if (rollback) c.rollback(); else c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  <T> T tx(Work<T> work) throws SQLException {
    return tx(false, work);
  }

  /** Binds every value as text; the SQL casts each placeholder to the column's type. */
  static PreparedStatement prepare(Connection c, String sql, List<?> binds) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < binds.size(); i++) {
      Object v = binds.get(i);
      if (v == null) ps.setNull(i + 1, java.sql.Types.VARCHAR);
      else ps.setString(i + 1, v.toString());
    }
    return ps;
  }

  /** A result set as column names plus rows of PostgreSQL text values (null stays null). */
  static Map<String, Object> table(ResultSet rs, int maxRows) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<Map<String, String>> cols = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      cols.add(Map.of("name", md.getColumnLabel(i), "type", md.getColumnTypeName(i)));
    }
    List<List<String>> rows = new ArrayList<>();
    boolean truncated = false;
    while (rs.next()) {
      if (rows.size() == maxRows) {
        truncated = true;
        break;
      }
      List<String> row = new ArrayList<>(cols.size());
      for (int i = 1; i <= cols.size(); i++) row.add(rs.getString(i));
      rows.add(row);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("columns", cols);
    out.put("rows", rows);
    out.put("truncated", truncated);
    return out;
  }

  @Override
  public void close() {
    pool.close();
  }
}
