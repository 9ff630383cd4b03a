package dev.sluice.examples.bookings;

import dev.sluice.examples.bookings.BookingEnums.AppointmentStatus;
import dev.sluice.examples.bookings.BookingEnums.PaymentStatus;
import dev.sluice.examples.bookings.BookingEnums.PaymentType;
import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.ForeignKeyModel.Action;
import dev.sluice.types.Range;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A booked time. {@code during} is a {@code tstzrange} (half-open, {@code [start, end)}) and the
 * exclusion constraint {@value #NO_DOUBLE_BOOKING} makes the database refuse two non-cancelled
 * appointments of one professional whose ranges overlap (SQLSTATE 23P01), so no race between two
 * requests can double-book: back-to-back appointments ({@code [9,10)} and {@code [10,11)}) are fine.
 * Needs {@code btree_gist} for the {@code professional_id WITH =} part.
 *
 * <p>Cascades: deleting the professional deletes their appointments (CASCADE, and with them the
 * reviews); deleting the recurring schedule keeps the appointments with {@code schedule_id} NULL
 * (SET NULL); a client with appointments cannot be deleted (RESTRICT: payment history).
 */
public final class Appointments extends Table<Appointments> {
  public static final Appointments APPOINTMENTS = new Appointments();

  /** Name of the exclusion constraint that rejects double bookings. */
  public static final String NO_DOUBLE_BOOKING = "appointments_no_double_booking";

  public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
  public final Column<UUID> professionalId = uuid("professional_id").notNull()
      .references(() -> Professionals.PROFESSIONALS.id, Action.CASCADE);
  public final Column<UUID> clientId = uuid("client_id").notNull()
      .references(() -> Clients.CLIENTS.id, Action.RESTRICT);
  public final Column<UUID> scheduleId = uuid("schedule_id")
      .references(() -> RecurringSchedules.RECURRING_SCHEDULES.id, Action.SET_NULL);
  public final Column<Range<OffsetDateTime>> during = tstzrange("during").notNull();
  public final Column<AppointmentStatus> status = column("status", BookingEnums.APPOINTMENT_STATUS).notNull()
      .defaultValue(AppointmentStatus.SCHEDULED);
  public final Column<PaymentStatus> paymentStatus = column("payment_status", BookingEnums.PAYMENT_STATUS)
      .notNull().defaultValue(PaymentStatus.PENDING);
  /** Null until the client chose how to pay. */
  public final Column<PaymentType> paymentType = column("payment_type", BookingEnums.PAYMENT_TYPE);
  public final Column<BigDecimal> price = numeric("price", 10, 2).notNull().check("price >= 0");
  public final Column<String> notes = text("notes");
  public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

  public final Relation<Professionals> professional = one(() -> Professionals.PROFESSIONALS, professionalId);
  public final Relation<Clients> client = one(() -> Clients.CLIENTS, clientId);
  public final Relation<RecurringSchedules> schedule = one(() -> RecurringSchedules.RECURRING_SCHEDULES, scheduleId);
  public final Relation<Reviews> review = one(() -> Reviews.REVIEWS, id, r -> r.appointmentId);

  private Appointments() {
    super(Bookings.NS, "appointments");
    check("appointments_during_bounded", "NOT isempty(during) AND NOT lower_inf(during) AND NOT upper_inf(during)");
    exclude(NO_DOUBLE_BOOKING).using("gist").with(professionalId, "=").with(during, "&&")
        .where("status <> 'cancelled'::bookings.appointment_status");
    // a professional's calendar in time order; also serves the CASCADE from professionals (the gist
    // index of the exclusion constraint is partial, so it cannot find cancelled rows)
    index("appointments_professional_id_during_idx").on(professionalId, during);
    // a client's history as an index-only scan: covering index with the columns the list shows
    index("appointments_client_id_idx").on(clientId).include(professionalId, during, status);
    index("appointments_schedule_id_idx").on(scheduleId).where("schedule_id IS NOT NULL");
  }
}
