package dev.sluice.kit.lint;

import java.util.Objects;

/**
 * One problem the {@link Linter} found in a migration.
 *
 * @param code stable rule code, e.g. {@code LK101} (see {@link LintRule})
 * @param severity how bad it is (normally the rule's default severity)
 * @param message what is risky, why (the lock taken or the data at risk) and the safe alternative
 * @param line 1-based line in the linted file
 * @param statement the statement's SQL text
 */
public record LintFinding(String code, Severity severity, String message, int line, String statement) {
  public LintFinding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  /** The rule this finding belongs to. */
  public LintRule rule() {
    return LintRule.byCode(code);
  }
}
