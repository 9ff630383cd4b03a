package dev.sluice.examples.bookings;

import static dev.sluice.examples.bookings.Appointments.APPOINTMENTS;
import static dev.sluice.examples.bookings.Clients.CLIENTS;
import static dev.sluice.examples.bookings.Professionals.PROFESSIONALS;

import dev.sluice.examples.bookings.BookingEnums.AppointmentStatus;
import dev.sluice.kit.migrate.MigrationFolder;
import dev.sluice.kit.migrate.Migrator;
import dev.sluice.runtime.Database;
import dev.sluice.types.Range;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Applies the committed bookings migrations and inserts single rows for the live tests. */
final class BookingsFixture {
  private BookingsFixture() {}

  static void migrate(Database db) {
    new Migrator(db.dataSource(), MigrationFolder.of(BookingsMigrationsTest.FOLDER)).migrate();
  }

  static UUID professional(Database db, String name, String bio) {
    UUID id = UUID.randomUUID();
    db.insertInto(PROFESSIONALS).set(PROFESSIONALS.id, id).set(PROFESSIONALS.name, name)
        .set(PROFESSIONALS.email, id + "@pro.example").set(PROFESSIONALS.bio, bio).execute();
    return id;
  }

  static UUID client(Database db) {
    UUID id = UUID.randomUUID();
    db.insertInto(CLIENTS).set(CLIENTS.id, id).set(CLIENTS.name, "Client " + id)
        .set(CLIENTS.email, id + "@client.example").execute();
    return id;
  }

  static OffsetDateTime at(String hhmm) {
    return OffsetDateTime.parse("2025-07-01T" + hhmm + ":00Z");
  }

  static UUID appointment(Database db, UUID pro, UUID client, String from, String to, AppointmentStatus status) {
    UUID id = UUID.randomUUID();
    db.insertInto(APPOINTMENTS).set(APPOINTMENTS.id, id).set(APPOINTMENTS.professionalId, pro)
        .set(APPOINTMENTS.clientId, client).set(APPOINTMENTS.during, Range.closedOpen(at(from), at(to)))
        .set(APPOINTMENTS.status, status).set(APPOINTMENTS.price, new BigDecimal("50.00")).execute();
    return id;
  }
}
