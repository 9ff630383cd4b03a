package dev.sluice.query;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.sql.RenderContext;
import java.util.ArrayList;
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
  /** Parallel lists in assignment order (a row sets a handful of columns: a scan beats two hash maps). */
  private final List<Column<?>> columns;
  private final List<Field<?>> values;
  /** Column name to index, built only once the row is wide enough for scans to add up. */
  private Map<String, Integer> index;
  private static final int INDEX_FROM = 16;

  /** {@code statement} names the statement in error messages, e.g. {@code "insert into users"}. */
  Assignments(Table<?> target, String statement) {
    this(target, statement, new ArrayList<>(), new ArrayList<>());
  }

  private Assignments(Table<?> target, String statement, List<Column<?>> columns, List<Field<?>> values) {
    this.target = target;
    this.statement = statement;
    this.columns = columns;
    this.values = values;
  }

  private int indexOf(String name) {
    if (index != null) {
      Integer i = index.get(name);
      return i == null ? -1 : i;
    }
    for (int i = 0; i < columns.size(); i++) {
      String n = columns.get(i).name();
      if (n == name || n.equals(name)) return i;
    }
    return -1;
  }

  static String describe(String verb, Table<?> target) {
    return verb + " " + target.name();
  }

  void put(Column<?> column, Field<?> value) {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(value, () -> "value of column " + column.name() + " (use setNull for SQL NULL)");
    checkBelongs(target, column, statement);
    if (indexOf(column.name()) >= 0) {
      throw new IllegalArgumentException(statement + ": column " + column.name() + " is set twice");
    }
    columns.add(column);
    values.add(value);
    if (index != null) {
      index.put(column.name(), columns.size() - 1);
    } else if (columns.size() == INDEX_FROM) {
      Map<String, Integer> m = new java.util.HashMap<>();
      for (int i = 0; i < columns.size(); i++) m.put(columns.get(i).name(), i);
      index = m;
    }
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
    String[] names = new String[columns.size()];
    for (int i = 0; i < names.length; i++) names[i] = columns.get(i).name();
    return List.of(names);
  }

  boolean has(String name) {
    return indexOf(name) >= 0;
  }

  Column<?> column(String name) {
    int i = indexOf(name);
    return i < 0 ? null : columns.get(i);
  }

  Field<?> value(String name) {
    int i = indexOf(name);
    return i < 0 ? null : values.get(i);
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
    Assignments copy = new Assignments(target, statement, new ArrayList<>(columns), new ArrayList<>(values));
    copy.index = index == null ? null : new java.util.HashMap<>(index);
    return copy;
  }

  /** Fails when a value is written into a {@code GENERATED ALWAYS} column (DEFAULT is allowed). */
  void checkWritable(boolean overridingSystemValue) {
    for (int i = 0; i < columns.size(); i++) {
      if (values.get(i) != DEFAULT) checkWritable(columns.get(i), overridingSystemValue, statement);
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
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) ctx.sql(", ");
      renderBare(ctx, columns.get(i));
      ctx.sql(" = ").visit(values.get(i));
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
    return new ArrayList<>(columns);
  }
}
