package dev.sluice.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.query.QueryExecutor;
import dev.sluice.query.QueryFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The entry point at runtime: a connection pool (HikariCP) plus the query DSL bound to it. Each
 * statement built from the database runs on its own pooled connection in autocommit; group
 * statements with {@link #transaction}.
 *
 * <pre>{@code
 * try (Database db = Database.connect("postgresql://app@localhost/app")) {
 *   List<UserSummary> rows = db.select(USERS.id, USERS.email).from(USERS).fetch(UserSummary::new);
 * }
 * }</pre>
 */
public final class Database implements QueryFactory, AutoCloseable, BulkWrites {
  private final DataSource dataSource;
  private final HikariDataSource ownedPool;
  private final JdbcExecutor executor;
  private final ExternalTransactions external;

  private Database(DataSource dataSource, HikariDataSource ownedPool) {
    this(dataSource, ownedPool, null);
  }

  private Database(DataSource dataSource, HikariDataSource ownedPool, ExternalTransactions external) {
    this(dataSource, ownedPool, external, null);
  }

  private Database(DataSource dataSource, HikariDataSource ownedPool, ExternalTransactions external, StatementObserver observer) {
    this.dataSource = dataSource;
    this.ownedPool = ownedPool;
    this.external = external;
    this.executor = new JdbcExecutor(new JdbcExecutor.ConnectionSource() {
      @Override
      public Connection acquire() throws SQLException {
        return borrowOrThrow();
      }

      @Override
      public void release(Connection c) throws SQLException {
        c.close();
      }
    }, observer);
  }

  /**
   * Connects with a HikariCP pool. Accepts {@code jdbc:postgresql://...} and libpq-style
   * {@code postgresql://user:password@host:port/db} URLs.
   */
  public static Database connect(String url) {
    return connect(url, c -> {});
  }

  /**
   * Connects with a HikariCP pool, letting the caller adjust its configuration (pool size...). Every
   * connection goes back to the pool with its session reset (role, settings, temporary tables, cursors,
   * LISTENs, advisory locks; one round trip per checkout, prepared statements kept): see
   * {@code SessionResettingDataSource}. {@link #dataSource()} unwraps to the {@code HikariDataSource}.
   * Behind a transaction pooler, say so: {@code Database.connect(url, o -> o.pgBouncer(true))} (or
   * {@code ?pgbouncer=true} in the URL); see {@link PoolConfig#pgBouncer(boolean)}.
   */
  public static Database connect(String url, Consumer<? super PoolConfig> configure) {
    PoolConfig config = new PoolConfig();
    String bare = withoutParam(url, "pgbouncer");
    String flag = paramValue(url, "pgbouncer");
    if (flag != null) {
      if (!flag.equalsIgnoreCase("true") && !flag.equalsIgnoreCase("false")) {
        throw new IllegalArgumentException("pgbouncer must be true or false in " + PgUrl.redact(url));
      }
      config.pgBouncer(Boolean.parseBoolean(flag));
    }
    applyUrl(config, bare);
    config.setPoolName("sluice");
    config.setMaximumPoolSize(Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
    config.setAutoCommit(true);
    // after DDL, a cached plan for a changed table fails with "cached plan must not change result type";
    // pgjdbc re-prepares on that error when autosave is conservative (see README: migrations & pools)
    config.addDataSourceProperty("autosave", "conservative");
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    configure.accept(config);
    if (config.isPgBouncer()) {
      // no named server-side statements: the next transaction may run on another server session
      config.addDataSourceProperty("prepareThreshold", "0");
    }
    HikariDataSource pool = new HikariDataSource(config);
    if (config.isPgBouncer()) {
      // a reset sent outside a transaction would reach an arbitrary server session (see PoolConfig)
      return new Database(pool, pool);
    }
    // session state a statement leaves (set_config, SET ROLE, temp tables...) must not reach the next borrower
    return new Database(new SessionResettingDataSource(pool), pool);
  }

  /** The value of query parameter {@code name} of {@code url}, or null. */
  static String paramValue(String url, String name) {
    int q = url.indexOf('?');
    if (q < 0) return null;
    for (String p : url.substring(q + 1).split("&")) {
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).equalsIgnoreCase(name)) return p.substring(eq + 1);
    }
    return null;
  }

  /** {@code url} without query parameter {@code name}. */
  static String withoutParam(String url, String name) {
    int q = url.indexOf('?');
    if (q < 0) return url;
    java.util.List<String> kept = new java.util.ArrayList<>();
    for (String p : url.substring(q + 1).split("&")) {
      int eq = p.indexOf('=');
      String key = eq < 0 ? p : p.substring(0, eq);
      if (!key.equalsIgnoreCase(name) && !p.isEmpty()) kept.add(p);
    }
    return url.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
  }

  /**
   * Uses an existing DataSource (not closed by {@link #close()}). Its connections go back to it as
   * they are: resetting session state between borrowers is then that pool's job (or use
   * {@link #connect}).
   */
  public static Database of(DataSource dataSource) {
    return new Database(dataSource, null);
  }

  /**
   * Uses an existing DataSource (not closed by {@link #close()}) whose connections may belong to
   * transactions managed outside Sluice: while {@code external} reports one on the calling thread,
   * statements run in it, and {@link #transaction} runs its body as a savepoint inside it (a failure
   * rolls back to the savepoint and is rethrown; the external manager commits or rolls back the
   * whole); isolation and access mode cannot be changed there and are refused. A {@link TenantScope}
   * restores the role and claims it found when its body ends. Outside such a transaction this is
   * {@link #of(DataSource)}.
   */
  public static Database of(DataSource dataSource, ExternalTransactions external) {
    return new Database(dataSource, null, java.util.Objects.requireNonNull(external, "external"));
  }

  /**
   * This database (same pool, same external transactions) with every statement reported to
   * {@code observer}, in transactions and tenant scopes too. Closing either closes the pool when
   * {@link #connect} created it.
   */
  public Database observedBy(StatementObserver observer) {
    return new Database(dataSource, ownedPool, external, java.util.Objects.requireNonNull(observer, "observer"));
  }

  StatementObserver observer() {
    return executor.observer();
  }

  /** True when {@link #transaction} would join a transaction managed outside Sluice (see {@link #of(DataSource, ExternalTransactions)}). */
  public boolean inExternalTransaction() {
    return external != null && external.inTransaction();
  }

  /** Sets the JDBC URL and credentials from a libpq-style or JDBC URL. */
  static void applyUrl(HikariConfig config, String url) {
    PgUrl pg = PgUrl.parse(url);
    config.setJdbcUrl(pg.jdbcUrl());
    if (pg.user() != null) config.setUsername(pg.user());
    if (pg.password() != null) config.setPassword(pg.password());
  }

  @Override
  public QueryExecutor executor() {
    return executor;
  }

  /**
   * Renders {@code query} once for running many times with different values for its
   * {@link dev.sluice.query.Placeholder}s; see {@link PreparedQuery}.
   */
  public PreparedQuery prepare(dev.sluice.sql.QueryPart query) {
    return PreparedQuery.prepare(executor, query);
  }

  /**
   * Runs statements as JDBC batches, one round trip per run of consecutive statements with the same
   * SQL text (order is kept; sort by shape for one round trip per shape). Outside a transaction the
   * batch is atomic. Returns each statement's update count, in order.
   */
  public int[] batch(java.util.List<? extends dev.sluice.sql.QueryPart> statements) {
    return executor.batch(statements.stream().map(dev.sluice.sql.QueryPart::render).toList());
  }

  /** The DataSource statements run on. */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Runs {@code body} in a transaction: committed when it returns, rolled back when it throws.
   *
   * <p>A statement that fails inside the transaction dooms it, even when the body catches the
   * exception: the transaction is then rolled back and this throws a {@link TransactionAbortedException}
   * whose cause is the first failure. To recover from an expected failure, run it in a nested
   * {@link Transaction#transaction} (a savepoint). After {@link Transaction#setRollbackOnly()} the
   * transaction rolls back and this returns the body's result. A connection lost during COMMIT throws
   * {@link CommitOutcomeUnknownException} (it may have committed); other failures keep their SQLSTATE
   * and statement, with cleanup failures added as suppressed exceptions.
   */
  public <R> R transaction(TransactionCallback<R> body) {
    return transaction(TransactionOptions.DEFAULT, body);
  }

  /** Runs {@code body} in a transaction with the given isolation level / access mode; see {@link #transaction(TransactionCallback)}. */
  public <R> R transaction(TransactionOptions options, TransactionCallback<R> body) {
    if (inExternalTransaction()) return TransactionRunner.joinExternal(borrow(), options, body, observer());
    return TransactionRunner.run(borrow(), options, body, observer());
  }

  /** {@link #transaction(TransactionCallback)} for a body with no result. */
  public void inTransaction(TransactionAction body) {
    inTransaction(TransactionOptions.DEFAULT, body);
  }

  /** {@link #transaction(TransactionOptions, TransactionCallback)} for a body with no result. */
  public void inTransaction(TransactionOptions options, TransactionAction body) {
    transaction(options, tx -> {
      body.run(tx);
      return null;
    });
  }

  /** A pooled connection; a pool timeout is a {@link PoolTimeoutException}, other failures keep their SQLSTATE. */
  Connection borrow() {
    try {
      return borrowOrThrow();
    } catch (SQLException e) {
      throw DataAccessException.of("(connect)", e);
    }
  }

  private Connection borrowOrThrow() throws SQLException {
    try {
      return dataSource.getConnection();
    } catch (SQLTransientConnectionException e) {
      throw PoolTimeoutException.of(dataSource, e);
    }
  }

  /**
   * Runs {@code body} in a transaction, retrying the whole transaction up to {@code maxAttempts}
   * times when it fails with a {@linkplain DataAccessException#isTransient() transient} error: a
   * serialization failure (40001), a deadlock (40P01), the session ended by the server (57P01, 57P02,
   * 57P03), a lost connection (08xxx) or a pool timeout. Each of these means the transaction did not
   * commit, so running it again is sound (as long as the body has no effects outside the database). A
   * {@link CommitOutcomeUnknownException} is never retried: the work may have committed. Backoff is
   * short and randomised for conflicts, longer (up to about a second) for connection failures, so a
   * restarting server has time to come back. Other failures are not retried.
   */
  public <R> R retrying(int maxAttempts, TransactionOptions options, TransactionCallback<R> body) {
    if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1");
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction(options, body);
      } catch (DataAccessException e) {
        if (!e.isTransient() || attempt >= maxAttempts) throw e;
        boolean conflict = "40001".equals(e.sqlState()) || "40P01".equals(e.sqlState());
        long pause = conflict ? (long) (Math.random() * 10 * attempt)
            : (long) (Math.min(1000, 50L << Math.min(attempt, 5)) * (0.5 + Math.random() / 2));
        try {
          Thread.sleep(pause);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Closes the pool if this Database created it. */
  @Override
  public void close() {
    if (ownedPool != null) ownedPool.close();
  }

  static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) return r;
    if (t instanceof Error e) throw e;
    if (t instanceof SQLException s) return DataAccessException.of("(transaction body)", s);
    return new TransactionFailedException(t);
  }

  // --- bulk paths (insertMany / upsertMany) and read replicas -------------------------------------

  /**
   * Bulk inserts with the given path thresholds; each call is atomic (all rows or none): a lone COPY
   * runs in autocommit (one statement), every other path in its own transaction. See {@link BulkWriter}.
   */
  @Override
  public BulkWriter bulk(BulkOptions options) {
    return new BulkWriter(new BulkWriter.Runner() {
      @Override
      public <R> R inTransaction(java.util.function.Function<Connection, R> work) {
        return transaction(tx -> work.apply(tx.connection()));
      }

      @Override
      public boolean canAutocommit() {
        return !inExternalTransaction();
      }

      @Override
      public <R> R autocommit(java.util.function.Function<Connection, R> work) {
        return Database.this.autocommit(work);
      }
    }, options);
  }

  /**
   * Runs {@code work}, which sends one statement, on a pooled connection in autocommit mode (set for
   * the call and restored when the pool hands out connections without it), then returns the connection.
   */
  private <R> R autocommit(java.util.function.Function<Connection, R> work) {
    Connection c = borrow();
    Throwable failure = null;
    boolean restore = false;
    try {
      try {
        if (!c.getAutoCommit()) {
          c.setAutoCommit(true);
          restore = true;
        }
      } catch (SQLException e) {
        throw DataAccessException.of("(autocommit)", e);
      }
      return work.apply(c);
    } catch (RuntimeException | Error t) {
      failure = t;
      throw t;
    } finally {
      if (restore) {
        try {
          c.setAutoCommit(false);
        } catch (SQLException e) {
          TransactionRunner.cleanupFailed(failure, "restoring autocommit", e);
        }
      }
      try {
        c.close();
      } catch (SQLException e) {
        TransactionRunner.cleanupFailed(failure, "returning the connection", e);
      }
    }
  }

  /**
   * A handle that sends reads to the replicas (round robin, skipping failed ones) and everything else
   * to {@code primary}; see {@link ReplicatedDatabase} for exactly which call goes where. Closing it
   * closes all the given databases.
   */
  public static ReplicatedDatabase withReplicas(Database primary, Database... replicas) {
    return new ReplicatedDatabase(primary, java.util.List.of(replicas), ReplicatedDatabase.DEFAULT_STICKY_WINDOW);
  }

  // --- tenancy (row-level security) -------------------------------------------------------------

  /**
   * This database acting as {@code context}: every statement of the returned handle runs in a
   * transaction that first does {@code SET LOCAL ROLE} and sets the claims transaction-locally, so
   * row-level security policies see the user and tenant and nothing leaks to the next user of a
   * pooled connection. Cheap to create; create one per request.
   */
  public TenantScope as(TenantContext context) {
    return new TenantScope(this, java.util.Objects.requireNonNull(context, "context"));
  }
}
