package dev.sluice.examples.bookings;

import dev.sluice.examples.bookings.BookingEnums.AppointmentStatus;
import dev.sluice.examples.bookings.BookingEnums.Frequency;
import dev.sluice.examples.bookings.BookingEnums.MessageType;
import dev.sluice.examples.bookings.BookingEnums.PaymentStatus;
import dev.sluice.examples.bookings.BookingEnums.PaymentType;
import dev.sluice.examples.bookings.BookingEnums.Plan;
import dev.sluice.examples.bookings.BookingEnums.RecipientType;
import dev.sluice.examples.bookings.BookingEnums.SenderType;
import dev.sluice.examples.bookings.BookingsData.Appointment;
import dev.sluice.examples.bookings.BookingsData.Client;
import dev.sluice.examples.bookings.BookingsData.ClientNote;
import dev.sluice.examples.bookings.BookingsData.Follow;
import dev.sluice.examples.bookings.BookingsData.Message;
import dev.sluice.examples.bookings.BookingsData.Notification;
import dev.sluice.examples.bookings.BookingsData.Professional;
import dev.sluice.examples.bookings.BookingsData.Review;
import dev.sluice.examples.bookings.BookingsData.Schedule;
import dev.sluice.examples.bookings.BookingsData.Slot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates {@link BookingsData} from a seed: every value (ids included) comes from one
 * {@link SplittableRandom}, and time is measured from the fixed {@link #REFERENCE} instead of the
 * clock, so the same seed and scale give identical rows on every run and machine.
 *
 * <p>Appointments of one professional are laid out on a timeline between 09:00 and 18:00 UTC on
 * weekdays, each starting at or after the end of the previous one, so the data never trips the
 * no-double-booking constraint; those before {@link #REFERENCE} are mostly completed, the later ones
 * scheduled or confirmed.
 */
public final class BookingsGenerator {
  /** "Now" for the generated data: appointments before it are in the past. */
  public static final OffsetDateTime REFERENCE = OffsetDateTime.of(2025, 6, 2, 0, 0, 0, 0, ZoneOffset.UTC);

  static final int PROFESSIONALS_PER_SCALE = 50;
  static final int CLIENTS_PER_SCALE = 500;
  static final int APPOINTMENTS_PER_PROFESSIONAL = 60;

  private static final String[] FIRST = {"Ana", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Ines",
      "Jonas", "Keiko", "Liam", "Maya", "Nico", "Olga", "Pedro", "Quinn", "Rosa", "Sami", "Tara", "Uma", "Victor",
      "Wen", "Ximena", "Yusuf", "Zoe"};
  private static final String[] LAST = {"Almeida", "Brown", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad",
      "Ito", "Jensen", "Kowalski", "Lopez", "Moreau", "Nakamura", "Okafor", "Petrov", "Quiroga", "Rossi", "Silva",
      "Tanaka", "Urban", "Varga", "Weber", "Xu", "Yilmaz", "Zimmer"};
  private static final String[][] SPECIALTIES = {
      {"physiotherapist", "physio", "sports injuries", "back pain rehabilitation"},
      {"yoga teacher", "yoga", "breathing", "flexibility and balance"},
      {"massage therapist", "massage", "deep tissue massage", "stress relief"},
      {"nutritionist", "nutrition", "meal planning", "healthy weight"},
      {"personal trainer", "fitness", "strength training", "marathon preparation"},
      {"psychologist", "therapy", "anxiety", "couples counselling"},
      {"language tutor", "languages", "spanish conversation", "exam preparation"},
      {"music teacher", "music", "piano lessons", "guitar for beginners"}};
  private static final String[] TIMEZONES = {"Europe/Lisbon", "Europe/Berlin", "America/New_York", "America/Sao_Paulo",
      "Asia/Tokyo", "UTC"};
  private static final String[] LANGUAGES = {"en", "es", "pt", "de", "fr", "ja"};
  private static final String[] REVIEW_COMMENTS = {"Great session, very professional.", "Helpful and on time.",
      "Would book again.", "Good, but the session felt rushed.", "Did not meet my expectations.",
      "Excellent, explained everything clearly."};
  private static final String[] OPENERS = {"Hi! Is this time still available?", "Could we move my appointment?",
      "Thanks for the last session!", "Do you offer online sessions?", "What should I bring?"};
  private static final String[] REPLIES = {"Yes, that works.", "Sure, see you then.", "Let me check my calendar.",
      "I sent you the details.", "Thanks!", "Perfect."};
  private static final int[] DURATIONS = {30, 45, 60, 90};

  private final SplittableRandom rnd;

  private BookingsGenerator(long seed) {
    this.rnd = new SplittableRandom(seed);
  }

  /** The data set of {@code seed} at {@code scale} (1 = 50 professionals, 500 clients, 3,000 appointments). */
  public static BookingsData generate(long seed, int scale) {
    if (scale < 1) throw new IllegalArgumentException("scale must be at least 1, was " + scale);
    return new BookingsGenerator(seed).run(scale);
  }

  private BookingsData run(int scale) {
    List<Professional> pros = new ArrayList<>();
    List<Slot> slots = new ArrayList<>();
    List<Client> clients = new ArrayList<>();
    List<ClientNote> notes = new ArrayList<>();
    List<Schedule> schedules = new ArrayList<>();
    List<Appointment> appointments = new ArrayList<>();
    List<Review> reviews = new ArrayList<>();
    List<Follow> follows = new ArrayList<>();
    List<Message> messages = new ArrayList<>();
    List<Notification> notifications = new ArrayList<>();

    for (int i = 0; i < PROFESSIONALS_PER_SCALE * scale; i++) pros.add(professional(i));
    for (int i = 0; i < CLIENTS_PER_SCALE * scale; i++) clients.add(client(i));
    for (Professional p : pros) slots.addAll(availability(p));

    for (Professional p : pros) {
      List<Schedule> own = new ArrayList<>();
      int n = rnd.nextInt(4);
      for (int i = 0; i < n; i++) own.add(schedule(p, pick(clients)));
      schedules.addAll(own);
      timeline(p, own, clients, appointments);
    }
    for (Appointment a : appointments) {
      if (a.status() == AppointmentStatus.COMPLETED && rnd.nextInt(100) < 45) {
        Review r = review(a);
        reviews.add(r);
        notifications.add(new Notification(uuid(), RecipientType.PROFESSIONAL, a.professionalId(), null,
            "New review: " + r.rating() + " stars", r.comment() == null ? "" : r.comment(), r.createdAt(),
            rnd.nextBoolean() ? r.createdAt().plusHours(1 + rnd.nextInt(48)) : null));
      }
      if (!a.start().isBefore(REFERENCE) && a.status() != AppointmentStatus.CANCELLED) {
        notifications.add(new Notification(uuid(), RecipientType.CLIENT, null, a.clientId(), "Appointment reminder",
            "Your appointment starts at " + a.start(), a.start().minusDays(1), null));
      }
      if (rnd.nextInt(100) < 25) messages.addAll(thread(a));
      if (rnd.nextInt(100) < 8) {
        notes.add(new ClientNote(uuid(), a.professionalId(), a.clientId(),
            pick(new String[] {"Prefers mornings.", "Allergic to lavender oil.", "Working on left knee mobility.",
                "Pays by card.", "Wants a progress report monthly."}), a.end().plusMinutes(5)));
      }
    }
    for (Client c : clients) {
      Set<UUID> followed = new LinkedHashSet<>();
      int n = rnd.nextInt(4);
      for (int i = 0; i < n; i++) followed.add(pick(pros).id());
      for (UUID p : followed) follows.add(new Follow(c.id(), p, c.createdAt().plusDays(rnd.nextInt(200))));
    }
    return new BookingsData(List.copyOf(pros), List.copyOf(slots), List.copyOf(clients), List.copyOf(notes),
        List.copyOf(schedules), List.copyOf(appointments), List.copyOf(reviews), List.copyOf(follows),
        List.copyOf(messages), List.copyOf(notifications));
  }

  private Professional professional(int i) {
    String first = pick(FIRST);
    String last = pick(LAST);
    String[] spec = SPECIALTIES[rnd.nextInt(SPECIALTIES.length)];
    int years = 1 + rnd.nextInt(25);
    String bio = "Certified " + spec[0] + " with " + years + " years of experience. I focus on " + spec[2] + " and "
        + spec[3] + ".";
    List<String> tags = new ArrayList<>(List.of(spec[1]));
    if (rnd.nextBoolean()) tags.add("online");
    if (rnd.nextInt(4) == 0) tags.add("weekend");
    String lang1 = pick(LANGUAGES);
    String lang2 = pick(LANGUAGES);
    String languages = lang1.equals(lang2) ? "\"" + lang1 + "\"" : "\"" + lang1 + "\",\"" + lang2 + "\"";
    String metadata = "{\"languages\":[" + languages + "],\"years\":" + years + ",\"remote\":" + tags.contains("online")
        + "}";
    Plan plan = weighted(new Plan[] {Plan.FREE, Plan.PRO, Plan.BUSINESS}, 50, 35, 15);
    BigDecimal rate = BigDecimal.valueOf(30 + rnd.nextInt(121)).setScale(2, RoundingMode.UNNECESSARY);
    return new Professional(uuid(), first + " " + last, mail(first, last, i, "pro.example"), bio, plan,
        pick(TIMEZONES), rate, rnd.nextInt(10) != 0, List.copyOf(tags), metadata, REFERENCE.minusDays(200 + rnd.nextInt(800)));
  }

  private Client client(int i) {
    String first = pick(FIRST);
    String last = pick(LAST);
    String phone = rnd.nextInt(5) == 0 ? null : "+1-555-" + (1000 + rnd.nextInt(9000));
    return new Client(uuid(), first + " " + last, mail(first, last, i, "client.example"), phone,
        REFERENCE.minusDays(100 + rnd.nextInt(600)));
  }

  private List<Slot> availability(Professional p) {
    List<Slot> out = new ArrayList<>();
    boolean split = rnd.nextBoolean();
    int firstDay = rnd.nextInt(3) == 0 ? 2 : 1; // Monday-Friday, or Tuesday-Saturday
    for (int d = firstDay; d < firstDay + 5; d++) {
      if (split) {
        out.add(new Slot(uuid(), p.id(), (short) d, LocalTime.of(9, 0), LocalTime.of(12, 0)));
        out.add(new Slot(uuid(), p.id(), (short) d, LocalTime.of(13, 0), LocalTime.of(18, 0)));
      } else {
        out.add(new Slot(uuid(), p.id(), (short) d, LocalTime.of(10, 0), LocalTime.of(16, 30)));
      }
    }
    return out;
  }

  private Schedule schedule(Professional p, Client c) {
    Frequency f = weighted(Frequency.values(), 60, 25, 15);
    var startsOn = REFERENCE.toLocalDate().minusDays(30 + rnd.nextInt(120));
    return new Schedule(uuid(), p.id(), c.id(), f, (short) (1 + rnd.nextInt(5)), LocalTime.of(9 + rnd.nextInt(8), 0),
        (short) DURATIONS[rnd.nextInt(DURATIONS.length)], startsOn,
        rnd.nextBoolean() ? null : startsOn.plusWeeks(8 + rnd.nextInt(40)));
  }

  /** Lays out one professional's appointments end to end, so none overlap. */
  private void timeline(Professional p, List<Schedule> own, List<Client> clients, List<Appointment> out) {
    OffsetDateTime cursor = workday(REFERENCE.minusDays(60 + rnd.nextInt(10)).withHour(9));
    for (int i = 0; i < APPOINTMENTS_PER_PROFESSIONAL; i++) {
      if (rnd.nextInt(100) < 45) cursor = workday(cursor.plusDays(1 + rnd.nextInt(3)).withHour(9).withMinute(0));
      OffsetDateTime start = cursor.plusMinutes(30L * rnd.nextInt(3));
      int minutes = DURATIONS[rnd.nextInt(DURATIONS.length)];
      if (start.plusMinutes(minutes).getHour() >= 18 || start.plusMinutes(minutes).getDayOfYear() != start.getDayOfYear()) {
        start = workday(start.plusDays(1).withHour(9).withMinute(0));
      }
      OffsetDateTime end = start.plusMinutes(minutes);
      cursor = end;

      Schedule schedule = !own.isEmpty() && rnd.nextInt(100) < 15 ? own.get(rnd.nextInt(own.size())) : null;
      UUID clientId = schedule != null ? schedule.clientId() : pick(clients).id();
      boolean past = start.isBefore(REFERENCE);
      AppointmentStatus status = past
          ? weighted(new AppointmentStatus[] {AppointmentStatus.COMPLETED, AppointmentStatus.CANCELLED,
              AppointmentStatus.NO_SHOW}, 82, 10, 8)
          : weighted(new AppointmentStatus[] {AppointmentStatus.SCHEDULED, AppointmentStatus.CONFIRMED,
              AppointmentStatus.CANCELLED}, 60, 30, 10);
      PaymentType type = weighted(PaymentType.values(), 55, 20, 15, 10);
      PaymentStatus payment;
      switch (status) {
        case COMPLETED -> payment = rnd.nextInt(100) < 95 ? PaymentStatus.PAID : PaymentStatus.PENDING;
        case CANCELLED -> payment = rnd.nextBoolean() ? PaymentStatus.REFUNDED : PaymentStatus.PENDING;
        case NO_SHOW -> payment = rnd.nextBoolean() ? PaymentStatus.PAID : PaymentStatus.FAILED;
        default -> payment = rnd.nextInt(100) < 20 ? PaymentStatus.PAID : PaymentStatus.PENDING;
      }
      if (payment == PaymentStatus.PENDING && rnd.nextInt(100) < 70) type = null;
      BigDecimal price = p.hourlyRate().multiply(BigDecimal.valueOf(minutes))
          .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
      String notes = rnd.nextInt(10) == 0 ? "First visit" : null;
      out.add(new Appointment(uuid(), p.id(), clientId, schedule == null ? null : schedule.id(), start, end, status,
          payment, type, price, notes, start.minusDays(1 + rnd.nextInt(30)).minusMinutes(rnd.nextInt(600))));
    }
  }

  private Review review(Appointment a) {
    short rating = weighted(new Short[] {1, 2, 3, 4, 5}, 3, 5, 12, 35, 45);
    String comment = rnd.nextInt(3) == 0 ? null : pick(REVIEW_COMMENTS);
    return new Review(uuid(), a.id(), rating, comment, a.end().plusHours(1 + rnd.nextInt(72)));
  }

  /** A conversation about an appointment: a client's opener and replies, each answering an earlier message. */
  private List<Message> thread(Appointment a) {
    List<Message> out = new ArrayList<>();
    OffsetDateTime at = a.createdAt().plusMinutes(rnd.nextInt(120));
    boolean read = at.isBefore(REFERENCE);
    out.add(new Message(uuid(), a.professionalId(), a.clientId(), null, a.id(), SenderType.CLIENT,
        rnd.nextInt(4) == 0 ? MessageType.BOOKING_REQUEST : MessageType.TEXT, pick(OPENERS), at,
        read ? at.plusMinutes(30) : null));
    int replies = rnd.nextInt(5);
    for (int i = 0; i < replies; i++) {
      Message parent = out.get(rnd.nextInt(out.size()));
      at = at.plusMinutes(1 + rnd.nextInt(240));
      SenderType sender = parent.senderType() == SenderType.CLIENT ? SenderType.PROFESSIONAL : SenderType.CLIENT;
      out.add(new Message(uuid(), a.professionalId(), a.clientId(), parent.id(), a.id(), sender,
          rnd.nextInt(10) == 0 ? MessageType.IMAGE : MessageType.TEXT, pick(REPLIES), at,
          at.isBefore(REFERENCE) ? at.plusMinutes(10) : null));
    }
    return out;
  }

  private static OffsetDateTime workday(OffsetDateTime t) {
    while (t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY) t = t.plusDays(1);
    return t.withSecond(0).withNano(0);
  }

  private static String mail(String first, String last, int i, String domain) {
    return (first + "." + last).toLowerCase(java.util.Locale.ROOT) + "." + i + "@" + domain;
  }

  /** A version 4 UUID from the seeded generator (not {@link UUID#randomUUID}, which is not reproducible). */
  private UUID uuid() {
    long msb = (rnd.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  private <T> T pick(T[] values) {
    return values[rnd.nextInt(values.length)];
  }

  private <T> T pick(List<T> values) {
    return values.get(rnd.nextInt(values.size()));
  }

  private <T> T weighted(T[] values, int... weights) {
    int total = 0;
    for (int w : weights) total += w;
    int r = rnd.nextInt(total);
    for (int i = 0; i < values.length; i++) {
      r -= weights[i];
      if (r < 0) return values[i];
    }
    return values[values.length - 1];
  }
}
