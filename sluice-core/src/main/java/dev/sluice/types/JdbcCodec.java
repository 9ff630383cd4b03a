package dev.sluice.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * Codec for types pgjdbc maps natively: binds with {@code setObject(index, value, sqlType)} and reads
 * with {@code getObject(index, javaType)}, which pgjdbc serves without going through text where it can.
 */
final class JdbcCodec<T> implements Codec<T> {
  private final Class<T> javaType;
  private final int sqlType;
  private final Function<String, T> fromText;
  private final Function<T, String> toText;

  JdbcCodec(Class<T> javaType, int sqlType, Function<String, T> fromText) {
    this(javaType, sqlType, fromText, String::valueOf);
  }

  JdbcCodec(Class<T> javaType, int sqlType, Function<String, T> fromText, Function<T, String> toText) {
    this.javaType = javaType;
    this.sqlType = sqlType;
    this.fromText = fromText;
    this.toText = toText;
  }

  @Override
  public String toText(T value) {
    return toText.apply(value);
  }

  @Override
  public void bind(PreparedStatement ps, int index, T value) throws SQLException {
    if (value == null) {
      ps.setNull(index, sqlType);
    } else {
      ps.setObject(index, value, sqlType);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public T read(ResultSet rs, int index) throws SQLException {
    // the primitive getters skip getObject(Class)'s per-call type lookup; wasNull restores SQL NULL
    if (javaType == String.class) return (T) rs.getString(index);
    if (javaType == Integer.class) {
      int v = rs.getInt(index);
      return rs.wasNull() ? null : (T) Integer.valueOf(v);
    }
    if (javaType == Long.class) {
      long v = rs.getLong(index);
      return rs.wasNull() ? null : (T) Long.valueOf(v);
    }
    if (javaType == Double.class) {
      double v = rs.getDouble(index);
      return rs.wasNull() ? null : (T) Double.valueOf(v);
    }
    if (javaType == java.math.BigDecimal.class) {
      // sum(integer) is bigint, not numeric: getObject(BigDecimal.class) refuses int8, getBigDecimal reads any number
      return javaType.cast(rs.getBigDecimal(index));
    }
    return rs.getObject(index, javaType);
  }

  @Override
  public T fromText(String text) {
    return text == null ? null : fromText.apply(text);
  }
}
