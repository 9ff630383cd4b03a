package dev.sluice.kit.migrate;

/**
 * A migration run that was refused or failed. The message is meant for a terminal: it names the
 * file, the line and statement that failed and PostgreSQL's error with its SQLSTATE, and says what
 * state the database was left in.
 */
public class MigrationException extends RuntimeException {
  private final String file;
  private final int line;
  private final String statement;
  private final String sqlState;

  public MigrationException(String message) {
    this(message, null, 0, null, null, null);
  }

  public MigrationException(String message, String file, int line, String statement, String sqlState, Throwable cause) {
    super(message, cause);
    this.file = file;
    this.line = line;
    this.statement = statement;
    this.sqlState = sqlState;
  }

  /** The migration file concerned, or null when the error is not about one file. */
  public String file() {
    return file;
  }

  /** 1-based line in {@link #file()} where the failing statement (or the error position) is, 0 if unknown. */
  public int line() {
    return line;
  }

  /** The failing statement's text, or null. */
  public String statement() {
    return statement;
  }

  /** PostgreSQL's SQLSTATE, or null. */
  public String sqlState() {
    return sqlState;
  }
}
