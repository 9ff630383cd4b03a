package dev.sluice.runtime;

import dev.sluice.query.QueryExecutor;
import dev.sluice.query.QueryFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * A transaction on one connection. Statements built from it run inside it; {@link #transaction}
 * nests with a savepoint, so an inner failure rolls back only the inner work.
 */
public final class Transaction implements QueryFactory, BulkWrites {
  private final Connection connection;
  private final JdbcExecutor executor;
  private int savepoints;

  Transaction(Connection connection) {
    this.connection = connection;
    this.executor = new JdbcExecutor(new JdbcExecutor.ConnectionSource() {
      @Override
      public Connection acquire() {
        return connection;
      }

      @Override
      public void release(Connection c) {
        // the transaction owns the connection until it ends
      }
    });
  }

  @Override
  public QueryExecutor executor() {
    return executor;
  }

  /**
   * Renders {@code query} once for running many times with different values for its
   * {@link dev.sluice.query.Placeholder}s; see {@link PreparedQuery}.
   */
  public PreparedQuery prepare(dev.sluice.sql.QueryPart query) {
    return PreparedQuery.prepare(executor, query);
  }

  /**
   * Runs statements as JDBC batches, one round trip per run of consecutive statements with the same
   * SQL text (order is kept; sort by shape for one round trip per shape). Outside a transaction the
   * batch is atomic. Returns each statement's update count, in order.
   */
  public int[] batch(java.util.List<? extends dev.sluice.sql.QueryPart> statements) {
    return executor.batch(statements.stream().map(dev.sluice.sql.QueryPart::render).toList());
  }

  /** The underlying JDBC connection, for interop with code that needs one. Do not commit or close it. */
  public Connection connection() {
    return connection;
  }

  /**
   * A nested transaction: runs {@code body} after a SAVEPOINT; on exception rolls back to the
   * savepoint and rethrows (the outer transaction can go on), else releases it.
   */
  public <R> R transaction(TransactionCallback<R> body) {
    Savepoint sp;
    try {
      sp = connection.setSavepoint("sluice_sp_" + (++savepoints));
    } catch (SQLException e) {
      throw DataAccessException.of("SAVEPOINT", e);
    }
    try {
      R result = body.run(this);
      connection.releaseSavepoint(sp);
      return result;
    } catch (Throwable t) {
      try {
        connection.rollback(sp);
      } catch (SQLException e) {
        t.addSuppressed(e);
      }
      throw Database.rethrow(t);
    }
  }

  /** Runs SQL statements without parameters (DDL, SET LOCAL...). */
  public void executeSql(String sql) {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw DataAccessException.of(sql, e);
    }
  }

  // --- bulk paths (insertMany / upsertMany) -------------------------------------------------------

  /** Bulk inserts on this transaction's connection with the given path thresholds; see {@link BulkWriter}. */
  @Override
  public BulkWriter bulk(BulkOptions options) {
    return new BulkWriter(new BulkWriter.Runner() {
      @Override
      public <R> R inTransaction(java.util.function.Function<Connection, R> work) {
        return work.apply(connection);
      }
    }, options);
  }
}
