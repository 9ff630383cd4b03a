package dev.sluice.runtime;

/**
 * A statement failed inside the transaction, so PostgreSQL aborted it and it was rolled back instead
 * of committed, even though the body returned normally (it caught the failure). The cause is the
 * first failure of the transaction, whose SQLSTATE this exception reports. To recover from an expected
 * failure inside a transaction, run the statement in a nested {@link Transaction#transaction} (a
 * savepoint): a failure rolled back to its savepoint does not doom the outer transaction.
 */
public final class TransactionAbortedException extends DataAccessException {
  TransactionAbortedException(String what, DataAccessException firstFailure) {
    super(message(what, firstFailure), firstFailure, firstFailure == null ? "25P02" : firstFailure.sqlState());
  }

  private static String message(String what, DataAccessException first) {
    String scope = what + " rolled back, not committed: ";
    if (first == null) {
      return scope + "a statement failed inside it (through the raw connection: the server reports the"
          + " transaction as aborted) [SQLSTATE 25P02]; recover from expected failures with a nested"
          + " tx.transaction(...) savepoint";
    }
    return scope + "a statement failed inside it and the failure was caught; recover from expected failures"
        + " with a nested tx.transaction(...) savepoint. First failure: " + first.getMessage();
  }

  /** Whether retrying may succeed: as the first failure says (nothing was committed). */
  @Override
  public boolean isTransient() {
    return getCause() instanceof DataAccessException d && d.isTransient();
  }
}
