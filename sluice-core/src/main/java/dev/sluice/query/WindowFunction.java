package dev.sluice.query;

import dev.sluice.sql.QueryPart;
import dev.sluice.sql.RenderContext;
import dev.sluice.types.DataType;
import java.util.List;

/**
 * A window-only function ({@code row_number()}, {@code lag(x)}...). It is deliberately not a
 * {@link Field}: PostgreSQL rejects it without an OVER clause, so only {@link #over(WindowSpec)} or
 * {@link #over(String)} give something selectable, and forgetting OVER does not compile.
 *
 * @param <T> the Java type of the function's result
 */
public final class WindowFunction<T> implements QueryPart {
  private final String function;
  private final DataType<T> type;
  private final List<QueryPart> args;

  WindowFunction(String function, DataType<T> type, List<? extends QueryPart> args) {
    this.function = function;
    this.type = type;
    this.args = List.copyOf(args);
  }

  /** {@code fn(...) OVER (spec)}. */
  public Field<T> over(WindowSpec spec) {
    return Windows.over(this, function, type, spec);
  }

  /** {@code fn(...) OVER name}, a window declared with {@code SelectStep.window(name, spec)}. */
  public Field<T> over(String windowName) {
    return Windows.over(this, function, type, windowName);
  }

  /** {@code fn(...) OVER ()}. */
  public Field<T> over() {
    return over(WindowSpec.empty());
  }

  /** Renders the bare call; only meaningful inside an OVER expression. */
  @Override
  public void renderTo(RenderContext ctx) {
    ctx.sql(function).sql('(').visitAll(args, ", ").sql(')');
  }
}
