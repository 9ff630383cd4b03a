package dev.sluice.types;

import java.util.Objects;

/**
 * A PostgreSQL range value ({@code int4range}, {@code tstzrange}...). A null bound is unbounded.
 *
 * @param lower lower bound, or null for unbounded
 * @param upper upper bound, or null for unbounded
 * @param lowerInclusive whether the lower bound is included ({@code [})
 * @param upperInclusive whether the upper bound is included ({@code ]})
 * @param empty true for the empty range (bounds are then null)
 */
public record Range<T>(T lower, T upper, boolean lowerInclusive, boolean upperInclusive, boolean empty) {
  public Range {
    if (empty && (lower != null || upper != null)) {
      throw new IllegalArgumentException("an empty range has no bounds");
    }
    if (lower == null) lowerInclusive = false;
    if (upper == null) upperInclusive = false;
  }

  /** {@code [lower, upper)}: the canonical form PostgreSQL uses for discrete ranges. */
  public static <T> Range<T> closedOpen(T lower, T upper) {
    return new Range<>(lower, upper, true, false, false);
  }

  /** {@code [lower, upper]}. */
  public static <T> Range<T> closed(T lower, T upper) {
    return new Range<>(lower, upper, true, true, false);
  }

  /** The empty range. */
  public static <T> Range<T> emptyRange() {
    return new Range<>(null, null, false, false, true);
  }

  @Override
  public String toString() {
    if (empty) return "empty";
    return (lowerInclusive ? "[" : "(") + (lower == null ? "" : lower) + "," + (upper == null ? "" : upper)
        + (upperInclusive ? "]" : ")");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Range<?> r && r.empty == empty && r.lowerInclusive == lowerInclusive
        && r.upperInclusive == upperInclusive && Objects.equals(r.lower, lower) && Objects.equals(r.upper, upper);
  }

  @Override
  public int hashCode() {
    return Objects.hash(lower, upper, lowerInclusive, upperInclusive, empty);
  }
}
