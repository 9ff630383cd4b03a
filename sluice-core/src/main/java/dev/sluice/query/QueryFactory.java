package dev.sluice.query;

import java.util.List;

/**
 * Where statements start: implemented by {@code Database} (each statement on a pooled connection)
 * and {@code Transaction} (statements on the transaction's connection).
 */
public interface QueryFactory extends SelectOverloads {
  /** The executor statements built here run on. */
  QueryExecutor executor();

  @Override
  @SuppressWarnings("unchecked")
  default <S> S selectImpl(List<? extends SelectItem> items) {
    return (S) Selects.create(executor(), List.of(), false, items);
  }

  /** WITH ctes ...: returns a factory whose statements carry the CTEs. */
  default QueryFactory with(Cte... ctes) {
    return Selects.with(executor(), List.of(ctes), false);
  }

  /** WITH RECURSIVE ctes ... */
  default QueryFactory withRecursive(Cte... ctes) {
    return Selects.with(executor(), List.of(ctes), true);
  }
}
