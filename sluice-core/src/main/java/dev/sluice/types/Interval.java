package dev.sluice.types;

import java.time.Duration;

/**
 * A PostgreSQL {@code interval}: months, days and microseconds are kept apart, as PostgreSQL keeps
 * them (a month is not a fixed number of days, nor a day of seconds across DST).
 */
public record Interval(int months, int days, long microseconds) {
  /** An interval of a fixed duration (no months or days). */
  public static Interval of(Duration d) {
    return new Interval(0, 0, d.toNanos() / 1000);
  }

  /** The fixed-time part as a {@link Duration}; fails when months or days are set. */
  public Duration toDuration() {
    if (months != 0 || days != 0) {
      throw new ArithmeticException("interval " + this + " has months or days; it is not a fixed duration");
    }
    return Duration.ofNanos(Math.multiplyExact(microseconds, 1000L));
  }

  /** ISO-8601-like text PostgreSQL accepts as interval input, e.g. {@code P1M2DT3.5S}. */
  @Override
  public String toString() {
    long secs = microseconds / 1_000_000;
    long micros = Math.abs(microseconds % 1_000_000);
    String sec = (microseconds < 0 && secs == 0 ? "-" : "") + secs + (micros == 0 ? "" : "." + String.format("%06d", micros));
    return "P" + months + "M" + days + "DT" + sec + "S";
  }
}
