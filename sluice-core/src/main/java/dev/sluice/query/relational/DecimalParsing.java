package dev.sluice.query.relational;

/**
 * Clinger's fast path for decimal to double: a decimal with at most 15 significant digits and at
 * most 22 fraction digits is {@code mantissa / 10^fraction} with both operands exact doubles, so one
 * IEEE division gives the correctly rounded result, the same double {@link Double#parseDouble}
 * returns. Money-like values ({@code 12.5}, {@code 0.0825}) take it; anything else falls back.
 */
final class DecimalParsing {
  private DecimalParsing() {}

  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++, p *= 10) POWERS_OF_TEN[i] = p;
  }

  /**
   * The value of {@code [-]digits[.digits]} in {@code chars[offset, offset + length)}, or NaN when the
   * text is not of that form or needs the slow path (more than 15 digits, an exponent).
   */
  static double parseShortDecimal(char[] chars, int offset, int length) {
    int i = offset;
    int end = offset + length;
    boolean negative = false;
    if (i < end && chars[i] == '-') {
      negative = true;
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int fraction = -1;
    boolean any = false;
    for (; i < end; i++) {
      char c = chars[i];
      if (c >= '0' && c <= '9') {
        if (mantissa != 0 || c != '0') digits++;
        if (digits > 15) return Double.NaN;
        mantissa = mantissa * 10 + (c - '0');
        if (fraction >= 0) fraction++;
        any = true;
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return Double.NaN;
      }
    }
    if (!any || fraction == 0) return Double.NaN;
    int scale = Math.max(fraction, 0);
    if (scale >= POWERS_OF_TEN.length) return Double.NaN;
    double value = scale == 0 ? (double) mantissa : (double) mantissa / POWERS_OF_TEN[scale];
    return negative ? -value : value;
  }
}
