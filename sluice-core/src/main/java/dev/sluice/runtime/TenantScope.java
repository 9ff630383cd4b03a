package dev.sluice.runtime;

import dev.sluice.query.Cursor;
import dev.sluice.query.QueryExecutor;
import dev.sluice.query.QueryFactory;
import dev.sluice.query.RowReader;
import dev.sluice.sql.QueryPart;
import dev.sluice.sql.Rendered;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A {@link Database} acting as one {@link TenantContext}: every statement runs inside a transaction
 * that first switches role and sets the claims ({@code SET LOCAL ROLE ...; select set_config(..., true)...},
 * one round trip). Statements built here outside {@link #transaction} each get their own transaction;
 * inside one, the setup runs once at its start. Everything is transaction-local, so a pooled
 * connection goes back to the pool as the login user with no claims set. Prepared queries run inside
 * {@code scope.transaction(tx -> tx.prepare(query)...)}.
 *
 * <p>Raw SQL inside a scope can still {@code RESET ROLE} (or {@code SET ROLE} to any role granted to
 * the login): it then runs as the login role. So the login must be an authenticator
 * ({@link Tenancy#authenticatorSql}: NOINHERIT, not superuser, no BYPASSRLS, owns nothing, granted only
 * the app roles), which sees no tenant rows itself; the first scope of a database warns (SLF4J WARN)
 * when its login is a superuser, has BYPASSRLS or owns tables with row-level security. Bulk inserts
 * ({@link #insertMany}) take the batch path, since {@code COPY FROM} is not allowed under RLS.
 *
 * <pre>{@code
 * TenantScope app = db.as(TenantContext.builder().userId(userId).tenantId(teamId).roles("member").build());
 * List<String> names = app.select(PROJECTS.name).from(PROJECTS).fetch(); // only this team's rows
 * }</pre>
 */
public final class TenantScope implements QueryFactory, BulkWrites {
  private final Database db;
  private final TenantContext context;
  private final QueryExecutor executor;
  private final JdbcExecutor cursors;

  TenantScope(Database db, TenantContext context) {
    this.db = db;
    this.context = context;
    this.cursors = new JdbcExecutor(new CursorConnections(), db.observer());
    this.executor = new QueryExecutor() {
      @Override
      public <R> List<R> query(Rendered sql, RowReader<R> reader) {
        return transaction(tx -> tx.executor().query(sql, reader));
      }

      @Override
      public int execute(Rendered sql) {
        return transaction(tx -> tx.executor().execute(sql));
      }

      @Override
      public <R> Cursor<R> cursor(Rendered sql, RowReader<R> reader, int fetchSize) {
        return cursors.cursor(sql, reader, fetchSize);
      }
    };
  }

  /** The context statements run as. */
  public TenantContext context() {
    return context;
  }

  @Override
  public QueryExecutor executor() {
    return executor;
  }

  /**
   * Runs {@code body} in one transaction acting as the context (set up once, at its start). Same rules
   * as {@link Database#transaction(TransactionCallback)}: a statement that failed inside it (even if
   * caught) makes it roll back and throw {@link TransactionAbortedException}; recover with a nested
   * {@link Transaction#transaction} savepoint.
   */
  public <R> R transaction(TransactionCallback<R> body) {
    return transaction(TransactionOptions.DEFAULT, body);
  }

  /** Runs {@code body} in one transaction with {@code options}, acting as the context. */
  public <R> R transaction(TransactionOptions options, TransactionCallback<R> body) {
    return db.transaction(options, tx -> {
      Tenancy.checkLoginRole(db.dataSource(), tx.connection());
      // inside an external transaction the savepoint's SET LOCALs would outlive it: put back what was there
      String[] previous = db.inExternalTransaction() ? Tenancy.current(tx.connection()) : null;
      Tenancy.apply(tx.connection(), context);
      R result = body.run(tx);
      if (previous != null) Tenancy.restore(tx.connection(), previous);
      return result;
    });
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

  /**
   * Bulk inserts and upserts acting as the context, each call in its own transaction. Row-level
   * security applies, so rows go as multi-row INSERTs or batches, never through {@code COPY FROM}
   * (which PostgreSQL refuses on a table with RLS); see {@link BulkWriter}.
   */
  @Override
  public BulkWriter bulk(BulkOptions options) {
    return new BulkWriter(new BulkWriter.Runner() {
      @Override
      public <R> R inTransaction(java.util.function.Function<Connection, R> work) {
        return transaction(tx -> work.apply(tx.connection()));
      }
    }, options);
  }

  /** Runs statements as JDBC batches in one transaction acting as the context; see {@link Database#batch}. */
  public int[] batch(List<? extends QueryPart> statements) {
    return transaction(tx -> tx.batch(statements));
  }

  /**
   * Connections for cursors: a cursor outlives the call that opens it, so its transaction starts
   * (with the setup) when the connection is taken and ends when the cursor closes.
   */
  private final class CursorConnections implements JdbcExecutor.ConnectionSource {
    @Override
    public Connection acquire() throws SQLException {
      Connection c = db.borrow();
      try {
        c.setAutoCommit(false);
        Tenancy.checkLoginRole(db.dataSource(), c);
        Tenancy.apply(c, context);
        return c;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
          c.setAutoCommit(true);
        } catch (SQLException r) {
          e.addSuppressed(r);
        }
        c.close();
        throw e;
      }
    }

    @Override
    public void release(Connection c) throws SQLException {
      try {
        c.commit();
      } catch (SQLException e) {
        c.rollback();
      } finally {
        try {
          c.setAutoCommit(true);
        } finally {
          c.close();
        }
      }
    }
  }
}
