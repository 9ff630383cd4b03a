package dev.sluice.runtime;

import dev.sluice.query.Cursor;
import dev.sluice.query.RowReader;
import dev.sluice.sql.Rendered;
import java.lang.ref.Cleaner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server-side cursor: pgjdbc fetches {@code fetchSize} rows at a time when autocommit is off and
 * a fetch size is set, so memory stays constant. Outside a transaction the cursor runs in its own
 * one, committed (read-only work) when the cursor is closed.
 *
 * <p>Leaks: a cursor on a pooled connection that is never closed (nor read to the end) would hold its
 * connection {@code idle in transaction} forever. Such cursors are registered with a {@link Cleaner}:
 * once the cursor is garbage collected, its transaction is rolled back, the connection goes back to the
 * pool and a WARN on the logger {@code dev.sluice.leak} names the SQL with the stack trace of the code
 * that opened it.
 */
final class JdbcCursor<R> implements Cursor<R> {
  static final Logger LEAK_LOG = LoggerFactory.getLogger("dev.sluice.leak");
  private static final Cleaner CLEANER = Cleaner.create();

  private final Resources resources;
  private final Cleaner.Cleanable cleanable;
  private final RowReader<R> reader;
  private Boolean hasNext;
  private boolean closed;

  /**
   * What a cursor holds, released exactly once: by {@link #close()} or, for a leaked cursor, by the
   * cleaner. Must not refer to the cursor itself (or it would never become unreachable).
   */
  private static final class Resources implements Runnable {
    final Connection connection;
    final JdbcExecutor.ConnectionSource source;
    final PreparedStatement statement;
    final ResultSet rs;
    final boolean ownTransaction;
    final String sql;
    final Throwable openedAt;
    volatile boolean closedByCaller;

    Resources(Connection c, JdbcExecutor.ConnectionSource source, PreparedStatement ps, ResultSet rs,
        boolean ownTransaction, String sql, Throwable openedAt) {
      this.connection = c;
      this.source = source;
      this.statement = ps;
      this.rs = rs;
      this.ownTransaction = ownTransaction;
      this.sql = sql;
      this.openedAt = openedAt;
    }

    @Override
    public void run() {
      boolean leaked = !closedByCaller;
      if (leaked) {
        LEAK_LOG.warn("a cursor was never closed; its connection is released now that it was garbage collected."
            + " Close cursors and streams with try-with-resources. SQL: {}", sql, openedAt);
      }
      try {
        rs.close();
        statement.close();
        if (ownTransaction) {
          if (leaked) connection.rollback();
          else connection.commit();
          connection.setAutoCommit(true);
        }
      } catch (SQLException e) {
        JdbcExecutor.SQL_LOG.warn("closing cursor failed: {}", e.getMessage());
      } finally {
        try {
          source.release(connection);
        } catch (SQLException e) {
          JdbcExecutor.SQL_LOG.warn("could not release connection: {}", e.getMessage());
        }
      }
    }
  }

  private JdbcCursor(Resources resources, RowReader<R> reader) {
    this.resources = resources;
    this.reader = reader;
    this.cleanable = resources.source.pooled() ? CLEANER.register(this, resources) : null;
  }

  static <R> JdbcCursor<R> open(Connection c, JdbcExecutor.ConnectionSource source, Rendered sql, RowReader<R> reader,
      int fetchSize) throws SQLException {
    boolean own = c.getAutoCommit();
    if (own) c.setAutoCommit(false);
    PreparedStatement ps = null;
    try {
      ps = c.prepareStatement(sql.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      ps.setFetchSize(Math.max(1, fetchSize));
      sql.bindTo(ps);
      ResultSet rs = ps.executeQuery();
      Throwable openedAt = source.pooled() ? new Throwable("the cursor was opened here") : null;
      return new JdbcCursor<>(new Resources(c, source, ps, rs, own, sql.sql(), openedAt), reader);
    } catch (SQLException | RuntimeException e) {
      try {
        if (ps != null) ps.close();
        if (own) {
          c.rollback();
          c.setAutoCommit(true);
        }
      } catch (SQLException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  @Override
  public boolean hasNext() {
    if (closed) return false;
    if (hasNext == null) {
      try {
        hasNext = resources.rs.next();
      } catch (SQLException e) {
        throw failed(e);
      }
      if (!hasNext) close();
    }
    return hasNext;
  }

  @Override
  public R next() {
    if (!hasNext()) throw new NoSuchElementException();
    hasNext = null;
    try {
      return reader.read(resources.rs);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private DataAccessException failed(SQLException e) {
    DataAccessException d = DataAccessException.of(resources.sql, e);
    resources.source.failed(d);
    close();
    return d;
  }

  @Override
  public Stream<R> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::close);
  }

  @Override
  public void close() {
    if (closed) return;
    closed = true;
    resources.closedByCaller = true;
    if (cleanable != null) cleanable.clean();
    else resources.run();
  }
}
