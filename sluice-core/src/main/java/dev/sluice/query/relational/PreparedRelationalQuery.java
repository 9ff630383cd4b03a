package dev.sluice.query.relational;

import dev.sluice.query.Placeholder;
import dev.sluice.query.PlaceholderValues;
import dev.sluice.query.QueryExecutor;
import dev.sluice.sql.Rendered;
import java.util.List;
import java.util.Optional;

/**
 * A relational query rendered once, with its mapping plan built once, run many times with values
 * for its {@link Placeholder}s (Drizzle's {@code .prepare()}):
 *
 * <pre>{@code
 * static final Placeholder<Integer> ID = Placeholder.of("id", PgTypes.INTEGER);
 * PreparedRelationalQuery<OrderView> byId = db.query(ORDERS).with(ORDERS.details).where(ORDERS.id.eq(ID))
 *     .prepare(OrderView.class);
 * Optional<OrderView> order = byId.bind(ID, 42).findFirst();
 * }</pre>
 *
 * <p>Immutable and thread-safe: {@link #bind} returns a new instance. Running it with a placeholder
 * left unbound fails naming the placeholder.
 *
 * @param <R> the record type rows map into
 */
public final class PreparedRelationalQuery<R> {
  /** One rendering: the statement, where its placeholders sit among the binds, and the row reader. */
  private record Statement<R>(Rendered rendered, ResultMapping.Mapping<R> mapping) {}

  private final QueryExecutor executor;
  private final Statement<R> many;
  private final Statement<R> first;
  private final PlaceholderValues values;

  private PreparedRelationalQuery(QueryExecutor executor, Statement<R> many, Statement<R> first, PlaceholderValues values) {
    this.executor = executor;
    this.many = many;
    this.first = first;
    this.values = values;
  }

  static <R> PreparedRelationalQuery<R> prepare(QueryExecutor executor, LevelSpec spec, Class<R> type) {
    Statement<R> many = statement(spec, type, false);
    return new PreparedRelationalQuery<>(executor, many, statement(spec, type, true), PlaceholderValues.of(many.rendered()));
  }

  private static <R> Statement<R> statement(LevelSpec spec, Class<R> type, boolean first) {
    RelationalSql.Result r = RelationalSql.render(spec, first);
    return new Statement<>(r.ctx().result(), ResultMapping.mapping(type, r.shape(), r.identity()));
  }

  /** The SQL text of {@link #findMany} (rendered once, at prepare time). */
  public String sql() {
    return many.rendered().sql();
  }

  /** The placeholders of this query, in order of first appearance. */
  public List<Placeholder<?>> placeholders() {
    return values.placeholders();
  }

  /** This query with {@code placeholder} bound to {@code value} (null binds SQL NULL). */
  public <T> PreparedRelationalQuery<R> bind(Placeholder<T> placeholder, T value) {
    return new PreparedRelationalQuery<>(executor, many, first, values.bind(placeholder, value));
  }

  /** Every matching row, in one statement. */
  public List<R> findMany() {
    return many.mapping().run(executor, values.apply(many.rendered()));
  }

  /** The first matching row (the statement has {@code LIMIT 1}). */
  public Optional<R> findFirst() {
    List<R> rows = first.mapping().run(executor, values.apply(first.rendered()));
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  @Override
  public String toString() {
    return sql() + " -- " + values.names();
  }
}
