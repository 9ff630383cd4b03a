package dev.sluice.examples.bookings;

import dev.sluice.schema.PgEnum;
import dev.sluice.types.Labeled;

/**
 * The categorical values of the bookings app, as PostgreSQL enums in schema {@code bookings}: a
 * typo'd status is rejected by the database instead of becoming a fourth "kind of" cancelled, and
 * each value costs four bytes instead of a string. Labels are lower case (the SQL convention);
 * the Java constants map to them through {@link Labeled}.
 */
public final class BookingEnums {
  private BookingEnums() {}

  /** A professional's subscription plan. */
  public enum Plan implements Labeled {
    FREE, PRO, BUSINESS;

    @Override
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Where an appointment is in its life; only {@code cancelled} frees the slot. */
  public enum AppointmentStatus implements Labeled {
    SCHEDULED, CONFIRMED, COMPLETED, CANCELLED, NO_SHOW;

    @Override
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Whether an appointment has been paid. */
  public enum PaymentStatus implements Labeled {
    PENDING, PAID, REFUNDED, FAILED;

    @Override
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** How an appointment is (to be) paid. */
  public enum PaymentType implements Labeled {
    CARD, CASH, BANK_TRANSFER, VOUCHER;

    @Override
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** How often a recurring schedule repeats. */
  public enum Frequency implements Labeled {
    WEEKLY, BIWEEKLY, MONTHLY;

    @Override
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Who wrote a message. */
  public enum SenderType implements Labeled {
    PROFESSIONAL, CLIENT, SYSTEM;

    @Override
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What a message carries. */
  public enum MessageType implements Labeled {
    TEXT, IMAGE, FILE, BOOKING_REQUEST;

    @Override
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Who a notification is for; decides which recipient column is set (see {@link Notifications}). */
  public enum RecipientType implements Labeled {
    PROFESSIONAL, CLIENT;

    @Override
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static final PgEnum<Plan> PLAN = PgEnum.of(Bookings.NS, "plan", Plan.class);
  public static final PgEnum<AppointmentStatus> APPOINTMENT_STATUS =
      PgEnum.of(Bookings.NS, "appointment_status", AppointmentStatus.class);
  public static final PgEnum<PaymentStatus> PAYMENT_STATUS =
      PgEnum.of(Bookings.NS, "payment_status", PaymentStatus.class);
  public static final PgEnum<PaymentType> PAYMENT_TYPE = PgEnum.of(Bookings.NS, "payment_type", PaymentType.class);
  public static final PgEnum<Frequency> FREQUENCY = PgEnum.of(Bookings.NS, "frequency", Frequency.class);
  public static final PgEnum<SenderType> SENDER_TYPE = PgEnum.of(Bookings.NS, "sender_type", SenderType.class);
  public static final PgEnum<MessageType> MESSAGE_TYPE = PgEnum.of(Bookings.NS, "message_type", MessageType.class);
  public static final PgEnum<RecipientType> RECIPIENT_TYPE =
      PgEnum.of(Bookings.NS, "recipient_type", RecipientType.class);
}
