package dev.sluice.examples.bookings;

import static dev.sluice.examples.bookings.Appointments.APPOINTMENTS;
import static dev.sluice.examples.bookings.Availability.AVAILABILITY;
import static dev.sluice.examples.bookings.ClientNotes.CLIENT_NOTES;
import static dev.sluice.examples.bookings.Clients.CLIENTS;
import static dev.sluice.examples.bookings.Follows.FOLLOWS;
import static dev.sluice.examples.bookings.Messages.MESSAGES;
import static dev.sluice.examples.bookings.Notifications.NOTIFICATIONS;
import static dev.sluice.examples.bookings.Professionals.PROFESSIONALS;
import static dev.sluice.examples.bookings.RecurringSchedules.RECURRING_SCHEDULES;
import static dev.sluice.examples.bookings.Reviews.REVIEWS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.runtime.Database;
import dev.sluice.types.Range;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads realistic bookings data, the same rows for the same seed on every run (see
 * {@link BookingsGenerator}): scale 1 is 50 professionals, 500 clients and 3,000 appointments (none
 * overlapping for one professional) with reviews, messages, follows, notes and notifications. Rows go
 * in with {@link Database#insertMany} (COPY from 500 rows), parents before children, then the rating
 * summary is refreshed. Expects the bookings migrations applied and the tables empty.
 */
public final class BookingsSeeder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BookingsSeeder() {}

  /** Generates and loads the data of {@code seed} at {@code scale}; returns the row count per table. */
  public static Map<String, Long> seed(Database db, long seed, int scale) {
    return load(db, BookingsGenerator.generate(seed, scale));
  }

  /** Loads a generated data set; returns the row count per table, in load order. */
  public static Map<String, Long> load(Database db, BookingsData d) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put(PROFESSIONALS.name(), db.insertMany(PROFESSIONALS, d.professionals(), (r, p) -> r
        .set(PROFESSIONALS.id, p.id()).set(PROFESSIONALS.name, p.name()).set(PROFESSIONALS.email, p.email())
        .set(PROFESSIONALS.bio, p.bio()).set(PROFESSIONALS.plan, p.plan()).set(PROFESSIONALS.timezone, p.timezone())
        .set(PROFESSIONALS.hourlyRate, p.hourlyRate()).set(PROFESSIONALS.active, p.active())
        .set(PROFESSIONALS.tags, p.tags().toArray(String[]::new))
        .set(PROFESSIONALS.metadata, parse(p.metadataJson())).set(PROFESSIONALS.createdAt, p.createdAt())));
    counts.put(CLIENTS.name(), db.insertMany(CLIENTS, d.clients(), (r, c) -> r
        .set(CLIENTS.id, c.id()).set(CLIENTS.name, c.name()).set(CLIENTS.email, c.email())
        .set(CLIENTS.phone, c.phone()).set(CLIENTS.createdAt, c.createdAt())));
    counts.put(AVAILABILITY.name(), db.insertMany(AVAILABILITY, d.availability(), (r, s) -> r
        .set(AVAILABILITY.id, s.id()).set(AVAILABILITY.professionalId, s.professionalId())
        .set(AVAILABILITY.weekday, s.weekday()).set(AVAILABILITY.startTime, s.start())
        .set(AVAILABILITY.endTime, s.end())));
    counts.put(CLIENT_NOTES.name(), db.insertMany(CLIENT_NOTES, d.clientNotes(), (r, n) -> r
        .set(CLIENT_NOTES.id, n.id()).set(CLIENT_NOTES.professionalId, n.professionalId())
        .set(CLIENT_NOTES.clientId, n.clientId()).set(CLIENT_NOTES.body, n.body())
        .set(CLIENT_NOTES.createdAt, n.createdAt())));
    counts.put(RECURRING_SCHEDULES.name(), db.insertMany(RECURRING_SCHEDULES, d.schedules(), (r, s) -> r
        .set(RECURRING_SCHEDULES.id, s.id()).set(RECURRING_SCHEDULES.professionalId, s.professionalId())
        .set(RECURRING_SCHEDULES.clientId, s.clientId()).set(RECURRING_SCHEDULES.frequency, s.frequency())
        .set(RECURRING_SCHEDULES.weekday, s.weekday()).set(RECURRING_SCHEDULES.startTime, s.start())
        .set(RECURRING_SCHEDULES.durationMinutes, s.durationMinutes())
        .set(RECURRING_SCHEDULES.startsOn, s.startsOn()).set(RECURRING_SCHEDULES.endsOn, s.endsOn())));
    counts.put(APPOINTMENTS.name(), db.insertMany(APPOINTMENTS, d.appointments(), (r, a) -> r
        .set(APPOINTMENTS.id, a.id()).set(APPOINTMENTS.professionalId, a.professionalId())
        .set(APPOINTMENTS.clientId, a.clientId()).set(APPOINTMENTS.scheduleId, a.scheduleId())
        .set(APPOINTMENTS.during, Range.closedOpen(a.start(), a.end())).set(APPOINTMENTS.status, a.status())
        .set(APPOINTMENTS.paymentStatus, a.paymentStatus()).set(APPOINTMENTS.paymentType, a.paymentType())
        .set(APPOINTMENTS.price, a.price()).set(APPOINTMENTS.notes, a.notes())
        .set(APPOINTMENTS.createdAt, a.createdAt())));
    counts.put(REVIEWS.name(), db.insertMany(REVIEWS, d.reviews(), (r, v) -> r
        .set(REVIEWS.id, v.id()).set(REVIEWS.appointmentId, v.appointmentId()).set(REVIEWS.rating, v.rating())
        .set(REVIEWS.comment, v.comment()).set(REVIEWS.createdAt, v.createdAt())));
    counts.put(FOLLOWS.name(), db.insertMany(FOLLOWS, d.follows(), (r, f) -> r
        .set(FOLLOWS.clientId, f.clientId()).set(FOLLOWS.professionalId, f.professionalId())
        .set(FOLLOWS.createdAt, f.createdAt())));
    counts.put(MESSAGES.name(), db.insertMany(MESSAGES, d.messages(), (r, m) -> r
        .set(MESSAGES.id, m.id()).set(MESSAGES.professionalId, m.professionalId()).set(MESSAGES.clientId, m.clientId())
        .set(MESSAGES.parentId, m.parentId()).set(MESSAGES.appointmentId, m.appointmentId())
        .set(MESSAGES.senderType, m.senderType()).set(MESSAGES.messageType, m.messageType())
        .set(MESSAGES.body, m.body()).set(MESSAGES.sentAt, m.sentAt()).set(MESSAGES.readAt, m.readAt())));
    counts.put(NOTIFICATIONS.name(), db.insertMany(NOTIFICATIONS, d.notifications(), (r, n) -> r
        .set(NOTIFICATIONS.id, n.id()).set(NOTIFICATIONS.recipientType, n.recipientType())
        .set(NOTIFICATIONS.professionalId, n.professionalId()).set(NOTIFICATIONS.clientId, n.clientId())
        .set(NOTIFICATIONS.title, n.title()).set(NOTIFICATIONS.body, n.body())
        .set(NOTIFICATIONS.createdAt, n.createdAt()).set(NOTIFICATIONS.readAt, n.readAt())));
    Bookings.refreshRatingSummary(db);
    return counts;
  }

  private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("generated metadata is not JSON: " + json, e);
    }
  }
}
