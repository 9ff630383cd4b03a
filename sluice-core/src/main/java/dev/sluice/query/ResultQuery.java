package dev.sluice.query;

import dev.sluice.sql.QueryPart;
import java.util.List;
import java.util.Optional;

/** A statement that returns rows: a SELECT, or an INSERT/UPDATE/DELETE/MERGE with RETURNING. */
public interface ResultQuery extends QueryPart {
  /** Rows per round trip of the typed {@code fetchStream} methods (use {@code fetchLazy} to choose). */
  int DEFAULT_FETCH_SIZE = 1000;

  /** Every row, untyped. */
  List<Row> fetchRows();

  /** Every row mapped by {@code mapper}. */
  <R> List<R> fetchMapped(RowMapper<R> mapper);

  /**
   * Every row mapped into a record (or class with a matching constructor) by component name: a
   * column labelled {@code created_at} or {@code createdAt} fills component {@code createdAt}. The
   * mapping is checked once per record type and query shape and cached; a component with no column,
   * or of an incompatible type, fails with a message naming it.
   */
  <R> List<R> fetchInto(Class<R> type);

  /** The only row mapped into {@code type}, if any; fails when there are several. */
  <R> Optional<R> fetchOptionalInto(Class<R> type);

  /** The rows through a server-side cursor: constant memory over any number of rows. */
  Cursor<Row> fetchLazy(int fetchSize);

  /** Runs the statement, discarding rows; returns the row count. */
  int execute();

  /** The selected/returned fields (tables expanded to their columns). */
  List<Field<?>> resultFields();
}
