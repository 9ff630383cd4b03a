package dev.sluice.runtime;

import dev.sluice.sql.Rendered;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What the {@code dev.sluice.sql} logger writes. At DEBUG: each statement with its time, row count and
 * SQL, and the number of bind values; the values themselves only with the system property
 * {@code sluice.log.binds=true}, since they may be personal data. At WARN, whatever the level: a
 * statement slower than {@code sluice.log.slowQueryMs} milliseconds (default 1000; 0 turns it off).
 */
final class SqlLogging {
  static final String BINDS_PROPERTY = "sluice.log.binds";
  static final String SLOW_PROPERTY = "sluice.log.slowQueryMs";
  static final long DEFAULT_SLOW_MS = 1000;

  private SqlLogging() {}

  static void statement(Rendered sql, long startNanos, int rows) {
    long nanos = System.nanoTime() - startNanos;
    long slow = slowThresholdMs();
    boolean isSlow = slow > 0 && nanos >= slow * 1_000_000L;
    if (isSlow && JdbcExecutor.SQL_LOG.isWarnEnabled()) {
      JdbcExecutor.SQL_LOG.warn("slow statement ({} ms, threshold {} ms, {}): {}{}", millis(nanos), slow,
          rows < 0 ? "cursor opened" : rows + " row(s)", sql.sql(), binds(sql));
    } else if (JdbcExecutor.SQL_LOG.isDebugEnabled()) {
      JdbcExecutor.SQL_LOG.debug("{} ms, {}: {}{}", millis(nanos), rows < 0 ? "cursor opened" : rows + " row(s)",
          sql.sql(), binds(sql));
    }
  }

  static void failure(Rendered sql, long startNanos, SQLException e) {
    if (JdbcExecutor.SQL_LOG.isDebugEnabled()) {
      JdbcExecutor.SQL_LOG.debug("{} ms, FAILED [SQLSTATE {}] {}: {}{}", millis(System.nanoTime() - startNanos),
          e.getSQLState(), e.getMessage(), sql.sql(), binds(sql));
    }
  }

  /** {@code " -- 2 bind(s)"}, or the values with {@code sluice.log.binds=true}; empty without binds. */
  static String binds(Rendered sql) {
    int n = sql.binds().size();
    if (n == 0) return "";
    return Boolean.getBoolean(BINDS_PROPERTY) ? " -- " + sql.values() : " -- " + n + " bind(s)";
  }

  static long slowThresholdMs() {
    String v = System.getProperty(SLOW_PROPERTY);
    if (v == null || v.isBlank()) return DEFAULT_SLOW_MS;
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      return DEFAULT_SLOW_MS;
    }
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
  }
}
