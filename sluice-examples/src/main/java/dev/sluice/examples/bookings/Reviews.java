package dev.sluice.examples.bookings;

import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.ForeignKeyModel.Action;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A client's review of one appointment: at most one per appointment ({@code appointment_id} is
 * UNIQUE), rating 1..5 (CHECK). The professional and client are reached through the appointment,
 * not copied here, so they can never disagree with it. Removed with the appointment (CASCADE).
 */
public final class Reviews extends Table<Reviews> {
  public static final Reviews REVIEWS = new Reviews();

  public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
  public final Column<UUID> appointmentId = uuid("appointment_id").notNull().unique()
      .references(() -> Appointments.APPOINTMENTS.id, Action.CASCADE);
  public final Column<Short> rating = smallint("rating").notNull().check("rating BETWEEN 1 AND 5");
  public final Column<String> comment = text("comment");
  public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

  public final Relation<Appointments> appointment = one(() -> Appointments.APPOINTMENTS, appointmentId);

  private Reviews() {
    super(Bookings.NS, "reviews");
  }
}
