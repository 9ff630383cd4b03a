package dev.sluice.query.relational;

import dev.sluice.query.Condition;
import dev.sluice.query.Field;
import dev.sluice.query.OrderField;
import dev.sluice.schema.Relation;
import java.util.List;
import java.util.function.UnaryOperator;

/** A nested level's builder: a thin view of its {@link LevelSpec}. */
final class NestedImpl implements Nested {
  private final LevelSpec spec;

  private NestedImpl(LevelSpec spec) {
    this.spec = spec;
  }

  static void shape(LevelSpec spec, UnaryOperator<Nested> shaper) {
    NestedImpl view = new NestedImpl(spec);
    Nested result = shaper.apply(view);
    if (result != null && result != view) {
      throw new IllegalArgumentException("the function given to with(" + spec.relation.name()
          + ", ...) must return the level it was given");
    }
  }

  @Override
  public Nested columns(Field<?>... fields) {
    spec.columns(fields);
    return this;
  }

  @Override
  public Nested with(Relation<?> relation) {
    spec.addChild(relation);
    return this;
  }

  @Override
  public Nested with(Relation<?> relation, UnaryOperator<Nested> nested) {
    shape(spec.addChild(relation), nested);
    return this;
  }

  @Override
  public Nested where(Condition condition) {
    spec.where(condition);
    return this;
  }

  @Override
  public Nested withDeleted() {
    spec.withDeleted = true;
    return this;
  }

  @Override
  public Nested orderBy(OrderField... fields) {
    spec.orderBy.addAll(List.of(fields));
    return this;
  }

  @Override
  public Nested limit(long n) {
    spec.limit(n);
    return this;
  }

  @Override
  public Nested offset(long n) {
    spec.offset(n);
    return this;
  }

  @Override
  public Nested extra(String name, Field<?> value) {
    spec.extra(name, value);
    return this;
  }
}
