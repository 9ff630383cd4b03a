package dev.sluice.examples.bookings;

import dev.sluice.examples.bookings.BookingEnums.Frequency;
import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.ForeignKeyModel.Action;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A repeating booking ("every Tuesday 10:00 for 60 minutes"). Removed with its professional or
 * client (CASCADE). Deleting a schedule does NOT delete the appointments it produced: they keep
 * existing with {@code schedule_id} NULL ({@code appointments.schedule_id ON DELETE SET NULL}).
 */
public final class RecurringSchedules extends Table<RecurringSchedules> {
  public static final RecurringSchedules RECURRING_SCHEDULES = new RecurringSchedules();

  public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
  public final Column<UUID> professionalId = uuid("professional_id").notNull()
      .references(() -> Professionals.PROFESSIONALS.id, Action.CASCADE);
  public final Column<UUID> clientId = uuid("client_id").notNull()
      .references(() -> Clients.CLIENTS.id, Action.CASCADE);
  public final Column<Frequency> frequency = column("frequency", BookingEnums.FREQUENCY).notNull();
  public final Column<Short> weekday = smallint("weekday").notNull().check("weekday BETWEEN 1 AND 7");
  public final Column<LocalTime> startTime = time("start_time").notNull();
  public final Column<Short> durationMinutes = smallint("duration_minutes").notNull()
      .check("duration_minutes BETWEEN 5 AND 720");
  public final Column<LocalDate> startsOn = date("starts_on").notNull();
  public final Column<LocalDate> endsOn = date("ends_on");

  public final Relation<Appointments> appointments = many(() -> Appointments.APPOINTMENTS, a -> a.scheduleId);

  private RecurringSchedules() {
    super(Bookings.NS, "recurring_schedules");
    check("recurring_schedules_ends_after_start", "ends_on IS NULL OR ends_on >= starts_on");
    index("recurring_schedules_professional_id_idx").on(professionalId);
    index("recurring_schedules_client_id_idx").on(clientId);
  }
}
