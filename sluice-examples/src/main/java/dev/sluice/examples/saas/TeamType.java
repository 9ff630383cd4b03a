package dev.sluice.examples.saas;

import dev.sluice.types.Labeled;
import java.util.Locale;

/** What kind of team: the one every user gets, or a shared workspace. Stored as a PostgreSQL enum with lower-case labels. */
public enum TeamType implements Labeled {
  PERSONAL, WORKSPACE;

  @Override
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
