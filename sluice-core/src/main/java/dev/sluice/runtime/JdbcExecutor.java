package dev.sluice.runtime;

import dev.sluice.query.Cursor;
import dev.sluice.query.Placeholder;
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

    /** A statement on a connection from here failed: a transaction records it (it dooms the transaction). */
    default void failed(DataAccessException e) {}

    /**
     * Whether connections come from a pool and go back on release (a cursor never closed would hold
     * one forever, so it is watched for leaks); false for a transaction's own connection.
     */
    default boolean pooled() {
      return true;
    }
  }

  private final ConnectionSource connections;
  /** Null when nobody observes: the hot path then pays one null check. */
  private final StatementObserver observer;

  JdbcExecutor(ConnectionSource connections) {
    this(connections, null);
  }

  JdbcExecutor(ConnectionSource connections, StatementObserver observer) {
    this.connections = connections;
    this.observer = observer;
  }

  StatementObserver observer() {
    return observer;
  }

  @Override
  public <R> List<R> query(Rendered sql, RowReader<R> reader) {
    return onStatement(sql, ps -> {
      try (ResultSet rs = ps.executeQuery()) {
        List<R> out = new ArrayList<>();
        while (rs.next()) out.add(reader.read(rs));
        return out;
      }
    }, List::size);
  }

  @Override
  public int execute(Rendered sql) {
    return onStatement(sql, ps -> {
      if (!ps.execute()) return ps.getUpdateCount();
      int count = 0;
      try (ResultSet rs = ps.getResultSet()) {
        while (rs.next()) count++;
      }
      return count;
    }, n -> n);
  }

  /** What runs on a prepared, bound statement. */
  private interface StatementWork<R> {
    R run(PreparedStatement ps) throws SQLException;
  }

  /**
   * The one path every query and update takes: acquire a connection, prepare and bind, run
   * {@code work}, log with timing (and the row count {@code rows} derives), translate failures,
   * always release the connection.
   */
  private <R> R onStatement(Rendered sql, StatementWork<R> work, java.util.function.ToIntFunction<R> rows) {
    long start = System.nanoTime();
    StatementObserver.Handle observed = observer == null ? null : observer.start(sql.sql());
    Connection c = null;
    try {
      checkNoPlaceholders(sql);
      c = connections.acquire();
      try (PreparedStatement ps = c.prepareStatement(sql.sql())) {
        sql.bindTo(ps);
        R result = work.run(ps);
        int n = rows.applyAsInt(result);
        log(sql, start, n);
        if (observed != null) observed.success(n);
        return result;
      }
    } catch (SQLException e) {
      logFailure(sql, start, e);
      DataAccessException d = failed(DataAccessException.of(sql.sql(), e));
      if (observed != null) observed.failure(d);
      throw d;
    } catch (RuntimeException | Error e) {
      if (observed != null) observed.failure(e);
      throw e;
    } finally {
      release(c);
    }
  }

  /** Tells the connection source about a failed statement; returns {@code e} to throw. */
  private DataAccessException failed(DataAccessException e) {
    connections.failed(e);
    return e;
  }

  @Override
  public <R> Cursor<R> cursor(Rendered sql, RowReader<R> reader, int fetchSize) {
    long start = System.nanoTime();
    StatementObserver.Handle observed = observer == null ? null : observer.start(sql.sql());
    Connection c = null;
    try {
      checkNoPlaceholders(sql);
      c = connections.acquire();
      Cursor<R> cursor = JdbcCursor.open(c, connections, sql, reader, fetchSize);
      log(sql, start, -1);
      if (observed != null) observed.success(-1);
      return cursor;
    } catch (SQLException e) {
      logFailure(sql, start, e);
      DataAccessException d = failed(DataAccessException.of(sql.sql(), e));
      if (observed != null) observed.failure(d);
      release(c, d);
      throw d;
    } catch (RuntimeException e) {
      if (observed != null) observed.failure(e);
      release(c);
      throw e;
    }
  }

  /**
   * Runs statements as JDBC batches: each run of consecutive statements with the same SQL text is
   * one {@code addBatch}/{@code executeBatch} (one round trip per run). Runs are not merged across
   * other statements, so the statements take effect in the order given; sort the list by shape to
   * get one round trip per shape. Outside a transaction the whole batch is one transaction (a
   * single statement is atomic alone and gets none). Returns the update count of each statement, in
   * order; with pgjdbc's {@code reWriteBatchedInserts} (on for {@link Database#connect}) rewritten
   * INSERTs report {@link java.sql.Statement#SUCCESS_NO_INFO}.
   */
  int[] batch(List<Rendered> statements) {
    if (statements.isEmpty()) return new int[0];
    long start = System.nanoTime();
    for (Rendered r : statements) checkNoPlaceholders(r);
    Connection c = null;
    Rendered current = statements.get(0);
    boolean ownTransaction = false;
    RuntimeException failure = null;
    try {
      c = connections.acquire();
      // several statements run in one transaction; a single one is atomic alone (no COMMIT round trip)
      ownTransaction = statements.size() > 1 && c.getAutoCommit();
      if (ownTransaction) c.setAutoCommit(false);
      int[] counts = new int[statements.size()];
      int i = 0;
      while (i < statements.size()) {
        String shape = statements.get(i).sql();
        int end = i;
        while (end < statements.size() && statements.get(end).sql().equals(shape)) end++;
        long runStart = System.nanoTime();
        StatementObserver.Handle observed = observer == null ? null : observer.start(shape);
        try (PreparedStatement ps = c.prepareStatement(shape)) {
          for (int k = i; k < end; k++) {
            current = statements.get(k);
            current.bindTo(ps);
            ps.addBatch();
          }
          current = statements.get(i);
          int[] run = ps.executeBatch();
          System.arraycopy(run, 0, counts, i, run.length);
          if (observed != null) observed.success(end - i);
        } catch (SQLException | RuntimeException e) {
          if (observed != null) observed.failure(e);
          throw e;
        }
        if (SQL_LOG.isDebugEnabled()) {
          SQL_LOG.debug("{} ms, batch of {}: {}", millis(runStart), end - i, shape);
        }
        i = end;
      }
      if (ownTransaction) TransactionRunner.commit(c);
      log(new Rendered("(batch of " + statements.size() + " statement(s))", List.of()), start, statements.size());
      return counts;
    } catch (SQLException e) {
      SQLException cause = e.getNextException() != null ? e.getNextException() : e;
      logFailure(current, start, cause);
      failure = failed(DataAccessException.of(current.sql(), cause));
      if (ownTransaction) TransactionRunner.rollback(c, failure);
      throw failure;
    } catch (RuntimeException e) {
      failure = e;
      if (ownTransaction && !(e instanceof CommitOutcomeUnknownException)) TransactionRunner.rollback(c, e);
      throw e;
    } finally {
      if (ownTransaction) {
        try {
          c.setAutoCommit(true);
        } catch (SQLException e) {
          if (failure != null) failure.addSuppressed(DataAccessException.of("restoring autocommit (cleanup)", e));
        }
      }
      release(c, failure);
    }
  }

  /** A query holding a {@link Placeholder} has no value for it: it must run through a PreparedQuery. */
  static void checkNoPlaceholders(Rendered sql) {
    for (var b : sql.binds()) {
      if (b.value() instanceof Placeholder<?> p) {
        throw new IllegalStateException("placeholder :" + p.name() + " has no value: run the query with "
            + "db.prepare(query).bind(placeholder, value) instead of fetching it directly; SQL: " + sql.sql());
      }
    }
  }

  private void release(Connection c) {
    release(c, null);
  }

  /** Returns {@code c}; a failure to do so goes to {@code failure} as suppressed, or is logged. */
  private void release(Connection c, RuntimeException failure) {
    if (c == null) return;
    try {
      connections.release(c);
    } catch (SQLException e) {
      if (failure != null) {
        failure.addSuppressed(DataAccessException.of("returning the connection (cleanup)", e));
      } else {
        SQL_LOG.warn("could not release connection: {}", e.getMessage());
      }
    }
  }

  /** Logs a statement at DEBUG with its time (WARN when slow; see {@link SqlLogging}); {@code rows} < 0 for an opened cursor. */
  static void log(Rendered sql, long startNanos, int rows) {
    SqlLogging.statement(sql, startNanos, rows);
  }

  /** Logs a failed statement at DEBUG (the exception reaches the caller anyway; this keeps the log complete). */
  static void logFailure(Rendered sql, long startNanos, SQLException e) {
    SqlLogging.failure(sql, startNanos, e);
  }

  private static String millis(long startNanos) {
    return String.format(java.util.Locale.ROOT, "%.3f", (System.nanoTime() - startNanos) / 1e6);
  }
}
