package dev.sluice.examples.bookings;

import dev.sluice.runtime.DataAccessException;
import dev.sluice.runtime.Database;
import dev.sluice.schema.Namespace;
import dev.sluice.schema.Schema;
import dev.sluice.schema.View;
import dev.sluice.schema.model.ExtensionModel;
import dev.sluice.sql.Identifiers;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The bookings reference app: professionals publish weekly availability, clients book appointments
 * (one-off or from a recurring schedule), pay, review, follow professionals and message them. All
 * tables live in the PostgreSQL schema {@code bookings}.
 *
 * <p>What deletes what ({@code ON DELETE}): deleting a professional removes their availability,
 * client notes, recurring schedules and appointments (CASCADE; the reviews of those appointments go
 * with them), plus their messages, follows, notifications and embedding. Deleting a recurring schedule
 * keeps its appointments, with {@code schedule_id} set to NULL (SET NULL). A client who has
 * appointments cannot be deleted (RESTRICT: they carry payment history); their notes, schedules,
 * follows, messages and notifications would cascade.
 *
 * <p>{@link #schema()} is portable (only {@code btree_gist}, a contrib extension every PostgreSQL
 * ships); {@link #schema(boolean) schema(true)} adds the pgvector table {@link ProfessionalEmbeddings}
 * for databases that have the {@code vector} extension.
 */
public final class Bookings {
  /** The PostgreSQL schema of every bookings object. */
  public static final Namespace NS = Namespace.of("bookings");

  /** Name of the materialized view of average rating and review count per professional. */
  public static final String RATING_SUMMARY = "professional_rating_summary";

  private Bookings() {}

  /** The bookings schema without the optional pgvector table (what the committed migrations hold). */
  public static Schema schema() {
    return schema(false);
  }

  /**
   * The bookings schema; with {@code withVector} also {@link ProfessionalEmbeddings} (needs the
   * {@code vector} extension, which the schema then declares).
   */
  public static Schema schema(boolean withVector) {
    Schema s = Schema.of(NS,
        // EXCLUDE USING gist (professional_id WITH =, ...) needs gist support for uuid equality
        new ExtensionModel("btree_gist", null),
        BookingEnums.PLAN, BookingEnums.APPOINTMENT_STATUS, BookingEnums.PAYMENT_STATUS, BookingEnums.PAYMENT_TYPE,
        BookingEnums.FREQUENCY, BookingEnums.SENDER_TYPE, BookingEnums.MESSAGE_TYPE, BookingEnums.RECIPIENT_TYPE,
        Professionals.PROFESSIONALS, Availability.AVAILABILITY, Clients.CLIENTS, ClientNotes.CLIENT_NOTES,
        RecurringSchedules.RECURRING_SCHEDULES, Appointments.APPOINTMENTS, Reviews.REVIEWS, Follows.FOLLOWS,
        Messages.MESSAGES, Notifications.NOTIFICATIONS, ratingSummary());
    return withVector ? s.with(new ExtensionModel("vector", null), ProfessionalEmbeddings.PROFESSIONAL_EMBEDDINGS) : s;
  }

  /**
   * {@code professional_rating_summary}: average rating (2 decimals) and review count per professional
   * that has reviews. Listings read it instead of aggregating every review on every page view; the
   * unique index on {@code professional_id} is what allows {@link #refreshRatingSummary} to refresh
   * CONCURRENTLY (readers are never blocked).
   */
  static View ratingSummary() {
    return View.materialized(NS, RATING_SUMMARY)
        .as("SELECT a.professional_id, round(avg(r.rating), 2) AS avg_rating, count(*) AS review_count"
            + " FROM bookings.reviews r JOIN bookings.appointments a ON a.id = r.appointment_id"
            + " GROUP BY a.professional_id")
        .index("professional_rating_summary_professional_id_key", true, "professional_id")
        .comment("average rating and review count per professional; refresh with Bookings.refreshRatingSummary");
  }

  /**
   * {@code REFRESH MATERIALIZED VIEW CONCURRENTLY bookings.professional_rating_summary}: recomputes
   * the summary while readers keep seeing the previous contents (needs the unique index).
   */
  public static void refreshRatingSummary(Database db) {
    String sql = "REFRESH MATERIALIZED VIEW CONCURRENTLY " + Identifiers.qualify(NS.schema(), NS.tableName(RATING_SUMMARY));
    db.transaction(tx -> {
      try (Statement st = tx.connection().createStatement()) {
        st.execute(sql);
      } catch (SQLException e) {
        throw new DataAccessException(sql, e);
      }
      return null;
    });
  }
}
