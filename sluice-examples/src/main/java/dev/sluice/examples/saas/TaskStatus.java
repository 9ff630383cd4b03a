package dev.sluice.examples.saas;

import dev.sluice.types.Labeled;
import java.util.Locale;

/** Where a task stands. Stored as a PostgreSQL enum with lower-case labels. */
public enum TaskStatus implements Labeled {
  TODO, DOING, DONE;

  @Override
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
