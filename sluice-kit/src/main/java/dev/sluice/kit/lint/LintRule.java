package dev.sluice.kit.lint;

import java.util.Arrays;

/**
 * Every lint rule with its stable code, default severity, title and explanation (the single source for the
 * documentation and {@code --json} output). Codes never change meaning; new rules get new codes.
 *
 * <p>Prefixes: {@code DS} destructive (data is deleted), {@code MF} data-dependent (may fail or change
 * data depending on what the table holds), {@code LK} locking (blocks reads/writes on a live table),
 * {@code BC} backward-incompatible (breaks application code still running against the old schema).
 *
 * <p>Statements on tables created earlier in the same migration are exempt from all rules except LK108
 * (a new table has no rows and no traffic). A comment {@code -- sluice:lint-ignore CODE[,CODE...]} on the
 * line(s) directly above a statement suppresses those codes for it ({@code -- sluice:lint-ignore} alone
 * suppresses every code).
 */
public enum LintRule {
  DS101(Severity.ERROR, "Table dropped",
      "DROP TABLE deletes the table and all its rows; it cannot be undone without a backup. Stop using the"
          + " table in the application first, keep a backup (or rename it aside) and drop it in a later migration."),
  DS102(Severity.ERROR, "Column dropped",
      "DROP COLUMN deletes the column's data for every row. Deploy code that no longer reads or writes the"
          + " column first, then drop it in a later migration (expand/contract)."),
  DS103(Severity.ERROR, "Schema dropped",
      "DROP SCHEMA deletes the schema; with CASCADE it silently drops every table, view, function and type"
          + " in it with all their data. Drop the objects explicitly so each loss is visible and reviewed."),
  DS104(Severity.ERROR, "Table truncated",
      "TRUNCATE deletes every row of the table (and of referencing tables with CASCADE) under an ACCESS"
          + " EXCLUSIVE lock. Migrations should not delete data; use a reviewed, batched DELETE if you must."),
  DS105(Severity.WARNING, "Type dropped / enum value removed",
      "DROP TYPE fails while columns use the type, and with CASCADE drops those columns and their data."
          + " Removing an enum value (recreate-type emulation or DELETE FROM pg_enum) breaks rows that hold it."
          + " Migrate rows off the value first and keep the old type until nothing uses it."),
  MF101(Severity.ERROR, "NOT NULL on existing rows",
      "ADD COLUMN ... NOT NULL without a default fails on any table with rows. SET NOT NULL scans the whole"
          + " table under an ACCESS EXCLUSIVE lock and fails if any row is NULL (reported as a warning). Safe:"
          + " backfill, ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT c, then SET NOT"
          + " NULL (PostgreSQL 12+ skips the scan) and drop the check."),
  MF102(Severity.WARNING, "Unique constraint on existing data",
      "A unique constraint, unique index or exclusion constraint on existing rows fails if the data has"
          + " duplicates (CREATE UNIQUE INDEX CONCURRENTLY then leaves an INVALID index behind). ADD CONSTRAINT"
          + " ... UNIQUE also builds the index under an ACCESS EXCLUSIVE lock. Check for duplicates first, build"
          + " the index with CREATE UNIQUE INDEX CONCURRENTLY and attach it with ADD CONSTRAINT ... UNIQUE USING"
          + " INDEX."),
  MF103(Severity.ERROR, "Type narrowed",
      "Changing a column to a narrower type (shorter varchar, smaller numeric precision or scale, bigint to"
          + " integer, text to varchar(n), timestamp to date) fails on values that do not fit or silently"
          + " rounds/truncates them. Check the data first, or widen instead."),
  MF104(Severity.WARNING, "Type change with USING",
      "ALTER COLUMN TYPE ... USING converts every value with an expression that may fail on some rows,"
          + " aborting the migration after a long rewrite. Test the expression on the data first, or add a new"
          + " column, backfill it in batches and switch over (expand/contract)."),
  LK101(Severity.WARNING, "Index created without CONCURRENTLY",
      "CREATE INDEX takes a SHARE lock that blocks INSERT/UPDATE/DELETE on the table for the whole build. Use"
          + " CREATE INDEX CONCURRENTLY (in a migration marked -- sluice:no-transaction); it takes SHARE UPDATE"
          + " EXCLUSIVE and lets writes continue."),
  LK102(Severity.WARNING, "Index dropped without CONCURRENTLY",
      "DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table, blocking reads and writes while it waits"
          + " for running queries. Use DROP INDEX CONCURRENTLY (in a migration marked -- sluice:no-transaction)."),
  LK103(Severity.WARNING, "Foreign key added without NOT VALID",
      "ADD FOREIGN KEY checks every existing row while holding SHARE ROW EXCLUSIVE locks on both tables,"
          + " blocking writes. Add it with NOT VALID (instant, applies to new rows), then VALIDATE CONSTRAINT in a"
          + " separate migration (SHARE UPDATE EXCLUSIVE, writes continue)."),
  LK104(Severity.WARNING, "Check constraint added without NOT VALID",
      "ADD CHECK scans the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes. Add it with"
          + " NOT VALID, then VALIDATE CONSTRAINT in a separate migration (SHARE UPDATE EXCLUSIVE)."),
  LK105(Severity.WARNING, "Column added with a volatile default",
      "Since PostgreSQL 11 a constant or stable default (now(), a literal) is stored in the catalog and ADD"
          + " COLUMN is instant; a volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval/serial)"
          + ", an identity or a stored generated column rewrites the whole table under an ACCESS EXCLUSIVE lock."
          + " Add the column without default, set the default, backfill in batches. Functions the linter does not"
          + " know are reported as info (user functions are VOLATILE unless declared otherwise)."),
  LK106(Severity.WARNING, "Column type change rewrites the table",
      "ALTER COLUMN TYPE rewrites the table and rebuilds its indexes under an ACCESS EXCLUSIVE lock, except"
          + " for binary-compatible changes: varchar(n) to varchar(larger) or text, varchar to text, numeric(p,s)"
          + " to numeric(larger p, same s) or unconstrained numeric. Add a new column, backfill in batches and"
          + " switch over instead."),
  LK107(Severity.ERROR, "Locking statement without lock_timeout",
      "A statement that needs a lock blocking reads or writes (ACCESS EXCLUSIVE for most ALTER TABLE forms)"
          + " waits behind any long transaction, and every query on the table queues behind it: an outage. Start"
          + " the migration with SET lock_timeout = '5s' and retry on timeout. The Sluice migrator sets"
          + " lock_timeout itself, so generated migrations are linted with lockTimeoutRequired=false."),
  LK108(Severity.ERROR, "Non-transactional statement in a transactional migration",
      "CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH PARTITION CONCURRENTLY and VACUUM cannot run"
          + " inside a transaction block, and Sluice runs each migration in one unless its first lines say"
          + " -- sluice:no-transaction. Mark the file (and keep such statements in their own migration)."),
  LK109(Severity.WARNING, "Primary key added without USING INDEX",
      "ADD PRIMARY KEY builds its unique index (and checks NOT NULL) under an ACCESS EXCLUSIVE lock, blocking"
          + " reads and writes. Build it with CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT pk PRIMARY"
          + " KEY USING INDEX idx."),
  LK110(Severity.ERROR, "VACUUM FULL / CLUSTER",
      "VACUUM FULL and CLUSTER rewrite the whole table under an ACCESS EXCLUSIVE lock, blocking reads and"
          + " writes for as long as the copy takes. Use pg_repack / pg_squeeze online, outside migrations."),
  LK111(Severity.WARNING, "Materialized view refreshed without CONCURRENTLY",
      "REFRESH MATERIALIZED VIEW takes an ACCESS EXCLUSIVE lock: every read of the view blocks until the"
          + " refresh finishes. Use REFRESH MATERIALIZED VIEW CONCURRENTLY (needs a unique index on the view)."),
  BC101(Severity.WARNING, "Table renamed",
      "Application instances still running the old code query the old table name and fail as soon as the"
          + " rename commits. Create the new table or a view under the new name, switch code, then rename/drop"
          + " (expand/contract), or rename in the same release that stops using the old name with downtime."),
  BC102(Severity.WARNING, "Column renamed",
      "Running application code that reads or writes the old column name fails as soon as the rename commits."
          + " Add the new column, write both, backfill, switch reads, then drop the old one (expand/contract)."),
  BC103(Severity.WARNING, "Column or table of the previous schema dropped",
      "The previous schema (the last snapshot) has this column/table, so application code deployed against it"
          + " may still use it and fails once it is gone. Deploy code that no longer uses it before this"
          + " migration runs."),
  BC104(Severity.WARNING, "Enum value renamed",
      "ALTER TYPE ... RENAME VALUE changes what stored rows read back as; running code that writes or compares"
          + " the old label fails or silently stops matching. Add the new value, migrate rows, then stop using"
          + " the old one."),
  RL101(Severity.WARNING, "Row-level security policy filters on an unindexed column",
      "PostgreSQL evaluates a table's policy expressions for every row a query touches, so a policy that compares"
          + " a column (tenant, team, owner) with the current user's id turns every statement into a full scan once"
          + " the table grows. Add an index whose leading key is that column (Table.tenantColumn adds one).");

  private final Severity severity;
  private final String title;
  private final String explanation;

  LintRule(Severity severity, String title, String explanation) {
    this.severity = severity;
    this.title = title;
    this.explanation = explanation;
  }

  /**
   * Whether a finding of this rule describes the schema change itself rather than how the SQL carries
   * it out, so {@code sluice generate} may produce it: data deleted (DS), data that may not fit (MF),
   * a rewrite or a volatile fill the new definition requires (LK105, LK106), an index or key built
   * without CONCURRENTLY because the schema did not ask for a concurrent build (LK101, LK102, LK109),
   * and what breaks running code (BC). Generate reports these and leaves the decision to you (review,
   * {@code -- sluice:lint-ignore}, or a different change); {@code lint --strict} still fails on them.
   *
   * <p>The other rules (LK103, LK104, LK107, LK108, LK110, LK111) are about how a change is executed,
   * and generate's up migrations never trigger them: checks and foreign keys on existing tables are
   * added NOT VALID and validated in a following migration, files that need it get the no-transaction
   * marker, and the migrator sets lock_timeout. The exception is a down file re-adding a CHECK or
   * FOREIGN KEY (LK103, LK104): a down migration is one transaction so that it restores the previous
   * schema atomically, so it adds them valid.
   */
  public boolean inherentToChange() {
    return switch (this) {
      case LK103, LK104, LK107, LK108, LK110, LK111, RL101 -> false;
      default -> true;
    };
  }

  /** The stable code, e.g. {@code LK101}. */
  public String code() {
    return name();
  }

  /** Default severity of the rule's findings. */
  public Severity severity() {
    return severity;
  }

  public String title() {
    return title;
  }

  /** What the rule catches, why it is risky and the safe alternative. */
  public String explanation() {
    return explanation;
  }

  /** The rule with {@code code}; IllegalArgumentException naming the known codes otherwise. */
  public static LintRule byCode(String code) {
    for (LintRule r : values()) {
      if (r.name().equalsIgnoreCase(code)) return r;
    }
    throw new IllegalArgumentException("unknown lint rule code '" + code + "'; known codes: "
        + Arrays.toString(values()));
  }

  /** A Markdown table of every rule (code, severity, title, explanation), for the documentation. */
  public static String markdownTable() {
    StringBuilder sb = new StringBuilder("| Code | Severity | Rule | Why and what to do instead |\n|---|---|---|---|\n");
    for (LintRule r : values()) {
      sb.append("| ").append(r.code()).append(" | ").append(r.severity.label()).append(" | ").append(r.title)
          .append(" | ").append(r.explanation.replace("|", "\\|")).append(" |\n");
    }
    return sb.toString();
  }
}
