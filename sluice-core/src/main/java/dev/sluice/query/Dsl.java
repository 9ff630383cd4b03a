package dev.sluice.query;

import dev.sluice.sql.QueryPart;
import dev.sluice.types.DataType;
import dev.sluice.types.PgTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Static entry points of the query DSL for parts that do not start from a column: values,
 * aggregates, boolean combinators, unattached subqueries. Import statically:
 * {@code import static dev.sluice.query.Dsl.*;}.
 */
public final class Dsl {
  private Dsl() {}

  /** A bind value whose SQL type follows from its Java class (see {@link PgTypes#forClass}). */
  @SuppressWarnings("unchecked")
  public static <T> Field<T> val(T value) {
    if (value == null) {
      throw new IllegalArgumentException("val(null) has no type; use val(null, type) or isNull()");
    }
    return new Param<>(value, PgTypes.forClass((Class<T>) value.getClass()));
  }

  /** A bind value of the given SQL type (null allowed). */
  public static <T> Field<T> val(T value, DataType<T> type) {
    return new Param<>(value, type);
  }

  private static final QueryFactory DETACHED = () -> null;

  /**
   * Builders for queries that are not run on their own: subqueries, derived tables, CTE bodies,
   * view definitions. {@code Dsl.query().select(ORDERS.customerId).from(ORDERS)}.
   */
  public static QueryFactory query() {
    return DETACHED;
  }

  /** A detached select of one field, for subqueries ({@code x.in(Dsl.select(...))}). */
  public static <A> Select1<A> select(Field<A> a) {
    return DETACHED.select(a);
  }

  /** A detached select of any fields or tables. */
  public static Select select(SelectItem... items) {
    return DETACHED.select(items);
  }

  /** Always true: the neutral start for building conditions in a loop. */
  public static Condition trueCondition() {
    return Conditions.TRUE;
  }

  /** Always false. */
  public static Condition falseCondition() {
    return Conditions.FALSE;
  }

  /** AND of all conditions; none gives {@code TRUE}. */
  public static Condition and(Condition... conditions) {
    return and(Arrays.asList(conditions));
  }

  /** AND of all conditions; none gives {@code TRUE}. */
  public static Condition and(List<Condition> conditions) {
    Condition c = null;
    for (Condition x : conditions) c = c == null ? x : c.and(x);
    return c == null ? Conditions.TRUE : c;
  }

  /** OR of all conditions; none gives {@code FALSE}. */
  public static Condition or(Condition... conditions) {
    Condition c = null;
    for (Condition x : conditions) c = c == null ? x : c.or(x);
    return c == null ? Conditions.FALSE : c;
  }

  /** {@code NOT (c)}. */
  public static Condition not(Condition c) {
    return c.not();
  }

  /** {@code EXISTS (subquery)}. */
  public static Condition exists(QueryPart subquery) {
    return Conditions.exists(subquery, false);
  }

  /** {@code NOT EXISTS (subquery)}. */
  public static Condition notExists(QueryPart subquery) {
    return Conditions.exists(subquery, true);
  }

  // --- aggregates (the full set, with FILTER / ORDER BY / OVER, is in {@link Aggregates}) --------

  /** {@code count(*)}. */
  public static AggregateFunction<Long> count() {
    return Aggregates.count();
  }

  /** {@code count(f)}: non-null values. */
  public static AggregateFunction<Long> count(Field<?> f) {
    return Aggregates.count(f);
  }

  /** {@code count(DISTINCT f)}. */
  public static AggregateFunction<Long> countDistinct(Field<?> f) {
    return Aggregates.countDistinct(f);
  }

  /** {@code sum(f)} as numeric (PostgreSQL widens integer sums). */
  public static AggregateFunction<BigDecimal> sum(Field<? extends Number> f) {
    return Aggregates.sum(f);
  }

  /** {@code avg(f)} as numeric. */
  public static AggregateFunction<BigDecimal> avg(Field<? extends Number> f) {
    return Aggregates.avg(f);
  }

  /** {@code min(f)}. */
  public static <T> AggregateFunction<T> min(Field<T> f) {
    return Aggregates.min(f);
  }

  /** {@code max(f)}. */
  public static <T> AggregateFunction<T> max(Field<T> f) {
    return Aggregates.max(f);
  }

  /** {@code coalesce(f, others...)}. */
  @SafeVarargs
  public static <T> Field<T> coalesce(Field<T> f, Field<T>... others) {
    List<Field<T>> args = new ArrayList<>();
    args.add(f);
    args.addAll(Arrays.asList(others));
    return Expressions.function("coalesce", f.dataType(), args);
  }

  /** {@code coalesce(f, value)}. */
  public static <T> Field<T> coalesce(Field<T> f, T value) {
    return Expressions.function("coalesce", f.dataType(), List.of(f, val(value, f.dataType())));
  }

  /** {@code now()}: the transaction's start time. */
  public static Field<java.time.OffsetDateTime> now() {
    return Expressions.of("now", PgTypes.TIMESTAMPTZ, ctx -> ctx.sql("now()"));
  }

  /**
   * {@code excluded.column}: the row proposed for insertion, inside
   * {@code onConflict(...).doUpdate().set(col, excluded(col))}.
   */
  public static <T> Field<T> excluded(dev.sluice.schema.Column<T> column) {
    String name = column.name();
    return Expressions.of(name, column.dataType(), ctx -> ctx.sql("excluded.").id(name));
  }

  /**
   * A typed field written in raw SQL: the {@code template} text goes into the statement as written
   * (unchecked, unbound), only the {@code args} filling its {@code {}} placeholders are bound (see
   * {@link dev.sluice.sql.Sql#sql}). The template must be a constant the application wrote, never text
   * built from user input: {@code rawField(BIGINT, "sum({})", col)} is fine,
   * {@code rawField(TEXT, userInput)} is SQL injection.
   */
  public static <T> Field<T> rawField(DataType<T> type, String template, Object... args) {
    QueryPart body = dev.sluice.sql.Sql.sql(template, args);
    return Expressions.of("?column?", type, body);
  }

  /**
   * A condition written in raw SQL: the {@code template} text goes into the statement as written
   * (unchecked, unbound), only the {@code args} filling its {@code {}} placeholders are bound. The
   * template must be a constant the application wrote, never text built from user input.
   */
  public static Condition rawCondition(String template, Object... args) {
    QueryPart body = dev.sluice.sql.Sql.sql(template, args);
    return ctx -> ctx.sql('(').visit(body).sql(')');
  }

  /**
   * The old name of {@link #rawField}, which says what it is: the template is raw SQL.
   *
   * @deprecated use {@link #rawField(DataType, String, Object...)}
   */
  @Deprecated(since = "0.1")
  public static <T> Field<T> field(DataType<T> type, String template, Object... args) {
    return rawField(type, template, args);
  }

  /**
   * The old name of {@link #rawCondition}, which says what it is: the template is raw SQL.
   *
   * @deprecated use {@link #rawCondition(String, Object...)}
   */
  @Deprecated(since = "0.1")
  public static Condition condition(String template, Object... args) {
    return rawCondition(template, args);
  }
}
