package dev.sluice.cli;

import java.time.Duration;

/** Parses {@code 5s}, {@code 500ms}, {@code 2m}. */
final class Durations {
  private Durations() {}

  static Duration parse(String s) {
    String t = s.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      if (t.endsWith("s")) return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      if (t.endsWith("m")) return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
    } catch (NumberFormatException ignored) {
      // fall through to the error
    }
    throw new CliException("not a duration: " + s + " (use e.g. 500ms, 5s, 2m)", SluiceCommand.EXIT_USAGE);
  }
}
