package dev.sluice.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A {@code smallint} read and written as {@link Integer}, so int literals need no {@code (short)}
 * cast; a value outside -32768..32767 is refused before any SQL is sent, naming the range.
 */
final class SmallintAsIntCodec implements Codec<Integer> {
  static Integer checked(Integer value) {
    if (value != null && (value < Short.MIN_VALUE || value > Short.MAX_VALUE)) {
      throw new IllegalArgumentException("value " + value + " does not fit a smallint column (" + Short.MIN_VALUE
          + ".." + Short.MAX_VALUE + "); declare the column integer(...) if it must hold it");
    }
    return value;
  }

  @Override
  public void bind(PreparedStatement ps, int index, Integer value) throws SQLException {
    if (value == null) ps.setNull(index, Types.SMALLINT);
    else ps.setShort(index, checked(value).shortValue());
  }

  @Override
  public Integer read(ResultSet rs, int index) throws SQLException {
    int v = rs.getInt(index);
    return rs.wasNull() ? null : v;
  }

  @Override
  public Integer fromText(String text) {
    return text == null ? null : Integer.valueOf(text);
  }

  @Override
  public String toText(Integer value) {
    return String.valueOf(checked(value));
  }
}
