package dev.sluice.examples.bookings;

import static dev.sluice.examples.bookings.Appointments.APPOINTMENTS;
import static dev.sluice.examples.bookings.Availability.AVAILABILITY;
import static dev.sluice.examples.bookings.BookingsFixture.appointment;
import static dev.sluice.examples.bookings.BookingsFixture.client;
import static dev.sluice.examples.bookings.BookingsFixture.professional;
import static dev.sluice.examples.bookings.Follows.FOLLOWS;
import static dev.sluice.examples.bookings.Messages.MESSAGES;
import static dev.sluice.examples.bookings.Notifications.NOTIFICATIONS;
import static dev.sluice.examples.bookings.Professionals.PROFESSIONALS;
import static dev.sluice.examples.bookings.RecurringSchedules.RECURRING_SCHEDULES;
import static dev.sluice.examples.bookings.Reviews.REVIEWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.examples.bookings.BookingEnums.AppointmentStatus;
import dev.sluice.examples.bookings.BookingEnums.Frequency;
import dev.sluice.examples.bookings.BookingEnums.RecipientType;
import dev.sluice.examples.bookings.BookingEnums.SenderType;
import dev.sluice.runtime.DataAccessException;
import dev.sluice.runtime.Database;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bookings app's business rules, enforced by the database on the committed migrations. */
@PgTest
class BookingRulesLiveTest {
  static Database db;
  static PgTestContext pg;

  @BeforeAll
  static void setUp(PgTestContext context) {
    pg = context;
    db = Database.connect(pg.jdbcUrl());
    BookingsFixture.migrate(db);
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  static void assertRejected(ThrowingCallable call, String sqlState, String constraint) {
    assertThatThrownBy(call).isInstanceOfSatisfying(DataAccessException.class, e -> {
      assertThat(e.sqlState()).isEqualTo(sqlState);
      assertThat(e.constraint()).isEqualTo(constraint);
    });
  }

  static long count(String sql, Object... args) {
    try (Connection c = pg.connect(); var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- no double booking -------------------------------------------------------------------------

  @Test
  void anOverlappingAppointmentOfTheSameProfessionalIsRejectedByTheDatabase() {
    UUID pro = professional(db, "Ann", "");
    UUID c1 = client(db);
    UUID c2 = client(db);
    appointment(db, pro, c1, "10:00", "11:00", AppointmentStatus.CONFIRMED);

    assertRejected(() -> appointment(db, pro, c2, "10:30", "11:30", AppointmentStatus.SCHEDULED),
        "23P01", Appointments.NO_DOUBLE_BOOKING);
    assertRejected(() -> appointment(db, pro, c2, "09:00", "12:00", AppointmentStatus.SCHEDULED),
        "23P01", Appointments.NO_DOUBLE_BOOKING);
    // half-open ranges: back to back is fine, and another professional may take the same hour
    appointment(db, pro, c2, "11:00", "12:00", AppointmentStatus.SCHEDULED);
    appointment(db, professional(db, "Bob", ""), c2, "10:00", "11:00", AppointmentStatus.SCHEDULED);
  }

  @Test
  void aCancelledAppointmentDoesNotBlockTheSlot() {
    UUID pro = professional(db, "Cid", "");
    UUID c = client(db);
    appointment(db, pro, c, "10:00", "11:00", AppointmentStatus.CANCELLED);
    appointment(db, pro, c, "10:00", "11:00", AppointmentStatus.SCHEDULED);

    UUID later = appointment(db, pro, c, "14:00", "15:00", AppointmentStatus.CONFIRMED);
    assertRejected(() -> appointment(db, pro, c, "14:00", "15:00", AppointmentStatus.SCHEDULED),
        "23P01", Appointments.NO_DOUBLE_BOOKING);
    db.update(APPOINTMENTS).set(APPOINTMENTS.status, AppointmentStatus.CANCELLED).where(APPOINTMENTS.id.eq(later))
        .execute();
    appointment(db, pro, c, "14:00", "15:00", AppointmentStatus.SCHEDULED);
  }

  // --- reviews -------------------------------------------------------------------------------------

  static void review(UUID appointment, int rating) {
    db.insertInto(REVIEWS).set(REVIEWS.appointmentId, appointment).set(REVIEWS.rating, (short) rating).execute();
  }

  @Test
  void aSecondReviewForOneAppointmentIsRejected() {
    UUID a = appointment(db, professional(db, "Dee", ""), client(db), "10:00", "11:00", AppointmentStatus.COMPLETED);
    review(a, 5);
    assertRejected(() -> review(a, 1), "23505", "reviews_appointment_id_key");
  }

  @Test
  void ratingsOutsideOneToFiveAreRejected() {
    UUID pro = professional(db, "Eve", "");
    UUID c = client(db);
    UUID a = appointment(db, pro, c, "08:00", "09:00", AppointmentStatus.COMPLETED);
    UUID b = appointment(db, pro, c, "09:00", "10:00", AppointmentStatus.COMPLETED);
    assertRejected(() -> review(a, 0), "23514", "reviews_rating_check");
    assertRejected(() -> review(a, 6), "23514", "reviews_rating_check");
    review(a, 1);
    review(b, 5);
  }

  // --- cascades as documented ---------------------------------------------------------------------

  static UUID schedule(UUID pro, UUID client) {
    UUID id = UUID.randomUUID();
    db.insertInto(RECURRING_SCHEDULES).set(RECURRING_SCHEDULES.id, id).set(RECURRING_SCHEDULES.professionalId, pro)
        .set(RECURRING_SCHEDULES.clientId, client).set(RECURRING_SCHEDULES.frequency, Frequency.WEEKLY)
        .set(RECURRING_SCHEDULES.weekday, (short) 2).set(RECURRING_SCHEDULES.startTime, LocalTime.of(10, 0))
        .set(RECURRING_SCHEDULES.durationMinutes, (short) 60)
        .set(RECURRING_SCHEDULES.startsOn, LocalDate.of(2025, 7, 1)).execute();
    return id;
  }

  static void availability(UUID pro, int weekday, String start, String end) {
    db.insertInto(AVAILABILITY).set(AVAILABILITY.professionalId, pro).set(AVAILABILITY.weekday, (short) weekday)
        .set(AVAILABILITY.startTime, LocalTime.parse(start)).set(AVAILABILITY.endTime, LocalTime.parse(end)).execute();
  }

  @Test
  void deletingAProfessionalRemovesTheirAvailabilitySchedulesAndAppointmentsButNotTheirClients() {
    UUID pro = professional(db, "Fay", "");
    UUID other = professional(db, "Gus", "");
    UUID c = client(db);
    availability(pro, 1, "09:00", "12:00");
    availability(other, 1, "09:00", "12:00");
    UUID s = schedule(pro, c);
    UUID a = appointment(db, pro, c, "10:00", "11:00", AppointmentStatus.COMPLETED);
    appointment(db, other, c, "10:00", "11:00", AppointmentStatus.COMPLETED);
    db.update(APPOINTMENTS).set(APPOINTMENTS.scheduleId, s).where(APPOINTMENTS.id.eq(a)).execute();
    review(a, 4);
    db.insertInto(FOLLOWS).set(FOLLOWS.clientId, c).set(FOLLOWS.professionalId, pro).execute();
    db.insertInto(MESSAGES).set(MESSAGES.professionalId, pro).set(MESSAGES.clientId, c)
        .set(MESSAGES.senderType, SenderType.CLIENT).set(MESSAGES.body, "hi").execute();
    db.insertInto(NOTIFICATIONS).set(NOTIFICATIONS.recipientType, RecipientType.PROFESSIONAL)
        .set(NOTIFICATIONS.professionalId, pro).set(NOTIFICATIONS.title, "New review").execute();

    assertThat(db.deleteFrom(PROFESSIONALS).where(PROFESSIONALS.id.eq(pro)).execute()).isEqualTo(1);

    for (String table : List.of("availability", "recurring_schedules", "appointments", "follows", "messages",
        "notifications", "client_notes")) {
      assertThat(count("select count(*) from bookings." + table + " where professional_id = ?", pro))
          .as(table).isZero();
    }
    assertThat(count("select count(*) from bookings.reviews where appointment_id = ?", a)).isZero();
    assertThat(count("select count(*) from bookings.clients where id = ?", c)).isEqualTo(1);
    assertThat(count("select count(*) from bookings.availability where professional_id = ?", other)).isEqualTo(1);
    assertThat(count("select count(*) from bookings.appointments where professional_id = ?", other)).isEqualTo(1);
  }

  @Test
  void deletingARecurringScheduleKeepsItsAppointmentsWithoutSchedule() {
    UUID pro = professional(db, "Hal", "");
    UUID c = client(db);
    UUID s = schedule(pro, c);
    UUID a = appointment(db, pro, c, "10:00", "11:00", AppointmentStatus.SCHEDULED);
    db.update(APPOINTMENTS).set(APPOINTMENTS.scheduleId, s).where(APPOINTMENTS.id.eq(a)).execute();

    db.deleteFrom(RECURRING_SCHEDULES).where(RECURRING_SCHEDULES.id.eq(s)).execute();

    List<UUID> schedules = db.select(APPOINTMENTS.scheduleId).from(APPOINTMENTS).where(APPOINTMENTS.id.eq(a)).fetch();
    assertThat(schedules).hasSize(1).containsOnlyNulls();
  }

  @Test
  void aClientWithAppointmentsCannotBeDeleted() {
    UUID c = client(db);
    appointment(db, professional(db, "Ida", ""), c, "10:00", "11:00", AppointmentStatus.COMPLETED);
    assertRejected(() -> db.deleteFrom(Clients.CLIENTS).where(Clients.CLIENTS.id.eq(c)).execute(),
        "23503", "appointments_client_id_fkey");
  }

  // --- other constraints ---------------------------------------------------------------------------

  @Test
  void aSecondFollowOfTheSameProfessionalIsRejected() {
    UUID pro = professional(db, "Jo", "");
    UUID c = client(db);
    db.insertInto(FOLLOWS).set(FOLLOWS.clientId, c).set(FOLLOWS.professionalId, pro).execute();
    assertRejected(() -> db.insertInto(FOLLOWS).set(FOLLOWS.clientId, c).set(FOLLOWS.professionalId, pro).execute(),
        "23505", "follows_pkey");
  }

  @Test
  void availabilityMustEndAfterItStartsAndSlotsAreUnique() {
    UUID pro = professional(db, "Kim", "");
    assertRejected(() -> availability(pro, 1, "12:00", "09:00"), "23514", "availability_end_after_start");
    assertRejected(() -> availability(pro, 1, "09:00", "09:00"), "23514", "availability_end_after_start");
    assertRejected(() -> availability(pro, 8, "09:00", "10:00"), "23514", "availability_weekday_check");
    availability(pro, 1, "09:00", "12:00");
    assertRejected(() -> availability(pro, 1, "09:00", "11:00"), "23505", "availability_slot_key");
    assertRejected(() -> availability(pro, 1, "11:00", "13:00"), "23P01", "availability_no_overlap");
    availability(pro, 1, "12:00", "13:00");
    availability(pro, 2, "09:00", "12:00");
  }

  @Test
  void editingASlotIsAnUpsertOnTheCompositeUniqueKey() {
    UUID pro = professional(db, "Lou", "");
    availability(pro, 3, "09:00", "12:00");
    db.insertInto(AVAILABILITY).set(AVAILABILITY.professionalId, pro).set(AVAILABILITY.weekday, (short) 3)
        .set(AVAILABILITY.startTime, LocalTime.of(9, 0)).set(AVAILABILITY.endTime, LocalTime.of(10, 30))
        .onConflict(AVAILABILITY.professionalId, AVAILABILITY.weekday, AVAILABILITY.startTime).doUpdate()
        .set(AVAILABILITY.endTime, dev.sluice.query.Dsl.excluded(AVAILABILITY.endTime)).execute();
    assertThat(db.select(AVAILABILITY.endTime).from(AVAILABILITY).where(AVAILABILITY.professionalId.eq(pro)).fetch())
        .containsExactly(LocalTime.of(10, 30));
  }

  @Test
  void emailsAreUniqueWhateverTheirCase() {
    db.insertInto(Clients.CLIENTS).set(Clients.CLIENTS.name, "Vic").set(Clients.CLIENTS.email, "vic@x.org").execute();
    assertRejected(() -> db.insertInto(Clients.CLIENTS).set(Clients.CLIENTS.name, "Vic")
        .set(Clients.CLIENTS.email, "Vic@X.org").execute(), "23505", "clients_email_key");
  }

  @Test
  void aNotificationHasExactlyTheRecipientItsTypeNames() {
    UUID pro = professional(db, "Lee", "");
    UUID c = client(db);
    assertRejected(() -> db.insertInto(NOTIFICATIONS).set(NOTIFICATIONS.recipientType, RecipientType.PROFESSIONAL)
        .set(NOTIFICATIONS.clientId, c).set(NOTIFICATIONS.title, "x").execute(), "23514", "notifications_one_recipient");
    assertRejected(() -> db.insertInto(NOTIFICATIONS).set(NOTIFICATIONS.recipientType, RecipientType.CLIENT)
        .set(NOTIFICATIONS.clientId, c).set(NOTIFICATIONS.professionalId, pro).set(NOTIFICATIONS.title, "x").execute(),
        "23514", "notifications_one_recipient");
  }

  @Test
  void anEmptyOrUnboundedAppointmentIsRejected() {
    UUID pro = professional(db, "Max", "");
    assertRejected(() -> appointment(db, pro, client(db), "10:00", "10:00", AppointmentStatus.SCHEDULED),
        "23514", "appointments_during_bounded");
  }

  // --- rating summary ------------------------------------------------------------------------------

  static List<String> summary(UUID pro) {
    List<String> out = new ArrayList<>();
    try (Connection c = pg.connect(); var ps = c.prepareStatement(
        "select avg_rating::text, review_count from bookings.professional_rating_summary where professional_id = ?")) {
      ps.setObject(1, pro);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1) + "/" + rs.getLong(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  @Test
  void theRatingSummaryRefreshesConcurrentlyWithTheRightAverages() throws Exception {
    UUID pro = professional(db, "Ned", "");
    UUID c = client(db);
    review(appointment(db, pro, c, "08:00", "09:00", AppointmentStatus.COMPLETED), 5);
    review(appointment(db, pro, c, "09:00", "10:00", AppointmentStatus.COMPLETED), 4);
    assertThat(summary(pro)).isEmpty(); // materialized: nothing until refreshed

    // a reader holding the view in an open transaction does not block the concurrent refresh
    try (Connection reader = pg.connect()) {
      reader.setAutoCommit(false);
      try (Statement st = reader.createStatement()) {
        st.executeQuery("select count(*) from bookings.professional_rating_summary").close();
        Bookings.refreshRatingSummary(db);
      }
      reader.rollback();
    }
    assertThat(summary(pro)).containsExactly("4.50/2");

    review(appointment(db, pro, c, "10:00", "11:00", AppointmentStatus.COMPLETED), 2);
    Bookings.refreshRatingSummary(db);
    assertThat(summary(pro)).containsExactly("3.67/3");
  }

  // --- threads, search, relational ----------------------------------------------------------------

  static UUID message(UUID pro, UUID client, UUID parent, String body, String sentAt) {
    UUID id = UUID.randomUUID();
    db.insertInto(MESSAGES).set(MESSAGES.id, id).set(MESSAGES.professionalId, pro).set(MESSAGES.clientId, client)
        .set(MESSAGES.parentId, parent).set(MESSAGES.senderType, SenderType.CLIENT).set(MESSAGES.body, body)
        .set(MESSAGES.sentAt, OffsetDateTime.parse("2025-07-01T" + sentAt + ":00Z")).execute();
    return id;
  }

  @Test
  void aRecursiveThreadQueryReturnsTheWholeThreadDepthFirstInOrder() {
    UUID pro = professional(db, "Oz", "");
    UUID c = client(db);
    UUID root = message(pro, c, null, "root", "09:00");
    UUID first = message(pro, c, root, "first reply", "09:05");
    message(pro, c, root, "second reply", "09:10");
    message(pro, c, first, "answer to first", "09:20");
    message(pro, c, null, "another thread", "09:01");

    List<String> thread = BookingQueries.thread(db, root).stream().map(m -> m.depth() + ":" + m.body()).toList();

    assertThat(thread).containsExactly("0:root", "1:first reply", "2:answer to first", "1:second reply");
  }

  @Test
  void fullTextSearchFindsActiveProfessionalsByWordsOfTheirBio() {
    professional(db, "Quinn Massager", "Deep tissue massages for runners and sports recovery.");
    professional(db, "Rae Yogi", "Gentle yoga and breathing for beginners.");
    UUID inactive = professional(db, "Sol Retired", "Sports massage, retired.");
    db.update(PROFESSIONALS).set(PROFESSIONALS.active, false).where(PROFESSIONALS.id.eq(inactive)).execute();

    assertThat(BookingQueries.searchProfessionals(db, "massage", 10)).containsExactly("Quinn Massager");
    assertThat(BookingQueries.searchProfessionals(db, "breathing beginner", 10)).containsExactly("Rae Yogi");
    assertThat(BookingQueries.searchProfessionals(db, "yoga -breathing", 10)).isEmpty();
  }

  record ReviewView(short rating) {}

  record AppointmentView(AppointmentStatus status, ReviewView review) {}

  record ProfessionalView(String name, List<AppointmentView> appointments) {}

  @Test
  void aProfessionalWithAppointmentsAndTheirReviewsComesBackNestedFromOneStatement() {
    UUID pro = professional(db, "Tess", "");
    UUID c = client(db);
    review(appointment(db, pro, c, "08:00", "09:00", AppointmentStatus.COMPLETED), 3);
    appointment(db, pro, c, "09:00", "10:00", AppointmentStatus.NO_SHOW);

    var query = db.query(PROFESSIONALS).columns(PROFESSIONALS.name).where(PROFESSIONALS.id.eq(pro))
        .with(PROFESSIONALS.appointments, a -> a.columns(APPOINTMENTS.status).orderBy(APPOINTMENTS.during)
            .with(APPOINTMENTS.review, r -> r.columns(REVIEWS.rating)));
    assertThat(query.render().sql()).doesNotContain(";");

    ProfessionalView view = query.findFirst(ProfessionalView.class).orElseThrow();

    assertThat(view).isEqualTo(new ProfessionalView("Tess", List.of(
        new AppointmentView(AppointmentStatus.COMPLETED, new ReviewView((short) 3)),
        new AppointmentView(AppointmentStatus.NO_SHOW, null))));
  }

  @Test
  void pricesAreNeverNegative() {
    UUID pro = professional(db, "Uma", "");
    assertRejected(() -> db.insertInto(APPOINTMENTS).set(APPOINTMENTS.professionalId, pro)
            .set(APPOINTMENTS.clientId, client(db))
            .set(APPOINTMENTS.during, dev.sluice.types.Range.closedOpen(BookingsFixture.at("10:00"),
                BookingsFixture.at("11:00")))
            .set(APPOINTMENTS.price, new BigDecimal("-1.00")).execute(),
        "23514", "appointments_price_check");
  }
}
