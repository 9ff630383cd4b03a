package dev.sluice.query;

import dev.sluice.sql.QueryPart;
import dev.sluice.sql.RenderContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Implementations of {@link Condition}. */
final class Conditions {
  private Conditions() {}

  static final Condition TRUE = ctx -> ctx.sql("TRUE");
  static final Condition FALSE = ctx -> ctx.sql("FALSE");

  static Condition binary(QueryPart left, String op, QueryPart right) {
    return ctx -> {
      ctx.visit(left).sql(' ').sql(op).sql(' ');
      ctx.visit(right);
    };
  }

  static Condition postfix(QueryPart operand, String op) {
    return ctx -> ctx.visit(operand).sql(' ').sql(op);
  }

  static Condition between(Field<?> f, Field<?> low, Field<?> high, boolean not) {
    return ctx -> ctx.visit(f).sql(not ? " NOT BETWEEN " : " BETWEEN ").visit(low).sql(" AND ").visit(high);
  }

  static <T> Condition in(Field<T> f, Collection<? extends T> values, boolean not) {
    if (values.isEmpty()) {
      return not ? TRUE : FALSE;
    }
    List<Field<T>> params = new ArrayList<>(values.size());
    for (T v : values) params.add(Dsl.val(v, f.dataType()));
    return ctx -> ctx.visit(f).sql(not ? " NOT IN (" : " IN (").visitAll(params, ", ").sql(')');
  }

  static Condition inSubquery(Field<?> f, QueryPart subquery, boolean not) {
    return ctx -> {
      ctx.visit(f).sql(not ? " NOT IN (" : " IN (");
      ctx.subquery(1);
      ctx.visit(subquery);
      ctx.subquery(-1);
      ctx.sql(')');
    };
  }

  static Condition combine(String op, Condition a, Condition b) {
    List<Condition> parts = new ArrayList<>();
    flatten(op, a, parts);
    flatten(op, b, parts);
    return new Combined(op, List.copyOf(parts));
  }

  private static void flatten(String op, Condition c, List<Condition> into) {
    if (c instanceof Combined comb && comb.op.equals(op)) {
      into.addAll(comb.parts);
    } else {
      into.add(c);
    }
  }

  static Condition not(Condition c) {
    return ctx -> ctx.sql("NOT (").visit(c).sql(')');
  }

  static Condition exists(QueryPart subquery, boolean not) {
    return ctx -> {
      ctx.sql(not ? "NOT EXISTS (" : "EXISTS (");
      ctx.subquery(1);
      ctx.visit(subquery);
      ctx.subquery(-1);
      ctx.sql(')');
    };
  }

  /** AND/OR of several conditions, flattened so chains render without nested parentheses. */
  private record Combined(String op, List<Condition> parts) implements Condition {
    @Override
    public void renderTo(RenderContext ctx) {
      ctx.sql('(');
      for (int i = 0; i < parts.size(); i++) {
        if (i > 0) ctx.sql(' ').sql(op).sql(' ');
        ctx.visit(parts.get(i));
      }
      ctx.sql(')');
    }
  }
}
