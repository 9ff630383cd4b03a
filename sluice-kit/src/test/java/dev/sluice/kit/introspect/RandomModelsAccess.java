package dev.sluice.kit.introspect;

import dev.sluice.schema.model.SchemaModel;

/** {@link RandomModels} for tests in other packages. */
public final class RandomModelsAccess {
  private RandomModelsAccess() {}

  /** A random model in {@code schema} with a view over {@code t0}. */
  public static SchemaModel model(long seed, String schema) {
    return RandomModels.model(seed, schema, "SELECT t0.id\n   FROM SCHEMA.t0");
  }
}
