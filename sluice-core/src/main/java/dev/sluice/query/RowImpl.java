package dev.sluice.query;

import java.util.Arrays;
import java.util.List;

/** An untyped row: its values plus the (shared) list of fields. */
final class RowImpl implements Row {
  private final List<Field<?>> fields;
  private final Object[] values;

  RowImpl(List<Field<?>> fields, Object[] values) {
    this.fields = fields;
    this.values = values;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(Field<T> field) {
    for (int i = 0; i < values.length; i++) if (fields.get(i) == field) return (T) values[i];
    for (int i = 0; i < values.length; i++) if (fields.get(i).name().equals(field.name())) return (T) values[i];
    throw new IllegalArgumentException("field " + field.name() + " is not in this row; columns: " + names());
  }

  @Override
  public Object get(int index) {
    return values[index];
  }

  @Override
  public Object get(String name) {
    for (int i = 0; i < values.length; i++) if (fields.get(i).name().equals(name)) return values[i];
    throw new IllegalArgumentException("no column " + name + " in this row; columns: " + names());
  }

  @Override
  public List<Field<?>> fields() {
    return fields;
  }

  @Override
  public int size() {
    return values.length;
  }

  private List<String> names() {
    return fields.stream().map(Field::name).toList();
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
