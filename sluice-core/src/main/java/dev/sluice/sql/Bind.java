package dev.sluice.sql;

import dev.sluice.types.DataType;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** One bind value and the type that knows how to send it. */
public record Bind(DataType<?> type, Object value) {
  /** Binds this value as parameter {@code index} of {@code ps}. */
  @SuppressWarnings("unchecked")
  public void bindTo(PreparedStatement ps, int index) throws SQLException {
    ((DataType<Object>) type).bind(ps, index, value);
  }
}
