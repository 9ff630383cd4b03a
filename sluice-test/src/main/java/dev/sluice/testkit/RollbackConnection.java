package dev.sluice.testkit;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One connection in a transaction that is rolled back at the end of a test, handed out as a
 * DataSource whose connections' {@code close()} leaves it open. Committing it is refused: the test's
 * writes must not outlive it.
 */
final class RollbackConnection implements DataSource, AutoCloseable {
  private final Connection real;
  private final Connection handle;

  RollbackConnection(String jdbcUrl) throws SQLException {
    real = DriverManager.getConnection(jdbcUrl);
    real.setAutoCommit(false);
    handle = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "close":
              return null;
            case "commit":
              throw new SQLException("commit refused: a @SluiceTest(rollback = true) test's transaction is rolled back when it ends");
            case "setAutoCommit":
              if (Boolean.TRUE.equals(args[0])) {
                throw new SQLException("autocommit refused: a @SluiceTest(rollback = true) test runs in one transaction");
              }
              return null;
            default:
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
          }
        });
  }

  @Override
  public void close() throws SQLException {
    try {
      real.rollback();
    } finally {
      real.close();
    }
  }

  @Override
  public Connection getConnection() {
    return handle;
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the test connection has fixed credentials");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
