package dev.sluice.query;

/** The conflict target of {@code INSERT ... ON CONFLICT}: choose the action next. */
public interface OnConflict {
  /**
   * {@code ON CONFLICT (columns) WHERE predicate}: infers a partial unique index (column names in the
   * predicate render bare, as PostgreSQL requires).
   */
  OnConflict where(Condition indexPredicate);

  /** {@code DO NOTHING}. */
  Insert doNothing();

  /**
   * {@code DO UPDATE SET ...}: refer to the proposed row with {@link Dsl#excluded}. Columns with an
   * app-side {@code onUpdate} function that are not set explicitly are set to its value.
   */
  OnConflictDoUpdate doUpdate();
}
