package dev.sluice.query;

import java.util.List;

/** One result row of an untyped query: values read with their fields' codecs. */
public interface Row {
  /** The value of {@code field} (matched by identity, then by name). */
  <T> T get(Field<T> field);

  /** The value of column {@code index} (0-based). */
  Object get(int index);

  /** The value of the column labelled {@code name}. */
  Object get(String name);

  /** The selected fields, in order. */
  List<Field<?>> fields();

  /** Number of columns. */
  int size();
}
