package dev.sluice.kit.diff;

import dev.sluice.schema.model.SchemaModel;

/** The DSL live test's schema model, for tests in other packages (snapshot round trips). */
public final class DslModels {
  private DslModels() {}

  /** Every construct of the Java DSL ({@link DslSchemaLiveTest#model()}). */
  public static SchemaModel everyConstruct() {
    return DslSchemaLiveTest.model();
  }
}
