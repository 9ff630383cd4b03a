package dev.sluice.runtime;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * The pool of {@link Database#connect}: every connection goes back to the pool with no session state
 * left by the statements that ran on it. HikariCP resets only JDBC-level state (auto-commit, isolation,
 * read-only, schema); a statement can leave much more on the server session, and the next borrower of
 * the connection would inherit it: a session-level {@code set_config('app.user_id', ..., false)} (read
 * by row-level security policies), {@code SET ROLE}, {@code SET search_path}, a temporary table that
 * shadows a real one (temporary tables come first in the search path), an open cursor, a LISTEN, an
 * advisory lock. So {@link Connection#close()} first runs {@link #RESET_SQL} (one round trip, in
 * auto-commit). It is {@code DISCARD ALL} minus {@code DEALLOCATE ALL} and {@code DISCARD PLANS}: the
 * server-prepared statements pgjdbc caches per connection stay valid (they hold no session state a
 * later user can observe, and re-preparing every statement after each checkout would cost more than
 * the reset). A connection whose reset fails is evicted from the pool instead of being returned.
 */
final class SessionResettingDataSource implements DataSource {
  /**
   * What runs before a connection goes back: session user and role back to the login
   * ({@code SET SESSION AUTHORIZATION DEFAULT} also resets {@code SET ROLE}), every setting back to
   * its connection-time value, cursors closed, LISTENs dropped, advisory locks released, temporary
   * tables and sequence state dropped.
   */
  static final String RESET_SQL = "SET SESSION AUTHORIZATION DEFAULT; RESET ALL; CLOSE ALL; UNLISTEN *; "
      + "SELECT pg_catalog.pg_advisory_unlock_all(); DISCARD TEMP; DISCARD SEQUENCES";

  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(SessionResettingDataSource.class);

  private final HikariDataSource pool;

  SessionResettingDataSource(HikariDataSource pool) {
    this.pool = pool;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(pool.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the pool of Database.connect has fixed credentials");
  }

  private Connection wrap(Connection c) {
    return (Connection) Proxy.newProxyInstance(SessionResettingDataSource.class.getClassLoader(),
        new Class<?>[] {Connection.class}, new Handler(c));
  }

  /** Runs the reset on a connection about to go back; evicts it when the reset fails. */
  private void reset(Connection c) {
    try {
      if (c.isClosed()) return;
      if (!c.getAutoCommit()) {
        c.rollback();
        c.setAutoCommit(true);
      }
      try (Statement st = c.createStatement()) {
        st.execute(RESET_SQL);
      }
    } catch (SQLException e) {
      LOG.warn("could not reset the session of a pooled connection ({}, SQLSTATE {}): evicting it from the pool",
          e.getMessage(), e.getSQLState());
      pool.evictConnection(c);
    }
  }

  private final class Handler implements InvocationHandler {
    private final Connection target;
    private boolean closed;

    Handler(Connection target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "close" -> {
          if (closed) return null;
          closed = true;
          reset(target);
          target.close();
          return null;
        }
        case "isClosed" -> {
          return closed || target.isClosed();
        }
        case "equals" -> {
          return proxy == args[0];
        }
        case "hashCode" -> {
          return System.identityHashCode(proxy);
        }
        case "toString" -> {
          return "session-resetting " + target;
        }
        case "unwrap" -> {
          if (((Class<?>) args[0]).isInstance(proxy)) return proxy;
        }
        case "isWrapperFor" -> {
          if (((Class<?>) args[0]).isInstance(proxy)) return true;
        }
        default -> {
          // delegate below
        }
      }
      if (closed) throw new SQLException("connection is closed (returned to the pool)", "08003");
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  // --- DataSource plumbing --------------------------------------------------------------------------

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return pool.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) return iface.cast(this);
    if (iface.isInstance(pool)) return iface.cast(pool);
    return pool.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || iface.isInstance(pool) || pool.isWrapperFor(iface);
  }
}
