package dev.sluice.query;

import dev.sluice.schema.Column;

/**
 * The values of one inserted row. Setters are typed by the column, so a value of the wrong Java type
 * does not compile; values are always bound with the column's SQL type (enum, json and array casts
 * included). Every row of one INSERT must set the same columns: use {@link #setDefault} for a column
 * that should take its default in some rows only.
 */
public interface InsertRow {
  /** {@code column = value} (bound). For SQL NULL use {@link #setNull}. */
  <T> InsertRow set(Column<T> column, T value);

  /** {@code column = expression}: a function, a subquery, another bound field. */
  <T> InsertRow set(Column<T> column, Field<T> value);

  /** {@code column = NULL}, typed by the column. */
  InsertRow setNull(Column<?> column);

  /**
   * {@code column = DEFAULT}: the column's default (its app-side {@code defaultFn()} when it has one,
   * otherwise the database default, or NULL when there is none).
   */
  InsertRow setDefault(Column<?> column);
}
