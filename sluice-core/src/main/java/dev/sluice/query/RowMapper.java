package dev.sluice.query;

/** Maps an untyped {@link Row} to a value. */
@FunctionalInterface
public interface RowMapper<R> {
  /** Maps one row. */
  R map(Row row);
}
