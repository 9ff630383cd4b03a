package dev.sluice.query.relational;

import dev.sluice.query.Placeholder;
import dev.sluice.query.QueryExecutor;
import dev.sluice.sql.Bind;
import dev.sluice.sql.Rendered;
import java.util.ArrayList;
import java.util.Arrays;
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
  private final List<Placeholder<?>> placeholders;
  private final Object[] values;
  private final boolean[] bound;

  private PreparedRelationalQuery(QueryExecutor executor, Statement<R> many, Statement<R> first,
      List<Placeholder<?>> placeholders, Object[] values, boolean[] bound) {
    this.executor = executor;
    this.many = many;
    this.first = first;
    this.placeholders = placeholders;
    this.values = values;
    this.bound = bound;
  }

  static <R> PreparedRelationalQuery<R> prepare(QueryExecutor executor, LevelSpec spec, Class<R> type) {
    Statement<R> many = statement(spec, type, false);
    Statement<R> first = statement(spec, type, true);
    List<Placeholder<?>> found = new ArrayList<>();
    for (Bind b : many.rendered().binds()) {
      if (b.value() instanceof Placeholder<?> p) {
        Placeholder<?> same = null;
        for (Placeholder<?> q : found) if (q.name().equals(p.name())) same = q;
        if (same == null) {
          found.add(p);
        } else if (!same.dataType().equals(p.dataType())) {
          throw new IllegalArgumentException("placeholder :" + p.name() + " is used with two types ("
              + same.dataType().sqlName() + " and " + p.dataType().sqlName() + ") in: " + many.rendered().sql());
        }
      }
    }
    return new PreparedRelationalQuery<>(executor, many, first, List.copyOf(found), new Object[found.size()],
        new boolean[found.size()]);
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
    return placeholders;
  }

  /** This query with {@code placeholder} bound to {@code value} (null binds SQL NULL). */
  public <T> PreparedRelationalQuery<R> bind(Placeholder<T> placeholder, T value) {
    int i = indexOf(placeholder.name());
    if (i < 0) {
      throw new IllegalArgumentException("placeholder :" + placeholder.name() + " does not occur in this query"
          + " (its placeholders: " + placeholders.stream().map(p -> ":" + p.name()).toList() + "): " + sql());
    }
    Object[] v = Arrays.copyOf(values, values.length);
    boolean[] b = Arrays.copyOf(bound, bound.length);
    v[i] = value;
    b[i] = true;
    return new PreparedRelationalQuery<>(executor, many, first, placeholders, v, b);
  }

  /** Every matching row, in one statement. */
  public List<R> findMany() {
    return many.mapping().run(executor, withValues(many.rendered()));
  }

  /** The first matching row (the statement has {@code LIMIT 1}). */
  public Optional<R> findFirst() {
    List<R> rows = first.mapping().run(executor, withValues(first.rendered()));
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private int indexOf(String name) {
    for (int i = 0; i < placeholders.size(); i++) if (placeholders.get(i).name().equals(name)) return i;
    return -1;
  }

  private Rendered withValues(Rendered template) {
    if (placeholders.isEmpty()) return template;
    List<Bind> binds = new ArrayList<>(template.binds().size());
    for (Bind b : template.binds()) {
      if (b.value() instanceof Placeholder<?> p) {
        int i = indexOf(p.name());
        if (!bound[i]) {
          throw new IllegalStateException("placeholder :" + p.name() + " is not bound; call bind(" + p.name()
              + ", value) before running: " + template.sql());
        }
        binds.add(new Bind(b.type(), values[i]));
      } else {
        binds.add(b);
      }
    }
    return new Rendered(template.sql(), binds);
  }

  @Override
  public String toString() {
    return sql() + " -- " + placeholders.stream().map(p -> ":" + p.name()).toList();
  }
}
