package dev.sluice.runtime;

import dev.sluice.query.Cursor;
import dev.sluice.query.QueryExecutor;
import dev.sluice.query.RowReader;
import dev.sluice.sql.Rendered;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs rendered statements on connections from a {@link ConnectionSource}: the hot path. One
 * PreparedStatement per call (pgjdbc caches the server-side plan per connection after
 * {@code prepareThreshold} uses), rows read straight from the ResultSet by the caller's reader.
 */
final class JdbcExecutor implements QueryExecutor {
  static final Logger SQL_LOG = LoggerFactory.getLogger("dev.sluice.sql");

  /** Borrows and returns connections: the pool for a Database, the fixed connection of a Transaction. */
  interface ConnectionSource {
    Connection acquire() throws SQLException;

    void release(Connection c) throws SQLException;
  }

  private final ConnectionSource connections;

  JdbcExecutor(ConnectionSource connections) {
    this.connections = connections;
  }

  @Override
  public <R> List<R> query(Rendered sql, RowReader<R> reader) {
    long start = System.nanoTime();
    Connection c = null;
    try {
      c = connections.acquire();
      try (PreparedStatement ps = c.prepareStatement(sql.sql())) {
        sql.bindTo(ps);
        try (ResultSet rs = ps.executeQuery()) {
          List<R> out = new ArrayList<>();
          while (rs.next()) out.add(reader.read(rs));
          log(sql, start, out.size());
          return out;
        }
      }
    } catch (SQLException e) {
      throw DataAccessException.of(sql.sql(), e);
    } finally {
      release(c);
    }
  }

  @Override
  public int execute(Rendered sql) {
    long start = System.nanoTime();
    Connection c = null;
    try {
      c = connections.acquire();
      try (PreparedStatement ps = c.prepareStatement(sql.sql())) {
        sql.bindTo(ps);
        boolean hasRows = ps.execute();
        int count;
        if (hasRows) {
          count = 0;
          try (ResultSet rs = ps.getResultSet()) {
            while (rs.next()) count++;
          }
        } else {
          count = ps.getUpdateCount();
        }
        log(sql, start, count);
        return count;
      }
    } catch (SQLException e) {
      throw DataAccessException.of(sql.sql(), e);
    } finally {
      release(c);
    }
  }

  @Override
  public <R> Cursor<R> cursor(Rendered sql, RowReader<R> reader, int fetchSize) {
    Connection c = null;
    try {
      c = connections.acquire();
      return JdbcCursor.open(c, connections, sql, reader, fetchSize);
    } catch (SQLException e) {
      release(c);
      throw DataAccessException.of(sql.sql(), e);
    } catch (RuntimeException e) {
      release(c);
      throw e;
    }
  }

  private void release(Connection c) {
    if (c == null) return;
    try {
      connections.release(c);
    } catch (SQLException e) {
      SQL_LOG.warn("could not release connection: {}", e.getMessage());
    }
  }

  static void log(Rendered sql, long startNanos, int rows) {
    if (SQL_LOG.isDebugEnabled()) {
      SQL_LOG.debug("{} ms, {} row(s): {}{}", String.format("%.3f", (System.nanoTime() - startNanos) / 1e6), rows,
          sql.sql(), sql.binds().isEmpty() ? "" : " -- " + sql.values());
    }
  }
}
