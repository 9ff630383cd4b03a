package dev.sluice.query;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One row of a table, typed by the table's own columns, with no class to write: the counterpart of
 * Drizzle's {@code $inferSelect}/{@code $inferInsert} and jOOQ's generated records.
 * {@code db.selectFrom(BOOKS).fetch()} returns them ({@code r.get(BOOKS.title)} is a {@code String});
 * {@code TableRecord.of(BOOKS).with(BOOKS.title, "Dune")} builds one to insert with
 * {@code db.insertInto(BOOKS).set(record)}.
 *
 * <p>Immutable. A record knows which columns it holds a value for: all of them when fetched, the ones
 * given to {@link #with} when built; an insert sets exactly those (the others get their defaults).
 *
 * @param <T> the table
 */
public final class TableRecord<T extends Table<T>> {
  private final T table;
  private final Object[] values;
  private final boolean[] present;

  private TableRecord(T table, Object[] values, boolean[] present) {
    this.table = table;
    this.values = values;
    this.present = present;
  }

  /** An empty record of {@code table} (no column set). */
  public static <T extends Table<T>> TableRecord<T> of(T table) {
    int n = table.columns().size();
    return new TableRecord<>(Objects.requireNonNull(table, "table"), new Object[n], new boolean[n]);
  }

  /** A record holding every column, values in {@link Table#columns()} order (for readers). */
  static <T extends Table<T>> TableRecord<T> full(T table, Object[] values) {
    boolean[] all = new boolean[values.length];
    Arrays.fill(all, true);
    return new TableRecord<>(table, values, all);
  }

  /** The table this is a row of. */
  public T table() {
    return table;
  }

  /** The value of {@code column} (null when SQL NULL or not set); the column must be one of the table's. */
  @SuppressWarnings("unchecked")
  public <V> V get(Column<V> column) {
    return (V) values[index(column)];
  }

  /** Whether this record holds a value for {@code column} (fetched records hold every column). */
  public boolean has(Column<?> column) {
    return present[index(column)];
  }

  /** A copy with {@code column} set to {@code value}. */
  public <V> TableRecord<T> with(Column<V> column, V value) {
    int i = index(column);
    Object[] v = values.clone();
    boolean[] p = present.clone();
    v[i] = value;
    p[i] = true;
    return new TableRecord<>(table, v, p);
  }

  /** A copy that no longer holds {@code column} (an insert leaves it to its default, e.g. an identity). */
  public TableRecord<T> without(Column<?> column) {
    int i = index(column);
    Object[] v = values.clone();
    boolean[] p = present.clone();
    v[i] = null;
    p[i] = false;
    return new TableRecord<>(table, v, p);
  }

  private int index(Column<?> column) {
    List<Column<?>> cs = table.columns();
    for (int i = 0; i < cs.size(); i++) if (cs.get(i) == column) return i;
    if (column.table() != null && column.table().definition() == table.definition()) {
      for (int i = 0; i < cs.size(); i++) if (cs.get(i).name().equals(column.name())) return i;
    }
    throw new IllegalArgumentException("column " + column.name() + " is not a column of table " + table.name());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TableRecord<?> r && r.table.definition() == table.definition() && Arrays.equals(r.values, values)
        && Arrays.equals(r.present, present);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(table.name()).append('[');
    List<Column<?>> cs = table.columns();
    boolean first = true;
    for (int i = 0; i < cs.size(); i++) {
      if (!present[i]) continue;
      if (!first) sb.append(", ");
      first = false;
      sb.append(cs.get(i).name()).append('=').append(values[i]);
    }
    return sb.append(']').toString();
  }
}
