package dev.sluice.examples.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Database;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PgTest
class BookingsSeederLiveTest {
  static final List<String> TABLES = List.of("professionals", "availability", "clients", "client_notes",
      "recurring_schedules", "appointments", "reviews", "follows", "messages", "notifications",
      "professional_rating_summary");

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

  /** An md5 of every row of every bookings table (and the rating summary), in a stable order. */
  static Map<String, String> fingerprint() {
    Map<String, String> out = new LinkedHashMap<>();
    try (Connection c = pg.connect(); Statement st = c.createStatement()) {
      for (String t : TABLES) {
        try (ResultSet rs = st.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(x::text, '|' order by"
            + " x::text)), '') from bookings." + t + " x")) {
          rs.next();
          out.put(t, rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  static void truncate() {
    pg.execute("truncate bookings.professionals, bookings.clients cascade",
        "refresh materialized view bookings.professional_rating_summary");
  }

  @Test
  void seedingTwiceWithTheSameSeedLoadsIdenticalRows() {
    truncate();
    Map<String, Long> counts = BookingsSeeder.seed(db, 2024, 1);
    Map<String, String> first = fingerprint();
    truncate();
    BookingsSeeder.seed(db, 2024, 1);

    assertThat(fingerprint()).isEqualTo(first);
    assertThat(counts).containsEntry("professionals", 50L).containsEntry("clients", 500L)
        .containsEntry("appointments", 3000L);
    assertThat(counts.get("reviews")).isPositive();
    assertThat(counts.get("messages")).isPositive();
    assertThat(first.get("professional_rating_summary")).doesNotStartWith("0:");
    truncate();
    BookingsSeeder.seed(db, 2025, 1);
    assertThat(fingerprint().get("appointments")).isNotEqualTo(first.get("appointments"));
  }

  @Test
  void seededDataAnswersTheAppsQueries() {
    truncate();
    BookingsSeeder.seed(db, 7, 1);
    assertThat(BookingQueries.searchProfessionals(db, "massage", 5)).isNotEmpty();
    try (Connection c = pg.connect(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("select m.id from bookings.messages m where m.parent_id is null and exists"
             + " (select 1 from bookings.messages r where r.parent_id = m.id) limit 1")) {
      assertThat(rs.next()).isTrue();
      var thread = BookingQueries.thread(db, rs.getObject(1, java.util.UUID.class));
      assertThat(thread.size()).isGreaterThan(1);
      assertThat(thread.get(0).depth()).isZero();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
