package dev.sluice.runtime;

import dev.sluice.query.InsertRow;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The bulk paths of a {@link Database} (each call in its own transaction) and of a
 * {@link Transaction} (on its connection): everything goes through {@link #bulk(BulkOptions)}.
 */
public interface BulkWrites {
  /** A bulk writer with the given path thresholds; see {@link BulkWriter}. */
  BulkWriter bulk(BulkOptions options);

  /** Inserts one row per item (multi-row INSERT, batch or COPY by count); see {@link BulkWriter#insertMany}. */
  default <E> long insertMany(Table<?> table, Iterable<? extends E> items, BiConsumer<? super InsertRow, ? super E> mapper) {
    return bulk(BulkOptions.DEFAULT).insertMany(table, items, mapper);
  }

  /** Streams items into the table without materialising them; see {@link BulkWriter#insertMany}. */
  default <E> long insertMany(Table<?> table, Stream<? extends E> items, BiConsumer<? super InsertRow, ? super E> mapper) {
    return bulk(BulkOptions.DEFAULT).insertMany(table, items, mapper);
  }

  /** Inserts or updates one row per item on the conflict columns; see {@link BulkWriter#upsertMany}. */
  default <E> long upsertMany(Table<?> table, Iterable<? extends E> items, BiConsumer<? super InsertRow, ? super E> mapper,
      Column<?>... conflictColumns) {
    return bulk(BulkOptions.DEFAULT).upsertMany(table, items, mapper, conflictColumns);
  }
}
