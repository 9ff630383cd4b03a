package dev.sluice.kit.migrate;

/**
 * Progress of a {@link Migrator} run, for a CLI to print (or emit as JSON) while long migrations
 * run. Called on the migrating thread; every method defaults to doing nothing.
 */
public interface MigrationListener {
  /** Ignores everything. */
  MigrationListener NONE = new MigrationListener() {};

  /** Another migrator holds the lock; this run waits. {@code holder} describes it, or is empty. */
  default void waitingForLock(String holder) {}

  /** {@code migration} is about to run ({@code down} true when its down file runs). */
  default void starting(Migration migration, boolean down) {}

  /** {@code migration} ran and was recorded (or, for {@code down}, its record deleted). */
  default void finished(Migration migration, boolean down, long executionMs) {}
}
