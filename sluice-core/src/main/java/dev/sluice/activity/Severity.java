package dev.sluice.activity;

import dev.sluice.types.Labeled;

/** How important an activity is; stored as its lower-case label, constrained by a CHECK. */
public enum Severity implements Labeled {
  DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL;

  @Override
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
