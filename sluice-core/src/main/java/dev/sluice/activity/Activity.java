package dev.sluice.activity;

import java.util.Objects;
import java.util.UUID;

/**
 * One thing that happened, to be written with {@link ActivityLogger#record}. A null user or team means
 * "the current actor": the tenant context's {@code app.user_id} / {@code app.tenant_id} settings.
 *
 * <pre>{@code
 * Activity.of("project.created").category("projects").details("Created Apollo")
 *     .metadata(Map.of("projectId", id)).ip(request.ip()).build();
 * }</pre>
 */
public record Activity(String action, String category, Severity severity, String details, Object metadata, String ip,
    UUID userId, UUID teamId) {
  public Activity {
    Objects.requireNonNull(action, "action");
    if (action.isBlank()) throw new IllegalArgumentException("activity action must not be blank");
    if (severity == null) severity = Severity.INFO;
  }

  /** A builder for an activity named {@code action} (e.g. {@code "member.invited"}). */
  public static Builder of(String action) {
    return new Builder(action);
  }

  /** Builds an {@link Activity}. */
  public static final class Builder {
    private final String action;
    private String category;
    private Severity severity = Severity.INFO;
    private String details;
    private Object metadata;
    private String ip;
    private UUID userId;
    private UUID teamId;

    private Builder(String action) {
      this.action = action;
    }

    public Builder category(String v) { category = v; return this; }
    public Builder severity(Severity v) { severity = v; return this; }
    public Builder details(String v) { details = v; return this; }
    /** Any object Jackson can serialise (a map, a record, a JsonNode); stored as jsonb. */
    public Builder metadata(Object v) { metadata = v; return this; }
    /** The client address, IPv4 or IPv6 text; stored as inet. */
    public Builder ip(String v) { ip = v; return this; }
    /** The acting user, instead of the tenant context's {@code app.user_id}. */
    public Builder user(UUID v) { userId = v; return this; }
    /** The team, instead of the tenant context's {@code app.tenant_id}. */
    public Builder team(UUID v) { teamId = v; return this; }

    public Activity build() {
      return new Activity(action, category, severity, details, metadata, ip, userId, teamId);
    }
  }
}
