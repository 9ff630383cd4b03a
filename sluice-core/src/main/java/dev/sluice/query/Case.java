package dev.sluice.query;

import dev.sluice.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * A searched {@code CASE WHEN c THEN v ... ELSE d END}: {@code Case.when(c, "a").when(d, "b").otherwise("z")}.
 * Every branch has the type of the first, so {@code Case.when(c, "a").when(d, 2)} does not compile.
 * Values are bound.
 */
public final class Case {
  private Case() {}

  /** {@code CASE WHEN condition THEN value}; the result type follows the value's Java class. */
  public static <T> Builder<T> when(Condition condition, T value) {
    if (value == null) throw new IllegalArgumentException("the first CASE branch needs a non-null value or a typed field");
    Field<T> v = Dsl.val(value);
    return when(condition, v);
  }

  /** {@code CASE WHEN condition THEN field}. */
  public static <T> Builder<T> when(Condition condition, Field<T> value) {
    return new Builder<>(value.dataType(), List.of(new Branch(condition, value)));
  }

  /** {@code CASE WHEN condition THEN value} with an explicit result type (enums, json...). */
  public static <T> Builder<T> when(Condition condition, T value, DataType<T> type) {
    return when(condition, Dsl.val(value, type));
  }

  private record Branch(Condition when, Field<?> then) {}

  /** A CASE expression being built; immutable, each branch returns a new builder. */
  public static final class Builder<T> {
    private final DataType<T> type;
    private final List<Branch> branches;

    private Builder(DataType<T> type, List<Branch> branches) {
      this.type = type;
      this.branches = branches;
    }

    /** Another {@code WHEN condition THEN value} branch. */
    public Builder<T> when(Condition condition, T value) {
      return when(condition, Dsl.val(value, type));
    }

    /** Another {@code WHEN condition THEN field} branch. */
    public Builder<T> when(Condition condition, Field<T> value) {
      List<Branch> b = new ArrayList<>(branches);
      b.add(new Branch(condition, value));
      return new Builder<>(type, List.copyOf(b));
    }

    /** {@code ... ELSE value END}. */
    public Field<T> otherwise(T value) {
      return build(Dsl.val(value, type));
    }

    /** {@code ... ELSE field END}. */
    public Field<T> otherwise(Field<T> value) {
      return build(value);
    }

    /** {@code ... END} (no ELSE: null when no branch matches). */
    public Field<T> end() {
      return build(null);
    }

    private Field<T> build(Field<T> otherwise) {
      List<Branch> b = branches;
      return Expressions.of("case", type, ctx -> {
        ctx.sql("CASE");
        for (Branch br : b) ctx.sql(" WHEN ").visit(br.when()).sql(" THEN ").visit(br.then());
        if (otherwise != null) ctx.sql(" ELSE ").visit(otherwise);
        ctx.sql(" END");
      });
    }
  }
}
