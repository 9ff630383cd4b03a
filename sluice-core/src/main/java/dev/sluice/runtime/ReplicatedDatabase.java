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
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A primary and its read replicas behind one query factory ({@link Database#withReplicas}).
 *
 * <p>Where each call goes:
 * <ul>
 *   <li><b>Replica</b> (round robin over the replicas that are up; when none is usable the primary
 *       answers): queries fetched through this handle's {@link #executor()}
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
 * <p><b>Replica health.</b> Each replica has a daemon thread ({@code sluice-replica-health-N}, stopped by
 * {@link #close()}) that probes it every 500 ms with {@code select pg_last_wal_replay_lsn()} on a
 * connection of its own with 2 s connect/login/socket timeouts. Readers never probe: a replica whose
 * probe failed, or on which a reader's connection failed (SQLSTATE 08xxx, 57P01-57P03, pool timeout), is
 * skipped by every reader at once (the failed read is retried on the next replica, then the primary)
 * until a probe that started after the failure succeeds. Only the reads already waiting on a replica
 * when it dies wait, for at most its pool's {@code connectionTimeout}: build replica pools with
 * {@link #connectReplica(String)} (2 s connection timeout, 2 s pgjdbc {@code connectTimeout}, and a pool
 * that starts even while the replica is down), or give your own pools a short {@code connectionTimeout}.
 *
 * <p><b>Read-your-writes, by WAL position.</b> This handle itself keeps no state (safe to share; a read
 * right after a write may see the replica's lag). A {@link #session()} records, after each of its writes
 * has finished (auto-commit statement, committed transaction, batch, bulk insert), the primary's
 * {@code pg_current_wal_insert_lsn()}; its plain reads then go only to a replica whose replay position
 * ({@code pg_last_wal_replay_lsn()}, as last probed) has reached that position, and otherwise to the
 * primary (asking the replica's health thread for a fresh probe, so reads return to the replica within
 * milliseconds of it catching up). Why the insert position: it is read after the write returned, so it
 * is at or past the end of the write's commit record whatever {@code synchronous_commit} says, whereas
 * {@code pg_current_wal_lsn()} (the write position) can still be behind an asynchronously committed
 * record that is not yet written out. It may be a little past the commit (other sessions' WAL, or a
 * page header when the record ended on a page boundary): then the session reads from the primary a
 * little longer, never from a replica that has not replayed its write. When that position cannot be
 * read (the primary is down) the session reads from the primary for the rest of its life. No clock is
 * involved: a replica paused or lagging by minutes is simply not used by the session. The cached
 * position only picks a replica: a session read after a write first asks {@code pg_last_wal_replay_lsn()}
 * on the very connection it then reads on (one short extra query), and goes to the next replica or the
 * primary when that is behind, so even a replica that restarted since its last probe cannot serve the
 * session a stale row.
 */
public final class ReplicatedDatabase implements QueryFactory, AutoCloseable {
  static final Duration DEFAULT_STICKY_WINDOW = Duration.ofSeconds(2);
  /** The HikariCP {@code connectionTimeout} {@link #connectReplica} gives replica pools. */
  static final long REPLICA_CONNECTION_TIMEOUT_MS = 2_000;
  private static final Logger LOG = LoggerFactory.getLogger(ReplicatedDatabase.class);
  private static final Pattern READ_START = Pattern.compile("^\\s*(?:\\(|(?i:SELECT|WITH|VALUES|TABLE)\\b)");
  private static final Pattern WRITE_WORD = Pattern.compile(
      "\\b(?:INSERT|UPDATE|DELETE|MERGE|NEXTVAL|SETVAL)\\b|\\bFOR\\s+(?:KEY\\s+)?SHARE\\b", Pattern.CASE_INSENSITIVE);

  private final Database primary;
  private final List<Database> replicas;
  private final Duration stickyWindow;
  private final AtomicInteger next;
  private final List<ReplicaHealth> health;
  private final Routing shared;

  ReplicatedDatabase(Database primary, List<Database> replicas, Duration stickyWindow) {
    this(primary, replicas, stickyWindow, new AtomicInteger(), startHealthChecks(replicas));
  }

  private ReplicatedDatabase(Database primary, List<Database> replicas, Duration stickyWindow, AtomicInteger next,
      List<ReplicaHealth> health) {
    this.primary = Objects.requireNonNull(primary, "primary");
    this.replicas = List.copyOf(replicas);
    if (stickyWindow.isNegative()) throw new IllegalArgumentException("sticky window must not be negative");
    this.stickyWindow = stickyWindow;
    this.next = next;
    this.health = health;
    this.shared = new Routing(null);
  }

  private static List<ReplicaHealth> startHealthChecks(List<Database> replicas) {
    List<ReplicaHealth> out = new ArrayList<>();
    for (int i = 0; i < replicas.size(); i++) {
      Database r = replicas.get(i);
      if (r.dataSource() instanceof HikariDataSource h && h.getConnectionTimeout() > 5_000) {
        LOG.warn("replica {} has a pool connectionTimeout of {} ms: the reads waiting on it when it dies wait that long;"
            + " build it with ReplicatedDatabase.connectReplica(url) or set connectionTimeout to about 2 s", i,
            h.getConnectionTimeout());
      }
      ReplicaHealth h = new ReplicaHealth(i, r);
      h.start();
      out.add(h);
    }
    return List.copyOf(out);
  }

  /**
   * A pool for a read replica with settings fit for failing fast: HikariCP {@code connectionTimeout}
   * {@value #REPLICA_CONNECTION_TIMEOUT_MS} ms, {@code validationTimeout} 1 s, pgjdbc {@code connectTimeout}
   * 2 s, and {@code initializationFailTimeout = -1} (the pool is created even while the replica is down;
   * the health check sends reads elsewhere meanwhile). No socket timeout: long reads stay allowed.
   */
  public static Database connectReplica(String url) {
    return connectReplica(url, c -> {});
  }

  /** {@link #connectReplica(String)}, then {@code configure} may change any setting. */
  public static Database connectReplica(String url, Consumer<HikariConfig> configure) {
    return Database.connect(url, c -> {
      c.setPoolName("sluice-replica");
      c.setConnectionTimeout(REPLICA_CONNECTION_TIMEOUT_MS);
      c.setValidationTimeout(1_000);
      c.setInitializationFailTimeout(-1);
      c.addDataSourceProperty("connectTimeout", String.valueOf(REPLICA_CONNECTION_TIMEOUT_MS / 1000));
      configure.accept(c);
    });
  }

  /**
   * {@link Database#withReplicas} for a primary URL ({@link Database#connect(String)}) and replica URLs
   * ({@link #connectReplica(String)}).
   */
  public static ReplicatedDatabase connect(String primaryUrl, String... replicaUrls) {
    Database primary = Database.connect(primaryUrl);
    List<Database> replicas = new ArrayList<>();
    try {
      for (String url : replicaUrls) replicas.add(connectReplica(url));
    } catch (RuntimeException e) {
      replicas.forEach(Database::close);
      primary.close();
      throw e;
    }
    return new ReplicatedDatabase(primary, replicas, DEFAULT_STICKY_WINDOW);
  }

  /**
   * The same databases (sharing health checks) with another value for the former read-your-writes
   * window.
   *
   * @deprecated sessions no longer read from the primary for a time window: they follow the WAL position
   *     of their writes (see the class comment), which is correct whatever the lag; the window is kept
   *     only for compatibility and has no effect.
   */
  @Deprecated
  public ReplicatedDatabase withStickyWindow(Duration window) {
    return new ReplicatedDatabase(primary, replicas, window, next, health);
  }

  /**
   * The value given to {@link #withStickyWindow}.
   *
   * @deprecated has no effect; see {@link #withStickyWindow}.
   */
  @Deprecated
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

  /** The health state of replica {@code i} (for tests in this package). */
  ReplicaHealth healthOf(int i) {
    return health.get(i);
  }

  /** Routes plain reads to a replica and everything else to the primary (see the class comment). */
  @Override
  public QueryExecutor executor() {
    return shared;
  }

  /**
   * A read-your-writes session: like this handle, but after any write through the session its reads go
   * only to a replica that has replayed that write, else to the primary (see the class comment). Cheap;
   * thread-safe, though meant for one unit of work.
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

  /** Stops the health checks, closes every replica, then the primary. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (ReplicaHealth h : health) h.close();
    for (Database d : replicas) {
      try {
        d.close();
      } catch (RuntimeException e) {
        if (failure == null) failure = e;
        else failure.addSuppressed(e);
      }
    }
    try {
      primary.close();
    } catch (RuntimeException e) {
      if (failure == null) failure = e;
      else failure.addSuppressed(e);
    }
    if (failure != null) throw failure;
  }

  /** Whether {@code sql} is a plain read that a replica can answer. */
  static boolean isPlainRead(String sql) {
    return READ_START.matcher(sql).find() && !WRITE_WORD.matcher(sql).find();
  }

  private static boolean isConnectionFailure(DataAccessException e) {
    if (e instanceof PoolTimeoutException) return true;
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

  /**
   * Whether some replica that is up was last seen at or past {@code lsn}: a read needing {@code lsn}
   * can go to a replica.
   */
  private boolean someReplicaReached(long lsn) {
    for (ReplicaHealth h : health) if (h.up() && h.replayLsn() >= lsn) return true;
    return false;
  }

  /**
   * Runs a read on the next replica that is up and has replayed {@code requiredLsn} (0: any), falling
   * back to the next one and finally the primary. Never waits on a replica known to be down; a replica
   * whose connection fails is marked down for every reader and the read moves on.
   */
  private <R> R onReplica(long requiredLsn, Function<QueryExecutor, R> read) {
    int n = replicas.size();
    if (n > 0 && requiredLsn != Long.MAX_VALUE) {
      int start = Math.floorMod(next.getAndIncrement(), n);
      for (int k = 0; k < n; k++) {
        int i = (start + k) % n;
        ReplicaHealth h = health.get(i);
        if (!h.up()) continue;
        if (requiredLsn > 0 && h.replayLsn() < requiredLsn) {
          h.refreshSoon();
          continue;
        }
        try {
          return read.apply(requiredLsn > 0 ? verifying(i, requiredLsn) : replicas.get(i).executor());
        } catch (NotReplayed e) {
          h.observed(e.lsn);
          h.refreshSoon();
        } catch (DataAccessException e) {
          if (!isConnectionFailure(e)) throw e;
          h.markDown(e);
        }
      }
    }
    return read.apply(primary.executor());
  }

  /**
   * Replica {@code i}'s executor for a read that must see {@code requiredLsn}: the connection it borrows
   * is first asked {@code pg_last_wal_replay_lsn()}, and when that is behind the read does not run there
   * ({@link NotReplayed}). The cached position only picks the replica; this check on the very connection
   * that reads is what makes the read never stale, even right after a replica restarted. One short extra
   * query, only for reads of a session after it wrote.
   */
  private QueryExecutor verifying(int i, long requiredLsn) {
    DataSource ds = replicas.get(i).dataSource();
    return new JdbcExecutor(new JdbcExecutor.ConnectionSource() {
      @Override
      public Connection acquire() throws SQLException {
        Connection c = ds.getConnection();
        try {
          long lsn = ReplicaHealth.replayLsnOn(c, false);
          if (lsn < requiredLsn) throw new NotReplayed(lsn);
          return c;
        } catch (SQLException | RuntimeException e) {
          try {
            c.close();
          } catch (SQLException s) {
            e.addSuppressed(s);
          }
          throw e;
        }
      }

      @Override
      public void release(Connection c) throws SQLException {
        c.close();
      }
    });
  }

  /** The replica a session read was sent to has not replayed the session's last write yet. */
  private static final class NotReplayed extends RuntimeException {
    final long lsn;

    NotReplayed(long lsn) {
      super("replica replayed only up to " + Lsn.format(lsn), null, false, false);
      this.lsn = lsn;
    }
  }

  /**
   * The primary's WAL insert position now, read after a write returned (see the class comment for why
   * the insert position); {@code Long.MAX_VALUE} when it cannot be read, so the session's reads stay on
   * the primary.
   */
  private long primaryInsertLsn() {
    try (Connection c = primary.dataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select pg_current_wal_insert_lsn()::text")) {
      rs.next();
      long lsn = Lsn.parse(rs.getString(1));
      return lsn < 0 ? Long.MAX_VALUE : lsn;
    } catch (SQLException | RuntimeException e) {
      LOG.warn("could not read the primary's WAL position after a session's write ({}); this session reads from the"
          + " primary from now on", e.getMessage());
      return Long.MAX_VALUE;
    }
  }

  /** The executor of this handle (no session) or of one session. */
  private final class Routing implements QueryExecutor {
    private final Session session;

    Routing(Session session) {
      this.session = session;
    }

    private long requiredLsn() {
      return session == null ? 0 : session.requiredLsn.get();
    }

    private void wrote() {
      if (session != null) session.wrote();
    }

    @Override
    public <R> List<R> query(Rendered sql, RowReader<R> reader) {
      boolean read = isPlainRead(sql.sql());
      if (read) return onReplica(requiredLsn(), ex -> ex.query(sql, reader));
      try {
        return primary.executor().query(sql, reader);
      } finally {
        wrote();
      }
    }

    @Override
    public <R> Cursor<R> cursor(Rendered sql, RowReader<R> reader, int fetchSize) {
      boolean read = isPlainRead(sql.sql());
      if (read) return onReplica(requiredLsn(), ex -> ex.cursor(sql, reader, fetchSize));
      if (session == null) return primary.executor().cursor(sql, reader, fetchSize);
      Cursor<R> cursor;
      try {
        cursor = primary.executor().cursor(sql, reader, fetchSize);
      } catch (RuntimeException e) {
        wrote();
        throw e;
      }
      // a writing cursor outside a transaction commits when it is closed: the position is read then
      return new WritingCursor<>(cursor, session);
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

  /** A cursor on the primary whose statement writes: its session records the position on close. */
  private static final class WritingCursor<R> implements Cursor<R> {
    private final Cursor<R> delegate;
    private final Session session;
    private boolean closed;

    WritingCursor(Cursor<R> delegate, Session session) {
      this.delegate = delegate;
      this.session = session;
    }

    @Override
    public boolean hasNext() {
      return delegate.hasNext();
    }

    @Override
    public R next() {
      return delegate.next();
    }

    @Override
    public Stream<R> stream() {
      return delegate.stream().onClose(this::close);
    }

    @Override
    public void close() {
      try {
        delegate.close();
      } finally {
        if (!closed) {
          closed = true;
          session.wrote();
        }
      }
    }
  }

  /**
   * A read-your-writes view of the replicated database: after each write through it (statements,
   * transactions, batches, bulk inserts) it records the primary's WAL position, and its plain reads go
   * only to a replica that has replayed up to there, else to the primary.
   */
  public final class Session implements QueryFactory {
    private final Routing routing = new Routing(this);
    /** 0 before any write; {@code Long.MAX_VALUE} when a position could not be read (primary only). */
    private final AtomicLong requiredLsn = new AtomicLong();

    private Session() {}

    void wrote() {
      long lsn = primaryInsertLsn();
      requiredLsn.accumulateAndGet(lsn, Math::max);
    }

    /**
     * Whether this session's reads go to the primary now: it wrote, and no replica that is up was seen
     * to have replayed its last write yet.
     */
    public boolean sticky() {
      long lsn = requiredLsn.get();
      return lsn != 0 && (lsn == Long.MAX_VALUE || !someReplicaReached(lsn));
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
