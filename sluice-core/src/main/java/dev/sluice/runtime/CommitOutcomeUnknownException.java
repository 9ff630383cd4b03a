package dev.sluice.runtime;

import java.sql.SQLException;

/**
 * The connection was lost while COMMIT was in flight (server restart, {@code pg_terminate_backend},
 * network failure): the transaction <em>may or may not</em> have committed, and only the database can
 * tell. Never {@linkplain #isTransient() transient}: retrying blindly could apply the work twice. Check
 * for the work's effect (e.g. by a key the transaction wrote) before doing it again.
 */
public final class CommitOutcomeUnknownException extends DataAccessException {
  CommitOutcomeUnknownException(SQLException cause) {
    super("the connection was lost during COMMIT: the transaction may or may not have committed; check the"
        + " database before retrying (" + cause.getMessage() + ") [SQLSTATE " + cause.getSQLState() + "]\n"
        + "  statement: COMMIT", cause);
  }

  /** Always false: the work may already be committed. */
  @Override
  public boolean isTransient() {
    return false;
  }
}
