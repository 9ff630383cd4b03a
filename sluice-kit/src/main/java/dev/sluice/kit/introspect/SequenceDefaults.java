package dev.sluice.kit.introspect;

import dev.sluice.schema.model.SequenceOptions;

/**
 * Turns the stored values of {@code pg_sequence} into {@link SequenceOptions} holding only what
 * differs from what PostgreSQL would pick by itself, so that {@code CREATE SEQUENCE s} and an identity
 * column without options read back as {@link SequenceOptions#DEFAULTS}.
 */
final class SequenceDefaults {
  private SequenceDefaults() {}

  static SequenceOptions options(String type, long start, long increment, long min, long max, long cache,
      boolean cycle) {
    long typeMax;
    long typeMin;
    switch (type) {
      case "smallint" -> {
        typeMax = Short.MAX_VALUE;
        typeMin = Short.MIN_VALUE;
      }
      case "integer" -> {
        typeMax = Integer.MAX_VALUE;
        typeMin = Integer.MIN_VALUE;
      }
      default -> {
        typeMax = Long.MAX_VALUE;
        typeMin = Long.MIN_VALUE;
      }
    }
    boolean ascending = increment > 0;
    long defaultMin = ascending ? 1 : typeMin;
    long defaultMax = ascending ? typeMax : -1;
    long defaultStart = ascending ? min : max;
    return new SequenceOptions(
        start == defaultStart ? null : start,
        increment == 1 ? null : increment,
        min == defaultMin ? null : min,
        max == defaultMax ? null : max,
        cache == 1 ? null : cache,
        cycle);
  }
}
