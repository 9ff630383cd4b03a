package dev.sluice.examples.saas;

import dev.sluice.types.Labeled;
import java.util.Locale;

/** A member's role in a team (the attribute of the team_members many-to-many). Stored as a PostgreSQL enum with lower-case labels. */
public enum MemberRole implements Labeled {
  OWNER, ADMIN, MEMBER;

  @Override
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
