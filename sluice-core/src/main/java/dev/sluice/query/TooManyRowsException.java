package dev.sluice.query;

/** A query expected to return at most one row returned several. */
public final class TooManyRowsException extends RuntimeException {
  public TooManyRowsException(String message) {
    super(message);
  }
}
