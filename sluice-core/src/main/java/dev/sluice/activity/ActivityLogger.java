package dev.sluice.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.query.Dsl;
import dev.sluice.query.Field;
import dev.sluice.query.Insert;
import dev.sluice.query.QueryFactory;
import dev.sluice.types.PgTypes;
import java.util.UUID;

/**
 * Writes activities into the {@link ActivityLog} inside the caller's transaction, so an activity is
 * logged exactly when the change it describes commits. The actor defaults to the tenant context:
 * {@code user_id} to {@code current_setting('app.user_id', true)} and {@code team_id} to
 * {@code app.tenant_id} (NULL when unset or empty), read by PostgreSQL in the same statement.
 *
 * <pre>{@code
 * db.transaction(tx -> {
 *   tx.insertInto(PROJECTS).set(PROJECTS.name, "Apollo").execute();
 *   ActivityLogger.record(tx, Activity.of("project.created").category("projects").build());
 *   return null;
 * });
 * }</pre>
 */
public final class ActivityLogger {
  /** {@code app.user_id} as uuid, NULL when unset or empty. */
  public static final Field<UUID> CURRENT_USER =
      Dsl.rawField(PgTypes.UUID_TYPE, "nullif(current_setting('app.user_id', true), '')::uuid");
  /** {@code app.tenant_id} as uuid, NULL when unset or empty. */
  public static final Field<UUID> CURRENT_TENANT =
      Dsl.rawField(PgTypes.UUID_TYPE, "nullif(current_setting('app.tenant_id', true), '')::uuid");

  private ActivityLogger() {}

  /** Records {@code activity} in {@code public.activity_log}; returns its id. */
  public static UUID record(QueryFactory tx, Activity activity) {
    return record(tx, ActivityLog.ACTIVITY_LOG, activity);
  }

  /** Records {@code activity} in {@code log} (e.g. {@code ActivityLog.in(ns)}); returns its id. */
  public static UUID record(QueryFactory tx, ActivityLog log, Activity activity) {
    return record(tx, log, activity, PgTypes.DEFAULT_JSON);
  }

  /** Records {@code activity}, serialising its metadata with {@code mapper}; returns its id. */
  public static UUID record(QueryFactory tx, ActivityLog log, Activity activity, ObjectMapper mapper) {
    Insert insert = tx.insertInto(log)
        .set(log.action, activity.action())
        .set(log.severity, activity.severity().label());
    if (activity.userId() != null) insert.set(log.userId, activity.userId());
    else insert.set(log.userId, CURRENT_USER);
    if (activity.teamId() != null) insert.set(log.teamId, activity.teamId());
    else insert.set(log.teamId, CURRENT_TENANT);
    if (activity.category() != null) insert.set(log.category, activity.category());
    if (activity.details() != null) insert.set(log.details, activity.details());
    if (activity.metadata() != null) {
      JsonNode json = activity.metadata() instanceof JsonNode n ? n : mapper.valueToTree(activity.metadata());
      insert.set(log.metadata, json);
    }
    if (activity.ip() != null) insert.set(log.ip, activity.ip());
    return insert.returning(log.id).fetchOne();
  }
}
