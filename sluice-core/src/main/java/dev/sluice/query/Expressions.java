package dev.sluice.query;

import dev.sluice.sql.Identifiers;
import dev.sluice.sql.QueryPart;
import dev.sluice.sql.RenderContext;
import dev.sluice.types.DataType;
import java.util.List;

/** Implementations of {@link Field} that are not columns. */
final class Expressions {
  private Expressions() {}

  /** A field rendered by a lambda. */
  record Custom<T>(String name, DataType<T> dataType, QueryPart body) implements Field<T> {
    @Override
    public void renderTo(RenderContext ctx) {
      body.renderTo(ctx);
    }
  }

  static <T> Field<T> of(String name, DataType<T> type, QueryPart body) {
    return new Custom<>(name, type, body);
  }

  static <T> Field<T> binary(Field<?> left, String op, Field<?> right, DataType<T> type) {
    return of(left.name(), type, ctx -> ctx.sql('(').visit(left).sql(' ').sql(op).sql(' ').visit(right).sql(')'));
  }

  static <U> Field<U> cast(Field<?> f, DataType<U> type) {
    return of(f.name(), type, ctx -> ctx.sql("CAST(").visit(f).sql(" AS ").sql(type.castName()).sql(')'));
  }

  /** {@code name(args...)}: the function name is a keyword chosen by Sluice code, never user input. */
  static <T> Field<T> function(String name, DataType<T> type, List<? extends QueryPart> args) {
    return of(name.toLowerCase(java.util.Locale.ROOT), type, ctx -> ctx.sql(name).sql('(').visitAll(args, ", ").sql(')'));
  }

  static Field<Boolean> conditionField(Condition c) {
    return of("?column?", dev.sluice.types.PgTypes.BOOLEAN, ctx -> ctx.sql('(').visit(c).sql(')'));
  }

  /** A field with an alias: renders {@code expr AS alias} in a select list. */
  record Aliased<T>(Field<T> field, String alias) implements Field<T> {
    Aliased {
      Identifiers.check(alias);
    }

    @Override
    public DataType<T> dataType() {
      return field.dataType();
    }

    @Override
    public String name() {
      return alias;
    }

    @Override
    public void renderTo(RenderContext ctx) {
      ctx.visit(field).sql(" AS ").id(alias);
    }

    /** Where the alias is referenced (ORDER BY, outer queries), only the name is written. */
    Field<T> reference() {
      return of(alias, field.dataType(), ctx -> ctx.id(alias));
    }

    @Override
    public SortField asc() {
      return new SortField(reference(), false, null);
    }

    @Override
    public SortField desc() {
      return new SortField(reference(), true, null);
    }
  }

  static <T> Field<T> alias(Field<T> f, String alias) {
    Field<T> inner = f instanceof Aliased<T> a ? a.field() : f;
    return new Aliased<>(inner, alias);
  }
}
