package dev.sluice.examples.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.examples.bookings.BookingEnums.AppointmentStatus;
import dev.sluice.examples.bookings.BookingsData.Appointment;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BookingsGeneratorTest {
  static final BookingsData DATA = BookingsGenerator.generate(42, 1);

  @Test
  void sameSeedGivesIdenticalDataAndAnotherSeedDoesNot() {
    assertThat(BookingsGenerator.generate(42, 1)).isEqualTo(DATA);
    assertThat(BookingsGenerator.generate(43, 1).professionals()).isNotEqualTo(DATA.professionals());
  }

  @Test
  void scaleOneHasTheDocumentedSizes() {
    assertThat(DATA.professionals()).hasSize(50);
    assertThat(DATA.clients()).hasSize(500);
    assertThat(DATA.appointments()).hasSize(3000);
    assertThat(DATA.reviews()).isNotEmpty();
    assertThat(DATA.messages()).isNotEmpty();
    assertThat(BookingsGenerator.generate(42, 2).appointments()).hasSize(6000);
  }

  @Test
  void noProfessionalIsDoubleBooked() {
    Map<UUID, List<Appointment>> byPro = DATA.appointments().stream()
        .filter(a -> a.status() != AppointmentStatus.CANCELLED)
        .collect(Collectors.groupingBy(Appointment::professionalId));
    byPro.values().forEach(list -> {
      list.sort(Comparator.comparing(Appointment::start));
      for (int i = 1; i < list.size(); i++) {
        assertThat(list.get(i).start()).isAfterOrEqualTo(list.get(i - 1).end());
      }
    });
  }

  @Test
  void reviewsAreForDistinctCompletedAppointmentsWithRatingsInRange() {
    Map<UUID, Appointment> byId = DATA.appointments().stream()
        .collect(Collectors.toMap(Appointment::id, a -> a));
    assertThat(new HashSet<>(DATA.reviews().stream().map(r -> r.appointmentId()).toList()))
        .hasSize(DATA.reviews().size());
    DATA.reviews().forEach(r -> {
      assertThat(byId.get(r.appointmentId()).status()).isEqualTo(AppointmentStatus.COMPLETED);
      assertThat(r.rating()).isBetween((short) 1, (short) 5);
    });
  }

  @Test
  void everyIdIsUniqueAcrossTables() {
    List<UUID> ids = new java.util.ArrayList<>();
    DATA.professionals().forEach(p -> ids.add(p.id()));
    DATA.clients().forEach(c -> ids.add(c.id()));
    DATA.appointments().forEach(a -> ids.add(a.id()));
    DATA.messages().forEach(m -> ids.add(m.id()));
    assertThat(new HashSet<>(ids)).hasSize(ids.size());
  }
}
