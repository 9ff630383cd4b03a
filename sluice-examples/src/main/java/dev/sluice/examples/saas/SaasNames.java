package dev.sluice.examples.saas;

import dev.sluice.schema.Namespace;
import dev.sluice.schema.PgEnum;

/**
 * Where the SaaS tables live: the {@code public} schema, every name prefixed by {@code DB_PREFIX}
 * (default {@code app_}), so several apps can share one database. The committed migrations were
 * generated with the default prefix; with another prefix, generate your own migrations
 * ({@code sluice generate}) rather than applying the committed ones.
 */
public final class SaasNames {
  private SaasNames() {}

  /** The environment variable naming the table prefix. */
  public static final String PREFIX_VARIABLE = "DB_PREFIX";
  /** The prefix the committed migrations use. */
  public static final String DEFAULT_PREFIX = "app_";

  /** {@code public} with the configured prefix. */
  public static final Namespace NS = Namespace.PUBLIC.withPrefix(System.getenv().getOrDefault(PREFIX_VARIABLE, DEFAULT_PREFIX));

  // enum types get the prefix too (PgEnum.of does not apply it), so two apps' enums never clash
  public static final PgEnum<TeamType> TEAM_TYPE = PgEnum.of(NS, NS.tableName("team_type"), TeamType.class);
  public static final PgEnum<MemberRole> MEMBER_ROLE = PgEnum.of(NS, NS.tableName("member_role"), MemberRole.class);
  public static final PgEnum<TaskStatus> TASK_STATUS = PgEnum.of(NS, NS.tableName("task_status"), TaskStatus.class);
  public static final PgEnum<NotificationChannel> NOTIFICATION_CHANNEL =
      PgEnum.of(NS, NS.tableName("notification_channel"), NotificationChannel.class);
  public static final PgEnum<NotificationType> NOTIFICATION_TYPE =
      PgEnum.of(NS, NS.tableName("notification_type"), NotificationType.class);
}
