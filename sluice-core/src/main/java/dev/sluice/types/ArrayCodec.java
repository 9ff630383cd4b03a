package dev.sluice.types;

import java.lang.reflect.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Arrays of any element type, nested for more dimensions, through PostgreSQL's array text form
 * ({@code {a,"b c",NULL}}): the element codec does each element, so enums, json, ranges and custom
 * types work as elements without special cases.
 */
final class ArrayCodec<T> implements Codec<T[]> {
  private final DataType<T> element;

  ArrayCodec(DataType<T> element) {
    this.element = element;
  }

  DataType<T> element() {
    return element;
  }

  @Override
  public void bind(PreparedStatement ps, int index, T[] value) throws SQLException {
    if (value == null) ps.setNull(index, Types.OTHER); else ps.setObject(index, toText(value), Types.OTHER);
  }

  @Override
  public T[] read(ResultSet rs, int index) throws SQLException {
    return fromText(rs.getString(index));
  }

  @Override
  public boolean needsCast() {
    return true;
  }

  @Override
  public String toText(T[] value) {
    StringBuilder b = new StringBuilder();
    write(b, value);
    return b.toString();
  }

  @SuppressWarnings("unchecked")
  private void write(StringBuilder b, T[] value) {
    b.append('{');
    for (int i = 0; i < value.length; i++) {
      if (i > 0) b.append(',');
      T v = value[i];
      if (v == null) {
        b.append("NULL");
      } else if (element.codec() instanceof ArrayCodec<?> nested) {
        ((ArrayCodec<Object>) nested).write(b, (Object[]) v);
      } else {
        String s = element.codec().toText(v);
        b.append('"');
        for (int j = 0; j < s.length(); j++) {
          char c = s.charAt(j);
          if (c == '"' || c == '\\') b.append('\\');
          b.append(c);
        }
        b.append('"');
      }
    }
    b.append('}');
  }

  @Override
  public T[] fromText(String text) {
    if (text == null) return null;
    String s = text;
    // optional dimension decoration: [1:2]={...}
    if (s.startsWith("[")) s = s.substring(s.indexOf('=') + 1);
    int[] pos = {0};
    return parse(s, pos);
  }

  @SuppressWarnings("unchecked")
  T[] parse(String s, int[] pos) {
    if (s.charAt(pos[0]) != '{') throw new IllegalArgumentException("not an array literal: " + s);
    pos[0]++;
    List<T> items = new ArrayList<>();
    while (pos[0] < s.length()) {
      char c = s.charAt(pos[0]);
      if (c == '}') {
        pos[0]++;
        break;
      }
      if (c == ',') {
        pos[0]++;
        continue;
      }
      if (c == '{') {
        ArrayCodec<Object> nested = (ArrayCodec<Object>) element.codec();
        items.add((T) nested.parse(s, pos));
      } else if (c == '"') {
        StringBuilder b = new StringBuilder();
        pos[0]++;
        while (true) {
          char d = s.charAt(pos[0]++);
          if (d == '\\') b.append(s.charAt(pos[0]++));
          else if (d == '"') break;
          else b.append(d);
        }
        items.add(element.codec().fromText(b.toString()));
      } else {
        int start = pos[0];
        while (s.charAt(pos[0]) != ',' && s.charAt(pos[0]) != '}') pos[0]++;
        // only PostgreSQL's array whitespace, not String.trim(): that also strips control characters
        // such as U+0001, which PostgreSQL prints unquoted
        int end = pos[0];
        while (start < end && isArraySpace(s.charAt(start))) start++;
        while (end > start && isArraySpace(s.charAt(end - 1))) end--;
        String raw = s.substring(start, end);
        items.add(raw.equals("NULL") ? null : element.codec().fromText(raw));
      }
    }
    T[] out = (T[]) Array.newInstance(element.javaType(), items.size());
    return items.toArray(out);
  }

  /** PostgreSQL's array_isspace: the characters it skips around unquoted elements. */
  private static boolean isArraySpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
  }
}
