package dev.sluice.runtime;

import dev.sluice.query.InsertRow;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.sql.Bind;
import dev.sluice.sql.RenderContext;
import dev.sluice.sql.Rendered;
import dev.sluice.types.DataType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Inserts (and upserts) many rows at once, choosing the path by row count (see {@link BulkOptions}):
 * one multi-row {@code INSERT}, a JDBC batch (rewritten into multi-row statements by pgjdbc's
 * {@code reWriteBatchedInserts}), or {@code COPY table (columns) FROM STDIN} in text format. Values
 * are written with the same {@link dev.sluice.types.Codec}s as every other statement: bound through
 * {@code Codec.bind} on the INSERT paths, and through {@code Codec.toText} with COPY text escaping
 * ({@code \\}, tab, newline, CR; NULL as {@code \N}) on the COPY path, so the three paths store the same
 * values.
 *
 * <p>Rows are described by the same mapper as {@code insertInto(t).values(items, mapper)}; columns with
 * an app-side {@code defaultFn()} that the mapper does not set are filled per row; {@code GENERATED
 * ALWAYS} columns are rejected. Only plain values are accepted (COPY cannot evaluate expressions).
 *
 * <p>Row-level security: PostgreSQL refuses {@code COPY FROM} into a table whose RLS applies to the
 * current role (SQLSTATE 0A000, before it reads any row), so the rows are streamed as a batch instead,
 * with the policies checked on every row. Inside a transaction or a tenant scope ({@code db.as(...)}) a
 * refused COPY would abort the transaction, so the writer first asks {@code row_security_active(table)}
 * (one statement, only for inputs of {@link BulkOptions#copyMinRows()} rows or more). An
 * {@code insertMany} from a {@link Database} sends the COPY without asking and asks only when
 * PostgreSQL refused it with 0A000: nothing was written, nothing needs rolling back (the COPY ran on
 * its own), and the batch then runs in its own transaction; any other failure is reported as it is.
 *
 * <p>Atomicity: from a {@link Database} every call is all rows or none: a lone COPY ({@code insertMany}
 * of {@link BulkOptions#copyMinRows()} rows or more) is one statement and runs in autocommit, without
 * a BEGIN and COMMIT round trip; every other path runs in its own transaction. From a
 * {@link Transaction} it runs on the transaction's connection and a failure aborts that transaction.
 *
 * <p>Counts: each method returns the rows written, as PostgreSQL reports them for a multi-row
 * statement, COPY and the temporary-table upsert; for a batch rewritten by pgjdbc (which reports no
 * per-row count) every row sent counts once, exact for inserts and DO UPDATE upserts.
 *
 * <p>Input is consumed once and never materialised: at most {@link BulkOptions#copyMinRows()} mapped
 * rows are buffered to pick the path; beyond that the rows stream straight into COPY.
 *
 * <p>Upserts ({@link #upsertMany}): {@code INSERT ... ON CONFLICT (keys) DO UPDATE SET c = EXCLUDED.c}
 * for every column the mapper sets except the keys (columns filled by {@code defaultFn()} are insert-only;
 * columns with an {@code onUpdate} function the mapper does not set get its value, computed once per
 * call). Small and medium inputs send that statement directly (multi-row or batched); large inputs are
 * COPYed into a temporary table (dropped afterwards, {@code ON COMMIT DROP} as a safety net) and merged
 * with one {@code INSERT ... SELECT ... ON CONFLICT}: one statement to plan and one index probe pass,
 * instead of thousands of rewritten statements. Keys must be unique within one call: PostgreSQL refuses
 * to update the same row twice in one statement.
 */
public final class BulkWriter {
  /** Runs work on a connection inside a transaction (own or the caller's). */
  interface Runner {
    <R> R inTransaction(Function<Connection, R> work);

    /**
     * Whether {@link #autocommit} may run a lone statement outside any transaction: true only for a
     * {@link Database} that is not inside a transaction (its own or one managed outside Sluice).
     */
    default boolean canAutocommit() {
      return false;
    }

    /** Runs work that sends one statement on a pooled connection in autocommit (atomic by itself). */
    default <R> R autocommit(Function<Connection, R> work) {
      return inTransaction(work);
    }
  }

  /** pgjdbc's limit of bind parameters in one statement. */
  private static final int MAX_BINDS = 32767;
  private static final int COPY_CHUNK_CHARS = 64 * 1024;
  private static final int BATCH_CHUNK = 1024;
  private static final AtomicLong TEMP_TABLES = new AtomicLong();

  private final Runner runner;
  private final BulkOptions options;

  BulkWriter(Runner runner, BulkOptions options) {
    this.runner = runner;
    this.options = Objects.requireNonNull(options, "options");
  }

  /** The thresholds this writer uses. */
  public BulkOptions options() {
    return options;
  }

  /**
   * Inserts one row per item; returns the number of rows inserted.
   * {@code insertMany(USERS, users, (row, u) -> row.set(USERS.email, u.email()))}.
   */
  public <E> long insertMany(Table<?> table, Iterable<? extends E> items, BiConsumer<? super InsertRow, ? super E> mapper) {
    Objects.requireNonNull(items, "items");
    return run(new BulkRows<E>(table, mapper, "insertMany into"), items.iterator(), null);
  }

  /** Streams {@code items} into the table without holding them in memory; closes the stream. */
  public <E> long insertMany(Table<?> table, Stream<? extends E> items, BiConsumer<? super InsertRow, ? super E> mapper) {
    Objects.requireNonNull(items, "items");
    try (items) {
      return run(new BulkRows<E>(table, mapper, "insertMany into"), items.iterator(), null);
    }
  }

  /**
   * Inserts one row per item, updating the existing row when one with the same {@code conflictColumns}
   * exists (they must match a unique index or constraint and be set by the mapper). Returns the number
   * of rows inserted or updated.
   */
  public <E> long upsertMany(Table<?> table, Iterable<? extends E> items, BiConsumer<? super InsertRow, ? super E> mapper,
      Column<?>... conflictColumns) {
    Objects.requireNonNull(items, "items");
    return run(new BulkRows<E>(table, mapper, "upsertMany into"), items.iterator(), conflict(table, conflictColumns));
  }

  /** {@link #upsertMany(Table, Iterable, BiConsumer, Column[])} for a stream; closes the stream. */
  public <E> long upsertMany(Table<?> table, Stream<? extends E> items, BiConsumer<? super InsertRow, ? super E> mapper,
      Column<?>... conflictColumns) {
    Objects.requireNonNull(items, "items");
    try (items) {
      return run(new BulkRows<E>(table, mapper, "upsertMany into"), items.iterator(), conflict(table, conflictColumns));
    }
  }

  private static List<Column<?>> conflict(Table<?> table, Column<?>[] columns) {
    if (columns == null || columns.length == 0) {
      throw new IllegalArgumentException("upsertMany into " + table.name() + ": name the conflict columns (a unique key)");
    }
    return List.of(columns);
  }

  // --- path choice -------------------------------------------------------------------------------

  private <E> long run(BulkRows<E> rows, Iterator<? extends E> items, List<Column<?>> conflict) {
    if (conflict == null && runner.canAutocommit()) return insertOnItsOwn(rows, items);
    return runner.inTransaction(c -> {
      List<Object[]> buffer = fill(rows, items);
      if (buffer.isEmpty()) return 0L;
      Upsert upsert = conflict == null ? null : new Upsert(rows, conflict);
      if (buffer.size() < options.copyMinRows()) return belowCopy(c, rows, buffer, upsert);
      // PostgreSQL refuses COPY FROM into a table whose row-level security applies to the current role
      // (inside db.as(...), or any role subject to its policies): stream the rows as a batch instead
      if (rowSecurityActive(c, rows.table())) return batch(c, rows, buffer, items, upsert);
      return upsert == null ? copy(c, rows, rows.table(), buffer, items, false)
          : copyUpsert(c, rows, buffer, items, upsert);
    });
  }

  /**
   * An insert from a {@link Database} outside any transaction: a COPY is one statement, so it runs in
   * autocommit, and it is sent without asking about row-level security first. Only when PostgreSQL
   * refuses it because RLS applies (0A000, before any row is read, so nothing was written) do the rows
   * go as a batch, in a transaction of their own. The smaller paths run in a transaction as before.
   */
  private <E> long insertOnItsOwn(BulkRows<E> rows, Iterator<? extends E> items) {
    List<Object[]> buffer = fill(rows, items);
    if (buffer.isEmpty()) return 0L;
    if (buffer.size() < options.copyMinRows()) return runner.inTransaction(c -> belowCopy(c, rows, buffer, null));
    Long copied = runner.autocommit(c -> copy(c, rows, rows.table(), buffer, items, true));
    if (copied != null) return copied;
    return runner.inTransaction(c -> batch(c, rows, buffer, items, null));
  }

  /** Maps up to {@link BulkOptions#copyMinRows()} items: enough to pick the path. */
  private <E> List<Object[]> fill(BulkRows<E> rows, Iterator<? extends E> items) {
    List<Object[]> buffer = new ArrayList<>();
    while (buffer.size() < options.copyMinRows() && items.hasNext()) buffer.add(rows.row(items.next()));
    return buffer;
  }

  /** Fewer rows than the COPY threshold: one multi-row statement, or a batch. */
  private long belowCopy(Connection c, BulkRows<?> rows, List<Object[]> buffer, Upsert upsert) {
    long binds = (long) buffer.size() * rows.columns().size() + (upsert == null ? 0 : upsert.onUpdate.size());
    if (buffer.size() < options.batchMinRows() && binds <= MAX_BINDS) return multiRow(c, rows, buffer, upsert);
    return batch(c, rows, buffer, java.util.Collections.emptyIterator(), upsert);
  }

  // --- INSERT paths --------------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private static void value(RenderContext ctx, Column<?> c, Object v) {
    ctx.value((DataType<Object>) c.dataType(), v);
  }

  private static void insertInto(RenderContext ctx, Table<?> table, List<Column<?>> columns) {
    ctx.sql("INSERT INTO ");
    table.renderQualifiedName(ctx);
    ctx.sql(' ');
    columnList(ctx, columns);
  }

  private static void columnList(RenderContext ctx, List<Column<?>> columns) {
    ctx.sql('(');
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) ctx.sql(", ");
      ctx.id(columns.get(i).name());
    }
    ctx.sql(')');
  }

  private static void rowValues(RenderContext ctx, List<Column<?>> columns, Object[] row) {
    ctx.sql('(');
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) ctx.sql(", ");
      value(ctx, columns.get(i), row[i]);
    }
    ctx.sql(')');
  }

  /** All rows in one {@code INSERT ... VALUES (...), (...)}. */
  private static long multiRow(Connection c, BulkRows<?> rows, List<Object[]> buffer, Upsert upsert) {
    RenderContext ctx = new RenderContext(RenderContext.Mode.BIND);
    insertInto(ctx, rows.table(), rows.columns());
    ctx.sql(" VALUES ");
    for (int r = 0; r < buffer.size(); r++) {
      if (r > 0) ctx.sql(", ");
      rowValues(ctx, rows.columns(), buffer.get(r));
    }
    if (upsert != null) upsert.renderOnConflict(ctx);
    Rendered sql = ctx.result();
    long start = System.nanoTime();
    try (PreparedStatement ps = c.prepareStatement(sql.sql())) {
      sql.bindTo(ps);
      int n = ps.executeUpdate();
      JdbcExecutor.log(sql, start, n);
      return n;
    } catch (SQLException e) {
      JdbcExecutor.logFailure(sql, start, e);
      throw DataAccessException.of(sql.sql(), e);
    }
  }

  /** Whether row-level security applies to {@code table} for the current role ({@code row_security_active}). */
  static boolean rowSecurityActive(Connection c, Table<?> table) {
    String sql = "select pg_catalog.row_security_active(?::regclass)";
    String name = dev.sluice.sql.Identifiers.qualify(table.schema(), table.definition().name());
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, name);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    } catch (SQLException e) {
      throw DataAccessException.of(sql + " -- " + name, e);
    }
  }

  /**
   * One single-row INSERT, batched: the buffered rows, then the rest of {@code more}. pgjdbc with
   * {@code reWriteBatchedInserts} sends it as multi-row statements; without it, as a pipelined batch of
   * single rows (correct, slower). Rows are sent every {@code BATCH_CHUNK}, so {@code more} is streamed.
   */
  @SuppressWarnings("unchecked")
  private static <E> long batch(Connection c, BulkRows<E> rows, List<Object[]> buffer, Iterator<? extends E> more,
      Upsert upsert) {
    List<Column<?>> columns = rows.columns();
    RenderContext ctx = new RenderContext(RenderContext.Mode.BIND);
    insertInto(ctx, rows.table(), columns);
    ctx.sql(" VALUES ");
    rowValues(ctx, columns, buffer.get(0));
    if (upsert != null) upsert.renderOnConflict(ctx);
    Rendered shape = ctx.result();
    List<Bind> binds = shape.binds();
    long start = System.nanoTime();
    try (PreparedStatement ps = c.prepareStatement(shape.sql())) {
      int pending = 0;
      long affected = 0;
      long sent = 0;
      Iterator<Object[]> buffered = buffer.iterator();
      while (buffered.hasNext() || more.hasNext()) {
        Object[] row = buffered.hasNext() ? buffered.next() : rows.row(more.next());
        for (int i = 0; i < row.length; i++) ((DataType<Object>) columns.get(i).dataType()).bind(ps, i + 1, row[i]);
        for (int j = row.length; j < binds.size(); j++) binds.get(j).bindTo(ps, j + 1);
        ps.addBatch();
        sent++;
        if (++pending == BATCH_CHUNK) {
          affected += affected(ps.executeBatch());
          pending = 0;
        }
      }
      if (pending > 0) affected += affected(ps.executeBatch());
      if (JdbcExecutor.SQL_LOG.isDebugEnabled()) {
        JdbcExecutor.log(new Rendered("(batch of " + sent + ") " + shape.sql(), List.of()), start, (int) sent);
      }
      return affected;
    } catch (SQLException e) {
      SQLException cause = e.getNextException() != null ? e.getNextException() : e;
      JdbcExecutor.logFailure(shape, start, cause);
      throw DataAccessException.of(shape.sql(), cause);
    }
  }

  /**
   * The rows a batch affected. A rewritten batch reports {@link Statement#SUCCESS_NO_INFO} per row; each
   * such row counts as one (exact for inserts and DO UPDATE upserts, an upper bound for DO NOTHING).
   */
  private static long affected(int[] counts) {
    long n = 0;
    for (int c : counts) n += c == Statement.SUCCESS_NO_INFO ? 1 : Math.max(c, 0);
    return n;
  }

  // --- COPY path -----------------------------------------------------------------------------------

  /**
   * {@code COPY into (columns) FROM STDIN}: the buffered rows, then the rest of {@code items}. With
   * {@code refusalReturnsNull} (a COPY in autocommit), null when PostgreSQL refused the COPY because
   * row-level security applies to {@code into}: the refusal comes before any row is read, so
   * {@code buffer} and {@code items} are untouched.
   */
  private static <E> Long copy(Connection c, BulkRows<E> rows, Table<?> into, List<Object[]> buffer,
      Iterator<? extends E> items, boolean refusalReturnsNull) {
    RenderContext ctx = new RenderContext(RenderContext.Mode.BIND);
    ctx.sql("COPY ");
    into.renderQualifiedName(ctx);
    ctx.sql(' ');
    columnList(ctx, rows.columns());
    ctx.sql(" FROM STDIN");
    String sql = ctx.sql();
    long start = System.nanoTime();
    CopyIn in = null;
    try {
      try {
        in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
      } catch (SQLException e) {
        if (refusalReturnsNull && refusedForRowSecurity(c, into, e)) {
          if (JdbcExecutor.SQL_LOG.isDebugEnabled()) {
            JdbcExecutor.SQL_LOG.debug("{} refused: row-level security applies; the rows go as a batch", sql);
          }
          return null;
        }
        throw e;
      }
      CopyText text = new CopyText(rows.columns());
      for (Object[] row : buffer) {
        text.append(row);
        if (text.length() >= COPY_CHUNK_CHARS) text.flushTo(in);
      }
      buffer.clear();
      while (items.hasNext()) {
        text.append(rows.row(items.next()));
        if (text.length() >= COPY_CHUNK_CHARS) text.flushTo(in);
      }
      text.flushTo(in);
      long n = in.endCopy();
      JdbcExecutor.log(new Rendered(sql, List.of()), start, (int) Math.min(n, Integer.MAX_VALUE));
      return n;
    } catch (SQLException e) {
      cancel(in, e);
      JdbcExecutor.logFailure(new Rendered(sql, List.of()), start, e);
      throw DataAccessException.of(sql, e);
    } catch (RuntimeException | Error e) {
      cancel(in, e);
      throw e;
    }
  }

  /**
   * Whether {@code e}, raised by starting a COPY FROM into {@code into}, is PostgreSQL's refusal
   * because row-level security applies ({@code COPY FROM not supported with row-level security},
   * SQLSTATE 0A000): asked of the server ({@code row_security_active}) rather than read from the
   * message, on the same connection, which is usable again because the COPY ran in autocommit.
   */
  private static boolean refusedForRowSecurity(Connection c, Table<?> into, SQLException e) {
    if (!"0A000".equals(e.getSQLState())) return false;
    try {
      return rowSecurityActive(c, into);
    } catch (DataAccessException check) {
      e.addSuppressed(check);
      return false;
    }
  }

  private static void cancel(CopyIn in, Throwable failure) {
    if (in == null || !in.isActive()) return;
    try {
      in.cancelCopy();
    } catch (SQLException e) {
      // cancelling reports the cancel itself as an error; the original failure is what matters
      if (e != failure) failure.addSuppressed(e);
    }
  }

  /** COPY into a temporary table, then one {@code INSERT ... SELECT ... ON CONFLICT}. */
  private static <E> long copyUpsert(Connection c, BulkRows<E> rows, List<Object[]> buffer,
      Iterator<? extends E> items, Upsert upsert) {
    String temp = "sluice_bulk_upsert_" + TEMP_TABLES.incrementAndGet();
    Table<?> table = rows.table();
    RenderContext create = new RenderContext(RenderContext.Mode.BIND);
    create.sql("CREATE TEMPORARY TABLE ").id(temp).sql(" ON COMMIT DROP AS SELECT ");
    columnNames(create, rows.columns());
    create.sql(" FROM ");
    table.renderQualifiedName(create);
    create.sql(" WITH NO DATA");
    executeSql(c, create.sql());
    copy(c, rows, new TempTable(temp), buffer, items, false);
    RenderContext merge = new RenderContext(RenderContext.Mode.BIND);
    insertInto(merge, table, rows.columns());
    merge.sql(" SELECT ");
    columnNames(merge, rows.columns());
    merge.sql(" FROM ").id(temp);
    upsert.renderOnConflict(merge);
    Rendered sql = merge.result();
    long start = System.nanoTime();
    long n;
    try (PreparedStatement ps = c.prepareStatement(sql.sql())) {
      sql.bindTo(ps);
      n = ps.executeLargeUpdate();
      JdbcExecutor.log(sql, start, (int) Math.min(n, Integer.MAX_VALUE));
    } catch (SQLException e) {
      JdbcExecutor.logFailure(sql, start, e);
      throw DataAccessException.of(sql.sql(), e);
    }
    RenderContext drop = new RenderContext(RenderContext.Mode.BIND);
    executeSql(c, drop.sql("DROP TABLE ").id(temp).sql());
    return n;
  }

  private static void columnNames(RenderContext ctx, List<Column<?>> columns) {
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) ctx.sql(", ");
      ctx.id(columns.get(i).name());
    }
  }

  private static void executeSql(Connection c, String sql) {
    long start = System.nanoTime();
    try (Statement st = c.createStatement()) {
      st.execute(sql);
      JdbcExecutor.log(new Rendered(sql, List.of()), start, 0);
    } catch (SQLException e) {
      JdbcExecutor.logFailure(new Rendered(sql, List.of()), start, e);
      throw DataAccessException.of(sql, e);
    }
  }

  /** The temporary table of an upsert, as a COPY target (only its name is rendered). */
  private static final class TempTable extends Table<TempTable> {
    TempTable(String name) {
      super(name);
    }

    @Override
    public void renderTo(RenderContext ctx) {
      ctx.id(name());
    }
  }

  // --- upsert --------------------------------------------------------------------------------------

  /** The ON CONFLICT clause of an upsert. */
  private static final class Upsert {
    final List<Column<?>> keys;
    final List<Column<?>> updated = new ArrayList<>();
    final List<Column<?>> onUpdate = new ArrayList<>();
    final List<Object> onUpdateValues = new ArrayList<>();

    Upsert(BulkRows<?> rows, List<Column<?>> keys) {
      this.keys = keys;
      Set<String> keyNames = new HashSet<>();
      Set<String> present = new HashSet<>();
      for (Column<?> c : rows.columns()) present.add(c.name());
      for (Column<?> k : keys) {
        Objects.requireNonNull(k, "conflict column");
        if (k.table().definition() != rows.table()) {
          throw new IllegalArgumentException(rows.what() + ": conflict column " + k + " does not belong to table "
              + rows.table().name());
        }
        if (!present.contains(k.name())) {
          throw new IllegalArgumentException(rows.what() + ": conflict column " + k.name() + " is not set by the mapper");
        }
        keyNames.add(k.name());
      }
      Set<String> explicit = new HashSet<>();
      for (int i = 0; i < rows.explicitCount(); i++) {
        Column<?> c = rows.columns().get(i);
        explicit.add(c.name());
        if (!keyNames.contains(c.name())) updated.add(c);
      }
      for (Column<?> c : rows.table().columns()) {
        Supplier<?> fn = c.onUpdateFn();
        if (fn != null && !explicit.contains(c.name()) && !keyNames.contains(c.name())) {
          onUpdate.add(c);
          onUpdateValues.add(fn.get());
        }
      }
    }

    void renderOnConflict(RenderContext ctx) {
      ctx.sql(" ON CONFLICT ");
      columnList(ctx, keys);
      if (updated.isEmpty() && onUpdate.isEmpty()) {
        ctx.sql(" DO NOTHING");
        return;
      }
      ctx.sql(" DO UPDATE SET ");
      int n = 0;
      for (Column<?> c : updated) {
        if (n++ > 0) ctx.sql(", ");
        ctx.id(c.name()).sql(" = EXCLUDED.").id(c.name());
      }
      for (int i = 0; i < onUpdate.size(); i++) {
        if (n++ > 0) ctx.sql(", ");
        ctx.id(onUpdate.get(i).name()).sql(" = ");
        value(ctx, onUpdate.get(i), onUpdateValues.get(i));
      }
    }
  }

  // --- COPY text format ----------------------------------------------------------------------------

  /** Rows in COPY text format: tab-separated, {@code \N} for NULL, backslash escapes, one line per row. */
  static final class CopyText {
    private final List<Column<?>> columns;
    private final StringBuilder text = new StringBuilder(COPY_CHUNK_CHARS + 4096);

    CopyText(List<Column<?>> columns) {
      this.columns = columns;
    }

    @SuppressWarnings("unchecked")
    void append(Object[] row) {
      for (int i = 0; i < row.length; i++) {
        if (i > 0) text.append('\t');
        Object v = row[i];
        if (v == null) {
          text.append("\\N");
        } else {
          escape(text, ((DataType<Object>) columns.get(i).dataType()).codec().toText(v));
        }
      }
      text.append('\n');
    }

    int length() {
      return text.length();
    }

    void flushTo(CopyIn in) throws SQLException {
      if (text.length() == 0) return;
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      in.writeToCopy(bytes, 0, bytes.length);
      text.setLength(0);
    }

    /** Escapes one field value per the COPY text format rules. */
    static void escape(StringBuilder b, String s) {
      for (int i = 0; i < s.length(); i++) {
        char ch = s.charAt(i);
        switch (ch) {
          case '\\' -> b.append("\\\\");
          case '\t' -> b.append("\\t");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          default -> b.append(ch);
        }
      }
    }
  }
}
