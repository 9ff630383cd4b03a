package dev.sluice.kit.diff;

/**
 * Thrown by {@link Differ} for a difference it cannot yet turn into changes: an object removed
 * from the target model, or changed in it. Failing loudly is the point: a migration that silently
 * skipped a change would leave the database different from the schema the team wrote.
 */
public final class UnsupportedChangeException extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;

  private final String object;

  UnsupportedChangeException(String object, String detail) {
    super(object + ": " + detail + " (alter/drop diffs are not implemented yet)");
    this.object = object;
  }

  /** The object that differs, e.g. {@code "table public.users"}. */
  public String object() {
    return object;
  }
}
