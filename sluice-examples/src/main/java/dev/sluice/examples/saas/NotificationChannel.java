package dev.sluice.examples.saas;

import dev.sluice.types.Labeled;
import java.util.Locale;

/** How a notification is delivered. Stored as a PostgreSQL enum with lower-case labels. */
public enum NotificationChannel implements Labeled {
  IN_APP, EMAIL, PUSH;

  @Override
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
