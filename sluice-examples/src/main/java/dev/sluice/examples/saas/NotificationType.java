package dev.sluice.examples.saas;

import dev.sluice.types.Labeled;
import java.util.Locale;

/** What a notification is about. Stored as a PostgreSQL enum with lower-case labels. */
public enum NotificationType implements Labeled {
  MENTION, COMMENT, INVITE, PROJECT_UPDATE;

  @Override
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
