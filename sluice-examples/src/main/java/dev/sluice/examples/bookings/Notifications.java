package dev.sluice.examples.bookings;

import dev.sluice.examples.bookings.BookingEnums.RecipientType;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.ForeignKeyModel.Action;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A notification for a professional or a client: a polymorphic recipient done safely. Instead of a
 * {@code recipient_id} no foreign key can check, there is one nullable foreign key per recipient
 * kind and a CHECK that exactly the one named by {@code recipient_type} is set. Removed with its
 * recipient (CASCADE).
 */
public final class Notifications extends Table<Notifications> {
  public static final Notifications NOTIFICATIONS = new Notifications();

  public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
  public final Column<RecipientType> recipientType = column("recipient_type", BookingEnums.RECIPIENT_TYPE).notNull();
  public final Column<UUID> professionalId = uuid("professional_id")
      .references(() -> Professionals.PROFESSIONALS.id, Action.CASCADE);
  public final Column<UUID> clientId = uuid("client_id").references(() -> Clients.CLIENTS.id, Action.CASCADE);
  public final Column<String> title = text("title").notNull();
  public final Column<String> body = text("body").notNull().defaultValue("");
  public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
  public final Column<OffsetDateTime> readAt = timestamptz("read_at");

  private Notifications() {
    super(Bookings.NS, "notifications");
    check("notifications_one_recipient",
        "(recipient_type = 'professional'::bookings.recipient_type AND professional_id IS NOT NULL AND client_id IS NULL)"
            + " OR (recipient_type = 'client'::bookings.recipient_type AND client_id IS NOT NULL AND professional_id IS NULL)");
    index("notifications_professional_id_idx").on(professionalId).where("professional_id IS NOT NULL");
    index("notifications_client_id_idx").on(clientId).where("client_id IS NOT NULL");
  }
}
