package dev.sluice.kit.lint;

import java.util.Locale;

/**
 * How bad a lint finding is. {@code sluice lint} fails on {@link #ERROR}; with {@code --strict} it fails on
 * any finding.
 */
public enum Severity {
  /** The migration will lose data, fail on existing data, or block traffic; do not ship it unreviewed. */
  ERROR,
  /** Risky on a live table: locks, rewrites or breaks running application code; usually has a safer form. */
  WARNING,
  /** Worth knowing, not known to be a problem (e.g. a function whose volatility the linter cannot tell). */
  INFO;

  /** Lower-case name as printed in text reports ({@code warning}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
