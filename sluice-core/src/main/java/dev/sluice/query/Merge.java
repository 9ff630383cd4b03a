package dev.sluice.query;

/**
 * {@code MERGE INTO target USING source ON ... WHEN ...} (PostgreSQL 15+). WHEN clauses are tried in
 * order; {@link #execute()} returns the number of rows inserted, updated or deleted. RETURNING needs
 * PostgreSQL 17 and is not offered.
 */
public interface Merge extends Executable {
  /** {@code WHEN MATCHED}: choose the action next. */
  MergeMatched whenMatched();

  /** {@code WHEN MATCHED AND condition}. */
  MergeMatched whenMatched(Condition condition);

  /** {@code WHEN NOT MATCHED}: choose the action next. */
  MergeNotMatched whenNotMatched();

  /** {@code WHEN NOT MATCHED AND condition} (may refer to source columns only). */
  MergeNotMatched whenNotMatched(Condition condition);
}
