package dev.sluice.query.relational;

import dev.sluice.schema.Relation;
import dev.sluice.types.DataType;
import java.util.List;

/**
 * The value shape of one query level: named slots in select order. Equal shapes map the same way,
 * so (record class, shape) keys the cached mapping plans.
 */
record Shape(List<Slot> slots, int hash) {
  Shape(List<Slot> slots) {
    this(slots, slots.hashCode());
  }

  /** Shapes key the plan cache on every call: the hash is computed once, equality checks it first. */
  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Shape s && s.hash == hash && s.slots.equals(slots);
  }

  /**
   * A value (column or extra) or a nested relation ({@code kind} and {@code nested} set). A
   * {@code flat} relation (a joined one-relation of the root) arrives as plain columns: its key,
   * then its values, instead of one json column.
   */
  record Slot(String name, DataType<?> type, Relation.Kind kind, Shape nested, boolean flat) {
    static Slot value(String name, DataType<?> type) {
      return new Slot(name, type, null, null, false);
    }

    static Slot nested(String name, Relation.Kind kind, Shape nested, boolean flat) {
      return new Slot(name, null, kind, nested, flat);
    }

    /** How many result columns the slot takes at the root. */
    int width() {
      if (!flat) return 1;
      int w = 1;
      for (Slot s : nested.slots()) w += s.width();
      return w;
    }

    boolean isRelation() {
      return kind != null;
    }

    String describe() {
      if (kind == null) return name + " " + type.javaType().getSimpleName();
      return name + (kind == Relation.Kind.MANY ? " (many)" : " (one)");
    }
  }

  int indexOf(String component) {
    for (int i = 0; i < slots.size(); i++) if (slots.get(i).name().equals(component)) return i;
    String lower = component.toLowerCase(java.util.Locale.ROOT);
    for (int i = 0; i < slots.size(); i++) {
      if (slots.get(i).name().replace("_", "").toLowerCase(java.util.Locale.ROOT).equals(lower)) return i;
    }
    return -1;
  }
}
