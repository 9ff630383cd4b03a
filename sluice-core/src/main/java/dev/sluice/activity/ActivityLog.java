package dev.sluice.activity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.schema.Column;
import dev.sluice.schema.Namespace;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.PartitioningModel;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The built-in activity log: who (user, team) did what (action, category, severity, details, metadata)
 * from where (ip) and when. Append-only and time-ordered, so {@code created_at} gets a BRIN index (tiny,
 * and as good as a B-tree for time ranges on such tables). Add it to the application's schema like any
 * table so migrations create it:
 *
 * <pre>{@code
 * Schema.of(USERS, TEAMS, ActivityLog.ACTIVITY_LOG)
 * Schema.of(..., ActivityLog.in(App.NS))                                   // schema + table prefix
 * Schema.of(..., ActivityLog.partitionedByMonth(App.NS, YearMonth.of(2025, 1), 24))  // monthly partitions
 * }</pre>
 *
 * Ids are {@code uuid DEFAULT gen_random_uuid()} (identity columns are not allowed on partitioned tables
 * before PostgreSQL 17); user and team ids are {@code uuid}, matching the tenant context settings
 * {@code app.user_id} / {@code app.tenant_id}. The partitioned variant's primary key is
 * {@code (id, created_at)}, as PostgreSQL requires the partition key in it.
 */
public final class ActivityLog extends Table<ActivityLog> {
  /** {@code public.activity_log}. */
  public static final ActivityLog ACTIVITY_LOG = new ActivityLog();

  public final Column<UUID> id = uuid("id").notNull().defaultRandom();
  public final Column<UUID> teamId = uuid("team_id");
  public final Column<UUID> userId = uuid("user_id");
  public final Column<String> action = text("action").notNull();
  public final Column<String> category = text("category");
  public final Column<String> severity = text("severity").notNull().defaultValue(Severity.INFO.label());
  public final Column<String> details = text("details");
  public final Column<JsonNode> metadata = jsonb("metadata");
  public final Column<String> ip = inet("ip");
  public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

  private ActivityLog() {
    this(Namespace.PUBLIC, null, 0);
  }

  private ActivityLog(Namespace namespace, YearMonth from, int months) {
    super(namespace, "activity_log");
    String labels = Arrays.stream(Severity.values()).map(s -> "'" + s.label() + "'").collect(Collectors.joining(", "));
    check(name() + "_severity_check", "severity IN (" + labels + ")");
    index(name() + "_created_at_brin").using("brin").on(createdAt);
    index().on(teamId, createdAt);
    if (from == null) {
      primaryKey(id);
    } else {
      primaryKey(id, createdAt);
      partitionBy(PartitioningModel.Strategy.RANGE, createdAt);
      for (int i = 0; i < months; i++) {
        YearMonth m = from.plusMonths(i);
        partition(String.format("activity_log_y%04dm%02d", m.getYear(), m.getMonthValue()),
            "FOR VALUES FROM ('" + m.atDay(1) + "') TO ('" + m.plusMonths(1).atDay(1) + "')");
      }
    }
  }

  /** The activity log in {@code namespace} (its schema and table-name prefix). */
  public static ActivityLog in(Namespace namespace) {
    return new ActivityLog(namespace, null, 0);
  }

  /**
   * The activity log range-partitioned by month on {@code created_at}, with {@code months} partitions from
   * {@code from}; later months are added by migrations (partition names: {@code activity_log_y2025m01}).
   */
  public static ActivityLog partitionedByMonth(Namespace namespace, YearMonth from, int months) {
    if (months < 1) throw new IllegalArgumentException("partitionedByMonth needs at least one month, got " + months);
    return new ActivityLog(namespace, from, months);
  }

  /**
   * Enables and forces row-level security on the log with {@code policies} (the owner is subject to
   * them too), e.g. a tenant's members read its entries and append their own. With no UPDATE or DELETE
   * policy nobody subject to RLS edits history. The policies apply through the parent table; grant
   * nothing on the partitions, since querying a partition directly skips them. Call before the
   * schema is built; returns this log.
   */
  public ActivityLog withForcedRowLevelSecurity(dev.sluice.schema.Policy... policies) {
    forceRowLevelSecurity();
    for (dev.sluice.schema.Policy p : policies) addPolicy(p);
    return this;
  }

  /** {@link #partitionedByMonth(Namespace, YearMonth, int)} in {@code public}. */
  public static ActivityLog partitionedByMonth(YearMonth from, int months) {
    return partitionedByMonth(Namespace.PUBLIC, from, months);
  }
}
