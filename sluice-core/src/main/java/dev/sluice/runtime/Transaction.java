package dev.sluice.runtime;

import dev.sluice.query.QueryExecutor;
import dev.sluice.query.QueryFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * A transaction on one connection. Statements built from it run inside it; {@link #transaction}
 * nests with a savepoint, so an inner failure rolls back only the inner work.
 *
 * <p><b>The rule:</b> a statement that fails dooms the transaction (PostgreSQL aborts it), even when
 * the body catches the exception: the transaction then rolls back and {@code transaction(...)} throws a
 * {@link TransactionAbortedException} whose cause is the first failure, instead of reporting a commit
 * that did not happen. To recover from an expected failure, run it in a nested
 * {@link #transaction} (a savepoint): when the nested body throws, the transaction rolls back to the
 * savepoint and the outer transaction can go on and commit. {@link #setRollbackOnly()} is the
 * deliberate way to roll back without a failure.
 */
public final class Transaction implements QueryFactory, BulkWrites {
  private final Connection connection;
  private final JdbcExecutor executor;
  private int savepoints;
  /** The innermost open scope: the transaction itself, or the savepoint being run. */
  private Scope scope = new Scope();

  /** What happened in one scope (the transaction or one savepoint). */
  private static final class Scope {
    DataAccessException firstFailure;
    boolean rollbackOnly;
  }

  Transaction(Connection connection) {
    this(connection, null);
  }

  Transaction(Connection connection, StatementObserver observer) {
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

      @Override
      public void failed(DataAccessException e) {
        recordFailure(e);
      }

      @Override
      public boolean pooled() {
        return false;
      }
    }, observer);
  }

  /** Remembers the first failed statement of the current scope: it dooms the scope. */
  void recordFailure(DataAccessException e) {
    if (scope.firstFailure == null) scope.firstFailure = e;
  }

  /**
   * Marks the innermost open scope to roll back instead of committing, without a failure: at the
   * top level the whole transaction rolls back when the body returns and {@code transaction(...)}
   * returns the body's result normally (as Spring's {@code TransactionTemplate} does); inside a nested
   * {@link #transaction} only that savepoint is rolled back and the outer transaction goes on.
   */
  public void setRollbackOnly() {
    scope.rollbackOnly = true;
  }

  /** Whether the innermost open scope will roll back: {@link #setRollbackOnly()} was called or a statement failed in it. */
  public boolean isRollbackOnly() {
    return scope.rollbackOnly || scope.firstFailure != null;
  }

  /** Whether {@link #setRollbackOnly()} was called on the current scope. */
  boolean rollbackOnlyRequested() {
    return scope.rollbackOnly;
  }

  /** The first statement failure recorded in the current scope, or null. */
  DataAccessException firstFailure() {
    return scope.firstFailure;
  }

  /**
   * Why the current scope cannot commit: its first recorded failure, or the server's view that the
   * transaction is aborted (a failure through the raw {@link #connection()}); null when it can.
   */
  TransactionAbortedException doomed(String what) {
    if (scope.firstFailure != null) return new TransactionAbortedException(what, scope.firstFailure);
    if (serverSaysAborted(connection)) return new TransactionAbortedException(what, null);
    return null;
  }

  /** pgjdbc's transaction state is FAILED (unknown drivers or closed connections: false). */
  static boolean serverSaysAborted(Connection c) {
    try {
      if (!c.isWrapperFor(BaseConnection.class)) return false;
      return c.unwrap(BaseConnection.class).getTransactionState() == TransactionState.FAILED;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  /**
   * The exception to throw when the body threw {@code t}: {@code t} itself, except that a statement
   * refused because an earlier, caught failure aborted the transaction (25P02) is reported as that
   * earlier failure; the first failure is added as suppressed when it is not already the cause.
   */
  RuntimeException bodyFailed(String what, Throwable t) {
    RuntimeException r = Database.rethrow(t);
    DataAccessException first = scope.firstFailure;
    if (first == null || first == r) return r;
    if (r instanceof DataAccessException d && "25P02".equals(d.sqlState())) {
      TransactionAbortedException aborted = new TransactionAbortedException(what, first);
      aborted.addSuppressed(r);
      return aborted;
    }
    for (Throwable c = r.getCause(); c != null; c = c.getCause()) {
      if (c == first || c.getCause() == c) return r;
    }
    r.addSuppressed(first);
    return r;
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
   * A nested transaction: runs {@code body} after a SAVEPOINT. When the body throws, rolls back to the
   * savepoint and rethrows: the failures inside it are undone and the outer transaction can go on
   * (this is how to recover from an expected failure). When the body returns but a statement failed
   * inside it (the body caught the failure), rolls back to the savepoint and throws a
   * {@link TransactionAbortedException} with the first failure as cause (the outer transaction can
   * still go on). After {@link #setRollbackOnly()} inside it, rolls back to the savepoint and returns
   * the body's result. Else releases the savepoint and returns the result.
   */
  public <R> R transaction(TransactionCallback<R> body) {
    Savepoint sp;
    try {
      sp = connection.setSavepoint("sluice_sp_" + (++savepoints));
    } catch (SQLException e) {
      DataAccessException d = DataAccessException.of("SAVEPOINT", e);
      recordFailure(d);
      throw d;
    }
    Scope outer = scope;
    scope = new Scope();
    R result;
    try {
      result = body.run(this);
    } catch (Throwable t) {
      RuntimeException r = bodyFailed("savepoint", t);
      scope = outer;
      rollbackTo(sp, r);
      throw r;
    }
    TransactionAbortedException doomed = doomed("savepoint");
    boolean rollbackOnly = scope.rollbackOnly;
    scope = outer;
    if (doomed != null) {
      rollbackTo(sp, doomed);
      throw doomed;
    }
    if (rollbackOnly) {
      rollbackTo(sp, null);
      return result;
    }
    try {
      connection.releaseSavepoint(sp);
    } catch (SQLException e) {
      DataAccessException d = DataAccessException.of("RELEASE SAVEPOINT", e);
      recordFailure(d);
      throw d;
    }
    return result;
  }

  /** {@link #transaction(TransactionCallback)} for a body with no result. */
  public void inTransaction(TransactionAction body) {
    transaction(tx -> {
      body.run(tx);
      return null;
    });
  }

  /**
   * Rolls back to {@code sp}; when that fails the outer scope is doomed (its state is unknown) and the
   * rollback failure goes to {@code failure} as suppressed (or is thrown when there is none).
   */
  private void rollbackTo(Savepoint sp, RuntimeException failure) {
    try {
      connection.rollback(sp);
    } catch (SQLException e) {
      DataAccessException d = DataAccessException.of("ROLLBACK TO SAVEPOINT", e);
      recordFailure(d);
      if (failure == null) throw d;
      failure.addSuppressed(d);
    }
  }

  /** Runs SQL statements without parameters (DDL, SET LOCAL...). */
  public void executeSql(String sql) {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      DataAccessException d = DataAccessException.of(sql, e);
      recordFailure(d);
      throw d;
    }
  }

  // --- bulk paths (insertMany / upsertMany) -------------------------------------------------------

  /** Bulk inserts on this transaction's connection with the given path thresholds; see {@link BulkWriter}. */
  @Override
  public BulkWriter bulk(BulkOptions options) {
    return new BulkWriter(new BulkWriter.Runner() {
      @Override
      public <R> R inTransaction(java.util.function.Function<Connection, R> work) {
        try {
          return work.apply(connection);
        } catch (DataAccessException e) {
          recordFailure(e);
          throw e;
        }
      }
    }, options);
  }
}
