package dev.sluice.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.sql.Types;
import java.util.UUID;

/**
 * The built-in PostgreSQL types and factories for parameterised ones. Every constant's SQL name is
 * the canonical {@code format_type()} text (see {@link DataType}).
 */
public final class PgTypes {
  private PgTypes() {}

  /** The Jackson mapper used for json/jsonb columns unless a column supplies its own. */
  public static final ObjectMapper DEFAULT_JSON = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

  public static final DataType<Short> SMALLINT = new DataType<>("smallint", Short.class, new JdbcCodec<>(Short.class, Types.SMALLINT, Short::valueOf));
  /**
   * {@code smallint} as {@link Integer}: int literals work without a cast ({@code qty.eq(5)}); values outside
   * -32768..32767 are refused with an {@link IllegalArgumentException} before the statement is sent.
   */
  public static final DataType<Integer> SMALLINT_AS_INT = new DataType<>("smallint", Integer.class, new SmallintAsIntCodec());
  public static final DataType<Integer> INTEGER = new DataType<>("integer", Integer.class, new JdbcCodec<>(Integer.class, Types.INTEGER, Integer::valueOf));
  public static final DataType<Long> BIGINT = new DataType<>("bigint", Long.class, new JdbcCodec<>(Long.class, Types.BIGINT, Long::valueOf));
  public static final DataType<Short> SMALLSERIAL = SMALLINT.withSqlName("smallserial");
  public static final DataType<Integer> SERIAL = INTEGER.withSqlName("serial");
  public static final DataType<Long> BIGSERIAL = BIGINT.withSqlName("bigserial");
  public static final DataType<BigDecimal> NUMERIC = new DataType<>("numeric", BigDecimal.class, new JdbcCodec<>(BigDecimal.class, Types.NUMERIC, BigDecimal::new, BigDecimal::toPlainString));
  public static final DataType<Float> REAL = new DataType<>("real", Float.class, new JdbcCodec<>(Float.class, Types.REAL, Float::valueOf));
  public static final DataType<Double> DOUBLE = new DataType<>("double precision", Double.class, new JdbcCodec<>(Double.class, Types.DOUBLE, Double::valueOf));
  public static final DataType<BigDecimal> MONEY = new DataType<>("money", BigDecimal.class, Codecs.MONEY);
  public static final DataType<Boolean> BOOLEAN = new DataType<>("boolean", Boolean.class, new JdbcCodec<>(Boolean.class, Types.BOOLEAN, Codecs::parseBoolean));
  public static final DataType<String> TEXT = new DataType<>("text", String.class, new JdbcCodec<>(String.class, Types.VARCHAR, s -> s));
  public static final DataType<String> VARCHAR = TEXT.withSqlName("character varying");
  public static final DataType<String> CITEXT = new DataType<>("public.citext", String.class, new TextCodec<>(s -> s, s -> s));
  public static final DataType<UUID> UUID_TYPE = new DataType<>("uuid", UUID.class, new JdbcCodec<>(UUID.class, Types.OTHER, UUID::fromString));
  public static final DataType<byte[]> BYTEA = new DataType<>("bytea", byte[].class, Codecs.BYTEA);
  public static final DataType<LocalDate> DATE = new DataType<>("date", LocalDate.class, new JdbcCodec<>(LocalDate.class, Types.DATE, Codecs::parseDate, Codecs::formatDate));
  public static final DataType<LocalTime> TIME = new DataType<>("time without time zone", LocalTime.class, new JdbcCodec<>(LocalTime.class, Types.TIME, LocalTime::parse));
  public static final DataType<OffsetTime> TIMETZ = new DataType<>("time with time zone", OffsetTime.class, Codecs.TIMETZ);
  public static final DataType<LocalDateTime> TIMESTAMP = new DataType<>("timestamp without time zone", LocalDateTime.class, new JdbcCodec<>(LocalDateTime.class, Types.TIMESTAMP, Codecs::parseTimestamp, Codecs::formatTimestamp));
  public static final DataType<OffsetDateTime> TIMESTAMPTZ = new DataType<>("timestamp with time zone", OffsetDateTime.class, new JdbcCodec<>(OffsetDateTime.class, Types.TIMESTAMP_WITH_TIMEZONE, Codecs::parseTimestamptz, Codecs::formatTimestamptz));
  public static final DataType<Interval> INTERVAL = new DataType<>("interval", Interval.class, Codecs.INTERVAL);
  public static final DataType<JsonNode> JSON = new DataType<>("json", JsonNode.class, new JsonCodec<>("json", JsonNode.class, DEFAULT_JSON));
  public static final DataType<JsonNode> JSONB = new DataType<>("jsonb", JsonNode.class, new JsonCodec<>("jsonb", JsonNode.class, DEFAULT_JSON));
  public static final DataType<String> INET = new DataType<>("inet", String.class, new TextCodec<>(s -> s, s -> s));
  public static final DataType<String> CIDR = new DataType<>("cidr", String.class, new TextCodec<>(s -> s, s -> s));
  public static final DataType<String> MACADDR = new DataType<>("macaddr", String.class, new TextCodec<>(s -> s, s -> s));
  public static final DataType<Point> POINT = new DataType<>("point", Point.class, Codecs.POINT);
  public static final DataType<String> TSVECTOR = new DataType<>("tsvector", String.class, new TextCodec<>(s -> s, s -> s));
  public static final DataType<String> TSQUERY = new DataType<>("tsquery", String.class, new TextCodec<>(s -> s, s -> s));
  public static final DataType<String> XML = new DataType<>("xml", String.class, new TextCodec<>(s -> s, s -> s));
  public static final DataType<Range<Integer>> INT4RANGE = Codecs.range("int4range", Integer::valueOf, String::valueOf);
  public static final DataType<Range<Long>> INT8RANGE = Codecs.range("int8range", Long::valueOf, String::valueOf);
  public static final DataType<Range<BigDecimal>> NUMRANGE = Codecs.range("numrange", BigDecimal::new, BigDecimal::toPlainString);
  public static final DataType<Range<LocalDateTime>> TSRANGE = Codecs.range("tsrange", Codecs::parseTimestamp, Codecs::formatTimestamp);
  public static final DataType<Range<OffsetDateTime>> TSTZRANGE = Codecs.range("tstzrange", Codecs::parseTimestamptz, Codecs::formatTimestamptz);
  public static final DataType<Range<LocalDate>> DATERANGE = Codecs.range("daterange", Codecs::parseDate, Codecs::formatDate);

  /** {@code numeric(precision, scale)}. */
  public static DataType<BigDecimal> numeric(int precision, int scale) {
    if (precision < 1 || precision > 1000) {
      throw new IllegalArgumentException("numeric precision must be between 1 and 1000, got " + precision);
    }
    if (scale < 0 || scale > precision) {
      throw new IllegalArgumentException("numeric scale must be between 0 and the precision " + precision + ", got " + scale);
    }
    return NUMERIC.withSqlName("numeric(" + precision + "," + scale + ")");
  }

  /** {@code character varying(length)}. */
  public static DataType<String> varchar(int length) {
    checkLength("varchar", length);
    return VARCHAR.withSqlName("character varying(" + length + ")");
  }

  /**
   * {@code character(length)}. PostgreSQL pads stored values with spaces to the length and returns
   * them padded ({@code 'ab'} in a {@code char(4)} reads back as {@code "ab  "}). Bound values carry a
   * {@code ::bpchar} cast so comparisons use bpchar semantics (trailing spaces insignificant); a
   * varchar parameter would make {@code c = ?} compare as text and miss padded rows. The cast has no
   * length on purpose: {@code ::character(n)} would silently truncate longer values.
   */
  public static DataType<String> character(int length) {
    checkLength("char", length);
    return new DataType<>("character(" + length + ")", String.class, Codecs.BPCHAR, "bpchar");
  }

  /** {@code time(p) without time zone}. */
  public static DataType<LocalTime> time(int precision) {
    return TIME.withSqlName("time(" + checkPrecision(precision) + ") without time zone");
  }

  /** {@code time(p) with time zone}. */
  public static DataType<OffsetTime> timetz(int precision) {
    return TIMETZ.withSqlName("time(" + checkPrecision(precision) + ") with time zone");
  }

  /** {@code timestamp(p) without time zone}. */
  public static DataType<LocalDateTime> timestamp(int precision) {
    return TIMESTAMP.withSqlName("timestamp(" + checkPrecision(precision) + ") without time zone");
  }

  /** {@code timestamp(p) with time zone}. */
  public static DataType<OffsetDateTime> timestamptz(int precision) {
    return TIMESTAMPTZ.withSqlName("timestamp(" + checkPrecision(precision) + ") with time zone");
  }

  /** {@code json} mapped to a Java class with Jackson. */
  public static <T> DataType<T> json(Class<T> type, ObjectMapper mapper) {
    return new DataType<>("json", type, new JsonCodec<>("json", type, mapper));
  }

  /** {@code jsonb} mapped to a Java class with Jackson. */
  public static <T> DataType<T> jsonb(Class<T> type, ObjectMapper mapper) {
    return new DataType<>("jsonb", type, new JsonCodec<>("jsonb", type, mapper));
  }

  /** pgvector's {@code vector(dimensions)} as a {@code float[]}. */
  public static DataType<float[]> vector(int dimensions) {
    if (dimensions < 1 || dimensions > 16000) {
      throw new IllegalArgumentException("vector dimensions must be between 1 and 16000, got " + dimensions);
    }
    return new DataType<>("public.vector(" + dimensions + ")", float[].class, Codecs.VECTOR, "public.vector");
  }

  /** A PostgreSQL enum type ({@code schema.name}) mapped to a Java enum (see {@link Labeled}). */
  public static <E extends Enum<E>> DataType<E> enumType(String qualifiedName, Class<E> type) {
    return new DataType<>(qualifiedName, type, new EnumCodec<>(type));
  }

  /** The array type with elements of {@code element}; nest it for more dimensions. */
  @SuppressWarnings("unchecked")
  public static <T> DataType<T[]> arrayOf(DataType<T> element) {
    Class<T[]> arrayClass = (Class<T[]>) java.lang.reflect.Array.newInstance(element.javaType(), 0).getClass();
    String name = element.sqlName().endsWith("[]") ? element.sqlName() : element.sqlName() + "[]";
    String cast = element.castName().endsWith("[]") ? element.castName() : element.castName() + "[]";
    return new DataType<>(name, arrayClass, new ArrayCodec<>(element), cast);
  }


  private static final java.util.Map<Class<?>, DataType<?>> BY_CLASS = java.util.Map.ofEntries(
      java.util.Map.entry(String.class, TEXT), java.util.Map.entry(Integer.class, INTEGER),
      java.util.Map.entry(Long.class, BIGINT), java.util.Map.entry(Short.class, SMALLINT),
      java.util.Map.entry(BigDecimal.class, NUMERIC), java.util.Map.entry(Double.class, DOUBLE),
      java.util.Map.entry(Float.class, REAL), java.util.Map.entry(Boolean.class, BOOLEAN),
      java.util.Map.entry(UUID.class, UUID_TYPE), java.util.Map.entry(byte[].class, BYTEA),
      java.util.Map.entry(LocalDate.class, DATE), java.util.Map.entry(LocalTime.class, TIME),
      java.util.Map.entry(OffsetTime.class, TIMETZ), java.util.Map.entry(LocalDateTime.class, TIMESTAMP),
      java.util.Map.entry(OffsetDateTime.class, TIMESTAMPTZ), java.util.Map.entry(Interval.class, INTERVAL),
      java.util.Map.entry(Point.class, POINT), java.util.Map.entry(float[].class, vector0()));

  private static DataType<float[]> vector0() {
    return new DataType<>("public.vector", float[].class, Codecs.VECTOR);
  }

  /**
   * The natural type of a Java value, for bind values written without a column to take the type from
   * (template arguments, {@code val(x)}). Enums need their PostgreSQL type and JSON its column: pass a
   * {@link DataType} for those.
   */
  @SuppressWarnings("unchecked")
  public static <T> DataType<T> forClass(Class<T> type) {
    DataType<?> t = BY_CLASS.get(type);
    if (t == null && java.time.Instant.class.equals(type)) {
      t = INSTANT;
    }
    if (t == null && com.fasterxml.jackson.databind.JsonNode.class.isAssignableFrom(type)) {
      t = JSONB;
    }
    if (t == null && type.isArray() && !type.getComponentType().isPrimitive()) {
      return (DataType<T>) arrayOf(forClass(type.getComponentType()));
    }
    if (t == null) {
      throw new IllegalArgumentException("no default PostgreSQL type for Java " + type.getName()
          + "; pass a DataType explicitly (e.g. Dsl.val(value, PgTypes.JSONB))");
    }
    return (DataType<T>) t;
  }

  /**
   * Any type given by its canonical SQL text (e.g. {@code public.ltree}, {@code interval year},
   * {@code bit varying(8)}) with values handled as their PostgreSQL text form: bound as untyped text
   * with a {@code ::type} cast and read with {@code getString}. This is what {@code sluice pull}
   * writes for types Sluice has no dedicated mapping for, so a pulled schema keeps the exact type.
   */
  public static DataType<String> textual(String sqlName) {
    java.util.Objects.requireNonNull(sqlName, "sqlName");
    if (sqlName.isBlank()) throw new IllegalArgumentException("a type name cannot be blank");
    return new DataType<>(sqlName, String.class, new TextCodec<>(s -> s, s -> s));
  }

  /** {@code timestamp with time zone} read and written as {@link java.time.Instant}. */
  public static final DataType<java.time.Instant> INSTANT = new DataType<>("timestamp with time zone", java.time.Instant.class, Codecs.INSTANT);

  private static void checkLength(String type, int length) {
    if (length < 1 || length > 10_485_760) {
      throw new IllegalArgumentException(type + " length must be between 1 and 10485760, got " + length);
    }
  }

  private static int checkPrecision(int precision) {
    if (precision < 0 || precision > 6) {
      throw new IllegalArgumentException("time precision must be between 0 and 6, got " + precision);
    }
    return precision;
  }
}
