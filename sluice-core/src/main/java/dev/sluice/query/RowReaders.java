package dev.sluice.query;

import dev.sluice.types.DataType;
import java.util.List;

/**
 * Row readers for result fields, for code outside this package that runs rendered SQL itself (the
 * runtime's prepared queries): the same readers the fluent fetch methods use.
 */
public final class RowReaders {
  private RowReaders() {}

  /** Reads each row as a {@link Row} of {@code fields}, column {@code i} with field {@code i}'s codec. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static RowReader<Row> rows(List<Field<?>> fields) {
    List<Field<?>> copy = List.copyOf(fields);
    DataType[] types = copy.stream().map(Field::dataType).toArray(DataType[]::new);
    return rs -> {
      Object[] values = new Object[types.length];
      for (int i = 0; i < types.length; i++) values[i] = types[i].read(rs, i + 1);
      return new RowImpl(copy, values);
    };
  }

  /** Reads each row into a record or class by component name (see {@link ResultQuery#fetchInto}). */
  public static <R> RowReader<R> into(Class<R> type, List<Field<?>> fields) {
    return RecordMapping.of(type, fields);
  }
}
