package dev.sluice.query;

import dev.sluice.sql.Identifiers;
import dev.sluice.sql.QueryPart;
import dev.sluice.types.DataType;
import dev.sluice.types.PgTypes;
import java.util.List;

/**
 * Window functions: ranking ({@code row_number}, {@code rank}...), offsets ({@code lag}/{@code lead})
 * and values ({@code first_value}...). Each returns a {@link WindowFunction} that becomes a field only
 * with {@code .over(spec)} or {@code .over("name")}; aggregates get the same through
 * {@link AggregateFunction#over(WindowSpec)}. Offsets and defaults are bound values.
 */
public final class Windows {
  private Windows() {}

  /** {@code row_number()}: 1, 2, 3... within the partition. */
  public static WindowFunction<Long> rowNumber() {
    return new WindowFunction<>("row_number", PgTypes.BIGINT, List.of());
  }

  /** {@code rank()}: rank with gaps after ties. */
  public static WindowFunction<Long> rank() {
    return new WindowFunction<>("rank", PgTypes.BIGINT, List.of());
  }

  /** {@code dense_rank()}: rank without gaps. */
  public static WindowFunction<Long> denseRank() {
    return new WindowFunction<>("dense_rank", PgTypes.BIGINT, List.of());
  }

  /** {@code percent_rank()}: (rank - 1) / (rows - 1), from 0 to 1. */
  public static WindowFunction<Double> percentRank() {
    return new WindowFunction<>("percent_rank", PgTypes.DOUBLE, List.of());
  }

  /** {@code cume_dist()}: fraction of rows up to and including this row's peers. */
  public static WindowFunction<Double> cumeDist() {
    return new WindowFunction<>("cume_dist", PgTypes.DOUBLE, List.of());
  }

  /** {@code ntile(buckets)}: bucket number 1..buckets (bound). */
  public static WindowFunction<Integer> ntile(int buckets) {
    if (buckets < 1) throw new IllegalArgumentException("ntile buckets must be >= 1, got " + buckets);
    return new WindowFunction<>("ntile", PgTypes.INTEGER, List.of(Dsl.val(buckets, PgTypes.INTEGER)));
  }

  /** {@code lag(f)}: the value one row before (null on the first row). */
  public static <T> WindowFunction<T> lag(Field<T> f) {
    return new WindowFunction<>("lag", f.dataType(), List.of(f));
  }

  /** {@code lag(f, offset)}. */
  public static <T> WindowFunction<T> lag(Field<T> f, int offset) {
    return new WindowFunction<>("lag", f.dataType(), List.of(f, offset(offset)));
  }

  /** {@code lag(f, offset, default)}: the default (bound with the field's type) where there is no such row. */
  public static <T> WindowFunction<T> lag(Field<T> f, int offset, T defaultValue) {
    return new WindowFunction<>("lag", f.dataType(), List.of(f, offset(offset), Dsl.val(defaultValue, f.dataType())));
  }

  /** {@code lag(f, offset, defaultField)}. */
  public static <T> WindowFunction<T> lag(Field<T> f, int offset, Field<T> defaultValue) {
    return new WindowFunction<>("lag", f.dataType(), List.of(f, offset(offset), defaultValue));
  }

  /** {@code lead(f)}: the value one row after. */
  public static <T> WindowFunction<T> lead(Field<T> f) {
    return new WindowFunction<>("lead", f.dataType(), List.of(f));
  }

  /** {@code lead(f, offset)}. */
  public static <T> WindowFunction<T> lead(Field<T> f, int offset) {
    return new WindowFunction<>("lead", f.dataType(), List.of(f, offset(offset)));
  }

  /** {@code lead(f, offset, default)}. */
  public static <T> WindowFunction<T> lead(Field<T> f, int offset, T defaultValue) {
    return new WindowFunction<>("lead", f.dataType(), List.of(f, offset(offset), Dsl.val(defaultValue, f.dataType())));
  }

  /** {@code lead(f, offset, defaultField)}. */
  public static <T> WindowFunction<T> lead(Field<T> f, int offset, Field<T> defaultValue) {
    return new WindowFunction<>("lead", f.dataType(), List.of(f, offset(offset), defaultValue));
  }

  /** {@code first_value(f)}. */
  public static <T> WindowFunction<T> firstValue(Field<T> f) {
    return new WindowFunction<>("first_value", f.dataType(), List.of(f));
  }

  /** {@code last_value(f)}; mind the default frame, which ends at the current row. */
  public static <T> WindowFunction<T> lastValue(Field<T> f) {
    return new WindowFunction<>("last_value", f.dataType(), List.of(f));
  }

  /** {@code nth_value(f, n)} (n bound, 1-based). */
  public static <T> WindowFunction<T> nthValue(Field<T> f, int n) {
    if (n < 1) throw new IllegalArgumentException("nth_value position must be >= 1, got " + n);
    return new WindowFunction<>("nth_value", f.dataType(), List.of(f, Dsl.val(n, PgTypes.INTEGER)));
  }

  private static Field<Integer> offset(int offset) {
    if (offset < 0) throw new IllegalArgumentException("lag/lead offset must be >= 0, got " + offset);
    return Dsl.val(offset, PgTypes.INTEGER);
  }

  static <T> Field<T> over(QueryPart call, String name, DataType<T> type, WindowSpec spec) {
    return Expressions.of(name, type, ctx -> ctx.visit(call).sql(" OVER (").visit(spec).sql(')'));
  }

  static <T> Field<T> over(QueryPart call, String name, DataType<T> type, String windowName) {
    Identifiers.check(windowName);
    return Expressions.of(name, type, ctx -> ctx.visit(call).sql(" OVER ").id(windowName));
  }
}
