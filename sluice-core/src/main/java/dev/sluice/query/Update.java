package dev.sluice.query;

import dev.sluice.schema.Column;

/**
 * An {@code UPDATE target SET ...} being built. It cannot run until it is given a {@link #where} or an
 * explicit {@link #all()}, so a forgotten WHERE never updates the whole table by accident. Columns with
 * an app-side {@code onUpdate} function that are not set explicitly are set to its value.
 */
public interface Update {
  /** {@code column = value} (bound with the column's type). For SQL NULL use {@link #setNull}. */
  <T> Update set(Column<T> column, T value);

  /** {@code column = expression}. */
  <T> Update set(Column<T> column, Field<T> value);

  /** {@code column = NULL}. */
  Update setNull(Column<?> column);

  /** {@code FROM sources}: other tables the SET values and WHERE may refer to. */
  Update from(TableLike... sources);

  /** {@code WHERE condition}: makes the statement runnable. */
  UpdateReady where(Condition condition);

  /** Updates every row of the table, deliberately. */
  UpdateReady all();

  // --- soft deletes (feature: softdelete) ---

  /**
   * Lets the UPDATE reach soft-deleted rows too (e.g. to restore one by setting {@code deleted_at} to
   * NULL); by default an UPDATE of a soft-delete table only touches live rows.
   */
  Update withDeleted();

  // --- validation (feature: softdelete/validation) ---

  /**
   * Checks the SET values against {@link dev.sluice.validation.Validator#forUpdate} before any SQL runs;
   * throws {@link dev.sluice.validation.ValidationException} with all field errors.
   */
  Update validate();
}
