package dev.sluice.kit.migrate;

import dev.sluice.kit.sql.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link MigrationFolder} to a database, safely when several processes start at once.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>One migrator at a time.</b> Every run takes a session-level advisory lock on a dedicated
 *       connection and holds it until the run ends; concurrent migrators (N replicas booting) wait,
 *       polling with {@code pg_try_advisory_lock} (see {@code acquire} for why not blocking), then
 *       read the history and find nothing to do. The lock belongs to the
 *       session, so a migrator that dies releases it with its connection. The work connection sets
 *       {@code client_connection_check_interval} (PostgreSQL 14+) so a statement of a killed
 *       migrator is cancelled (and its transaction rolled back) within a second instead of running on.
 *   <li><b>One transaction per migration</b>, with {@code SET LOCAL lock_timeout} (and
 *       {@code statement_timeout} when configured). A failing statement rolls the whole migration
 *       back, history is unchanged, and the {@link MigrationException} names file, line, statement and
 *       SQLSTATE.
 *   <li><b>No-transaction migrations</b> ({@value Migration#NO_TRANSACTION_MARKER}, or autodetected for
 *       {@code CREATE INDEX CONCURRENTLY} and friends) run statement by statement in autocommit. Such
 *       a migration cannot be rolled back, so it is recorded with {@code success = false} before it
 *       starts and marked successful at the end: if it fails or its process dies, every later run
 *       refuses (state {@link MigrationState#FAILED}) until someone fixes the database by hand (e.g.
 *       drops the INVALID index a failed {@code CREATE INDEX CONCURRENTLY} leaves) and calls
 *       {@link #repair()}, after which the migration runs again.
 *   <li><b>Nothing is applied on a folder that lies.</b> Before applying anything: the folder must
 *       match {@code sluice.sum}; an applied migration whose file changed (checksum) or vanished is
 *       refused; a pending migration numbered below the highest applied one (merged from another
 *       branch) is refused unless {@link MigratorOptions#allowOutOfOrder()}; never skipped.
 * </ul>
 *
 * <h2>Application connection pools and "cached plan must not change result type"</h2>
 * pgjdbc server-prepares a statement after {@code prepareThreshold} (5) executions. When a
 * migration then changes a table the statement reads (e.g. adds a column to a {@code select *}),
 * its next execution fails with SQLSTATE 0A000 "cached plan must not change result type". Pools of
 * the application should use the pgjdbc property {@code autosave=conservative}, which makes the
 * driver re-prepare and retry such a statement; {@code dev.sluice.runtime.Database.connect} sets it.
 * {@code MigratorLiveTest} checks an application pool keeps working across a migration.
 */
public final class Migrator {
  private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
  /** The advisory lock key: "sluice" in ASCII, plus 1. Advisory locks are per database. */
  static final long LOCK_KEY = 0x736c7569636501L;
  private static final int MAX_STATEMENT_IN_MESSAGE = 500;

  private final DataSource dataSource;
  private final MigrationFolder folder;
  private final MigratorOptions options;
  private final MigrationListener listener;
  private final Running running = new Running();

  /** The statement running now, for {@link #cancel()}. */
  private static final class Running {
    volatile Statement current;
    volatile boolean cancelled;
  }

  /**
   * A migrator on {@code dataSource}, which must give two connections at once (one holds the lock,
   * one runs migrations) to the database itself: not through a transaction-pooling proxy such as
   * PgBouncer in transaction mode, where session advisory locks and session settings do not hold.
   * Every locking run checks this first and refuses with a {@link MigrationException} naming
   * {@code --direct-url} when the two connections share server sessions.
   */
  public Migrator(DataSource dataSource, MigrationFolder folder) {
    this(dataSource, folder, MigratorOptions.DEFAULTS);
  }

  public Migrator(DataSource dataSource, MigrationFolder folder, MigratorOptions options) {
    this(dataSource, folder, options, MigrationListener.NONE);
  }

  private Migrator(DataSource dataSource, MigrationFolder folder, MigratorOptions options, MigrationListener listener) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.folder = Objects.requireNonNull(folder, "folder");
    this.options = Objects.requireNonNull(options, "options");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * A migrator connecting with plain (unpooled) connections to {@code url}: a
   * {@code jdbc:postgresql://} URL or a libpq-style {@code postgresql://user:password@host:port/db}.
   */
  public static Migrator connect(String url, MigrationFolder folder) {
    if ("true".equalsIgnoreCase(urlParam(url, "pgbouncer"))) {
      throw new MigrationException(POOLER_REFUSAL + " (the URL says pgbouncer=true)");
    }
    return new Migrator(dataSource(url), folder);
  }

  /** The same migrator with other options. */
  public Migrator withOptions(MigratorOptions options) {
    return new Migrator(dataSource, folder, options, listener);
  }

  /** The same migrator reporting progress to {@code listener}. */
  public Migrator withListener(MigrationListener listener) {
    return new Migrator(dataSource, folder, options, listener);
  }

  public MigratorOptions options() {
    return options;
  }

  public MigrationFolder folder() {
    return folder;
  }

  /** Applies every pending migration; returns those applied, in order (empty when up to date). */
  public List<Migration> migrate() {
    return migrate(Integer.MAX_VALUE);
  }

  /**
   * Applies pending migrations with a version up to and including {@code targetVersion}.
   *
   * @throws MigrationFolderException when the folder does not match {@code sluice.sum} (nothing applied)
   * @throws MigrationException when refused (changed or missing applied file, out-of-order migration,
   *     failed no-transaction migration; nothing applied) or when a statement fails (that migration
   *     rolled back; earlier ones of this run stay applied)
   */
  public List<Migration> migrate(int targetVersion) {
    return locked(work -> {
      List<Migration> pending = plan(work, history().read(work), targetVersion);
      requirePlaceholders(pending);
      long start = System.nanoTime();
      LOG.info("migrating {}: {} pending migration(s)", folder.dir(), pending.size());
      runCallbacks(work, "beforeMigrate", true);
      List<Migration> applied = new ArrayList<>();
      for (Migration m : pending) {
        if (running.cancelled) {
          throw new MigrationException("interrupted: " + applied.size() + " migration(s) applied, " + m.fileName()
              + " and later ones not started");
        }
        LOG.info("applying {}{}", m.fileName(), m.noTransaction() ? " (no transaction)" : "");
        listener.starting(m, false);
        long ms = m.noTransaction() ? applyOutsideTransaction(work, m) : applyInTransaction(work, m);
        LOG.info("applied {} in {} ms", m.fileName(), ms);
        listener.finished(m, false, ms);
        applied.add(m);
      }
      runCallbacks(work, "afterMigrate", true);
      LOG.info("migrate done: {} migration(s) applied in {} ms", applied.size(), elapsedMs(start));
      return applied;
    });
  }

  /**
   * The SQL {@link #migrate(int)} would run now, without running it (and without the history table
   * updates): callbacks and pending migrations in order, placeholders substituted, each under a
   * {@code -- file} comment. Refuses exactly as {@code migrate} would. Takes no lock.
   */
  public String dryRun(int targetVersion) {
    try (Connection c = open()) {
      List<History.Row> rows = history().exists(c) ? history().read(c) : List.of();
      List<Migration> pending = plan(c, rows, targetVersion);
      requirePlaceholders(pending);
      StringBuilder sb = new StringBuilder();
      appendCallbacks(sb, "beforeMigrate");
      for (Migration m : pending) {
        sb.append("-- ").append(m.fileName()).append(m.noTransaction() ? " (outside a transaction, statement by statement)"
            : " (in one transaction)").append('\n');
        if (!m.noTransaction()) appendCallbacks(sb, "beforeEachMigrate");
        sb.append(withNewline(substitute(m.fileName(), m.upSql())));
        if (!m.noTransaction()) appendCallbacks(sb, "afterEachMigrate");
      }
      appendCallbacks(sb, "afterMigrate");
      if (pending.isEmpty()) sb.append("-- no pending migration: the database is up to date\n");
      return sb.toString();
    } catch (SQLException e) {
      throw historyUnreadable(e);
    }
  }

  private void appendCallbacks(StringBuilder sb, String event) {
    folder.callbacks(event).forEach((file, sql) ->
        sb.append("-- callback ").append(file).append('\n').append(withNewline(substitute(file, sql))));
  }

  private static String withNewline(String sql) {
    return sql.endsWith("\n") ? sql : sql + "\n";
  }

  /**
   * Cancels a running {@link #migrate}: the statement running now is cancelled (its migration rolls
   * back, or, outside a transaction, is recorded as failed), and no further migration starts. The
   * {@code migrate} call then throws. Safe to call from any thread (e.g. a shutdown hook).
   */
  public void cancel() {
    running.cancelled = true;
    Statement st = running.current;
    if (st != null) {
      try {
        st.cancel();
      } catch (SQLException e) {
        LOG.warn("could not cancel the running statement: {}", e.getMessage());
      }
    }
  }

  /** Every migration of the folder and of the history, by version, with its state. Takes no lock. */
  public List<MigrationStatus> status() {
    try (Connection c = open()) {
      return status(c);
    } catch (SQLException e) {
      throw historyUnreadable(e);
    }
  }

  /**
   * {@link #status()} read on {@code c}, the caller's connection, inside whatever transaction it has open (for
   * example one that switched role with {@code SET LOCAL ROLE}); the connection is neither committed nor closed.
   */
  public List<MigrationStatus> status(Connection c) {
    List<Migration> files = folder.migrations();
    try {
      List<History.Row> rows = history().exists(c) ? history().read(c) : List.of();
      Map<Integer, Migration> byVersion = new HashMap<>();
      files.forEach(m -> byVersion.put(m.version(), m));
      Map<Integer, History.Row> applied = new HashMap<>();
      rows.forEach(r -> applied.put(r.version(), r));
      int maxApplied = rows.stream().mapToInt(History.Row::version).max().orElse(Integer.MIN_VALUE);
      List<MigrationStatus> out = new ArrayList<>();
      for (int v : new TreeSet<>(union(byVersion.keySet(), applied.keySet()))) {
        Migration m = byVersion.get(v);
        History.Row r = applied.get(v);
        if (r == null) {
          out.add(new MigrationStatus(v, m.name(), v < maxApplied ? MigrationState.OUT_OF_ORDER : MigrationState.PENDING, null));
          continue;
        }
        MigrationState state = !r.success() ? MigrationState.FAILED
            : m == null ? MigrationState.MISSING_FILE
            : !m.sha256().equals(r.sha256()) ? MigrationState.CHANGED
            : MigrationState.APPLIED;
        out.add(new MigrationStatus(v, m == null ? r.name() : m.name(), state, r.appliedAt()));
      }
      Map<String, History.RepeatableRow> ran = history().readRepeatables(c);
      for (Migration m : folder.repeatables()) {
        History.RepeatableRow r = ran.get(m.name());
        MigrationState state = r == null ? MigrationState.PENDING
            : r.sha256().equals(m.sha256()) ? MigrationState.APPLIED : MigrationState.OUTDATED;
        out.add(new MigrationStatus(m.version(), m.name(), state, r == null ? null : r.appliedAt()));
      }
      return out;
    } catch (SQLException e) {
      throw historyUnreadable(e);
    }
  }

  private static MigrationException historyUnreadable(SQLException e) {
    return new MigrationException("could not read migration history: " + e.getMessage(), null, 0, null, e.getSQLState(), e);
  }

  /**
   * Adopts a database that already has the schema of migrations up to {@code version}: records them
   * as applied without running them. Only for a database without sluice history.
   */
  public List<Migration> baseline(int version) {
    return locked(work -> {
      folder.requireConsistent();
      List<History.Row> rows = history().read(work);
      if (!rows.isEmpty()) {
        throw new MigrationException("cannot baseline: sluice.migrations already records " + rows.size()
            + " migration(s) (up to version " + rows.get(rows.size() - 1).version()
            + "); baseline only adopts a database that sluice never migrated");
      }
      List<Migration> files = folder.migrations();
      if (files.stream().noneMatch(m -> m.version() == version)) {
        throw new MigrationException("cannot baseline at version " + version + ": the folder " + folder.dir()
            + " has no migration with that version");
      }
      List<Migration> adopted = files.stream().filter(m -> m.version() <= version).toList();
      work.setAutoCommit(false);
      try {
        for (Migration m : adopted) history().insert(work, m, 0, options.installedBy(), true);
        work.commit();
      } catch (SQLException e) {
        rollbackQuietly(work);
        throw e;
      } finally {
        restoreAutoCommit(work);
      }
      LOG.info("baselined at version {} ({} migration(s) recorded as applied)", version, adopted.size());
      return adopted;
    });
  }

  /**
   * Undoes the last {@code n} applied migrations (in reverse order of application) with their
   * {@code .down.sql} files, each in its own transaction together with the deletion of its history
   * row. Everything is checked first: if one of them has no down file, nothing runs.
   */
  public List<Migration> down(int n) {
    if (n < 1) throw new IllegalArgumentException("down needs n >= 1, got " + n);
    return locked(work -> {
      folder.requireConsistent();
      Map<Integer, Migration> files = new HashMap<>();
      folder.migrations().forEach(m -> files.put(m.version(), m));
      List<History.Row> rows = history().readNewestFirst(work);
      refuseFailed(work, rows, folder.migrations());
      if (n > rows.size()) {
        throw new MigrationException("cannot undo " + n + " migration(s): only " + rows.size() + " applied");
      }
      List<Migration> targets = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      for (History.Row r : rows.subList(0, n)) {
        Migration m = files.get(r.version());
        if (m == null) problems.add(r.name() + ".sql: applied, but its files are gone from the folder");
        else if (!m.hasDown()) problems.add(m.downFileName() + ": missing; write it (the reverse of " + m.fileName() + ") to undo this migration");
        else if (m.downSql().equals(MigrationFolder.CUSTOM_DOWN_TEMPLATE)) {
          problems.add(m.downFileName() + ": still the empty template of generate --custom; write the reverse of "
              + m.fileName() + " in it to undo this migration");
        }
        else targets.add(m);
      }
      if (!problems.isEmpty()) {
        throw new MigrationException("cannot undo " + n + " migration(s); nothing was changed:\n  " + String.join("\n  ", problems));
      }
      for (Migration m : targets) {
        LOG.info("undoing {} with {}", m.fileName(), m.downFileName());
        listener.starting(m, true);
        long start = System.nanoTime();
        Migration down = Migration.of(m.version(), m.name() + ".down", m.downSql(), null);
        if (down.noTransaction()) {
          Map<Long, InvalidIndexes.Index> before = InvalidIndexes.all(work);
          try (Session s = session(work)) {
            runStatements(work, down, false);
          }
          List<InvalidIndexes.Index> left = InvalidIndexes.leftBy(work, down, before);
          if (!left.isEmpty()) {
            StringBuilder msg = new StringBuilder(down.fileName()).append(" left INVALID index(es); ").append(m.fileName())
                .append(" stays recorded as applied:");
            appendInvalid(msg, left);
            throw new MigrationException(msg.toString(), down.fileName(), 0, null, null, null);
          }
          history().delete(work, m.version());
        } else {
          inTransaction(work, down, () -> history().delete(work, m.version()));
        }
        listener.finished(m, true, elapsedMs(start));
      }
      return targets;
    });
  }

  /**
   * Deletes the history rows of failed no-transaction migrations, after the database was fixed by
   * hand, so that {@code migrate} runs them again. Returns how many rows were deleted.
   */
  public int repair() {
    return locked(work -> {
      int n = history().deleteFailed(work);
      LOG.info("repair: deleted {} failed migration record(s)", n);
      return n;
    });
  }

  /**
   * What {@link #repairAll()} would change now: failed records to delete, and applied migrations
   * whose file was edited after they ran (checksum to realign). Changes nothing; takes no lock.
   */
  public Repair repairPreview() {
    try (Connection c = open()) {
      return repairPlan(history().exists(c) ? history().read(c) : List.of());
    } catch (SQLException e) {
      throw historyUnreadable(e);
    }
  }

  /**
   * Repairs the history table, in one transaction: deletes the records of failed no-transaction
   * migrations (as {@link #repair()}) and sets the recorded checksum of every applied migration whose
   * file was deliberately edited since (e.g. a comment or formatting) to the file's, so
   * {@code migrate} accepts the folder again. The edited SQL is not run. Returns what it changed.
   */
  public Repair repairAll() {
    return locked(work -> {
      Repair r = repairPlan(history().read(work));
      work.setAutoCommit(false);
      try {
        if (!r.failedRemoved().isEmpty()) history().deleteFailed(work);
        for (Repair.Realigned a : r.realigned()) history().updateChecksum(work, a.version(), a.fileSha256());
        work.commit();
      } catch (SQLException e) {
        rollbackQuietly(work);
        throw e;
      } finally {
        restoreAutoCommit(work);
      }
      for (String f : r.failedRemoved()) LOG.info("repair: deleted the failed record of {}", f);
      for (Repair.Realigned a : r.realigned()) {
        LOG.info("repair: realigned the checksum of {} ({} -> {})", a.fileName(), a.recordedSha256(), a.fileSha256());
      }
      return r;
    });
  }

  private Repair repairPlan(List<History.Row> rows) {
    Map<Integer, Migration> files = new HashMap<>();
    folder.migrations().forEach(m -> files.put(m.version(), m));
    List<String> failed = new ArrayList<>();
    List<Repair.Realigned> realigned = new ArrayList<>();
    for (History.Row r : rows) {
      Migration m = files.get(r.version());
      if (!r.success()) failed.add(r.name() + ".sql");
      else if (m != null && !m.sha256().equals(r.sha256())) {
        realigned.add(new Repair.Realigned(r.version(), m.fileName(), r.sha256(), m.sha256()));
      }
    }
    return new Repair(failed, realigned);
  }

  // ---- planning

  /** Pending versioned migrations up to {@code targetVersion}, then the repeatable ones that are new or changed. */
  private List<Migration> plan(Connection work, List<History.Row> rows, int targetVersion) throws SQLException {
    folder.requireConsistent();
    List<Migration> files = folder.migrations();
    refuseFailed(work, rows, files);
    Map<Integer, History.Row> applied = new TreeMap<>();
    rows.forEach(r -> applied.put(r.version(), r));
    List<String> problems = new ArrayList<>();
    Map<Integer, Migration> byVersion = new HashMap<>();
    for (Migration m : files) byVersion.put(m.version(), m);
    for (History.Row r : rows) {
      Migration m = byVersion.get(r.version());
      if (m == null) {
        problems.add(r.name() + ".sql (version " + r.version() + ") was applied on " + r.appliedAt()
            + " but is missing from " + folder.dir() + "; restore it (an applied migration cannot be removed)");
      } else if (!m.sha256().equals(r.sha256())) {
        problems.add(m.fileName() + " was changed after it was applied on " + r.appliedAt() + " (recorded sha256 "
            + r.sha256() + ", file now " + m.sha256() + "); revert the edit and put the change in a new migration"
            + " (or, when the edit is deliberate and changes nothing already applied, accept it with sluice repair)");
      }
    }
    int maxApplied = rows.stream().mapToInt(History.Row::version).max().orElse(Integer.MIN_VALUE);
    List<Migration> pending = new ArrayList<>();
    for (Migration m : files) {
      if (applied.containsKey(m.version()) || m.version() > targetVersion) continue;
      if (m.version() < maxApplied && !options.allowOutOfOrder()) {
        problems.add(m.fileName() + " is pending but version " + m.version() + " is lower than the highest applied ("
            + applied.get(maxApplied).name() + ".sql); merged from another branch? Review it against the later migrations,"
            + " then apply it with allowOutOfOrder (--allow-out-of-order), or renumber it after the last one");
      }
      pending.add(m);
    }
    if (!problems.isEmpty()) {
      throw new MigrationException("migrate refused, nothing was applied:\n  " + String.join("\n  ", problems));
    }
    Map<String, History.RepeatableRow> ran = history().exists(work) ? history().readRepeatables(work) : Map.of();
    for (Migration r : folder.repeatables()) {
      History.RepeatableRow last = ran.get(r.name());
      if (last == null || !last.sha256().equals(r.sha256())) pending.add(r);
    }
    return pending;
  }

  /** Substitutes the placeholders of every file the run would execute, so a missing value refuses before anything runs. */
  private void requirePlaceholders(List<Migration> pending) {
    for (String event : CALLBACK_EVENTS) folder.callbacks(event).forEach(this::substitute);
    for (Migration m : pending) substitute(m.fileName(), m.upSql());
  }

  private static final List<String> CALLBACK_EVENTS = List.of("beforeMigrate", "beforeEachMigrate", "afterEachMigrate", "afterMigrate");

  private String substitute(String file, String sql) {
    return Placeholders.substitute(file, sql, options.placeholders());
  }

  private List<SqlStatement> statements(Migration m) {
    return dev.sluice.kit.sql.SqlScript.split(substitute(m.fileName(), m.upSql()));
  }

  /**
   * Runs the callbacks of {@code event}; {@code ownTransaction}: each file in a transaction of its
   * own (unless it needs none, e.g. VACUUM), else in the caller's (the migration's) transaction.
   */
  private void runCallbacks(Connection work, String event, boolean ownTransaction) throws SQLException {
    for (Map.Entry<String, String> cb : folder.callbacks(event).entrySet()) {
      String file = cb.getKey();
      LOG.info("running callback {}", file);
      List<SqlStatement> statements = dev.sluice.kit.sql.SqlScript.split(substitute(file, cb.getValue()));
      boolean tx = ownTransaction && !Migration.needsNoTransaction(statements) && !Migration.hasMarker(cb.getValue());
      if (tx) work.setAutoCommit(false);
      try {
        for (SqlStatement s : statements) {
          try (Statement st = work.createStatement()) {
            st.setEscapeProcessing(false);
            st.execute(s.text());
          } catch (SQLException e) {
            throw callbackFailed(file, s, e, ownTransaction);
          }
        }
        if (tx) work.commit();
      } catch (SQLException | RuntimeException e) {
        if (tx) rollbackQuietly(work);
        throw e;
      } finally {
        if (tx) restoreAutoCommit(work);
      }
    }
  }

  private static MigrationException callbackFailed(String file, SqlStatement s, SQLException e, boolean ownTransaction) {
    String serverMessage = e instanceof PSQLException p && p.getServerErrorMessage() != null
        ? p.getServerErrorMessage().getMessage() : e.getMessage();
    return new MigrationException("callback " + file + " failed at line " + s.line() + ": ERROR " + e.getSQLState() + ": "
        + serverMessage + "\n  statement (line " + s.line() + "):\n    " + s.text().replace("\n", "\n    ")
        + (ownTransaction ? "\n  the callback was rolled back; the migrate run stopped there"
            : "\n  the migration it ran with was rolled back: nothing of it was applied and sluice.migrations is unchanged"),
        file, s.line(), s.text(), e.getSQLState(), e);
  }

  /**
   * Refuses to go on while a no-transaction migration is recorded as failed; the message names every
   * INVALID index of the database (those the failed migrations' statements name first) with the
   * statement that drops it.
   */
  private static void refuseFailed(Connection work, List<History.Row> rows, List<Migration> files) throws SQLException {
    List<History.Row> failedRows = rows.stream().filter(r -> !r.success()).toList();
    if (failedRows.isEmpty()) return;
    List<String> failed = failedRows.stream().map(r -> r.name() + ".sql (started " + r.appliedAt() + ")").toList();
    Map<Long, InvalidIndexes.Index> invalid = new java.util.LinkedHashMap<>();
    for (History.Row r : failedRows) {
      for (Migration m : files) {
        if (m.version() != r.version()) continue;
        for (InvalidIndexes.Target t : InvalidIndexes.targets(m.upStatements())) {
          InvalidIndexes.Index i = InvalidIndexes.named(work, t);
          if (i != null) invalid.put(i.oid(), i);
        }
      }
    }
    InvalidIndexes.all(work).forEach(invalid::putIfAbsent);
    StringBuilder msg = new StringBuilder("refused: a migration that runs outside a transaction failed or was interrupted"
        + " and may be partly applied: " + String.join(", ", failed) + ". Fix the database by hand (finish or undo"
        + " what it did, e.g. drop an INVALID index), then run sluice repair (Migrator.repair()) and migrate again");
    appendInvalid(msg, invalid.values());
    throw new MigrationException(msg.toString());
  }

  private static void appendInvalid(StringBuilder msg, java.util.Collection<InvalidIndexes.Index> invalid) {
    for (InvalidIndexes.Index i : invalid) msg.append("\n  ").append(i.describe());
  }

  // ---- applying

  private long applyInTransaction(Connection work, Migration m) throws SQLException {
    long start = System.nanoTime();
    long[] ms = new long[1];
    inTransaction(work, m, () -> {
      ms[0] = elapsedMs(start);
      if (m.repeatable()) history().recordRepeatable(work, m, ms[0], options.installedBy());
      else history().insert(work, m, ms[0], options.installedBy(), true);
    });
    return ms[0];
  }

  private void inTransaction(Connection work, Migration m, SqlAction beforeCommit) throws SQLException {
    for (SqlStatement s : statements(m)) {
      String head = s.head(2);
      if (endsTransaction(s)) {
        throw new MigrationException(m.fileName() + " line " + s.line() + ": " + head + " in a migration; sluice runs each"
            + " migration in its own transaction. Remove it, or add " + Migration.NO_TRANSACTION_MARKER
            + " to run the file statement by statement", m.fileName(), s.line(), s.text(), null, null);
      }
    }
    work.setAutoCommit(false);
    try {
      setConfig(work, "lock_timeout", options.lockTimeout().toMillis() + "ms", true);
      if (options.statementTimeout() != null) {
        setConfig(work, "statement_timeout", options.statementTimeout().toMillis() + "ms", true);
      }
      long xid = currentXid(work);
      boolean down = m.name().endsWith(".down");
      if (!down) runCallbacks(work, "beforeEachMigrate", false);
      runStatements(work, m, true);
      if (!down) runCallbacks(work, "afterEachMigrate", false);
      beforeCommit.run();
      requireSameTransaction(work, m, xid);
      work.commit();
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(work);
      throw e;
    } finally {
      restoreAutoCommit(work);
    }
  }

  /**
   * Whether a statement begins, ends or prepares a transaction ({@code BEGIN}, {@code START TRANSACTION},
   * {@code COMMIT}, {@code END}, {@code ROLLBACK}, {@code ABORT}, {@code ... AND CHAIN},
   * {@code PREPARE TRANSACTION}, {@code COMMIT/ROLLBACK PREPARED}); {@code ROLLBACK TO [SAVEPOINT]} is
   * allowed.
   */
  static boolean endsTransaction(SqlStatement s) {
    String one = s.head(1);
    String two = s.head(2);
    if (two.equals("ROLLBACK TO")) return false;
    return one.equals("BEGIN") || one.equals("COMMIT") || one.equals("ROLLBACK") || one.equals("END") || one.equals("ABORT")
        || two.equals("START TRANSACTION") || two.equals("PREPARE TRANSACTION");
  }

  private static long currentXid(Connection work) throws SQLException {
    try (Statement st = work.createStatement(); ResultSet rs = st.executeQuery("select txid_current()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * The last check before COMMIT: the migration's statements and its history row are still in the one
   * transaction that began with it, and that transaction has not failed. A statement that ended the
   * transaction itself (however it slipped past {@link #endsTransaction}) or a failure that left it
   * aborted would otherwise let the history row commit alone, or let COMMIT answer ROLLBACK while JDBC
   * returns normally.
   */
  private static void requireSameTransaction(Connection work, Migration m, long xid) throws SQLException {
    long now;
    try {
      now = currentXid(work);
    } catch (SQLException e) {
      throw new MigrationException("migration " + m.fileName() + " was not recorded: its transaction is no longer usable ("
          + e.getSQLState() + ": " + e.getMessage() + "); it is rolled back and sluice.migrations is unchanged",
          m.fileName(), 0, null, e.getSQLState(), e);
    }
    if (now != xid) {
      throw new MigrationException("migration " + m.fileName() + " ended its own transaction (transaction " + xid
          + " is gone, now in " + now + "): a statement committed or rolled back; what it did before that may be committed,"
          + " the rest is rolled back and sluice.migrations is unchanged. Remove the transaction control statement",
          m.fileName(), 0, null, null, null);
    }
  }

  /** Back to autocommit without masking the exception in flight when the connection is broken. */
  private static void restoreAutoCommit(Connection work) {
    try {
      work.setAutoCommit(true);
    } catch (SQLException e) {
      LOG.warn("could not restore autocommit: {}", e.getMessage());
    }
  }

  /**
   * Runs a no-transaction migration statement by statement. Refused before it starts (nothing recorded)
   * when one of its {@code CREATE INDEX ... IF NOT EXISTS} would silently accept an existing INVALID
   * index. Recorded as failed when a statement fails or when, afterwards, an index it names (or any
   * index that became INVALID while it ran) is INVALID: a killed or failed {@code CREATE INDEX
   * CONCURRENTLY} never counts as applied.
   */
  private long applyOutsideTransaction(Connection work, Migration m) throws SQLException {
    List<String> accepted = InvalidIndexes.wouldBeAccepted(work, m);
    if (!accepted.isEmpty()) {
      throw new MigrationException("migrate refused, " + m.fileName() + " was not run:\n  " + String.join("\n  ", accepted),
          m.fileName(), 0, null, null, null);
    }
    Map<Long, InvalidIndexes.Index> before = InvalidIndexes.all(work);
    long start = System.nanoTime();
    if (m.repeatable()) {
      // not recorded until it succeeded: a failed or killed repeatable migration simply runs again next time
      runCallbacks(work, "beforeEachMigrate", true);
      try (Session s = session(work)) {
        runStatements(work, m, false);
      }
      runCallbacks(work, "afterEachMigrate", true);
      long ms = elapsedMs(start);
      history().recordRepeatable(work, m, ms, options.installedBy());
      return ms;
    }
    runCallbacks(work, "beforeEachMigrate", true);
    history().insert(work, m, 0, options.installedBy(), false); // a crash from here on leaves a FAILED record
    try (Session s = session(work)) {
      runStatements(work, m, false);
    } catch (MigrationException e) {
      MigrationException failure = e;
      try {
        List<InvalidIndexes.Index> left = InvalidIndexes.leftBy(work, m, before);
        if (!left.isEmpty()) {
          StringBuilder msg = new StringBuilder(e.getMessage()).append("\n  it left:");
          appendInvalid(msg, left);
          failure = new MigrationException(msg.toString(), e.file(), e.line(), e.statement(), e.sqlState(), e.getCause());
        }
      } catch (SQLException f) {
        failure.addSuppressed(f);
      }
      try {
        history().finish(work, m.version(), elapsedMs(start), false); // stays recorded as failed either way
      } catch (SQLException f) {
        failure.addSuppressed(f);
      }
      throw failure;
    }
    long ms = elapsedMs(start);
    List<InvalidIndexes.Index> left = InvalidIndexes.leftBy(work, m, before);
    if (!left.isEmpty()) {
      history().finish(work, m.version(), ms, false);
      StringBuilder msg = new StringBuilder("migration ").append(m.fileName()).append(" ran outside a transaction and left")
          .append(" INVALID index(es), so it is recorded as failed in sluice.migrations (an INVALID index is never used by")
          .append(" queries, and CREATE INDEX ... IF NOT EXISTS would accept it):");
      appendInvalid(msg, left);
      msg.append("\n  drop each one, then run sluice repair (Migrator.repair()) and migrate again");
      throw new MigrationException(msg.toString(), m.fileName(), 0, null, null, null);
    }
    history().finish(work, m.version(), ms, true);
    runCallbacks(work, "afterEachMigrate", true);
    return ms;
  }

  /** Session-level timeouts for a no-transaction migration, restored on close. */
  private Session session(Connection work) throws SQLException {
    String lock = currentSetting(work, "lock_timeout");
    String stmt = currentSetting(work, "statement_timeout");
    setConfig(work, "lock_timeout", options.lockTimeout().toMillis() + "ms", false);
    if (options.statementTimeout() != null) {
      setConfig(work, "statement_timeout", options.statementTimeout().toMillis() + "ms", false);
    }
    return () -> {
      setConfig(work, "lock_timeout", lock, false);
      setConfig(work, "statement_timeout", stmt, false);
    };
  }

  private void runStatements(Connection work, Migration m, boolean inTransaction) {
    for (SqlStatement s : statements(m)) {
      try (Statement st = work.createStatement()) {
        st.setEscapeProcessing(false);
        running.current = st;
        if (running.cancelled) {
          throw new MigrationException("migration " + m.fileName() + " interrupted before line " + s.line()
              + (inTransaction ? "; it was rolled back: nothing of it was applied and sluice.migrations is unchanged"
                  : "; it ran outside a transaction: the statements before this one stay applied and it is recorded as failed"),
              m.fileName(), s.line(), s.text(), "57014", null);
        }
        st.execute(s.text());
      } catch (SQLException e) {
        throw statementFailed(m, s, e, inTransaction);
      } finally {
        running.current = null;
      }
    }
  }

  private MigrationException statementFailed(Migration m, SqlStatement s, SQLException e, boolean inTransaction) {
    String file = m.fileName();
    int line = s.line();
    String serverMessage = e.getMessage();
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      ServerErrorMessage sem = p.getServerErrorMessage();
      serverMessage = sem.getMessage() + (sem.getDetail() == null ? "" : " (" + sem.getDetail() + ")");
      int pos = sem.getPosition();
      if (pos > 0 && pos <= s.text().length()) line += (int) s.text().substring(0, pos - 1).chars().filter(ch -> ch == '\n').count();
    }
    String state = e.getSQLState();
    String text = s.text().length() > MAX_STATEMENT_IN_MESSAGE ? s.text().substring(0, MAX_STATEMENT_IN_MESSAGE) + " ..." : s.text();
    StringBuilder msg = new StringBuilder("migration ").append(file).append(" failed at line ").append(line).append(": ")
        .append("ERROR ").append(state).append(": ").append(serverMessage).append("\n  statement (line ").append(s.line())
        .append("):\n    ").append(text.replace("\n", "\n    "));
    if (inTransaction) {
      msg.append("\n  the migration was rolled back: nothing of it was applied and sluice.migrations is unchanged");
    } else {
      msg.append("\n  it ran outside a transaction: the statements before this one stay applied. It is recorded as failed in"
          + " sluice.migrations; fix the database by hand, then run sluice repair and migrate again");
    }
    String hint = hint(state);
    if (hint != null) msg.append("\n  hint: ").append(hint);
    return new MigrationException(msg.toString(), file, line, s.text(), state, e);
  }

  private String hint(String sqlState) {
    if (sqlState == null) return null;
    switch (sqlState) {
      case "55P04":
        return "a new enum value cannot be used in the transaction that added it: use it in a later migration,"
            + " or add " + Migration.NO_TRANSACTION_MARKER + " to this file";
      case "25001":
        return "this statement cannot run inside a transaction block: add " + Migration.NO_TRANSACTION_MARKER + " to the file";
      case "55P03":
        return "lock_timeout (" + options.lockTimeout().toMillis() + "ms) expired waiting for a lock another session holds"
            + " (a long transaction?); retry when it is gone, or raise lockTimeout";
      case "57014":
        return "statement_timeout expired (or the statement was cancelled)";
      default:
        return null;
    }
  }

  // ---- locking and connections

  private interface SqlAction {
    void run() throws SQLException;
  }

  private interface Session extends AutoCloseable {
    @Override
    void close() throws SQLException;
  }

  private interface Body<R> {
    R run(Connection work) throws SQLException;
  }

  /** A connection, or a MigrationException that says the database could not be reached (and why). */
  private Connection open() {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new MigrationException("cannot connect to the database: " + dev.sluice.runtime.PgUrl.connectFailure(e),
          null, 0, null, e.getSQLState(), e);
    }
  }

  private <R> R locked(Body<R> body) {
    try (Connection lock = open()) {
      lock.setAutoCommit(true);
      boolean acquired = false;
      try (Connection work = dataSource.getConnection()) {
        work.setAutoCommit(true);
        refuseTransactionPooler(lock, work);
        acquire(lock);
        acquired = true;
        cancelWhenClientDies(work);
        history().ensure(work);
        return body.run(work);
      } finally {
        if (acquired) release(lock);
      }
    } catch (SQLException e) {
      throw new MigrationException("migration run failed: " + e.getMessage(), null, 0, null, e.getSQLState(), e);
    }
  }

  /**
   * Takes the advisory lock by polling {@code pg_try_advisory_lock} rather than blocking in
   * {@code pg_advisory_lock}: a migrator blocked inside a statement has an open snapshot, and
   * {@code CREATE INDEX CONCURRENTLY} of the migrator holding the lock waits for every older snapshot
   * to end, so the two would wait for each other until lock_timeout. Between polls a waiting session
   * is idle, holding nothing.
   */
  private void acquire(Connection lock) throws SQLException {
    long deadline = System.nanoTime() + options.lockWaitTimeout().toNanos();
    long sleepMs = 25;
    boolean logged = false;
    try (PreparedStatement ps = lock.prepareStatement("select pg_try_advisory_lock(?)")) {
      ps.setLong(1, LOCK_KEY);
      while (true) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) return;
        }
        if (System.nanoTime() > deadline) {
          throw new MigrationException("another migrator held the migration lock for more than " + options.lockWaitTimeout()
              + holder(lock) + "; is a migration stuck? (the lock is released when its session ends)");
        }
        if (!logged) {
          String holder = holder(lock);
          LOG.info("waiting for another migrator to finish{}", holder);
          listener.waitingForLock(holder.isEmpty() ? "" : holder.substring(2, holder.length() - 1));
          logged = true;
        }
        try {
          Thread.sleep(sleepMs + java.util.concurrent.ThreadLocalRandom.current().nextLong(sleepMs));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new MigrationException("interrupted while waiting for the migration lock");
        }
        sleepMs = Math.min(500, sleepMs * 2);
      }
    }
  }

  /** What the migrator says when it finds a transaction pooler between it and PostgreSQL. */
  static final String POOLER_REFUSAL = "migrations need a direct connection to PostgreSQL, not one through a"
      + " transaction pooler such as PgBouncer in pool_mode = transaction (the migration lock is a session"
      + " advisory lock, no-transaction migrations and session settings need one server session for the whole run):"
      + " pass the server's own address with --direct-url (or the system property sluice.migrate.url, or the"
      + " environment variable SLUICE_MIGRATE_URL) and keep the pooler's URL for the application";

  /**
   * Refuses to run through a transaction pooler, before taking any lock (a session lock taken through one
   * would stay on a pooled server session). Two client sessions of PostgreSQL itself (or of a session
   * pooler) never share a backend, and one client session keeps its backend: so while {@code work} holds
   * a transaction open, its backend pid must differ from {@code lock}'s, and {@code lock}'s must not change.
   * PgBouncer hands the most recently released server session to the next transaction, so the backend
   * {@code lock} just used goes to {@code work} and one of the two tests fails.
   */
  static void refuseTransactionPooler(Connection lock, Connection work) throws SQLException {
    int before = backendPid(lock);
    int during;
    int after;
    work.setAutoCommit(false);
    try {
      during = backendPid(work);
      after = backendPid(lock);
    } finally {
      rollbackQuietly(work);
      work.setAutoCommit(true);
    }
    if (during == before || after != before) {
      throw new MigrationException(POOLER_REFUSAL + " (backend pid " + before + " then " + after
          + " on one connection, " + during + " on the other)");
    }
  }

  private static int backendPid(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static String holder(Connection c) {
    try (PreparedStatement ps = c.prepareStatement("select a.pid, a.application_name, a.client_addr::text, a.backend_start"
        + " from pg_locks l join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' and l.granted"
        + " and l.database = (select oid from pg_database where datname = current_database())"
        + " and ((l.classid::bigint << 32) | l.objid::bigint) = ?")) {
      ps.setLong(1, LOCK_KEY);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return " (held by backend pid " + rs.getInt(1) + ", application '" + rs.getString(2) + "', client "
              + rs.getString(3) + ", connected since " + rs.getObject(4) + ")";
        }
      }
    } catch (SQLException ignored) {
      // best effort
    }
    return "";
  }

  private static void release(Connection lock) {
    try (PreparedStatement ps = lock.prepareStatement("select pg_advisory_unlock(?)")) {
      ps.setLong(1, LOCK_KEY);
      ps.execute();
    } catch (SQLException e) {
      LOG.warn("could not release the migration lock explicitly; it is released when the connection closes: {}", e.getMessage());
    }
  }

  /** PostgreSQL 14+: a killed migrator's running statement is cancelled within a second (else it runs on). */
  private static void cancelWhenClientDies(Connection work) {
    try {
      if (work.getMetaData().getDatabaseMajorVersion() >= 14) setConfig(work, "client_connection_check_interval", "1000", false);
    } catch (SQLException e) {
      LOG.debug("client_connection_check_interval not set: {}", e.getMessage());
    }
  }

  private static void setConfig(Connection c, String name, String value, boolean local) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select set_config(?, ?, ?)")) {
      ps.setString(1, name);
      ps.setString(2, value);
      ps.setBoolean(3, local);
      ps.execute();
    }
  }

  private static String currentSetting(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select current_setting(?)")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      LOG.warn("rollback failed: {}", e.getMessage());
    }
  }

  private static long elapsedMs(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
  }

  private static <T> java.util.Set<T> union(java.util.Set<T> a, java.util.Set<T> b) {
    java.util.Set<T> s = new java.util.HashSet<>(a);
    s.addAll(b);
    return s;
  }

  private static String urlParam(String url, String name) {
    int q = url.indexOf('?');
    if (q < 0) return null;
    for (String p : url.substring(q + 1).split("&")) {
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).equalsIgnoreCase(name)) return p.substring(eq + 1);
    }
    return null;
  }

  /** A DataSource for a {@code jdbc:postgresql://} or {@code postgresql://user:pw@host:port/db} URL. */
  static DataSource dataSource(String url) {
    dev.sluice.runtime.PgUrl pg = dev.sluice.runtime.PgUrl.parse(url);
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(pg.jdbcUrl());
    if (pg.user() != null) ds.setUser(pg.user());
    if (pg.password() != null) ds.setPassword(pg.password());
    // unnamed statements only: a migration runs few statements, and through a transaction pooler named ones
    // collide on shared server sessions before refuseTransactionPooler can say what is wrong
    if (!pg.jdbcUrl().toLowerCase(java.util.Locale.ROOT).contains("preparethreshold=")) ds.setPrepareThreshold(0);
    if (ds.getApplicationName() == null || ds.getApplicationName().equals("PostgreSQL JDBC Driver")) {
      ds.setApplicationName("sluice migrate");
    }
    return ds;
  }

  private History history() {
    return new History(options.historyTable());
  }

  @Override
  public String toString() {
    return "Migrator[" + folder.dir() + ", " + options + "]";
  }

}
