package dev.sluice.examples.bookings;

import dev.sluice.examples.bookings.BookingEnums.MessageType;
import dev.sluice.examples.bookings.BookingEnums.SenderType;
import dev.sluice.schema.Column;
import dev.sluice.schema.Index;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.ForeignKeyModel.Action;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The conversation between a professional and a client. Replies point at the message they answer
 * ({@code parent_id}), so a thread is a tree read with {@code WITH RECURSIVE} (see
 * {@link BookingQueries#thread}); deleting a message deletes its replies. Removed with the
 * professional or client (CASCADE); a message about an appointment survives the appointment.
 */
public final class Messages extends Table<Messages> {
  public static final Messages MESSAGES = new Messages();

  public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
  public final Column<UUID> professionalId = uuid("professional_id").notNull()
      .references(() -> Professionals.PROFESSIONALS.id, Action.CASCADE);
  public final Column<UUID> clientId = uuid("client_id").notNull()
      .references(() -> Clients.CLIENTS.id, Action.CASCADE);
  public final Column<UUID> parentId = uuid("parent_id").references(() -> Messages.MESSAGES.id, Action.CASCADE);
  public final Column<UUID> appointmentId = uuid("appointment_id")
      .references(() -> Appointments.APPOINTMENTS.id, Action.SET_NULL);
  public final Column<SenderType> senderType = column("sender_type", BookingEnums.SENDER_TYPE).notNull();
  public final Column<MessageType> messageType = column("message_type", BookingEnums.MESSAGE_TYPE).notNull()
      .defaultValue(MessageType.TEXT);
  public final Column<String> body = text("body").notNull();
  public final Column<OffsetDateTime> sentAt = timestamptz("sent_at").notNull().defaultNow();
  public final Column<OffsetDateTime> readAt = timestamptz("read_at");

  public final Relation<Messages> replies = many(() -> MESSAGES, m -> m.parentId);
  public final Relation<Messages> parent = one(() -> MESSAGES, parentId);

  private Messages() {
    super(Bookings.NS, "messages");
    // the inbox of one conversation, newest first
    index("messages_conversation_idx").on(Index.key(professionalId), Index.key(clientId), Index.key(sentAt).desc());
    index("messages_client_id_idx").on(clientId);
    index("messages_parent_id_idx").on(parentId).where("parent_id IS NOT NULL");
    index("messages_appointment_id_idx").on(appointmentId).where("appointment_id IS NOT NULL");
  }
}
