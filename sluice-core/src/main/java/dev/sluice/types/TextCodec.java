package dev.sluice.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.function.Function;

/**
 * Codec for types PostgreSQL sends and receives as text: the value is bound as an untyped
 * ({@code Types.OTHER}) string and the SQL carries a {@code ::type} cast, so the server parses it.
 */
final class TextCodec<T> implements Codec<T> {
  private final Function<String, T> parse;
  private final Function<T, String> format;

  TextCodec(Function<String, T> parse, Function<T, String> format) {
    this.parse = parse;
    this.format = format;
  }

  @Override
  public void bind(PreparedStatement ps, int index, T value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.OTHER);
    } else {
      ps.setObject(index, format.apply(value), Types.OTHER);
    }
  }

  @Override
  public T read(ResultSet rs, int index) throws SQLException {
    String s = rs.getString(index);
    return s == null ? null : parse.apply(s);
  }

  @Override
  public T fromText(String text) {
    return text == null ? null : parse.apply(text);
  }

  @Override
  public String toText(T value) {
    return format.apply(value);
  }

  @Override
  public boolean needsCast() {
    return true;
  }
}
