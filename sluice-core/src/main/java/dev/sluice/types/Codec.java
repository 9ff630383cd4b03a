package dev.sluice.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Moves values of one Java type in and out of JDBC. Implementations must be stateless and
 * allocation-light: they run once per bound parameter and once per column of every fetched row.
 *
 * @param <T> the Java type
 */
public interface Codec<T> {
  /** Binds {@code value} (null allowed) as parameter {@code index}. */
  void bind(PreparedStatement ps, int index, T value) throws SQLException;

  /** Reads column {@code index}; SQL NULL must become Java null. */
  T read(ResultSet rs, int index) throws SQLException;

  /**
   * Converts a value produced by PostgreSQL's own text output (for example an element of a
   * {@code json_agg} result, or a COPY text field) into the Java value. Used by relational queries
   * and bulk paths; the default supports nothing.
   */
  default T fromText(String text) {
    throw new UnsupportedOperationException("no text decoding for " + getClass().getSimpleName());
  }

  /** Renders {@code value} as PostgreSQL text input (for COPY text and literals). */
  default String toText(T value) {
    return String.valueOf(value);
  }

  /** True when the bound parameter needs a {@code ::type} cast (values sent as text/unknown). */
  default boolean needsCast() {
    return false;
  }
}
