package dev.sluice.runtime;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health of one replica as its readers see it: whether it is up, and the WAL position it had
 * replayed when last probed. One daemon thread per replica probes it every {@link #INTERVAL} (and
 * sooner when asked, at most every {@link #MIN_GAP}) on a connection of its own, so readers never
 * probe: a reader only reads {@link #up()} and {@link #replayLsn()}, and marks the replica down when a
 * connection to it fails. A down replica is used again only after a probe that <em>started after</em>
 * it was marked down succeeded.
 *
 * <p>The probe connection is opened with pgjdbc's {@code connectTimeout}, {@code loginTimeout} and
 * {@code socketTimeout} of {@link #PROBE_TIMEOUT} (from the replica pool's JDBC URL, user and
 * driver properties when it is a HikariCP pool; otherwise the probe borrows a pooled connection and
 * sets a query timeout), so a black-holed or hung replica is declared down within about that time.
 */
final class ReplicaHealth implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicatedDatabase.class);
  static final Duration INTERVAL = Duration.ofMillis(500);
  static final Duration MIN_GAP = Duration.ofMillis(10);
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
  static final String PROBE_SQL = "select pg_last_wal_replay_lsn()::text";

  private final int index;
  private final DataSource dataSource;
  private final Thread thread;
  private final AtomicBoolean loggedDown = new AtomicBoolean();
  private volatile boolean closed;
  private volatile boolean up = true; // optimistic until the first probe: a failed read marks it down at once
  private volatile long replayLsn = Lsn.UNKNOWN;
  private volatile long downSince = System.nanoTime() - 1;
  private volatile boolean refreshWanted;
  private Connection probe; // only the probe thread touches it

  ReplicaHealth(int index, Database replica) {
    this.index = index;
    this.dataSource = replica.dataSource();
    this.thread = new Thread(this::run, "sluice-replica-health-" + index);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Whether readers may use this replica. */
  boolean up() {
    return up;
  }

  /** The replay position seen by the last successful probe, {@link Lsn#UNKNOWN} when none. */
  long replayLsn() {
    return replayLsn;
  }

  /** A reader's connection failed: no reader uses the replica until a later probe succeeds. */
  void markDown(Exception cause) {
    downSince = System.nanoTime();
    up = false;
    replayLsn = Lsn.UNKNOWN;
    if (loggedDown.compareAndSet(false, true)) {
      LOG.warn("replica {} is down ({}); reads go to the other replicas or the primary until a probe succeeds", index,
          cause.getMessage() == null ? cause.toString() : cause.getMessage().lines().findFirst().orElse(""));
    }
    LockSupport.unpark(thread);
  }

  /** Asks for a probe soon (a session waits for this replica to replay its write). */
  void refreshSoon() {
    if (!refreshWanted) {
      refreshWanted = true;
      LockSupport.unpark(thread);
    }
  }

  private void run() {
    while (!closed) {
      long started = System.nanoTime();
      refreshWanted = false;
      probeOnce(started);
      // at most one probe per MIN_GAP, however often readers ask
      long gapEnd = started + MIN_GAP.toNanos();
      for (long now = System.nanoTime(); now - gapEnd < 0 && !closed; now = System.nanoTime()) {
        LockSupport.parkNanos(this, gapEnd - now);
      }
      long next = started + INTERVAL.toNanos();
      for (long now = System.nanoTime(); now - next < 0 && !closed && !refreshWanted; now = System.nanoTime()) {
        LockSupport.parkNanos(this, next - now);
      }
    }
    closeProbe();
  }

  private void probeOnce(long started) {
    long lsn;
    try {
      lsn = queryReplayLsn();
    } catch (SQLException | RuntimeException e) {
      closeProbe();
      if (up || replayLsn != Lsn.UNKNOWN) markDown(e);
      return;
    }
    if (up) {
      replayLsn = lsn;
    } else if (started - downSince > 0) {
      // only a probe that began after the replica was marked down may bring it back, and only once its
      // pool hands out a connection again (else the first readers would wait out the pool's retry backoff)
      try (Connection c = dataSource.getConnection()) {
        c.isValid((int) PROBE_TIMEOUT.toSeconds());
      } catch (SQLException | RuntimeException e) {
        LOG.debug("replica {} answers its probe but its pool gives no connection yet: {}", index, e.getMessage());
        return;
      }
      replayLsn = lsn;
      up = true;
      loggedDown.set(false);
      LOG.info("replica {} is up again (replayed up to {})", index, Lsn.format(lsn));
    }
  }

  private long queryReplayLsn() throws SQLException {
    if (probe == null) probe = openProbeConnection();
    if (probe != null) return replayLsnOn(probe);
    try (Connection c = dataSource.getConnection()) {
      return replayLsnOn(c);
    }
  }

  /** A replay position a reader just read on a connection of its own: fresher than the last probe. */
  void observed(long lsn) {
    if (up) replayLsn = lsn;
  }

  private static long replayLsnOn(Connection c) throws SQLException {
    return replayLsnOn(c, true);
  }

  /** {@code pg_last_wal_replay_lsn()} on {@code c} ({@link Lsn#UNKNOWN} when NULL). */
  static long replayLsnOn(Connection c, boolean withTimeout) throws SQLException {
    try (Statement st = c.createStatement()) {
      if (withTimeout) st.setQueryTimeout((int) PROBE_TIMEOUT.toSeconds());
      try (ResultSet rs = st.executeQuery(PROBE_SQL)) {
        rs.next();
        return Lsn.parse(rs.getString(1));
      }
    }
  }

  /** A dedicated connection with short timeouts, or null when the pool's settings cannot be read. */
  private Connection openProbeConnection() throws SQLException {
    if (!(dataSource instanceof HikariDataSource h) || h.getJdbcUrl() == null) return null;
    Properties p = new Properties();
    for (Map.Entry<Object, Object> e : h.getDataSourceProperties().entrySet()) {
      p.setProperty(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
    }
    if (h.getUsername() != null) p.setProperty("user", h.getUsername());
    if (h.getPassword() != null) p.setProperty("password", h.getPassword());
    String seconds = String.valueOf(PROBE_TIMEOUT.toSeconds());
    p.setProperty("connectTimeout", seconds);
    p.setProperty("loginTimeout", seconds);
    p.setProperty("socketTimeout", seconds);
    p.setProperty("ApplicationName", "sluice replica health check");
    return DriverManager.getConnection(h.getJdbcUrl(), p);
  }

  private void closeProbe() {
    if (probe == null) return;
    try {
      probe.close();
    } catch (SQLException ignored) {
      // a broken probe connection: nothing to give back
    }
    probe = null;
  }

  /** Stops the probe thread (waits for it a little) and closes its connection. */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
    try {
      thread.join(PROBE_TIMEOUT.toMillis() * 2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
