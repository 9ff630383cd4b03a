package dev.sluice.runtime;

import dev.sluice.query.Cursor;
import dev.sluice.query.Field;
import dev.sluice.query.Placeholder;
import dev.sluice.query.ResultQuery;
import dev.sluice.query.Row;
import dev.sluice.query.RowMapper;
import dev.sluice.query.RowReader;
import dev.sluice.query.RowReaders;
import dev.sluice.sql.Bind;
import dev.sluice.sql.QueryPart;
import dev.sluice.sql.Rendered;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private final String sql;
  private final List<Bind> template;
  private final Map<String, Placeholder<?>> placeholders;
  private final List<Field<?>> resultFields;
  private final Map<String, Object> values;

  private PreparedQuery(JdbcExecutor executor, String sql, List<Bind> template, Map<String, Placeholder<?>> placeholders,
      List<Field<?>> resultFields, Map<String, Object> values) {
    this.executor = executor;
    this.sql = sql;
    this.template = template;
    this.placeholders = placeholders;
    this.resultFields = resultFields;
    this.values = values;
  }

  static PreparedQuery prepare(JdbcExecutor executor, QueryPart query) {
    Rendered r = query.render();
    Map<String, Placeholder<?>> found = new LinkedHashMap<>();
    for (Bind b : r.binds()) {
      if (b.value() instanceof Placeholder<?> p) {
        Placeholder<?> other = found.putIfAbsent(p.name(), p);
        if (other != null && !other.dataType().equals(p.dataType())) {
          throw new IllegalArgumentException("placeholder :" + p.name() + " is used with two types ("
              + other.dataType().sqlName() + " and " + p.dataType().sqlName() + ") in: " + r.sql());
        }
      }
    }
    List<Field<?>> fields = query instanceof ResultQuery rq ? List.copyOf(rq.resultFields()) : null;
    return new PreparedQuery(executor, r.sql(), r.binds(), Collections.unmodifiableMap(found), fields, Map.of());
  }

  /** The SQL text, rendered once at prepare time. */
  public String sql() {
    return sql;
  }

  /** The placeholders of this statement, in order of first appearance. */
  public List<Placeholder<?>> placeholders() {
    return List.copyOf(placeholders.values());
  }

  /** This statement with {@code placeholder} bound to {@code value} (null binds SQL NULL). */
  public <T> PreparedQuery bind(Placeholder<T> placeholder, T value) {
    Placeholder<?> known = placeholders.get(placeholder.name());
    if (known == null) {
      throw new IllegalArgumentException("placeholder :" + placeholder.name() + " does not occur in this query"
          + " (its placeholders: " + names() + "): " + sql);
    }
    Map<String, Object> next = new LinkedHashMap<>(values);
    next.put(placeholder.name(), value);
    return new PreparedQuery(executor, sql, template, placeholders, resultFields, next);
  }

  /** The statement with the current values: fails naming the first placeholder without one. */
  Rendered rendered() {
    List<Bind> binds = new ArrayList<>(template.size());
    for (Bind b : template) {
      if (b.value() instanceof Placeholder<?> p) {
        if (!values.containsKey(p.name())) {
          throw new IllegalStateException("placeholder :" + p.name() + " is not bound; call bind(" + p.name()
              + ", value) before running: " + sql);
        }
        binds.add(new Bind(b.type(), values.get(p.name())));
      } else {
        binds.add(b);
      }
    }
    return new Rendered(sql, binds);
  }

  private List<Field<?>> fields() {
    if (resultFields == null) {
      throw new IllegalStateException("this prepared statement returns no rows (it was not a select or RETURNING query); use execute()");
    }
    return resultFields;
  }

  private List<String> names() {
    return placeholders.keySet().stream().map(n -> ":" + n).toList();
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
      throw new IllegalStateException("expected at most one row but the query returned " + rows.size() + ": " + sql);
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
    return sql + " -- " + names();
  }
}
