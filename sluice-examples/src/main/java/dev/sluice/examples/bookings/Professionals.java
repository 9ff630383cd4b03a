package dev.sluice.examples.bookings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.examples.bookings.BookingEnums.Plan;
import dev.sluice.schema.Column;
import dev.sluice.schema.Index;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * People who can be booked. Deleting a professional deletes everything that only exists because of
 * them: their availability, client notes, recurring schedules, appointments (and so the reviews of
 * those appointments), messages, follows and notifications (all {@code ON DELETE CASCADE}).
 *
 * <p>Indexes show the seed-002 practices: GIN on the {@code tags} array ({@code tags @> '{yoga}'})
 * and on the {@code metadata} jsonb ({@code metadata @> '{"languages":["es"]}'}), a GIN index on a
 * generated {@code tsvector} for full-text search over name and bio, and a partial index that only
 * holds active professionals (the rows every listing filters on).
 */
public final class Professionals extends Table<Professionals> {
  public static final Professionals PROFESSIONALS = new Professionals();

  public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
  public final Column<String> name = text("name").notNull();
  public final Column<String> email = varchar("email", 255).notNull();
  public final Column<String> bio = text("bio").notNull().defaultValue("");
  public final Column<Plan> plan = column("plan", BookingEnums.PLAN).notNull().defaultValue(Plan.FREE);
  public final Column<String> timezone = text("timezone").notNull().defaultValue("UTC");
  public final Column<BigDecimal> hourlyRate = numeric("hourly_rate", 10, 2).check("hourly_rate >= 0");
  public final Column<Boolean> active = bool("active").notNull().defaultValue(true);
  public final Column<String[]> tags = text("tags").array().notNull().defaultSql("'{}'::text[]");
  public final Column<JsonNode> metadata = jsonb("metadata").notNull().defaultSql("'{}'::jsonb");
  /** Maintained by PostgreSQL from name (weight A) and bio (weight B); never written by the app. */
  public final Column<String> search = tsvector("search").generatedAlwaysAs(
      "setweight(to_tsvector('english'::regconfig, name), 'A') || "
          + "setweight(to_tsvector('english'::regconfig, bio), 'B')");
  public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

  public final Relation<Availability> availability = many(() -> Availability.AVAILABILITY, a -> a.professionalId);
  public final Relation<Appointments> appointments = many(() -> Appointments.APPOINTMENTS, a -> a.professionalId);
  public final Relation<RecurringSchedules> schedules =
      many(() -> RecurringSchedules.RECURRING_SCHEDULES, s -> s.professionalId);
  public final Relation<Follows> followers = many(() -> Follows.FOLLOWS, f -> f.professionalId);

  private Professionals() {
    super(Bookings.NS, "professionals");
    // one account per address whatever its case: Ann@x.org and ann@x.org are the same mailbox
    index("professionals_email_key").unique().onExpression("lower((email)::text)");
    index("professionals_tags_idx").using("gin").on(tags);
    index("professionals_metadata_idx").using("gin").on(Index.key(metadata).opclass("jsonb_path_ops"));
    index("professionals_search_idx").using("gin").on(search);
    index("professionals_active_plan_idx").on(plan, name).where("active");
  }
}
