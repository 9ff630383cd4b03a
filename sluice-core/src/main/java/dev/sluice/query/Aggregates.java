package dev.sluice.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.types.DataType;
import dev.sluice.types.PgTypes;
import java.math.BigDecimal;
import java.util.List;

/**
 * Aggregate functions returning {@link AggregateFunction}, so each can take {@code FILTER (WHERE ...)},
 * an input {@code ORDER BY} and an {@code OVER} window. {@code Dsl.count()/sum()/...} remain as the short
 * forms; the ones here are the same calls with those refinements available.
 */
public final class Aggregates {
  private Aggregates() {}

  private static final dev.sluice.sql.QueryPart STAR = ctx -> ctx.sql('*');

  /** {@code count(*)}. */
  public static AggregateFunction<Long> count() {
    return new AggregateFunction<>("count", PgTypes.BIGINT, false, List.of(STAR));
  }

  /** {@code count(f)}: rows where {@code f} is not null. */
  public static AggregateFunction<Long> count(Field<?> f) {
    return new AggregateFunction<>("count", PgTypes.BIGINT, false, List.of(f));
  }

  /** {@code count(DISTINCT f)}. */
  public static AggregateFunction<Long> countDistinct(Field<?> f) {
    return new AggregateFunction<>("count", PgTypes.BIGINT, true, List.of(f));
  }

  /** {@code sum(f)} as numeric (PostgreSQL widens integer sums). */
  public static AggregateFunction<BigDecimal> sum(Field<? extends Number> f) {
    return new AggregateFunction<>("sum", PgTypes.NUMERIC, false, List.of(f));
  }

  /** {@code avg(f)} as numeric. */
  public static AggregateFunction<BigDecimal> avg(Field<? extends Number> f) {
    return new AggregateFunction<>("avg", PgTypes.NUMERIC, false, List.of(f));
  }

  /** {@code min(f)}. */
  public static <T> AggregateFunction<T> min(Field<T> f) {
    return new AggregateFunction<>("min", f.dataType(), false, List.of(f));
  }

  /** {@code max(f)}. */
  public static <T> AggregateFunction<T> max(Field<T> f) {
    return new AggregateFunction<>("max", f.dataType(), false, List.of(f));
  }

  /** {@code string_agg(f, separator)}; the separator is bound. Add {@code .orderBy(...)} for a stable order. */
  public static AggregateFunction<String> stringAgg(Field<String> f, String separator) {
    return new AggregateFunction<>("string_agg", PgTypes.TEXT, false, List.of(f, Dsl.val(separator, PgTypes.TEXT)));
  }

  /** {@code array_agg(f)}: the values as an array of the field's type. */
  public static <T> AggregateFunction<T[]> arrayAgg(Field<T> f) {
    return new AggregateFunction<>("array_agg", f.dataType().array(), false, List.of(f));
  }

  /** {@code array_agg(DISTINCT f)}. */
  public static <T> AggregateFunction<T[]> arrayAggDistinct(Field<T> f) {
    return new AggregateFunction<>("array_agg", f.dataType().array(), true, List.of(f));
  }

  /** {@code json_agg(f)}: values (or whole rows, via {@code Jsonb.toJsonb}) as a JSON array. */
  public static AggregateFunction<JsonNode> jsonAgg(Field<?> f) {
    return new AggregateFunction<>("json_agg", PgTypes.JSON, false, List.of(f));
  }

  /** {@code jsonb_agg(f)}. */
  public static AggregateFunction<JsonNode> jsonbAgg(Field<?> f) {
    return new AggregateFunction<>("jsonb_agg", PgTypes.JSONB, false, List.of(f));
  }

  /** {@code bool_and(c)}: true when the condition holds for every row. */
  public static AggregateFunction<Boolean> boolAnd(Field<Boolean> f) {
    return new AggregateFunction<>("bool_and", PgTypes.BOOLEAN, false, List.of(f));
  }

  /** {@code bool_and(condition)}. */
  public static AggregateFunction<Boolean> boolAnd(Condition c) {
    return boolAnd(c.asField());
  }

  /** {@code bool_or(c)}: true when the condition holds for at least one row. */
  public static AggregateFunction<Boolean> boolOr(Field<Boolean> f) {
    return new AggregateFunction<>("bool_or", PgTypes.BOOLEAN, false, List.of(f));
  }

  /** {@code bool_or(condition)}. */
  public static AggregateFunction<Boolean> boolOr(Condition c) {
    return boolOr(c.asField());
  }

  /** Any other aggregate by name (a keyword chosen by the program, checked to be a plain identifier). */
  public static <T> AggregateFunction<T> aggregate(String function, DataType<T> type, Field<?>... args) {
    dev.sluice.sql.Identifiers.check(function);
    if (!function.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("aggregate name must be a lower-case SQL identifier, got " + function);
    }
    return new AggregateFunction<>(function, type, false, List.of(args));
  }
}
