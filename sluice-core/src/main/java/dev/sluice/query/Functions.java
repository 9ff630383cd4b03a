package dev.sluice.query;

import dev.sluice.sql.QueryPart;
import dev.sluice.types.PgTypes;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Scalar functions: strings, comparisons across values, date/time parts, UUIDs. Arguments that are
 * values are bound; the only keywords written into the SQL text (date parts) are checked against the
 * list PostgreSQL accepts.
 */
public final class Functions {
  private Functions() {}

  /** {@code concat(a, b, ...)}: nulls count as empty strings. */
  public static Field<String> concat(Field<?>... parts) {
    if (parts.length == 0) throw new IllegalArgumentException("concat needs at least one argument");
    return Expressions.function("concat", PgTypes.TEXT, List.of(parts));
  }

  /** {@code lower(f)}. */
  public static Field<String> lower(Field<String> f) {
    return Expressions.function("lower", PgTypes.TEXT, List.of(f));
  }

  /** {@code upper(f)}. */
  public static Field<String> upper(Field<String> f) {
    return Expressions.function("upper", PgTypes.TEXT, List.of(f));
  }

  /** {@code length(f)}: number of characters. */
  public static Field<Integer> length(Field<String> f) {
    return Expressions.function("length", PgTypes.INTEGER, List.of(f));
  }

  /** {@code substring(f FROM start FOR count)}; start is 1-based; both bound. */
  public static Field<String> substring(Field<String> f, int start, int count) {
    Field<Integer> s = Dsl.val(start, PgTypes.INTEGER);
    Field<Integer> c = Dsl.val(count, PgTypes.INTEGER);
    return Expressions.of("substring", PgTypes.TEXT,
        ctx -> ctx.sql("substring(").visit(f).sql(" FROM ").visit(s).sql(" FOR ").visit(c).sql(')'));
  }

  /** {@code substring(f FROM start)}. */
  public static Field<String> substring(Field<String> f, int start) {
    Field<Integer> s = Dsl.val(start, PgTypes.INTEGER);
    return Expressions.of("substring", PgTypes.TEXT, ctx -> ctx.sql("substring(").visit(f).sql(" FROM ").visit(s).sql(')'));
  }

  /** {@code trim(f)}: strips spaces at both ends. */
  public static Field<String> trim(Field<String> f) {
    return Expressions.function("trim", PgTypes.TEXT, List.of(f));
  }

  /** {@code replace(f, from, to)}: every occurrence; both strings bound. */
  public static Field<String> replace(Field<String> f, String from, String to) {
    return Expressions.function("replace", PgTypes.TEXT, List.of(f, Dsl.val(from, PgTypes.TEXT), Dsl.val(to, PgTypes.TEXT)));
  }

  /** {@code greatest(a, b, ...)}: the largest non-null value. */
  @SafeVarargs
  public static <T> Field<T> greatest(Field<T> first, Field<T>... others) {
    return variadic("greatest", first, others);
  }

  /** {@code least(a, b, ...)}: the smallest non-null value. */
  @SafeVarargs
  public static <T> Field<T> least(Field<T> first, Field<T>... others) {
    return variadic("least", first, others);
  }

  /** {@code nullif(f, value)}: null when f equals the value, else f. */
  public static <T> Field<T> nullif(Field<T> f, T value) {
    return Expressions.function("nullif", f.dataType(), List.of(f, Dsl.val(value, f.dataType())));
  }

  /** {@code nullif(f, other)}. */
  public static <T> Field<T> nullif(Field<T> f, Field<T> other) {
    return Expressions.function("nullif", f.dataType(), List.of(f, other));
  }

  private static final Set<String> DATE_PARTS = Set.of("century", "day", "decade", "dow", "doy", "epoch", "hour",
      "isodow", "isoyear", "julian", "microseconds", "millennium", "milliseconds", "minute", "month", "quarter",
      "second", "timezone", "timezone_hour", "timezone_minute", "week", "year");

  /** {@code extract(part FROM f)} as numeric; part is a keyword such as {@code year}, {@code dow}, {@code epoch}. */
  public static Field<BigDecimal> extract(String part, Field<? extends Temporal> f) {
    String p = datePart(part);
    return Expressions.of(p, PgTypes.NUMERIC, ctx -> ctx.sql("extract(").sql(p).sql(" FROM ").visit(f).sql(')'));
  }

  /** {@code date_trunc(unit, f)}: the timestamp truncated to the unit (bound), same type as f. */
  public static <T extends Temporal> Field<T> dateTrunc(String unit, Field<T> f) {
    return Expressions.function("date_trunc", f.dataType(), List.of(Dsl.val(datePart(unit), PgTypes.TEXT), f));
  }

  /** {@code gen_random_uuid()}: a random (v4) UUID. */
  public static Field<UUID> genRandomUuid() {
    return Expressions.of("gen_random_uuid", PgTypes.UUID_TYPE, ctx -> ctx.sql("gen_random_uuid()"));
  }

  private static String datePart(String part) {
    String p = part == null ? "" : part.trim().toLowerCase(java.util.Locale.ROOT);
    if (!DATE_PARTS.contains(p)) {
      throw new IllegalArgumentException("not a date/time part: " + part + " (expected one of " + new java.util.TreeSet<>(DATE_PARTS) + ")");
    }
    return p;
  }

  private static <T> Field<T> variadic(String name, Field<T> first, Field<T>[] others) {
    List<QueryPart> args = new ArrayList<>();
    args.add(first);
    args.addAll(Arrays.asList(others));
    return Expressions.function(name, first.dataType(), args);
  }
}
