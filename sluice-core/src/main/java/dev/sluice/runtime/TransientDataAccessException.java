package dev.sluice.runtime;

import java.sql.SQLException;

/**
 * A failure that may succeed when the whole transaction is retried: a serialization failure
 * (40001) or a deadlock (40P01). {@link Database#retrying} retries these.
 */
public final class TransientDataAccessException extends DataAccessException {
  public TransientDataAccessException(String message, SQLException cause) {
    super(message, cause);
  }
}
