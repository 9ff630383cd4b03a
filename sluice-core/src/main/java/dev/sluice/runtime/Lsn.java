package dev.sluice.runtime;

/** WAL positions ({@code pg_lsn}, text {@code "16/B374D848"}) as longs. */
final class Lsn {
  /** No position known (a NULL {@code pg_lsn}, a failed probe): never reaches any write. */
  static final long UNKNOWN = -1;

  private Lsn() {}

  /** Parses {@code "X/Y"} (hex halves); null gives {@link #UNKNOWN}. */
  static long parse(String text) {
    if (text == null) return UNKNOWN;
    int slash = text.indexOf('/');
    if (slash < 0) throw new IllegalArgumentException("not a pg_lsn: " + text);
    return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
  }

  static String format(long lsn) {
    if (lsn == UNKNOWN) return "(unknown)";
    return Long.toHexString(lsn >>> 32).toUpperCase(java.util.Locale.ROOT) + "/"
        + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase(java.util.Locale.ROOT);
  }
}
