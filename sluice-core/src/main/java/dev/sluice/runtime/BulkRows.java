package dev.sluice.runtime;

import dev.sluice.query.Field;
import dev.sluice.query.InsertRow;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Turns items into rows of plain values for the bulk paths. The first item fixes the column list (the
 * columns its mapper sets, in order, then every column with an app-side {@code defaultFn()} it did not
 * set); every later item must set the same columns. Values only: an expression cannot go through COPY.
 */
final class BulkRows<E> {
  private static final Object DEFAULT = new Object();

  private final Table<?> table;
  private final BiConsumer<? super InsertRow, ? super E> mapper;
  private final String what;
  private List<Column<?>> columns;
  private int explicitCount;
  private Map<String, Integer> index;
  private long rowNumber;

  BulkRows(Table<?> table, BiConsumer<? super InsertRow, ? super E> mapper, String what) {
    this.table = Objects.requireNonNull(table, "table").definition();
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.what = what + " " + this.table.name();
  }

  String what() {
    return what;
  }

  Table<?> table() {
    return table;
  }

  /** The columns of every row, in order; known after the first row. */
  List<Column<?>> columns() {
    return columns;
  }

  /** How many leading columns the mapper sets (the rest are filled by {@code defaultFn()}). */
  int explicitCount() {
    return explicitCount;
  }

  /** Maps one item to its values, in {@link #columns()} order. */
  Object[] row(E item) {
    rowNumber++;
    if (columns == null) return firstRow(item);
    Object[] values = new Object[columns.size()];
    boolean[] set = new boolean[explicitCount];
    mapper.accept(new Later(values, set), item);
    for (int i = 0; i < explicitCount; i++) {
      if (!set[i]) {
        throw new IllegalArgumentException(what + ": row " + rowNumber + " does not set column " + columns.get(i).name()
            + " but row 1 does; every row must set the same columns");
      }
    }
    fillDefaults(values);
    return values;
  }

  private Object[] firstRow(E item) {
    First first = new First();
    mapper.accept(first, item);
    List<Column<?>> cols = new ArrayList<>(first.columns);
    explicitCount = cols.size();
    for (Column<?> c : table.columns()) {
      if (c.defaultFn() != null && !first.names.containsKey(c.name())) cols.add(c);
    }
    if (cols.isEmpty()) throw new IllegalArgumentException(what + ": the mapper set no column");
    for (int i = 0; i < explicitCount; i++) {
      Column<?> c = cols.get(i);
      if (c.isGeneratedAlways()) {
        throw new IllegalArgumentException(what + ": column " + c.name() + " is GENERATED ALWAYS and cannot be "
            + "written by a bulk insert; leave it out");
      }
    }
    columns = List.copyOf(cols);
    index = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) index.put(columns.get(i).name(), i);
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < explicitCount; i++) values[i] = first.values.get(i);
    fillDefaults(values);
    return values;
  }

  private void fillDefaults(Object[] values) {
    for (int i = 0; i < values.length; i++) {
      if (i >= explicitCount || values[i] == DEFAULT) values[i] = columns.get(i).defaultFn().get();
    }
  }

  private void checkTable(Column<?> column) {
    Objects.requireNonNull(column, "column");
    if (column.table().definition() != table) {
      throw new IllegalArgumentException(what + ": column " + column + " does not belong to table " + table.name());
    }
  }

  private IllegalArgumentException noExpressions(Column<?> column) {
    return new IllegalArgumentException(what + ": column " + column.name() + " is set to an expression; bulk inserts "
        + "take plain values (COPY cannot evaluate SQL), use insertInto(...) for expressions");
  }

  private Object defaultMarker(Column<?> column) {
    if (column.defaultFn() == null) {
      throw new IllegalArgumentException(what + ": setDefault(" + column.name() + ") in a bulk insert needs an "
          + "app-side defaultFn(); for the database default leave the column out of every row");
    }
    return DEFAULT;
  }

  /** What both row collectors share: every setter stores one value through {@link #put}. */
  private abstract class Collector implements InsertRow {
    abstract InsertRow put(Column<?> column, Object value);

    @Override
    public <T> InsertRow set(Column<T> column, T value) {
      return put(column, value);
    }

    @Override
    public <T> InsertRow set(Column<T> column, Field<T> value) {
      throw noExpressions(column);
    }

    @Override
    public InsertRow setNull(Column<?> column) {
      return put(column, null);
    }

    @Override
    public InsertRow setDefault(Column<?> column) {
      return put(column, defaultMarker(column));
    }
  }

  /** Collects the first row: records the column order. */
  private final class First extends Collector {
    final List<Column<?>> columns = new ArrayList<>();
    final List<Object> values = new ArrayList<>();
    final Map<String, Integer> names = new HashMap<>();

    @Override
    InsertRow put(Column<?> column, Object value) {
      checkTable(column);
      if (names.putIfAbsent(column.name(), columns.size()) != null) {
        throw new IllegalArgumentException(what + ": column " + column.name() + " is set twice");
      }
      columns.add(column);
      values.add(value);
      return this;
    }
  }

  /** Collects a later row into the fixed slots. */
  private final class Later extends Collector {
    private final Object[] values;
    private final boolean[] set;

    Later(Object[] values, boolean[] set) {
      this.values = values;
      this.set = set;
    }

    @Override
    InsertRow put(Column<?> column, Object value) {
      checkTable(column);
      Integer i = index.get(column.name());
      if (i == null || i >= explicitCount) {
        throw new IllegalArgumentException(what + ": row " + rowNumber + " sets column " + column.name()
            + " but row 1 does not; every row must set the same columns");
      }
      if (set[i]) throw new IllegalArgumentException(what + ": column " + column.name() + " is set twice");
      set[i] = true;
      values[i] = value;
      return this;
    }
  }
}
