package dev.sluice.query;

import dev.sluice.types.DataType;
import dev.sluice.types.PgTypes;
import java.util.Collection;
import java.util.List;

/**
 * PostgreSQL array operators and functions on {@code Field<T[]>}. Array values are bound as one
 * parameter typed like the field ({@code ?::text[]}), so a thousand-element list is still one bind.
 */
public final class PgArrays {
  private PgArrays() {}

  /** {@code f @> values}: f contains every element of values. */
  public static <T> Condition contains(Field<T[]> f, T[] values) {
    return Conditions.binary(f, "@>", Dsl.val(values, f.dataType()));
  }

  /** {@code f @> other}. */
  public static <T> Condition contains(Field<T[]> f, Field<T[]> other) {
    return Conditions.binary(f, "@>", other);
  }

  /** {@code f <@ values}: every element of f is in values. */
  public static <T> Condition containedIn(Field<T[]> f, T[] values) {
    return Conditions.binary(f, "<@", Dsl.val(values, f.dataType()));
  }

  /** {@code f <@ other}. */
  public static <T> Condition containedIn(Field<T[]> f, Field<T[]> other) {
    return Conditions.binary(f, "<@", other);
  }

  /** {@code f && values}: the arrays share at least one element. */
  public static <T> Condition overlaps(Field<T[]> f, T[] values) {
    return Conditions.binary(f, "&&", Dsl.val(values, f.dataType()));
  }

  /** {@code f && other}. */
  public static <T> Condition overlaps(Field<T[]> f, Field<T[]> other) {
    return Conditions.binary(f, "&&", other);
  }

  /**
   * {@code ANY(array)} as a comparison operand: {@code x.eq(any(tags))} renders {@code x = ANY(tags)}.
   * Only meaningful on the right of a comparison.
   */
  public static <T> Field<T> any(Field<T[]> array) {
    return Expressions.of(array.name(), elementType(array.dataType()), ctx -> ctx.sql("ANY(").visit(array).sql(')'));
  }

  /** {@code ALL(array)} as a comparison operand: {@code x.gt(all(limits))}. */
  public static <T> Field<T> all(Field<T[]> array) {
    return Expressions.of(array.name(), elementType(array.dataType()), ctx -> ctx.sql("ALL(").visit(array).sql(')'));
  }

  /**
   * {@code f = ANY(?)} with the values bound as one array of f's type: an IN list whose SQL text (and
   * so prepared statement) does not change with the number of values.
   */
  public static <T> Condition eqAny(Field<T> f, Collection<? extends T> values) {
    @SuppressWarnings("unchecked")
    T[] arr = values.toArray((T[]) java.lang.reflect.Array.newInstance(f.dataType().javaType(), 0));
    Field<T[]> bound = Dsl.val(arr, f.dataType().array());
    return ctx -> ctx.visit(f).sql(" = ANY(").visit(bound).sql(')');
  }

  /** {@code array_length(f, dimension)} (null for an empty array). */
  public static <T> Field<Integer> arrayLength(Field<T[]> f, int dimension) {
    return Expressions.function("array_length", PgTypes.INTEGER, List.of(f, Dsl.val(dimension, PgTypes.INTEGER)));
  }

  /** {@code cardinality(f)}: total number of elements (0 for an empty array). */
  public static <T> Field<Integer> cardinality(Field<T[]> f) {
    return Expressions.function("cardinality", PgTypes.INTEGER, List.of(f));
  }

  /** {@code unnest(f)}: set-returning, one row per element. */
  public static <T> Field<T> unnest(Field<T[]> f) {
    return Expressions.function("unnest", elementType(f.dataType()), List.of(f));
  }

  /** {@code array_append(f, value)}. */
  public static <T> Field<T[]> append(Field<T[]> f, T value) {
    return Expressions.function("array_append", f.dataType(),
        List.of(f, Dsl.val(value, elementType(f.dataType()))));
  }

  /** {@code array_position(f, value)}: 1-based index of the first match, or null. */
  public static <T> Field<Integer> position(Field<T[]> f, T value) {
    return Expressions.function("array_position", PgTypes.INTEGER,
        List.of(f, Dsl.val(value, elementType(f.dataType()))));
  }

  @SuppressWarnings("unchecked")
  private static <T> DataType<T> elementType(DataType<T[]> arrayType) {
    DataType<?> e = arrayType.elementType();
    if (e == null) {
      throw new IllegalArgumentException(arrayType.sqlName() + " is not an array type with a known element type");
    }
    return (DataType<T>) e;
  }
}
