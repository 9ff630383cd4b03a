package dev.sluice.runtime;

import java.sql.SQLException;

/**
 * A failure that may succeed when the whole transaction is retried (see
 * {@link DataAccessException#isTransient()}): a serialization failure (40001), a deadlock (40P01), the
 * server ending the session (57P01, 57P02, 57P03), a lost connection (08xxx) or a
 * {@link PoolTimeoutException}. {@link Database#retrying} retries these.
 */
public class TransientDataAccessException extends DataAccessException {
  public TransientDataAccessException(String message, SQLException cause) {
    super(message, cause);
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
