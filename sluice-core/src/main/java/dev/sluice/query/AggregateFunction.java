package dev.sluice.query;

import dev.sluice.sql.QueryPart;
import dev.sluice.sql.RenderContext;
import dev.sluice.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * An aggregate call such as {@code string_agg(x, ?)}: usable as a plain field, and refinable with
 * {@link #filter(Condition)} ({@code FILTER (WHERE ...)}), {@link #orderBy(OrderField...)} (ordering of
 * the aggregated input, which matters for {@code string_agg}/{@code array_agg}/{@code json_agg}) or turned
 * into a window function with {@link #over(WindowSpec)}. Instances are immutable: each refinement
 * returns a new call, so a shared aggregate can be reused safely.
 *
 * @param <T> the Java type of the aggregate's result
 */
public final class AggregateFunction<T> implements Field<T> {
  private final String function;
  private final DataType<T> type;
  private final boolean distinct;
  private final List<QueryPart> args;
  private final List<OrderField> orderBy;
  private final Condition filter;

  AggregateFunction(String function, DataType<T> type, boolean distinct, List<? extends QueryPart> args) {
    this(function, type, distinct, List.copyOf(args), List.of(), null);
  }

  private AggregateFunction(String function, DataType<T> type, boolean distinct, List<QueryPart> args,
      List<OrderField> orderBy, Condition filter) {
    this.function = function;
    this.type = type;
    this.distinct = distinct;
    this.args = args;
    this.orderBy = orderBy;
    this.filter = filter;
  }

  @Override
  public DataType<T> dataType() {
    return type;
  }

  @Override
  public String name() {
    return function;
  }

  /** {@code agg(...) FILTER (WHERE condition)}: aggregates only the rows matching; called again, conditions are ANDed. */
  public AggregateFunction<T> filter(Condition condition) {
    Condition c = filter == null ? condition : filter.and(condition);
    return new AggregateFunction<>(function, type, distinct, args, orderBy, c);
  }

  /** {@code agg(args ORDER BY fields)}: the order in which input rows are aggregated. */
  public AggregateFunction<T> orderBy(OrderField... fields) {
    if (fields.length == 0) throw new IllegalArgumentException("orderBy() of " + function + " needs at least one field");
    List<OrderField> o = new ArrayList<>(orderBy);
    o.addAll(List.of(fields));
    return new AggregateFunction<>(function, type, distinct, args, List.copyOf(o), filter);
  }

  /** This aggregate as a window function: {@code agg(...) OVER (spec)}. */
  public Field<T> over(WindowSpec spec) {
    return Windows.over(this, function, type, spec);
  }

  /** {@code agg(...) OVER name}, a window declared with {@code SelectStep.window(name, spec)}. */
  public Field<T> over(String windowName) {
    return Windows.over(this, function, type, windowName);
  }

  /** {@code agg(...) OVER ()}: over the whole result. */
  public Field<T> over() {
    return over(WindowSpec.empty());
  }

  @Override
  public void renderTo(RenderContext ctx) {
    ctx.sql(function).sql('(');
    if (distinct) ctx.sql("DISTINCT ");
    ctx.visitAll(args, ", ");
    if (!orderBy.isEmpty()) ctx.sql(" ORDER BY ").visitAll(orderBy, ", ");
    ctx.sql(')');
    if (filter != null) ctx.sql(" FILTER (WHERE ").visit(filter).sql(')');
  }
}
