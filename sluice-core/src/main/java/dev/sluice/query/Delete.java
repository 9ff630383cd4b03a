package dev.sluice.query;

/**
 * A {@code DELETE FROM target} being built. It cannot run until it is given a {@link #where} or an
 * explicit {@link #all()}, so a forgotten WHERE never empties the table by accident.
 */
public interface Delete {
  /** {@code USING sources}: other tables the WHERE may refer to. */
  Delete using(TableLike... sources);

  /** {@code WHERE condition}: makes the statement runnable. */
  DeleteReady where(Condition condition);

  /** Deletes every row of the table, deliberately. */
  DeleteReady all();

  // --- soft deletes (feature: softdelete) ---

  /**
   * Removes the rows for real even when the table is a soft-delete table (a plain DELETE); soft-deleted
   * rows match too. Without it, deleting from a soft-delete table sets its {@code deleted_at}.
   */
  Delete hardDelete();
}
