package dev.sluice.runtime;

/** The body of a transaction with no result ({@code db.inTransaction(tx -> ...)}); any exception it throws rolls it back. */
@FunctionalInterface
public interface TransactionAction {
  /** Runs inside the transaction. */
  void run(Transaction tx) throws Exception;
}
