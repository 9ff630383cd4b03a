package dev.sluice.runtime;

/**
 * Told about every statement a {@link Database} runs (queries, updates, cursors opened, each run of
 * a batch), inside transactions and tenant scopes too: for metrics and traces (the Spring Boot
 * starter adapts it to Micrometer {@code Observation}s). Set with {@link Database#observedBy}; a
 * Database without one pays a null check per statement.
 */
@FunctionalInterface
public interface StatementObserver {
  /** {@code sql} (placeholders, no values) is about to run; the returned handle (null: not observed) is told how it ended. */
  Handle start(String sql);

  /** One statement's outcome. */
  interface Handle {
    /** It ran; {@code rows} read or affected (-1 when unknown, as for a cursor). */
    void success(int rows);

    /** It failed with {@code error}. */
    void failure(Throwable error);
  }
}
