package dev.sluice.examples.saas;

import static dev.sluice.examples.saas.SaasNames.NS;
import static dev.sluice.schema.model.ForeignKeyModel.Action.CASCADE;

import dev.sluice.schema.Column;
import dev.sluice.schema.Policies;
import dev.sluice.schema.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Messages to one user, per channel. Private to the recipient (RLS owner-only on user_id). */
public final class Notifications extends Table<Notifications> {
  public static final Notifications NOTIFICATIONS = new Notifications();

  public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
  public final Column<UUID> userId = uuid("user_id").notNull().references(() -> Users.USERS.id, CASCADE);
  public final Column<UUID> teamId = uuid("team_id").references(() -> Teams.TEAMS.id, CASCADE);
  public final Column<NotificationChannel> channel = column("channel", SaasNames.NOTIFICATION_CHANNEL).notNull();
  public final Column<NotificationType> type = column("type", SaasNames.NOTIFICATION_TYPE).notNull();
  public final Column<String> title = text("title").notNull();
  public final Column<String> body = text("body");
  public final Column<OffsetDateTime> readAt = timestamptz("read_at");
  public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

  private Notifications() {
    super(NS, "notifications");
    enableRowLevelSecurity();
    forceRowLevelSecurity();
    addPolicy(Policies.ownerOnly(userId));
    index().on(userId, createdAt).where("read_at IS NULL");   // partial: the unread badge
    index().on(userId);
    index().on(teamId);
  }
}
