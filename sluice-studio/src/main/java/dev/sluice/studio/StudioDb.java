package dev.sluice.studio;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.runtime.PgUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Connections for the studio. Every unit of work runs in its own transaction, switched with {@code SET LOCAL ROLE}
 * to the studio's role: the read role in read-only mode, the write role in read-write mode (or none, for a superuser
 * login explicitly allowed with {@code allowSuperuser}). In read-only mode the transaction is also {@code READ ONLY}
 * and takes its snapshot before any request SQL runs (so PostgreSQL refuses a later {@code SET TRANSACTION READ
 * WRITE}). The login was checked at start by {@link StudioRoles#verifySetup}, so PostgreSQL's privileges, not the
 * studio, decide what the work can do. Results come as text (binary transfer off): {@code getString} is the column
 * type's output function, never a cast. Console work runs on a connection of its own that is closed afterwards, so
 * nothing a console statement leaves in its session (settings, advisory locks, temp tables, roles) reaches later
 * requests. Outside a pooler the role (and, read-only, {@code READ ONLY}) is also set for the whole session, as a
 * second wall. Through a transaction pooler ({@code pgbouncer=true} in the URL) the studio sets nothing at session
 * level, since the pooler hands that server session to other clients: the role and {@code READ ONLY} come from each
 * transaction alone, statements are unnamed, and, as closing a connection resets nothing on the server, the console
 * drops its session state inside its own transaction ({@link #POOLED_CONSOLE_RESET}).
 */
final class StudioDb implements AutoCloseable {
  /** The statement timeout of every studio transaction, so a runaway console query cannot hang the server. */
  static final String STATEMENT_TIMEOUT = "30s";

  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final HikariDataSource pool;
  private final PgUrl pg;
  final boolean readOnly;
  /** The role every unit of work switches to, or null (a superuser login allowed to run read-write as itself). */
  final String role;

  /**
   * What a console transaction runs last when the studio goes through a transaction pooler: the session
   * state a console statement may have left (settings, role, cursors, LISTENs, advisory locks, temporary
   * tables) is dropped inside the transaction, on the server session that has it, before the pooler gives
   * that session to someone else. Closing the client connection resets nothing there.
   */
  static final String POOLED_CONSOLE_RESET = "RESET ALL; SET SESSION AUTHORIZATION DEFAULT; CLOSE ALL; UNLISTEN *;"
      + " SELECT pg_catalog.pg_advisory_unlock_all(); DISCARD TEMP; DISCARD SEQUENCES";

  /** Whether the URL said {@code pgbouncer=true} (a transaction pooler between the studio and PostgreSQL). */
  final boolean pgBouncer;

  StudioDb(String url, boolean readOnly, String readRole, String writeRole, boolean allowSuperuser) {
    String flag = urlParam(url, "pgbouncer");
    this.pgBouncer = "true".equalsIgnoreCase(flag);
    if (flag != null) url = withoutParam(url, "pgbouncer");
    PgUrl pg = PgUrl.parse(url);
    this.pg = pg;
    String mode = readOnly ? "--read-only" : "read-write";
    String wanted = readOnly ? StudioRoles.checkName(readRole, "read role") : StudioRoles.checkName(writeRole, "write role");
    String chosen = wanted;
    try (Connection c = connection("sluice studio")) {
      if (!readOnly && allowSuperuser && StudioRoles.isSuperuser(c)) {
        chosen = null;
        System.err.println("WARNING: sluice studio runs read-write as the superuser login of " + pg + " (--allow-superuser):"
            + " its SQL console can run anything the superuser can, COPY ... TO PROGRAM (commands as the server's OS user),"
            + " file reads and password hashes included. Prefer the write role of --print-setup-sql.");
      } else {
        StudioRoles.verifySetup(c, wanted, mode);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check the studio's " + mode + " setup on " + pg + ": " + e.getMessage(), e);
    }
    this.role = chosen;
    this.readOnly = readOnly;
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(pg.jdbcUrl());
    if (pg.user() != null) cfg.setUsername(pg.user());
    if (pg.password() != null) cfg.setPassword(pg.password());
    cfg.setMaximumPoolSize(4);
    cfg.setMinimumIdle(0);
    cfg.setPoolName("sluice-studio");
    cfg.addDataSourceProperty("ApplicationName", "sluice studio");
    cfg.addDataSourceProperty("binaryTransfer", "false");
    // no named server-side statements: the next transaction may run on another server session
    if (pgBouncer) cfg.addDataSourceProperty("prepareThreshold", "0");
    String sessionSetup = sessionSetup();
    if (sessionSetup != null) cfg.setConnectionInitSql(sessionSetup);
    this.pool = new HikariDataSource(cfg);
  }

  DataSource dataSource() {
    return pool;
  }

  /**
   * The session-level second wall (role, and {@code READ ONLY} in read-only mode) for a connection straight to
   * PostgreSQL, or null: none is needed (a superuser login allowed to run as itself) or none may be set (through a
   * transaction pooler, where the server session goes to other clients after each transaction).
   */
  private String sessionSetup() {
    if (pgBouncer || role == null) return null;
    return (readOnly ? "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY; " : "") + "SET ROLE " + role;
  }

  /** Runs work in one transaction, committed on success (unless {@code rollback}), rolled back on any failure. */
  <T> T tx(boolean rollback, Work<T> work) throws SQLException {
    return run(rollback, false, work);
  }

  /** Like {@link #tx(boolean, Work)} for request SQL, on a connection of its own that is closed afterwards. */
  <T> T console(boolean rollback, Work<T> work) throws SQLException {
    return run(rollback, true, work);
  }

  private Connection open(boolean own) throws SQLException {
    if (!own) return pool.getConnection();
    Connection c = connection("sluice studio console");
    String sessionSetup = sessionSetup();
    if (sessionSetup != null) {
      try (Statement st = c.createStatement()) {
        st.execute(sessionSetup);
      } catch (SQLException e) {
        try {
          c.close();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }
    return c;
  }

  /** A connection outside the pool, set up like the pool's (text results; through a pooler, no named statements). */
  private Connection connection(String applicationName) throws SQLException {
    Properties p = new Properties();
    if (pg.user() != null) p.setProperty("user", pg.user());
    if (pg.password() != null) p.setProperty("password", pg.password());
    p.setProperty("ApplicationName", applicationName);
    p.setProperty("binaryTransfer", "false");
    if (pgBouncer) p.setProperty("prepareThreshold", "0");
    return DriverManager.getConnection(pg.jdbcUrl(), p);
  }

  private <T> T run(boolean rollback, boolean own, Work<T> work) throws SQLException {
    try (Connection c = open(own)) {
      c.setAutoCommit(false);
      try {
        try (Statement st = c.createStatement()) {
          if (readOnly) st.execute("SET TRANSACTION READ ONLY");
          if (role != null) st.execute("SET LOCAL ROLE " + role);
          st.execute("SET LOCAL statement_timeout = '" + STATEMENT_TIMEOUT + "'");
          // The first query fixes the snapshot: from now on PostgreSQL refuses SET TRANSACTION READ WRITE.
          if (readOnly) st.execute("SELECT 1");
        }
        java.sql.Savepoint beforeWork = own && pgBouncer ? c.setSavepoint() : null;
        T result;
        try {
          result = work.run(c);
        } catch (SQLException | RuntimeException e) {
          if (beforeWork != null) resetPooledSession(c, beforeWork, e);
          throw e;
        }
        if (beforeWork != null) resetPooledSession(c, null, null);
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
        if (!own) c.setAutoCommit(true);
      }
    }
  }

  /**
   * Runs {@link #POOLED_CONSOLE_RESET} in the console's transaction (after rolling back to {@code savepoint}
   * when the work failed, so the transaction can still run it). A failing reset is added to {@code failure}
   * when there is one, else thrown: the server session would otherwise go back to the pooler dirty.
   */
  private static void resetPooledSession(Connection c, java.sql.Savepoint savepoint, Exception failure) throws SQLException {
    try {
      if (savepoint != null) c.rollback(savepoint);
      try (Statement st = c.createStatement()) {
        st.execute(POOLED_CONSOLE_RESET);
      }
    } catch (SQLException e) {
      if (failure == null) throw e;
      failure.addSuppressed(e);
    }
  }

  private static String urlParam(String url, String name) {
    int q = url.indexOf('?');
    if (q < 0) return null;
    for (String p : url.substring(q + 1).split("&")) {
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).equalsIgnoreCase(name)) return p.substring(eq + 1);
    }
    return null;
  }

  private static String withoutParam(String url, String name) {
    int q = url.indexOf('?');
    List<String> kept = new ArrayList<>();
    for (String p : url.substring(q + 1).split("&")) {
      int eq = p.indexOf('=');
      if (!(eq < 0 ? p : p.substring(0, eq)).equalsIgnoreCase(name) && !p.isEmpty()) kept.add(p);
    }
    return url.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
  }

  <T> T tx(Work<T> work) throws SQLException {
    return tx(false, work);
  }

  /**
   * Binds every value as text of unspecified type: PostgreSQL gives each placeholder the type its context asks for
   * ({@code CAST(? AS t)}, an INSERT column) and reads it with that type's input function. A placeholder typed
   * varchar would instead go through {@code CAST(varchar AS t)}, which a type's owner can define with their own
   * function ({@code CREATE CAST ... WITH FUNCTION}).
   */
  static PreparedStatement prepare(Connection c, String sql, List<?> binds) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < binds.size(); i++) {
      Object v = binds.get(i);
      if (v == null) ps.setNull(i + 1, java.sql.Types.OTHER);
      else ps.setObject(i + 1, v.toString(), java.sql.Types.OTHER);
    }
    return ps;
  }

  /** A result set as column names plus rows of PostgreSQL text values (null stays null). */
  static Map<String, Object> table(ResultSet rs, int maxRows) throws SQLException {
    return table(rs, maxRows, false);
  }

  /**
   * Same; with {@code boolWords} a boolean column reads {@code true}/{@code false} (what {@code bool::text} gives
   * and the grid edits) instead of the output function's {@code t}/{@code f}.
   */
  static Map<String, Object> table(ResultSet rs, int maxRows, boolean boolWords) throws SQLException {
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
      for (int i = 1; i <= cols.size(); i++) {
        String v = rs.getString(i);
        if (boolWords && v != null && "bool".equals(md.getColumnTypeName(i))) v = v.equals("t") ? "true" : v.equals("f") ? "false" : v;
        row.add(v);
      }
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
