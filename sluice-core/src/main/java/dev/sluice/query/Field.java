package dev.sluice.query;

import dev.sluice.sql.QueryPart;
import dev.sluice.types.DataType;
import java.util.Collection;
import java.util.List;

/**
 * A typed SQL expression: a column, a bind value, a function call, a scalar subquery. The Java type
 * parameter makes comparisons type-checked by javac: {@code USERS.email.eq(42)} does not compile
 * when {@code email} is a {@code Field<String>}.
 *
 * @param <T> the Java type of the expression's values
 */
public interface Field<T> extends QueryPart, OrderField, SelectItem {
  /** The SQL type and codec of this expression. */
  DataType<T> dataType();

  /** The label a result column of this expression gets (column name or alias); used to map records. */
  String name();

  // --- comparison -----------------------------------------------------------------------------

  /** {@code this = value}; a null value gives {@code this IS NULL}. */
  default Condition eq(T value) {
    return value == null ? isNull() : Conditions.binary(this, "=", Dsl.val(value, dataType()));
  }

  /** {@code this = other}. */
  default Condition eq(Field<T> other) {
    return Conditions.binary(this, "=", other);
  }

  /** {@code this <> value}; a null value gives {@code this IS NOT NULL}. */
  default Condition ne(T value) {
    return value == null ? isNotNull() : Conditions.binary(this, "<>", Dsl.val(value, dataType()));
  }

  /** {@code this <> other}. */
  default Condition ne(Field<T> other) {
    return Conditions.binary(this, "<>", other);
  }

  /** {@code this < value}. */
  default Condition lt(T value) {
    return Conditions.binary(this, "<", Dsl.val(value, dataType()));
  }

  /** {@code this < other}. */
  default Condition lt(Field<T> other) {
    return Conditions.binary(this, "<", other);
  }

  /** {@code this <= value}. */
  default Condition le(T value) {
    return Conditions.binary(this, "<=", Dsl.val(value, dataType()));
  }

  /** {@code this <= other}. */
  default Condition le(Field<T> other) {
    return Conditions.binary(this, "<=", other);
  }

  /** {@code this > value}. */
  default Condition gt(T value) {
    return Conditions.binary(this, ">", Dsl.val(value, dataType()));
  }

  /** {@code this > other}. */
  default Condition gt(Field<T> other) {
    return Conditions.binary(this, ">", other);
  }

  /** {@code this >= value}. */
  default Condition ge(T value) {
    return Conditions.binary(this, ">=", Dsl.val(value, dataType()));
  }

  /** {@code this >= other}. */
  default Condition ge(Field<T> other) {
    return Conditions.binary(this, ">=", other);
  }

  /** {@code this BETWEEN low AND high}. */
  default Condition between(T low, T high) {
    return Conditions.between(this, Dsl.val(low, dataType()), Dsl.val(high, dataType()), false);
  }

  /** {@code this NOT BETWEEN low AND high}. */
  default Condition notBetween(T low, T high) {
    return Conditions.between(this, Dsl.val(low, dataType()), Dsl.val(high, dataType()), true);
  }

  /** {@code this IS DISTINCT FROM value} (null-safe inequality). */
  default Condition isDistinctFrom(T value) {
    return Conditions.binary(this, "IS DISTINCT FROM", Dsl.val(value, dataType()));
  }

  /** {@code this IS NOT DISTINCT FROM value} (null-safe equality). */
  default Condition isNotDistinctFrom(T value) {
    return Conditions.binary(this, "IS NOT DISTINCT FROM", Dsl.val(value, dataType()));
  }

  /** {@code this IN (values...)}; an empty list is {@code false}. */
  default Condition in(Collection<? extends T> values) {
    return Conditions.in(this, values, false);
  }

  /** {@code this IN (values...)}. */
  @SuppressWarnings("unchecked")
  default Condition in(T... values) {
    return Conditions.in(this, List.of(values), false);
  }

  /** {@code this IN (subquery)}. */
  default Condition in(SingleColumn<T> subquery) {
    return Conditions.inSubquery(this, subquery, false);
  }

  /** {@code this NOT IN (values...)}; an empty list is {@code true}. */
  default Condition notIn(Collection<? extends T> values) {
    return Conditions.in(this, values, true);
  }

  /** {@code this NOT IN (values...)}. */
  @SuppressWarnings("unchecked")
  default Condition notIn(T... values) {
    return Conditions.in(this, List.of(values), true);
  }

  /** {@code this NOT IN (subquery)}. */
  default Condition notIn(SingleColumn<T> subquery) {
    return Conditions.inSubquery(this, subquery, true);
  }

  /** {@code this IS NULL}. */
  default Condition isNull() {
    return Conditions.postfix(this, "IS NULL");
  }

  /** {@code this IS NOT NULL}. */
  default Condition isNotNull() {
    return Conditions.postfix(this, "IS NOT NULL");
  }

  /** {@code this LIKE pattern} (the pattern is bound, never spliced). */
  default Condition like(String pattern) {
    return Conditions.binary(this, "LIKE", Dsl.val(pattern));
  }

  /** {@code this NOT LIKE pattern}. */
  default Condition notLike(String pattern) {
    return Conditions.binary(this, "NOT LIKE", Dsl.val(pattern));
  }

  /** {@code this ILIKE pattern} (case-insensitive). */
  default Condition ilike(String pattern) {
    return Conditions.binary(this, "ILIKE", Dsl.val(pattern));
  }

  /** {@code this NOT ILIKE pattern}. */
  default Condition notIlike(String pattern) {
    return Conditions.binary(this, "NOT ILIKE", Dsl.val(pattern));
  }

  /** {@code this SIMILAR TO pattern}. */
  default Condition similarTo(String pattern) {
    return Conditions.binary(this, "SIMILAR TO", Dsl.val(pattern));
  }

  /** {@code this ~ regex} (POSIX regular expression). */
  default Condition matches(String regex) {
    return Conditions.binary(this, "~", Dsl.val(regex));
  }

  // --- arithmetic and other expressions --------------------------------------------------------

  /** {@code this + other}. */
  default Field<T> plus(T value) {
    return Expressions.binary(this, "+", Dsl.val(value, dataType()), dataType());
  }

  /** {@code this + other}. */
  default Field<T> plus(Field<T> other) {
    return Expressions.binary(this, "+", other, dataType());
  }

  /** {@code this - other}. */
  default Field<T> minus(T value) {
    return Expressions.binary(this, "-", Dsl.val(value, dataType()), dataType());
  }

  /** {@code this - other}. */
  default Field<T> minus(Field<T> other) {
    return Expressions.binary(this, "-", other, dataType());
  }

  /** {@code this * other}. */
  default Field<T> times(T value) {
    return Expressions.binary(this, "*", Dsl.val(value, dataType()), dataType());
  }

  /** {@code this * other}. */
  default Field<T> times(Field<T> other) {
    return Expressions.binary(this, "*", other, dataType());
  }

  /** {@code this / other}. */
  default Field<T> div(T value) {
    return Expressions.binary(this, "/", Dsl.val(value, dataType()), dataType());
  }

  /** {@code this / other}. */
  default Field<T> div(Field<T> other) {
    return Expressions.binary(this, "/", other, dataType());
  }

  /** {@code CAST(this AS type)}. */
  default <U> Field<U> cast(DataType<U> type) {
    return Expressions.cast(this, type);
  }

  /** This expression under another name in a select list ({@code this AS alias}). */
  default Field<T> as(String alias) {
    return Expressions.alias(this, alias);
  }

  // --- ordering ---------------------------------------------------------------------------------

  /** Ascending order. */
  default SortField asc() {
    return new SortField(this, false, null);
  }

  /** Descending order. */
  default SortField desc() {
    return new SortField(this, true, null);
  }
}
