package dev.sluice.runtime;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A statement failed. The message names the SQL, the SQLSTATE and, when PostgreSQL reports them,
 * the table, column and constraint involved; the original {@link SQLException} is the cause.
 *
 * <p>Subtypes say what the caller can conclude: {@link TransientDataAccessException} (retrying the
 * whole transaction may succeed; {@link PoolTimeoutException} is one), {@link TransactionAbortedException}
 * (a statement failed inside the transaction, so it was rolled back instead of committed) and
 * {@link CommitOutcomeUnknownException} (the connection was lost during COMMIT: the transaction may or
 * may not have committed). {@link #isTransient()} is the one test for "retry the transaction".
 */
public class DataAccessException extends RuntimeException {
  private final String sqlState;
  private final String constraint;
  private final String table;
  private final String column;

  public DataAccessException(String message, SQLException cause) {
    this(message, cause, cause == null ? null : cause.getSQLState());
  }

  /** For subtypes whose cause is not the driver's exception (e.g. the first failure of a transaction). */
  protected DataAccessException(String message, Throwable cause, String sqlState) {
    super(message, cause);
    this.sqlState = sqlState;
    ServerErrorMessage m = null;
    for (Throwable t = cause; t != null && m == null; t = t.getCause()) {
      if (t instanceof PSQLException p) m = p.getServerErrorMessage();
      if (t.getCause() == t) break;
    }
    this.constraint = m == null ? null : m.getConstraint();
    this.table = m == null ? null : m.getTable();
    this.column = m == null ? null : m.getColumn();
  }

  /** Wraps a driver exception with the statement that caused it. */
  static DataAccessException of(String sql, SQLException e) {
    StringBuilder msg = new StringBuilder(e.getMessage() == null ? e.toString() : e.getMessage());
    msg.append(" [SQLSTATE ").append(e.getSQLState()).append(']');
    msg.append("\n  statement: ").append(sql);
    return isTransientState(e.getSQLState()) || e instanceof SQLTransientConnectionException
        ? new TransientDataAccessException(msg.toString(), e)
        : new DataAccessException(msg.toString(), e);
  }

  /**
   * Whether retrying the whole transaction may succeed: a serialization failure (40001), a deadlock
   * (40P01), the server ending the session (57P01 admin shutdown or {@code pg_terminate_backend},
   * 57P02 crash shutdown, 57P03 cannot connect now), a lost or refused connection (08xxx) or a pool
   * timeout ({@link PoolTimeoutException}). Retrying is sound because such a failure before COMMIT means
   * the transaction did not commit; a connection lost during COMMIT is a
   * {@link CommitOutcomeUnknownException}, never transient. {@link Database#retrying} retries exactly
   * these.
   */
  public boolean isTransient() {
    return isTransientState(sqlState);
  }

  /** The SQLSTATEs {@link #isTransient()} accepts. */
  static boolean isTransientState(String state) {
    return state != null && (state.equals("40001") || state.equals("40P01") || isConnectionLostState(state));
  }

  /** The server ended the session or the connection broke: 08xxx, 57P01, 57P02, 57P03. */
  static boolean isConnectionLostState(String state) {
    return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
        || state.equals("57P03"));
  }

  /** Whether {@code e} (or a cause) says the connection is gone. */
  static boolean isConnectionLost(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && isConnectionLostState(s.getSQLState())) return true;
      if (t instanceof java.io.IOException) return true;
      if (t.getCause() == t) break;
    }
    return false;
  }

  /** The SQLSTATE code, e.g. {@code 23505} for a unique violation. */
  public String sqlState() {
    return sqlState;
  }

  /** The violated constraint's name, when PostgreSQL reports one. */
  public String constraint() {
    return constraint;
  }

  /** The table involved, when reported. */
  public String table() {
    return table;
  }

  /** The column involved, when reported. */
  public String column() {
    return column;
  }

  /** True for unique violations (23505). */
  public boolean isUniqueViolation() {
    return "23505".equals(sqlState);
  }

  /** True for foreign key violations (23503). */
  public boolean isForeignKeyViolation() {
    return "23503".equals(sqlState);
  }

  /** True for check or exclusion violations (23514, 23P01). */
  public boolean isCheckViolation() {
    return "23514".equals(sqlState) || "23P01".equals(sqlState);
  }
}
