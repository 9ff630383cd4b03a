package dev.sluice.runtime;

/** A transaction body threw a checked exception; the transaction was rolled back. */
public final class TransactionFailedException extends RuntimeException {
  public TransactionFailedException(Throwable cause) {
    super("transaction rolled back: " + cause, cause);
  }
}
