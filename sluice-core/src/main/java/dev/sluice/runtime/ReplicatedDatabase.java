package dev.sluice.runtime;

import dev.sluice.query.Cursor;
import dev.sluice.query.InsertRow;
import dev.sluice.query.QueryExecutor;
import dev.sluice.query.QueryFactory;
import dev.sluice.query.RowReader;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.sql.QueryPart;
import dev.sluice.sql.Rendered;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A primary and its read replicas behind one query factory ({@link Database#withReplicas}).
 *
 * <p>Where each call goes:
 * <ul>
 *   <li><b>Replica</b> (round robin; a replica whose connection fails is skipped for 5 s, and when no
 *       replica is usable the primary answers): queries fetched through this handle's {@link #executor()}
 *       whose SQL is a plain read, i.e. starts with {@code SELECT}, {@code WITH}, {@code VALUES},
 *       {@code TABLE} or {@code (} and contains none of the words {@code INSERT}, {@code UPDATE},
 *       {@code DELETE}, {@code MERGE}, {@code FOR SHARE}/{@code FOR KEY SHARE}, {@code nextval},
 *       {@code setval}. That covers {@code select(...)...fetch*()}, cursors, detached subqueries and
 *       anything else built on {@code executor().query/cursor}. Values are always bound, so the test
 *       runs on SQL made only of keywords and identifiers; an identifier that spells one of those words
 *       only sends the read to the primary.</li>
 *   <li><b>Primary</b>: every statement run with {@code execute()} (insert / update / delete / merge, DDL),
 *       DML with {@code RETURNING}, {@code SELECT ... FOR UPDATE/SHARE}, data-modifying CTEs,
 *       {@link #transaction transactions} (reads inside included), {@link #retrying}, {@link #batch},
 *       {@link #prepare prepared queries}, {@link #insertMany}/{@link #upsertMany}, and any read made
 *       through {@link #primary()}. Functions with side effects called from a plain SELECT (advisory
 *       locks, writes in a user function) must go through {@link #primary()}: the replica refuses them.</li>
 * </ul>
 *
 * <p>Read-your-writes: this handle itself keeps no state (safe to share; a read right after a write may
 * see the replica's lag). A {@link #session()} remembers its last write and sends its reads to the
 * primary for the {@link #withStickyWindow sticky window} (default 2 s) after it. Replica lag is not
 * measured: pick a window above the lag you expect.
 *
 * <p>Give replica pools a short {@code connectionTimeout} (HikariCP waits 30 s by default before a dead
 * replica counts as failed).
 */
public final class ReplicatedDatabase implements QueryFactory, AutoCloseable {
  static final Duration DEFAULT_STICKY_WINDOW = Duration.ofSeconds(2);
  private static final long FAILED_REPLICA_PAUSE_NANOS = Duration.ofSeconds(5).toNanos();
  private static final Pattern READ_START = Pattern.compile("^\\s*(?:\\(|(?i:SELECT|WITH|VALUES|TABLE)\\b)");
  private static final Pattern WRITE_WORD = Pattern.compile(
      "\\b(?:INSERT|UPDATE|DELETE|MERGE|NEXTVAL|SETVAL)\\b|\\bFOR\\s+(?:KEY\\s+)?SHARE\\b", Pattern.CASE_INSENSITIVE);

  private final Database primary;
  private final List<Database> replicas;
  private final long stickyNanos;
  private final Duration stickyWindow;
  private final AtomicInteger next;
  private final AtomicLongArray failedUntil;
  private final Routing shared;

  ReplicatedDatabase(Database primary, List<Database> replicas, Duration stickyWindow) {
    this(primary, replicas, stickyWindow, new AtomicInteger(), new AtomicLongArray(replicas.size()));
  }

  private ReplicatedDatabase(Database primary, List<Database> replicas, Duration stickyWindow, AtomicInteger next,
      AtomicLongArray failedUntil) {
    this.primary = Objects.requireNonNull(primary, "primary");
    this.replicas = List.copyOf(replicas);
    if (stickyWindow.isNegative()) throw new IllegalArgumentException("sticky window must not be negative");
    this.stickyWindow = stickyWindow;
    this.stickyNanos = stickyWindow.toNanos();
    this.next = next;
    this.failedUntil = failedUntil;
    this.shared = new Routing(null);
  }

  /** The same databases with another read-your-writes window for {@link #session() sessions}. */
  public ReplicatedDatabase withStickyWindow(Duration window) {
    return new ReplicatedDatabase(primary, replicas, window, next, failedUntil);
  }

  /** The read-your-writes window of sessions. */
  public Duration stickyWindow() {
    return stickyWindow;
  }

  /** The primary, for reads that must see the latest data or call functions with side effects. */
  public Database primary() {
    return primary;
  }

  /** The replicas, in round-robin order. */
  public List<Database> replicas() {
    return replicas;
  }

  /** Routes plain reads to a replica and everything else to the primary (see the class comment). */
  @Override
  public QueryExecutor executor() {
    return shared;
  }

  /**
   * A read-your-writes session: like this handle, but after any write through the session its reads go
   * to the primary for {@link #stickyWindow()}. Cheap; thread-safe, though meant for one unit of work.
   */
  public Session session() {
    return new Session();
  }

  /** A transaction on the primary (all its statements, reads included). */
  public <R> R transaction(TransactionCallback<R> body) {
    return primary.transaction(body);
  }

  /** A transaction on the primary with the given options. */
  public <R> R transaction(TransactionOptions options, TransactionCallback<R> body) {
    return primary.transaction(options, body);
  }

  /** {@link Database#retrying} on the primary. */
  public <R> R retrying(int maxAttempts, TransactionOptions options, TransactionCallback<R> body) {
    return primary.retrying(maxAttempts, options, body);
  }

  /** A prepared query on the primary (it may be a write; run prepared reads on a replica with {@code replicas().get(i)}). */
  public PreparedQuery prepare(QueryPart query) {
    return primary.prepare(query);
  }

  /** {@link Database#batch} on the primary. */
  public int[] batch(List<? extends QueryPart> statements) {
    return primary.batch(statements);
  }

  /** {@link Database#insertMany} on the primary. */
  public <E> long insertMany(Table<?> table, Iterable<? extends E> items, BiConsumer<? super InsertRow, ? super E> mapper) {
    return primary.insertMany(table, items, mapper);
  }

  /** {@link Database#upsertMany} on the primary. */
  public <E> long upsertMany(Table<?> table, Iterable<? extends E> items, BiConsumer<? super InsertRow, ? super E> mapper,
      Column<?>... conflictColumns) {
    return primary.upsertMany(table, items, mapper, conflictColumns);
  }

  /** Closes the primary and every replica. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (Database d : replicas) {
      try {
        d.close();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    primary.close();
    if (failure != null) throw failure;
  }

  /** Whether {@code sql} is a plain read that a replica can answer. */
  static boolean isPlainRead(String sql) {
    return READ_START.matcher(sql).find() && !WRITE_WORD.matcher(sql).find();
  }

  private static boolean isConnectionFailure(DataAccessException e) {
    String state = e.sqlState();
    if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
        || state.equals("57P03"))) {
      return true;
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException) return true;
    }
    return false;
  }

  /** Runs a read on the next usable replica, falling back to the next one and finally the primary. */
  private <R> R onReplica(Function<QueryExecutor, R> read) {
    int n = replicas.size();
    if (n > 0) {
      int start = Math.floorMod(next.getAndIncrement(), n);
      for (int k = 0; k < n; k++) {
        int i = (start + k) % n;
        long now = System.nanoTime();
        long until = failedUntil.get(i);
        if (until != 0 && now - until < 0) continue;
        try {
          return read.apply(replicas.get(i).executor());
        } catch (DataAccessException e) {
          if (!isConnectionFailure(e)) throw e;
          failedUntil.set(i, System.nanoTime() + FAILED_REPLICA_PAUSE_NANOS);
          JdbcExecutor.SQL_LOG.warn("replica {} failed ({}), skipping it for 5 s", i, e.getMessage());
        }
      }
    }
    return read.apply(primary.executor());
  }

  /** The executor of this handle (no session) or of one session. */
  private final class Routing implements QueryExecutor {
    private final Session session;

    Routing(Session session) {
      this.session = session;
    }

    private boolean sticky() {
      return session != null && session.sticky();
    }

    private void wrote() {
      if (session != null) session.wrote();
    }

    @Override
    public <R> List<R> query(Rendered sql, RowReader<R> reader) {
      boolean read = isPlainRead(sql.sql());
      if (read && !sticky()) return onReplica(ex -> ex.query(sql, reader));
      try {
        return primary.executor().query(sql, reader);
      } finally {
        if (!read) wrote();
      }
    }

    @Override
    public <R> Cursor<R> cursor(Rendered sql, RowReader<R> reader, int fetchSize) {
      boolean read = isPlainRead(sql.sql());
      if (read && !sticky()) return onReplica(ex -> ex.cursor(sql, reader, fetchSize));
      try {
        return primary.executor().cursor(sql, reader, fetchSize);
      } finally {
        if (!read) wrote();
      }
    }

    @Override
    public int execute(Rendered sql) {
      try {
        return primary.executor().execute(sql);
      } finally {
        wrote();
      }
    }
  }

  /**
   * A read-your-writes view of the replicated database: writes through it (statements, transactions,
   * batches, bulk inserts) make its reads go to the primary for the sticky window.
   */
  public final class Session implements QueryFactory {
    private final Routing routing = new Routing(this);
    private volatile long lastWrite;
    private volatile boolean hasWritten;

    private Session() {}

    void wrote() {
      lastWrite = System.nanoTime();
      hasWritten = true;
    }

    /** Whether reads go to the primary now: a write happened less than the sticky window ago. */
    public boolean sticky() {
      return hasWritten && System.nanoTime() - lastWrite < stickyNanos;
    }

    @Override
    public QueryExecutor executor() {
      return routing;
    }

    /** A transaction on the primary; counts as a write. */
    public <R> R transaction(TransactionCallback<R> body) {
      try {
        return primary.transaction(body);
      } finally {
        wrote();
      }
    }

    /** {@link Database#batch} on the primary; counts as a write. */
    public int[] batch(List<? extends QueryPart> statements) {
      try {
        return primary.batch(statements);
      } finally {
        wrote();
      }
    }

    /** {@link Database#insertMany} on the primary; counts as a write. */
    public <E> long insertMany(Table<?> table, Iterable<? extends E> items,
        BiConsumer<? super InsertRow, ? super E> mapper) {
      try {
        return primary.insertMany(table, items, mapper);
      } finally {
        wrote();
      }
    }

    /** {@link Database#upsertMany} on the primary; counts as a write. */
    public <E> long upsertMany(Table<?> table, Iterable<? extends E> items,
        BiConsumer<? super InsertRow, ? super E> mapper, Column<?>... conflictColumns) {
      try {
        return primary.upsertMany(table, items, mapper, conflictColumns);
      } finally {
        wrote();
      }
    }
  }
}
