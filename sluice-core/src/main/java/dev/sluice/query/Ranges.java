package dev.sluice.query;

import dev.sluice.types.DataType;
import dev.sluice.types.PgTypes;
import dev.sluice.types.Range;
import java.util.List;

/**
 * Range operators and functions on {@code Field<Range<T>>} ({@code int4range}, {@code tstzrange},
 * {@code daterange}...). Range values are bound typed like the field ({@code ?::tstzrange}); element
 * values are bound with the range's element type.
 */
public final class Ranges {
  private Ranges() {}

  /** {@code r && value}: the ranges overlap. */
  public static <T> Condition overlaps(Field<Range<T>> r, Range<T> value) {
    return Conditions.binary(r, "&&", Dsl.val(value, r.dataType()));
  }

  /** {@code r && other}. */
  public static <T> Condition overlaps(Field<Range<T>> r, Field<Range<T>> other) {
    return Conditions.binary(r, "&&", other);
  }

  /** {@code r @> element}: the range contains the element. */
  public static <T> Condition contains(Field<Range<T>> r, T element) {
    return Conditions.binary(r, "@>", Dsl.val(element, elementType(r)));
  }

  /** {@code r @> element} for an element field (e.g. a timestamp column). */
  public static <T> Condition containsElement(Field<Range<T>> r, Field<T> element) {
    return Conditions.binary(r, "@>", element);
  }

  /** {@code r @> value}: the range contains the whole other range. */
  public static <T> Condition containsRange(Field<Range<T>> r, Range<T> value) {
    return Conditions.binary(r, "@>", Dsl.val(value, r.dataType()));
  }

  /** {@code r @> other}. */
  public static <T> Condition containsRange(Field<Range<T>> r, Field<Range<T>> other) {
    return Conditions.binary(r, "@>", other);
  }

  /** {@code r <@ value}: the range lies within the other range. */
  public static <T> Condition containedIn(Field<Range<T>> r, Range<T> value) {
    return Conditions.binary(r, "<@", Dsl.val(value, r.dataType()));
  }

  /** {@code r <@ other}. */
  public static <T> Condition containedIn(Field<Range<T>> r, Field<Range<T>> other) {
    return Conditions.binary(r, "<@", other);
  }

  /** {@code element <@ r}: the element lies within the range. */
  public static <T> Condition elementIn(Field<T> element, Field<Range<T>> r) {
    return Conditions.binary(element, "<@", r);
  }

  /** {@code r -|- value}: the ranges are adjacent (touch without overlapping). */
  public static <T> Condition adjacent(Field<Range<T>> r, Range<T> value) {
    return Conditions.binary(r, "-|-", Dsl.val(value, r.dataType()));
  }

  /** {@code r -|- other}. */
  public static <T> Condition adjacent(Field<Range<T>> r, Field<Range<T>> other) {
    return Conditions.binary(r, "-|-", other);
  }

  /** {@code r << value}: r lies strictly left of (before) the other range. */
  public static <T> Condition strictlyLeftOf(Field<Range<T>> r, Range<T> value) {
    return Conditions.binary(r, "<<", Dsl.val(value, r.dataType()));
  }

  /** {@code r >> value}: r lies strictly right of (after) the other range. */
  public static <T> Condition strictlyRightOf(Field<Range<T>> r, Range<T> value) {
    return Conditions.binary(r, ">>", Dsl.val(value, r.dataType()));
  }

  /** {@code lower(r)}: the lower bound, null when unbounded or empty. */
  public static <T> Field<T> lower(Field<Range<T>> r) {
    return Expressions.function("lower", elementType(r), List.of(r));
  }

  /** {@code upper(r)}: the upper bound, null when unbounded or empty. */
  public static <T> Field<T> upper(Field<Range<T>> r) {
    return Expressions.function("upper", elementType(r), List.of(r));
  }

  /** {@code isempty(r)}. */
  public static <T> Field<Boolean> isEmpty(Field<Range<T>> r) {
    return Expressions.function("isempty", PgTypes.BOOLEAN, List.of(r));
  }

  /** {@code r * other}: the intersection. */
  public static <T> Field<Range<T>> intersection(Field<Range<T>> r, Field<Range<T>> other) {
    return Expressions.binary(r, "*", other, r.dataType());
  }

  /** The element type of the built-in range types (a custom range type has no known element codec). */
  @SuppressWarnings("unchecked")
  static <T> DataType<T> elementType(Field<Range<T>> r) {
    String name = r.dataType().sqlName();
    DataType<?> e = switch (name) {
      case "int4range" -> PgTypes.INTEGER;
      case "int8range" -> PgTypes.BIGINT;
      case "numrange" -> PgTypes.NUMERIC;
      case "tsrange" -> PgTypes.TIMESTAMP;
      case "tstzrange" -> PgTypes.TIMESTAMPTZ;
      case "daterange" -> PgTypes.DATE;
      default -> throw new IllegalArgumentException("no known element type for range type " + name
          + " of " + r.name() + "; compare with a range value or an element field instead");
    };
    return (DataType<T>) e;
  }
}
