package dev.sluice.query;

import dev.sluice.schema.Column;

/** The assignments of a MERGE {@code UPDATE SET} or {@code INSERT} action; then the next WHEN clause or execute. */
public interface MergeSet extends Merge {
  /** {@code column = value} (bound with the column's type). */
  <T> MergeSet set(Column<T> column, T value);

  /** {@code column = expression}, typically a source column. */
  <T> MergeSet set(Column<T> column, Field<T> value);

  /** {@code column = NULL}. */
  MergeSet setNull(Column<?> column);
}
