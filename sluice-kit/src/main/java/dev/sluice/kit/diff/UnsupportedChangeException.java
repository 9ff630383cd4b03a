package dev.sluice.kit.diff;

/**
 * Thrown by {@link Differ} for a difference PostgreSQL DDL cannot express safely (re-partitioning
 * a table, changing a domain's base type, turning a column into a serial...). Failing loudly is
 * the point: a migration that silently skipped a change would leave the database different from
 * the schema the team wrote. The message names the object, the change and the way out.
 */
public final class UnsupportedChangeException extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;

  private final String object;

  UnsupportedChangeException(String object, String detail) {
    super(object + ": " + detail);
    this.object = object;
  }

  /** The object that differs, e.g. {@code "table public.users"}. */
  public String object() {
    return object;
  }
}
