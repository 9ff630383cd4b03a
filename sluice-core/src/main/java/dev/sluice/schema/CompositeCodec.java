package dev.sluice.schema;

import dev.sluice.types.Codec;
import dev.sluice.types.DataType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java record to and from PostgreSQL's record text form, {@code (a,"b c",,"x""y")}: an empty field
 * is NULL, a quoted field may contain anything ({@code ""} and backslash escape a quote), and each
 * field goes through its attribute type's codec. Bound as untyped text with a {@code ::type} cast.
 */
final class CompositeCodec<R extends Record> implements Codec<R> {
  private final CompositeType<R> type;
  private volatile Resolved resolved;

  private record Resolved(RecordComponent[] components, Constructor<?> constructor, List<DataType<?>> types) {}

  CompositeCodec(CompositeType<R> type) {
    this.type = type;
  }

  /** Why {@code t}'s record does not fit its attributes, or null when it does. */
  static String mismatch(CompositeType<?> t) {
    RecordComponent[] cs = t.javaType().getRecordComponents();
    List<CompositeType.Attr> as = t.attributes();
    String what = t + " (record " + t.javaType().getName() + ")";
    if (cs.length != as.size()) {
      return what + ": the record has " + cs.length + " components but the type declares " + as.size() + " attributes";
    }
    for (int i = 0; i < cs.length; i++) {
      Class<?> expected = as.get(i).type().javaType();
      if (!cs[i].getType().equals(expected)) {
        return what + ": component " + cs[i].getName() + " is " + cs[i].getType().getSimpleName() + " but attribute "
            + as.get(i).name() + " (" + as.get(i).type().sqlName() + ") reads as " + expected.getSimpleName();
      }
    }
    return null;
  }

  private Resolved resolved() {
    Resolved r = resolved;
    if (r != null) return r;
    String problem = mismatch(type);
    if (problem != null) throw new IllegalStateException(problem);
    RecordComponent[] cs = type.javaType().getRecordComponents();
    Class<?>[] types = new Class<?>[cs.length];
    for (int i = 0; i < cs.length; i++) types[i] = cs[i].getType();
    try {
      Constructor<?> ctor = type.javaType().getDeclaredConstructor(types);
      ctor.setAccessible(true);
      List<DataType<?>> dts = new ArrayList<>();
      for (CompositeType.Attr a : type.attributes()) dts.add(a.type());
      for (RecordComponent c : cs) c.getAccessor().setAccessible(true);
      r = new Resolved(cs, ctor, List.copyOf(dts));
    } catch (NoSuchMethodException | RuntimeException e) {
      throw new IllegalStateException(type + ": cannot use the canonical constructor of " + type.javaType().getName()
          + ": " + e.getMessage(), e);
    }
    resolved = r;
    return r;
  }

  @Override
  public void bind(PreparedStatement ps, int index, R value) throws SQLException {
    if (value == null) ps.setNull(index, Types.OTHER); else ps.setObject(index, toText(value), Types.OTHER);
  }

  @Override
  public R read(ResultSet rs, int index) throws SQLException {
    return fromText(rs.getString(index));
  }

  @Override
  public boolean needsCast() {
    return true;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public String toText(R value) {
    Resolved r = resolved();
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < r.components().length; i++) {
      if (i > 0) b.append(',');
      Object v;
      try {
        v = r.components()[i].getAccessor().invoke(value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(type + ": cannot read component " + r.components()[i].getName(), e);
      }
      if (v == null) continue;
      String s = ((Codec) r.types().get(i).codec()).toText(v);
      if (needsQuotes(s)) {
        b.append('"');
        for (int j = 0; j < s.length(); j++) {
          char c = s.charAt(j);
          if (c == '"' || c == '\\') b.append(c);
          b.append(c);
        }
        b.append('"');
      } else {
        b.append(s);
      }
    }
    return b.append(')').toString();
  }

  private static boolean needsQuotes(String s) {
    if (s.isEmpty()) return true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c == '(' || c == ')' || c == ',' || Character.isWhitespace(c)) return true;
    }
    return false;
  }

  @Override
  @SuppressWarnings("unchecked")
  public R fromText(String text) {
    if (text == null) return null;
    Resolved r = resolved();
    int n = r.components().length;
    String s = text.strip();
    if (s.length() < 2 || s.charAt(0) != '(' || s.charAt(s.length() - 1) != ')') {
      throw new IllegalArgumentException(type + ": not a record literal: " + text);
    }
    Object[] args = new Object[n];
    int pos = 1;
    for (int i = 0; i < n; i++) {
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean any = false;
      while (true) {
        if (pos >= s.length()) throw new IllegalArgumentException(type + ": unterminated record literal: " + text);
        char c = s.charAt(pos);
        if (quoted) {
          if (c == '"' && pos + 1 < s.length() && s.charAt(pos + 1) == '"') {
            field.append('"');
            pos += 2;
          } else if (c == '"') {
            quoted = false;
            pos++;
          } else if (c == '\\' && pos + 1 < s.length()) {
            field.append(s.charAt(pos + 1));
            pos += 2;
          } else {
            field.append(c);
            pos++;
          }
        } else if (c == ',' || c == ')') {
          break;
        } else if (c == '"') {
          quoted = true;
          any = true;
          pos++;
        } else if (c == '\\' && pos + 1 < s.length()) {
          field.append(s.charAt(pos + 1));
          any = true;
          pos += 2;
        } else {
          field.append(c);
          any = true;
          pos++;
        }
      }
      char end = s.charAt(pos);
      if (i < n - 1 && end != ',') {
        throw new IllegalArgumentException(type + ": the record has fewer than " + n + " attributes: " + text);
      }
      if (i == n - 1 && end != ')') {
        throw new IllegalArgumentException(type + ": the record has more than " + n + " attributes: " + text);
      }
      pos++;
      args[i] = any ? r.types().get(i).codec().fromText(field.toString()) : null;
    }
    if (n == 0 && !s.equals("()")) throw new IllegalArgumentException(type + ": the record has attributes: " + text);
    try {
      return (R) r.constructor().newInstance(args);
    } catch (InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException(type + ": cannot construct " + type.javaType().getName(), e);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(type + ": " + type.javaType().getName() + " refused " + text + ": "
          + e.getCause().getMessage(), e.getCause());
    }
  }
}
