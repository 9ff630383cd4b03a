package dev.sluice.examples.bookings;

import dev.sluice.examples.bookings.BookingEnums.AppointmentStatus;
import dev.sluice.examples.bookings.BookingEnums.Frequency;
import dev.sluice.examples.bookings.BookingEnums.MessageType;
import dev.sluice.examples.bookings.BookingEnums.PaymentStatus;
import dev.sluice.examples.bookings.BookingEnums.PaymentType;
import dev.sluice.examples.bookings.BookingEnums.Plan;
import dev.sluice.examples.bookings.BookingEnums.RecipientType;
import dev.sluice.examples.bookings.BookingEnums.SenderType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One generated data set of the bookings app, row by row, before it is loaded: plain records so
 * that two generations from the same seed can be compared with {@code equals}.
 */
public record BookingsData(List<Professional> professionals, List<Slot> availability, List<Client> clients,
    List<ClientNote> clientNotes, List<Schedule> schedules, List<Appointment> appointments, List<Review> reviews,
    List<Follow> follows, List<Message> messages, List<Notification> notifications) {

  /** A professional; {@code metadataJson} is the jsonb metadata as JSON text. */
  public record Professional(UUID id, String name, String email, String bio, Plan plan, String timezone,
      BigDecimal hourlyRate, boolean active, List<String> tags, String metadataJson, OffsetDateTime createdAt) {}

  public record Slot(UUID id, UUID professionalId, short weekday, LocalTime start, LocalTime end) {}

  public record Client(UUID id, String name, String email, String phone, OffsetDateTime createdAt) {}

  public record ClientNote(UUID id, UUID professionalId, UUID clientId, String body, OffsetDateTime createdAt) {}

  public record Schedule(UUID id, UUID professionalId, UUID clientId, Frequency frequency, short weekday,
      LocalTime start, short durationMinutes, LocalDate startsOn, LocalDate endsOn) {}

  public record Appointment(UUID id, UUID professionalId, UUID clientId, UUID scheduleId, OffsetDateTime start,
      OffsetDateTime end, AppointmentStatus status, PaymentStatus paymentStatus, PaymentType paymentType,
      BigDecimal price, String notes, OffsetDateTime createdAt) {}

  public record Review(UUID id, UUID appointmentId, short rating, String comment, OffsetDateTime createdAt) {}

  public record Follow(UUID clientId, UUID professionalId, OffsetDateTime createdAt) {}

  public record Message(UUID id, UUID professionalId, UUID clientId, UUID parentId, UUID appointmentId,
      SenderType senderType, MessageType messageType, String body, OffsetDateTime sentAt, OffsetDateTime readAt) {}

  public record Notification(UUID id, RecipientType recipientType, UUID professionalId, UUID clientId, String title,
      String body, OffsetDateTime createdAt, OffsetDateTime readAt) {}

  /** Rows in all tables. */
  public long totalRows() {
    return (long) professionals.size() + availability.size() + clients.size() + clientNotes.size() + schedules.size()
        + appointments.size() + reviews.size() + follows.size() + messages.size() + notifications.size();
  }
}
