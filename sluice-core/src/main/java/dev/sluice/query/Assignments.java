package dev.sluice.query;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.sql.RenderContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Ordered {@code column = value} pairs of one target table: an inserted row or a SET list. Columns are
 * keyed by name, so the columns of an aliased table instance match the table's own.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class Assignments {
  /** The {@code DEFAULT} keyword as a value. */
  static final Field<Object> DEFAULT = Expressions.of("default", null, ctx -> ctx.sql("DEFAULT"));

  private final Table<?> target;
  private final String statement;
  private final Map<String, Column<?>> columns = new LinkedHashMap<>();
  private final Map<String, Field<?>> values = new LinkedHashMap<>();

  /** {@code statement} names the statement in error messages, e.g. {@code "insert into users"}. */
  Assignments(Table<?> target, String statement) {
    this.target = target;
    this.statement = statement;
  }

  static String describe(String verb, Table<?> target) {
    return verb + " " + target.name();
  }

  void put(Column<?> column, Field<?> value) {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(value, () -> "value of column " + column.name() + " (use setNull for SQL NULL)");
    checkBelongs(target, column, statement);
    if (columns.containsKey(column.name())) {
      throw new IllegalArgumentException(statement + ": column " + column.name() + " is set twice");
    }
    columns.put(column.name(), column);
    values.put(column.name(), value);
  }

  <T> void putValue(Column<T> column, T value) {
    Objects.requireNonNull(column, "column");
    put(column, new Param<>(value, column.dataType()));
  }

  void putNull(Column<?> column) {
    Objects.requireNonNull(column, "column");
    put(column, new Param(null, column.dataType()));
  }

  static void checkBelongs(Table<?> target, Column<?> column, String statement) {
    if (column.table().definition() != target.definition()) {
      throw new IllegalArgumentException(statement + ": column " + column + " does not belong to table "
          + target.name());
    }
  }

  boolean isEmpty() {
    return columns.isEmpty();
  }

  List<String> names() {
    return List.copyOf(columns.keySet());
  }

  boolean has(String name) {
    return columns.containsKey(name);
  }

  Column<?> column(String name) {
    return columns.get(name);
  }

  Field<?> value(String name) {
    return values.get(name);
  }

  /** A copy with {@code col = onUpdateFn()} added for every target column that has one and is not set. */
  Assignments withOnUpdateDefaults() {
    Assignments copy = copy();
    for (Column<?> c : target.columns()) {
      Supplier<?> fn = c.onUpdateFn();
      if (fn != null && !copy.has(c.name())) copy.put(c, new Param(fn.get(), c.dataType()));
    }
    return copy;
  }

  Assignments copy() {
    Assignments copy = new Assignments(target, statement);
    copy.columns.putAll(columns);
    copy.values.putAll(values);
    return copy;
  }

  /** Fails when a value is written into a {@code GENERATED ALWAYS} column (DEFAULT is allowed). */
  void checkWritable(boolean overridingSystemValue) {
    for (String name : columns.keySet()) {
      if (values.get(name) != DEFAULT) checkWritable(columns.get(name), overridingSystemValue, statement);
    }
  }

  static void checkWritable(Column<?> c, boolean overridingSystemValue, String statement) {
    if (!c.isGeneratedAlways()) return;
    boolean expression = c.table().definition().toModel().column(c.name())
        .map(m -> m.generatedExpr() != null).orElse(false);
    if (expression) {
      throw new IllegalArgumentException(statement + ": column " + c.name()
          + " is GENERATED ALWAYS AS (...) and cannot be written; leave it out");
    }
    if (!overridingSystemValue) {
      throw new IllegalArgumentException(statement + ": column " + c.name()
          + " is GENERATED ALWAYS AS IDENTITY; leave it out, or call overridingSystemValue() to insert an explicit value");
    }
  }

  /** Writes {@code a = x, b = y}: bare column names, values as written (qualified columns allowed). */
  void renderSet(RenderContext ctx) {
    if (columns.isEmpty()) throw new IllegalStateException(statement + ": SET has no column; call set(column, value)");
    int i = 0;
    for (String name : columns.keySet()) {
      if (i++ > 0) ctx.sql(", ");
      renderBare(ctx, columns.get(name));
      ctx.sql(" = ").visit(values.get(name));
    }
  }

  /** Writes {@code (a, b)}: bare column names. */
  static void renderColumnList(RenderContext ctx, List<? extends Column<?>> cols) {
    ctx.sql('(');
    for (int i = 0; i < cols.size(); i++) {
      if (i > 0) ctx.sql(", ");
      renderBare(ctx, cols.get(i));
    }
    ctx.sql(')');
  }

  static void renderBare(RenderContext ctx, Column<?> c) {
    boolean q = ctx.qualify(false);
    ctx.visit(c);
    ctx.qualify(q);
  }

  List<Column<?>> columnList() {
    return new ArrayList<>(columns.values());
  }
}
