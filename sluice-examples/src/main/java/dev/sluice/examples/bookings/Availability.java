package dev.sluice.examples.bookings;

import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.ForeignKeyModel.Action;
import java.time.LocalTime;
import java.util.UUID;

/**
 * Weekly opening hours: {@code weekday} is ISO (1 = Monday .. 7 = Sunday) and the times are native
 * {@code time} in the professional's timezone, so "9:00 to 17:00" stays 9 to 5 across DST changes.
 * One slot per professional, weekday and start time (composite unique, which is also the arbiter of
 * {@code ON CONFLICT (professional_id, weekday, start_time) DO UPDATE} when a professional edits a
 * slot: an exclusion constraint cannot be one), no two slots of a day overlapping (EXCLUDE), and a
 * slot must end after it starts (CHECK). Removed with its professional (ON DELETE CASCADE).
 */
public final class Availability extends Table<Availability> {
  public static final Availability AVAILABILITY = new Availability();

  public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
  public final Column<UUID> professionalId = uuid("professional_id").notNull()
      .references(() -> Professionals.PROFESSIONALS.id, Action.CASCADE);
  public final Column<Short> weekday = smallint("weekday").notNull().check("weekday BETWEEN 1 AND 7");
  public final Column<LocalTime> startTime = time("start_time").notNull();
  public final Column<LocalTime> endTime = time("end_time").notNull();

  public final Relation<Professionals> professional = one(() -> Professionals.PROFESSIONALS, professionalId);

  private Availability() {
    super(Bookings.NS, "availability");
    unique("availability_slot_key", false, professionalId, weekday, startTime);
    check("availability_end_after_start", "end_time > start_time");
    // nor two overlapping slots on one day: times become ranges on a fixed date (an immutable
    // expression) so the gist operator && applies; needs btree_gist for the two equality parts
    exclude("availability_no_overlap").using("gist").with(professionalId, "=").with(weekday, "=")
        .withExpression("tsrange('2000-01-01'::date + start_time, '2000-01-01'::date + end_time)", "&&");
  }
}
