package dev.sluice.query;

import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Rows read lazily with a server-side cursor, in constant memory whatever the result size. Holds a
 * connection until closed: use try-with-resources.
 */
public interface Cursor<R> extends Iterator<R>, AutoCloseable {
  /** The remaining rows as a stream (closing the stream closes the cursor). */
  Stream<R> stream();

  /** Releases the connection; idempotent. */
  @Override
  void close();
}
