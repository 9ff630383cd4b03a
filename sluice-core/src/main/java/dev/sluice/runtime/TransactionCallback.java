package dev.sluice.runtime;

/** The body of a transaction; any exception it throws rolls the transaction back. */
@FunctionalInterface
public interface TransactionCallback<R> {
  /** Runs inside the transaction. */
  R run(Transaction tx) throws Exception;
}
