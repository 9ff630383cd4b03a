package dev.sluice.runtime;

import dev.sluice.query.Cursor;
import dev.sluice.query.RowReader;
import dev.sluice.sql.Rendered;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A server-side cursor: pgjdbc fetches {@code fetchSize} rows at a time when autocommit is off and
 * a fetch size is set, so memory stays constant. Outside a transaction the cursor runs in its own
 * one, committed (read-only work) when the cursor is closed.
 */
final class JdbcCursor<R> implements Cursor<R> {
  private final Connection connection;
  private final JdbcExecutor.ConnectionSource source;
  private final PreparedStatement statement;
  private final ResultSet rs;
  private final RowReader<R> reader;
  private final boolean ownTransaction;
  private final String sql;
  private Boolean hasNext;
  private boolean closed;

  private JdbcCursor(Connection c, JdbcExecutor.ConnectionSource source, PreparedStatement ps, ResultSet rs,
      RowReader<R> reader, boolean ownTransaction, String sql) {
    this.connection = c;
    this.source = source;
    this.statement = ps;
    this.rs = rs;
    this.reader = reader;
    this.ownTransaction = ownTransaction;
    this.sql = sql;
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
      return new JdbcCursor<>(c, source, ps, rs, reader, own, sql.sql());
    } catch (SQLException | RuntimeException e) {
      if (ps != null) ps.close();
      if (own) {
        c.rollback();
        c.setAutoCommit(true);
      }
      throw e;
    }
  }

  @Override
  public boolean hasNext() {
    if (closed) return false;
    if (hasNext == null) {
      try {
        hasNext = rs.next();
      } catch (SQLException e) {
        close();
        throw DataAccessException.of(sql, e);
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
      return reader.read(rs);
    } catch (SQLException e) {
      close();
      throw DataAccessException.of(sql, e);
    }
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
    try {
      rs.close();
      statement.close();
      if (ownTransaction) {
        connection.commit();
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
