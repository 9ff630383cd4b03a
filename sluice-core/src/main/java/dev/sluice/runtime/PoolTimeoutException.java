package dev.sluice.runtime;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;

/**
 * No connection could be borrowed from the pool within its {@code connectionTimeout}: every connection
 * was in use (a transaction or cursor held too long, a pool too small), or the pool could not open new
 * ones (the cause then says why, e.g. the server is down). The message and accessors give the pool's
 * numbers at the time and the setting to change. Transient: nothing ran, so retrying is safe.
 */
public final class PoolTimeoutException extends TransientDataAccessException {
  private final int active;
  private final int idle;
  private final int waiting;
  private final int maximumPoolSize;
  private final long connectionTimeoutMillis;

  private PoolTimeoutException(String message, SQLException cause, int active, int idle, int waiting, int max,
      long timeout) {
    super(message, cause);
    this.active = active;
    this.idle = idle;
    this.waiting = waiting;
    this.maximumPoolSize = max;
    this.connectionTimeoutMillis = timeout;
  }

  /** Reads the pool's numbers (when it is a HikariCP pool) at the time of the timeout. */
  /** The Hikari pool behind {@code dataSource} (itself or what it wraps), or null. */
  private static HikariDataSource hikari(DataSource dataSource) {
    if (dataSource instanceof HikariDataSource h) return h;
    try {
      return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
    } catch (java.sql.SQLException | RuntimeException e) {
      return null;
    }
  }

  static PoolTimeoutException of(DataSource dataSource, SQLTransientConnectionException e) {
    int active = -1;
    int idle = -1;
    int waiting = -1;
    int max = -1;
    long timeout = -1;
    String name = "pool";
    HikariDataSource h = hikari(dataSource);
    if (h != null) {
      name = "pool " + h.getPoolName();
      max = h.getMaximumPoolSize();
      timeout = h.getConnectionTimeout();
      HikariPoolMXBean bean = h.getHikariPoolMXBean();
      if (bean != null) {
        active = bean.getActiveConnections();
        idle = bean.getIdleConnections();
        waiting = bean.getThreadsAwaitingConnection();
      }
    }
    StringBuilder msg = new StringBuilder("no connection from ").append(name);
    msg.append(timeout >= 0 ? " within its connectionTimeout of " + timeout + " ms" : " in time");
    if (max >= 0) {
      msg.append(" (active ").append(active).append(", idle ").append(idle).append(", waiting ").append(waiting)
          .append(", maximumPoolSize ").append(max).append(")");
    }
    Throwable why = e.getCause();
    if (why != null) {
      msg.append(": the pool could not open a connection: ").append(why.getMessage());
      if (why instanceof SQLException s) msg.append(" [SQLSTATE ").append(s.getSQLState()).append(']');
    } else {
      msg.append(": every connection is in use. Return connections sooner (close cursors and streams, keep"
          + " transactions short) or raise maximumPoolSize / connectionTimeout, e.g. Database.connect(url,"
          + " c -> c.setMaximumPoolSize(n))");
    }
    msg.append(" [").append(e.getMessage()).append(']');
    return new PoolTimeoutException(msg.toString(), e, active, idle, waiting, max, timeout);
  }

  /** Connections borrowed at the time, or -1 when the pool is not HikariCP. */
  public int activeConnections() {
    return active;
  }

  /** Idle connections at the time, or -1. */
  public int idleConnections() {
    return idle;
  }

  /** Threads waiting for a connection at the time, or -1. */
  public int threadsWaiting() {
    return waiting;
  }

  /** The pool's {@code maximumPoolSize}, or -1. */
  public int maximumPoolSize() {
    return maximumPoolSize;
  }

  /** The pool's {@code connectionTimeout} in milliseconds, or -1. */
  public long connectionTimeoutMillis() {
    return connectionTimeoutMillis;
  }
}
