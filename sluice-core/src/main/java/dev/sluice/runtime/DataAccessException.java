package dev.sluice.runtime;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A statement failed. The message names the SQL, the SQLSTATE and, when PostgreSQL reports them,
 * the table, column and constraint involved; the original {@link SQLException} is the cause.
 */
public class DataAccessException extends RuntimeException {
  private final String sqlState;
  private final String constraint;
  private final String table;
  private final String column;

  public DataAccessException(String message, SQLException cause) {
    super(message, cause);
    this.sqlState = cause == null ? null : cause.getSQLState();
    ServerErrorMessage m = cause instanceof PSQLException p ? p.getServerErrorMessage() : null;
    this.constraint = m == null ? null : m.getConstraint();
    this.table = m == null ? null : m.getTable();
    this.column = m == null ? null : m.getColumn();
  }

  /** Wraps a driver exception with the statement that caused it. */
  static DataAccessException of(String sql, SQLException e) {
    StringBuilder msg = new StringBuilder(e.getMessage() == null ? e.toString() : e.getMessage());
    msg.append(" [SQLSTATE ").append(e.getSQLState()).append(']');
    msg.append("\n  statement: ").append(sql);
    DataAccessException ex = "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState())
        ? new TransientDataAccessException(msg.toString(), e)
        : new DataAccessException(msg.toString(), e);
    return ex;
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
