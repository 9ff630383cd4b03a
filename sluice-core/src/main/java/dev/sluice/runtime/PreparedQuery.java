package dev.sluice.runtime;

import dev.sluice.query.Cursor;
import dev.sluice.query.Field;
import dev.sluice.query.Placeholder;
import dev.sluice.query.PlaceholderValues;
import dev.sluice.query.ResultQuery;
import dev.sluice.query.Row;
import dev.sluice.query.RowMapper;
import dev.sluice.query.RowReader;
import dev.sluice.query.RowReaders;
import dev.sluice.sql.QueryPart;
import dev.sluice.sql.Rendered;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A statement rendered once, run many times with values for its {@link Placeholder}s: the SQL text
 * and the order of bind slots are computed by {@code db.prepare(query)}; each run only substitutes
 * values (pgjdbc then reuses the server-side prepared statement on the connection).
 *
 * <p>Immutable: {@link #bind} returns a new PreparedQuery, so one prepared statement can be shared
 * by threads and bound differently by each. Running it with a placeholder left unbound fails with an
 * error naming the placeholder.
 */
public final class PreparedQuery {
  private final JdbcExecutor executor;
  private final Rendered template;
  private final PlaceholderValues values;
  private final List<Field<?>> resultFields;

  private PreparedQuery(JdbcExecutor executor, Rendered template, PlaceholderValues values, List<Field<?>> resultFields) {
    this.executor = executor;
    this.template = template;
    this.values = values;
    this.resultFields = resultFields;
  }

  static PreparedQuery prepare(JdbcExecutor executor, QueryPart query) {
    Rendered r = query.render();
    List<Field<?>> fields = query instanceof ResultQuery rq ? List.copyOf(rq.resultFields()) : null;
    return new PreparedQuery(executor, r, PlaceholderValues.of(r), fields);
  }

  /** The SQL text, rendered once at prepare time. */
  public String sql() {
    return template.sql();
  }

  /** The placeholders of this statement, in order of first appearance. */
  public List<Placeholder<?>> placeholders() {
    return values.placeholders();
  }

  /** This statement with {@code placeholder} bound to {@code value} (null binds SQL NULL). */
  public <T> PreparedQuery bind(Placeholder<T> placeholder, T value) {
    return new PreparedQuery(executor, template, values.bind(placeholder, value), resultFields);
  }

  /** The statement with the current values: fails naming the first placeholder without one. */
  Rendered rendered() {
    return values.apply(template);
  }

  private List<Field<?>> fields() {
    if (resultFields == null) {
      throw new IllegalStateException("this prepared statement returns no rows (it was not a select or RETURNING query); use execute()");
    }
    return resultFields;
  }

  /** Every row, untyped. */
  public List<Row> fetchRows() {
    return executor.query(rendered(), RowReaders.rows(fields()));
  }

  /** Every row mapped by {@code mapper}. */
  public <R> List<R> fetchMapped(RowMapper<R> mapper) {
    RowReader<Row> rows = RowReaders.rows(fields());
    return executor.query(rendered(), rs -> mapper.map(rows.read(rs)));
  }

  /** Every row mapped into a record by component name (see {@link ResultQuery#fetchInto}). */
  public <R> List<R> fetchInto(Class<R> type) {
    return executor.query(rendered(), RowReaders.into(type, fields()));
  }

  /** The only row mapped into {@code type}, if any; fails when there are several. */
  public <R> Optional<R> fetchOptionalInto(Class<R> type) {
    List<R> rows = fetchInto(type);
    if (rows.size() > 1) {
      throw new IllegalStateException("expected at most one row but the query returned " + rows.size() + ": " + template.sql());
    }
    return rows.stream().findFirst();
  }

  /** The first column of every row, read with its field's codec. */
  @SuppressWarnings("unchecked")
  public <T> List<T> fetchValues(Field<T> firstColumn) {
    if (!fields().isEmpty() && !fields().get(0).dataType().javaType().equals(firstColumn.dataType().javaType())) {
      throw new IllegalArgumentException("first column is " + fields().get(0).dataType() + ", not " + firstColumn.dataType());
    }
    return executor.query(rendered(), rs -> firstColumn.dataType().read(rs, 1));
  }

  /** The rows through a server-side cursor. */
  public Cursor<Row> fetchLazy(int fetchSize) {
    return executor.cursor(rendered(), RowReaders.rows(fields()), fetchSize);
  }

  /** Runs the statement (DML), returning the update count. */
  public int execute() {
    return executor.execute(rendered());
  }

  /**
   * Runs the statement once per item as one JDBC batch (one round trip), binding each item with
   * {@code binder}: {@code insert.executeBatch(users, (q, u) -> q.bind(EMAIL, u.email()))}. Outside
   * a transaction the batch is atomic. Returns the update counts in order (see {@link Database#batch}).
   */
  public <E> int[] executeBatch(Iterable<E> items, BiFunction<PreparedQuery, E, PreparedQuery> binder) {
    List<Rendered> statements = new ArrayList<>();
    for (E item : items) statements.add(binder.apply(this, item).rendered());
    return executor.batch(statements);
  }

  @Override
  public String toString() {
    return template.sql() + " -- " + values.names();
  }
}
