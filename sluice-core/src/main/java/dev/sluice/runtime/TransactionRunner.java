package dev.sluice.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs one top-level transaction on a borrowed connection, so that it never reports a commit that
 * did not happen and the real error always surfaces:
 * <ul>
 *   <li>the body throws: roll back, rethrow (a 25P02 caused by an earlier caught failure is reported
 *       as that failure);
 *   <li>the body returns but a statement failed in it (caught by the body) or the server says the
 *       transaction is aborted: roll back, throw {@link TransactionAbortedException} with the first
 *       failure as cause;
 *   <li>{@link Transaction#setRollbackOnly()}: roll back, return the body's result;
 *   <li>else COMMIT; a COMMIT that loses its connection throws {@link CommitOutcomeUnknownException}.
 * </ul>
 * Cleanup (rollback, restoring autocommit, returning the connection) never replaces the failure in
 * flight: its own failures are added to it as suppressed exceptions.
 */
final class TransactionRunner {
  private TransactionRunner() {}

  static <R> R run(Connection c, TransactionOptions options, TransactionCallback<R> body, StatementObserver observer) {
    Throwable failure = null;
    boolean restoreAutoCommit = false;
    try {
      String set = options.beginSql();
      try {
        if (c.getAutoCommit()) {
          c.setAutoCommit(false);
          restoreAutoCommit = true;
        }
        if (set != null) {
          try (Statement st = c.createStatement()) {
            st.execute(set);
          }
        }
      } catch (SQLException e) {
        throw DataAccessException.of(set == null ? "BEGIN" : set, e);
      }
      Transaction tx = new Transaction(c, observer);
      R result;
      try {
        result = body.run(tx);
      } catch (Throwable t) {
        RuntimeException r = tx.bodyFailed("transaction", t);
        rollback(c, r);
        throw r;
      }
      TransactionAbortedException doomed = tx.doomed("transaction");
      if (doomed != null) {
        rollback(c, doomed);
        throw doomed;
      }
      if (tx.rollbackOnlyRequested()) {
        // a deliberate rollback; if the connection is gone the server has discarded the work anyway
        rollback(c, null);
        return result;
      }
      commit(c);
      return result;
    } catch (RuntimeException | Error t) {
      failure = t;
      throw t;
    } finally {
      if (restoreAutoCommit) {
        try {
          c.setAutoCommit(true);
        } catch (SQLException e) {
          cleanupFailed(failure, "restoring autocommit", e);
        }
      }
      try {
        c.close();
      } catch (SQLException e) {
        cleanupFailed(failure, "returning the connection", e);
      }
    }
  }

  /**
   * Runs {@code body} as a savepoint of the external transaction {@code c} is part of (see
   * {@link ExternalTransactions}): never commits, begins or changes autocommit; closing {@code c}
   * hands it back to the external manager.
   */
  static <R> R joinExternal(Connection c, TransactionOptions options, TransactionCallback<R> body, StatementObserver observer) {
    Throwable failure = null;
    try {
      if (options.beginSql() != null) {
        throw new IllegalStateException("cannot run a transaction with " + options.beginSql()
            + " inside a transaction managed outside Sluice (isolation and access mode are set when it begins)");
      }
      return new Transaction(c, observer).transaction(body);
    } catch (RuntimeException | Error t) {
      failure = t;
      throw t;
    } finally {
      try {
        c.close();
      } catch (SQLException e) {
        cleanupFailed(failure, "returning the connection", e);
      }
    }
  }

  /** COMMIT; losing the connection during it means the outcome is unknown. */
  static void commit(Connection c) {
    try {
      c.commit();
    } catch (SQLException e) {
      if (DataAccessException.isConnectionLost(e)) throw new CommitOutcomeUnknownException(e);
      // e.g. a deferred constraint or a serialization failure at commit: definitely rolled back
      throw DataAccessException.of("COMMIT", e);
    }
  }

  /** ROLLBACK; a failure goes to {@code failure} as suppressed (the server rolls back a lost session itself). */
  static void rollback(Connection c, Throwable failure) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cleanupFailed(failure, "ROLLBACK", e);
    }
  }

  static void cleanupFailed(Throwable failure, String what, SQLException e) {
    if (failure != null) {
      failure.addSuppressed(DataAccessException.of(what + " (cleanup)", e));
    } else if (JdbcExecutor.SQL_LOG.isDebugEnabled()) {
      JdbcExecutor.SQL_LOG.debug("{} failed after the transaction ended: {}", what, e.getMessage());
    }
  }
}
