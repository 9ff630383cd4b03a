package dev.sluice.query;

import dev.sluice.sql.QueryPart;

/** A query returning one column of type {@code T}: usable in {@code IN (subquery)} and as a scalar subquery. */
public interface SingleColumn<T> extends QueryPart {
  /** The single selected field. */
  Field<T> field();
}
