package dev.sluice.query;

import dev.sluice.schema.Table;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code SELECT every column of T FROM T ...} ({@code db.selectFrom(BOOKS)}), read into
 * {@link TableRecord}s; the columns are listed by name, in the order they are decoded.
 *
 * @param <T> the table
 */
public interface TableSelect<T extends Table<T>> extends SelectStep<TableSelect<T>>, ResultQuery {
  /** Every row as a record of the table. */
  List<TableRecord<T>> fetch();

  /** The only row; null when there is none; fails when there are several. */
  TableRecord<T> fetchOne();

  /** The only row, if any; fails when there are several. */
  Optional<TableRecord<T>> fetchOptional();

  /**
   * The rows as a lazy stream through a server-side cursor ({@link ResultQuery#DEFAULT_FETCH_SIZE} rows
   * per round trip); closing the stream releases the connection: use try-with-resources.
   */
  Stream<TableRecord<T>> fetchStream();
}
