package dev.sluice.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/** A Java enum to PostgreSQL enum labels, both ways; labels come from {@link Labeled} or {@code name()}. */
final class EnumCodec<E extends Enum<E>> implements Codec<E> {
  private final Class<E> type;
  private final Map<String, E> byLabel = new HashMap<>();
  private final String[] labels;

  EnumCodec(Class<E> type) {
    this.type = type;
    E[] constants = type.getEnumConstants();
    labels = new String[constants.length];
    for (E e : constants) {
      String label = e instanceof Labeled l ? l.label() : e.name();
      labels[e.ordinal()] = label;
      if (byLabel.put(label, e) != null) {
        throw new IllegalArgumentException("enum " + type.getName() + " has two constants with label '" + label + "'");
      }
    }
  }

  /** The labels in declaration order. */
  static <E extends Enum<E>> java.util.List<String> labels(Class<E> type) {
    return java.util.List.of(new EnumCodec<>(type).labels);
  }

  @Override
  public void bind(PreparedStatement ps, int index, E value) throws SQLException {
    if (value == null) ps.setNull(index, Types.OTHER); else ps.setObject(index, labels[value.ordinal()], Types.OTHER);
  }

  @Override
  public E read(ResultSet rs, int index) throws SQLException {
    return fromText(rs.getString(index));
  }

  @Override
  public E fromText(String text) {
    if (text == null) return null;
    E e = byLabel.get(text);
    if (e == null) {
      throw new IllegalArgumentException("enum label '" + text + "' has no constant in " + type.getName());
    }
    return e;
  }

  @Override
  public String toText(E value) {
    return labels[value.ordinal()];
  }

  @Override
  public boolean needsCast() {
    return true;
  }
}
