package dev.sluice.kit.migrate;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Migrator} runs.
 *
 * @param lockTimeout {@code lock_timeout} for each migration (default 5s): a DDL statement that
 *     waits for a busy table gives up instead of queueing every later query of the application
 *     behind its ACCESS EXCLUSIVE request
 * @param statementTimeout {@code statement_timeout} for each migration statement, or null for the
 *     server's setting
 * @param allowOutOfOrder apply a pending migration whose version is lower than the highest applied
 *     one (merged from another branch); off by default so it is never applied or skipped unnoticed
 * @param installedBy recorded as {@code applied_by}; null records {@code current_user}
 * @param lockWaitTimeout how long to wait for another migrator to finish (default 10 minutes)
 * @param historyTable the history table's name in schema {@code sluice} (default {@code migrations});
 *     several migration folders applied to one database (e.g. two apps) each need their own
 * @param placeholders values of the {@code ${name}} placeholders in migration and callback files
 *     (see {@code Placeholders}: {@code $${name}} is the literal text; a placeholder without a value is
 *     an error); default none
 */
public record MigratorOptions(
    Duration lockTimeout, Duration statementTimeout, boolean allowOutOfOrder, String installedBy, Duration lockWaitTimeout,
    String historyTable, java.util.Map<String, String> placeholders) {
  /** 5s lock_timeout, no statement_timeout, out-of-order refused, current_user, 10 minute lock wait, no placeholders. */
  public static final MigratorOptions DEFAULTS =
      new MigratorOptions(Duration.ofSeconds(5), null, false, null, Duration.ofMinutes(10), "migrations", java.util.Map.of());

  /** Options without placeholders. */
  public MigratorOptions(Duration lockTimeout, Duration statementTimeout, boolean allowOutOfOrder, String installedBy,
      Duration lockWaitTimeout, String historyTable) {
    this(lockTimeout, statementTimeout, allowOutOfOrder, installedBy, lockWaitTimeout, historyTable, java.util.Map.of());
  }

  public MigratorOptions {
    placeholders = placeholders == null ? java.util.Map.of() : java.util.Map.copyOf(placeholders);
    Objects.requireNonNull(lockTimeout, "lockTimeout");
    Objects.requireNonNull(lockWaitTimeout, "lockWaitTimeout");
    if (historyTable == null) historyTable = "migrations";
    dev.sluice.sql.Identifiers.check(historyTable);
    if (lockTimeout.isNegative()) throw new IllegalArgumentException("lockTimeout must not be negative");
    if (statementTimeout != null && statementTimeout.isNegative()) {
      throw new IllegalArgumentException("statementTimeout must not be negative");
    }
  }

  public MigratorOptions withLockTimeout(Duration d) {
    return new MigratorOptions(d, statementTimeout, allowOutOfOrder, installedBy, lockWaitTimeout, historyTable, placeholders);
  }

  public MigratorOptions withStatementTimeout(Duration d) {
    return new MigratorOptions(lockTimeout, d, allowOutOfOrder, installedBy, lockWaitTimeout, historyTable, placeholders);
  }

  public MigratorOptions withAllowOutOfOrder(boolean allow) {
    return new MigratorOptions(lockTimeout, statementTimeout, allow, installedBy, lockWaitTimeout, historyTable, placeholders);
  }

  public MigratorOptions withInstalledBy(String user) {
    return new MigratorOptions(lockTimeout, statementTimeout, allowOutOfOrder, user, lockWaitTimeout, historyTable, placeholders);
  }

  public MigratorOptions withLockWaitTimeout(Duration d) {
    return new MigratorOptions(lockTimeout, statementTimeout, allowOutOfOrder, installedBy, d, historyTable, placeholders);
  }

  /** The history table {@code sluice.<name>} (default {@code migrations}). */
  public MigratorOptions withHistoryTable(String name) {
    return new MigratorOptions(lockTimeout, statementTimeout, allowOutOfOrder, installedBy, lockWaitTimeout, name, placeholders);
  }

  /** The values of the {@code ${name}} placeholders (replacing any given before). */
  public MigratorOptions withPlaceholders(java.util.Map<String, String> values) {
    return new MigratorOptions(lockTimeout, statementTimeout, allowOutOfOrder, installedBy, lockWaitTimeout, historyTable, values);
  }
}
