package dev.sluice.testkit;

import dev.sluice.runtime.Database;

/**
 * Test data loaded into the template database after the migrations, once per run; typically a
 * {@link dev.sluice.kit.seed.Seeder} with a fixed seed, so every class starts from the same rows.
 * Implementations need a public no-argument constructor.
 */
@FunctionalInterface
public interface TestSeed {
  void seed(Database db);

  /** Seeds nothing. */
  final class None implements TestSeed {
    @Override
    public void seed(Database db) {}
  }
}
