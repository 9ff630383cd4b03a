package dev.sluice.runtime;

/**
 * Isolation level and access mode of a transaction.
 *
 * @param isolation null for the server default (READ COMMITTED)
 */
public record TransactionOptions(Isolation isolation, boolean readOnly, boolean deferrable) {
  /** Server defaults, read-write. */
  public static final TransactionOptions DEFAULT = new TransactionOptions(null, false, false);

  /** PostgreSQL isolation levels. */
  public enum Isolation {
    READ_COMMITTED("READ COMMITTED"), REPEATABLE_READ("REPEATABLE READ"), SERIALIZABLE("SERIALIZABLE");

    final String sql;

    Isolation(String sql) {
      this.sql = sql;
    }
  }

  /** SERIALIZABLE, read-write. */
  public static TransactionOptions serializable() {
    return new TransactionOptions(Isolation.SERIALIZABLE, false, false);
  }

  /** REPEATABLE READ, read-write. */
  public static TransactionOptions repeatableRead() {
    return new TransactionOptions(Isolation.REPEATABLE_READ, false, false);
  }

  /** This isolation level. */
  public TransactionOptions withIsolation(Isolation level) {
    return new TransactionOptions(level, readOnly, deferrable);
  }

  /** READ ONLY: PostgreSQL itself rejects writes. */
  public TransactionOptions asReadOnly() {
    return new TransactionOptions(isolation, true, deferrable);
  }

  /** DEFERRABLE (with SERIALIZABLE READ ONLY: waits for a safe snapshot, never fails). */
  public TransactionOptions asDeferrable() {
    return new TransactionOptions(isolation, readOnly, true);
  }

  String beginSql() {
    StringBuilder sb = new StringBuilder("SET TRANSACTION");
    boolean any = false;
    if (isolation != null) {
      sb.append(" ISOLATION LEVEL ").append(isolation.sql);
      any = true;
    }
    if (readOnly) {
      sb.append(any ? "," : "").append(" READ ONLY");
      any = true;
    }
    if (deferrable) {
      sb.append(any ? "," : "").append(" DEFERRABLE");
      any = true;
    }
    return any ? sb.toString() : null;
  }
}
