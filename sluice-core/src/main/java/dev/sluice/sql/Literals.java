package dev.sluice.sql;

import dev.sluice.types.DataType;

/** SQL literal rendering for INLINE mode: values as escaped, typed string constants. */
public final class Literals {
  private Literals() {}

  /** {@code 'text'} with quotes doubled; NUL is rejected (PostgreSQL text cannot hold it). */
  public static String string(String s) {
    if (s.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a PostgreSQL string cannot contain NUL (\\0)");
    }
    return "'" + s.replace("'", "''") + "'";
  }

  /** A typed literal: numbers and booleans bare, everything else {@code 'text'::type}. */
  @SuppressWarnings("unchecked")
  public static <T> String literal(DataType<T> type, T value) {
    if (value instanceof Number n && !(type.sqlName().equals("money"))) {
      String s = n instanceof java.math.BigDecimal bd ? bd.toPlainString() : n.toString();
      if (s.equals("NaN") || s.contains("Infinity")) {
        return string(s) + "::" + type.castName();
      }
      return n.doubleValue() < 0 ? "(" + s + ")" : s;
    }
    if (value instanceof Boolean b) {
      return b ? "true" : "false";
    }
    String text = ((dev.sluice.types.Codec<Object>) type.codec()).toText(value);
    return string(text) + "::" + type.castName();
  }
}
