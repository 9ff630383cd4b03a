package dev.sluice.query.relational;

import dev.sluice.query.Condition;
import dev.sluice.query.Field;
import dev.sluice.query.OrderField;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The mutable description of one level, shared by the root and nested builders. */
final class LevelSpec {
  /** One nested relation and how it is shaped. */
  record Child(Relation<?> relation, LevelSpec spec) {}

  /** A computed value and its name. */
  record Extra(String name, Field<?> value) {}

  final Table<?> table;
  final Relation<?> relation; // null at the root
  List<Field<?>> columns; // null: all columns
  final List<Extra> extras = new ArrayList<>();
  final List<Child> children = new ArrayList<>();
  Condition where;
  boolean withDeleted;
  final List<OrderField> orderBy = new ArrayList<>();
  Long limit;
  Long offset;

  LevelSpec(Table<?> table, Relation<?> relation) {
    this.table = table;
    this.relation = relation;
  }

  void columns(Field<?>... fields) {
    columns = List.of(fields);
  }

  LevelSpec addChild(Relation<?> r) {
    Objects.requireNonNull(r, "relation");
    Table<?> owner = r.source().definition();
    if (!owner.name().equals(table.definition().name()) || !owner.schema().equals(table.definition().schema())) {
      throw new IllegalArgumentException("relation " + r.source().name() + "." + r.name() + " belongs to table "
          + owner.name() + ", not to " + table.name() + " (the table of this query level)");
    }
    for (Child c : children) {
      if (c.relation().name().equals(r.name())) {
        throw new IllegalArgumentException("relation " + r.name() + " is already included at this level of " + table.name());
      }
    }
    LevelSpec child = new LevelSpec(r.target(), r);
    children.add(new Child(r, child));
    return child;
  }

  /**
   * The level's filter as rendered: the user's conditions plus, unless {@link #withDeleted}, the
   * live-rows condition of each soft-delete table the level reads ({@code source}, and the junction
   * of a many-to-many). Null when there is nothing to filter.
   */
  Condition effectiveWhere(Table<?>... sources) {
    Condition c = where;
    if (!withDeleted) {
      for (Table<?> t : sources) {
        Condition live = t == null ? null : t.softDeleteCondition();
        if (live != null) c = c == null ? live : live.and(c);
      }
    }
    return c;
  }

  void where(Condition c) {
    where = where == null ? c : where.and(c);
  }

  void limit(long n) {
    if (n < 0) throw new IllegalArgumentException("limit must be >= 0, got " + n);
    limit = n;
  }

  void offset(long n) {
    if (n < 0) throw new IllegalArgumentException("offset must be >= 0, got " + n);
    offset = n;
  }

  void extra(String name, Field<?> value) {
    Identifiers.check(name);
    extras.add(new Extra(name, Objects.requireNonNull(value, "value")));
  }

  /** The selected plain columns (defaults resolved). */
  List<Field<?>> selectedColumns() {
    return columns != null ? columns : table.fields();
  }

  /** The result shape of this level: what the mapper can expect, in select order. */
  Shape shape() {
    return shape(c -> false);
  }

  /** The result shape, with the children {@code flat} accepts sent as plain columns. */
  Shape shape(java.util.function.Predicate<LevelSpec> flat) {
    List<Shape.Slot> slots = new ArrayList<>();
    for (Field<?> f : selectedColumns()) slots.add(Shape.Slot.value(f.name(), f.dataType()));
    for (Extra e : extras) slots.add(Shape.Slot.value(e.name(), e.value().dataType()));
    for (Child c : children) {
      slots.add(Shape.Slot.nested(c.relation().name(), c.relation().kind(), c.spec().shape(flat), flat.test(c.spec())));
    }
    return new Shape(List.copyOf(slots));
  }
}
