package dev.sluice.query;

import dev.sluice.schema.Column;

/** {@code ON CONFLICT ... DO UPDATE SET ... [WHERE ...]}. */
public interface OnConflictDoUpdate extends DmlStatement {
  /** {@code column = value} (bound with the column's type). */
  <T> OnConflictDoUpdate set(Column<T> column, T value);

  /** {@code column = expression}, e.g. {@code Dsl.excluded(column)}. */
  <T> OnConflictDoUpdate set(Column<T> column, Field<T> value);

  /** {@code column = NULL}. */
  OnConflictDoUpdate setNull(Column<?> column);

  /** {@code WHERE condition}: rows failing it are left alone (and not returned). ANDed when repeated. */
  OnConflictDoUpdate where(Condition condition);
}
