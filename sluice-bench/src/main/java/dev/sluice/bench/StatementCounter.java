package dev.sluice.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * A DataSource wrapper counting statements sent: each execute/executeQuery/executeUpdate/executeBatch
 * counts one, and each unwrap to pgjdbc's {@code PGConnection} (the COPY API) counts one; other unwraps
 * (Sluice reads the driver's transaction state through {@code BaseConnection}, no round trip) count
 * none. BEGIN and COMMIT (setAutoCommit, commit) count none. Used in a separate pass, never while timing.
 */
final class StatementCounter {
  final AtomicLong count = new AtomicLong();

  DataSource wrap(DataSource ds) {
    return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
        (p, m, a) -> {
          Object r = invoke(ds, m, a);
          return r instanceof Connection c ? proxy(c, Connection.class) : r;
        });
  }

  @SuppressWarnings("unchecked")
  private <T> T proxy(T target, Class<T> type) {
    Class<?>[] types = target instanceof java.sql.PreparedStatement
        ? new Class<?>[] {java.sql.PreparedStatement.class} : new Class<?>[] {type};
    InvocationHandler h = (p, m, a) -> {
      String n = m.getName();
      if (n.startsWith("execute")) count.incrementAndGet();
      if (n.equals("unwrap")) {
        if (a[0] == org.postgresql.PGConnection.class) count.incrementAndGet();
        return invoke(target, m, a);
      }
      Object r = invoke(target, m, a);
      if (r instanceof Statement s && !(r instanceof Connection)) return proxy(s, Statement.class);
      return r;
    };
    return (T) Proxy.newProxyInstance(getClass().getClassLoader(), types, h);
  }

  private static Object invoke(Object target, java.lang.reflect.Method m, Object[] a) throws Throwable {
    try {
      return m.invoke(target, a);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
