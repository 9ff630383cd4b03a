package dev.sluice.query;

import dev.sluice.sql.Rendered;
import java.util.List;

/**
 * Runs rendered statements; implemented by the runtime (a pooled {@code Database} or a
 * {@code Transaction}'s connection). Queries built with {@link Dsl} have none and can only be
 * rendered or embedded in other queries.
 */
public interface QueryExecutor {
  /** Runs a query and reads every row with {@code reader}. */
  <R> List<R> query(Rendered sql, RowReader<R> reader);

  /** Runs a query and streams its rows through a server-side cursor. */
  <R> Cursor<R> cursor(Rendered sql, RowReader<R> reader, int fetchSize);

  /** Runs a statement without result rows; returns the update count. */
  int execute(Rendered sql);
}
