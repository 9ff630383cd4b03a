package dev.sluice.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.query.Dsl;
import dev.sluice.runtime.DataAccessException;
import dev.sluice.runtime.Database;
import dev.sluice.sql.QueryPart;
import dev.sluice.sql.Rendered;
import dev.sluice.sql.Sql;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import org.assertj.core.api.Assumptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every type both ways through a real column: bound parameter in, codec out, plus NULL, plus the
 * codec's text form against PostgreSQL's own text output ({@code v::text}) and against itself.
 */
@PgTest
class TypeRoundTripLiveTest {
  enum Mood implements Labeled {
    SAD("sad"), OK("ok"), VERY_HAPPY("very happy");

    private final String label;

    Mood(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  record Item(String name, int qty, List<String> tags) {}

  record Complex(double re, double im) {}

  static final DataType<Mood> MOOD = PgTypes.enumType("public.mood", Mood.class);
  static final AtomicInteger TABLES = new AtomicInteger();
  static Database db;
  static PgTestContext ctx;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    ctx = pg;
    pg.execute("create type mood as enum ('sad', 'ok', 'very happy')",
        "create domain short_text as text check (length(value) <= 5)",
        "create type complex as (re double precision, im double precision)");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  // ---------------------------------------------------------------------------------------------

  /** One round trip, configured fluently and run by {@link #run()}. */
  final class Check<T> {
    final String sqlType;
    final DataType<T> type;
    final T value;
    T expected;
    boolean viaVal = true;
    boolean textInverse = true;
    BiPredicate<T, T> same = Objects::deepEquals;

    Check(String sqlType, DataType<T> type, T value) {
      this.sqlType = sqlType;
      this.type = type;
      this.value = value;
      this.expected = value;
    }

    Check<T> expect(T e) {
      expected = e;
      return this;
    }

    Check<T> noVal() {
      viaVal = false;
      return this;
    }

    Check<T> comparing(BiPredicate<T, T> eq) {
      same = eq;
      return this;
    }

    void run() {
      String table = "rt_" + TABLES.incrementAndGet();
      ctx.execute("create table " + table + " (id int primary key, v " + sqlType + ")");
      exec(Sql.sql("insert into " + table + " (id, v) values (1, {}), (2, {})", Sql.value(value, type), Sql.value(null, type)));
      List<T> back = db.executor().query(Sql.sql("select v from " + table + " order by id").render(), rs -> type.read(rs, 1));
      assertSame("column read", back.get(0));
      assertThat(back.get(1)).as("NULL of %s", sqlType).isNull();
      String pgText = db.executor().query(Sql.sql("select v::text from " + table + " where id = 1").render(), rs -> rs.getString(1)).get(0);
      assertSame("fromText(PostgreSQL text '" + pgText + "')", type.codec().fromText(pgText));
      if (textInverse) {
        T again = type.codec().fromText(type.codec().toText(value));
        assertThat(same.test(value, again)).as("fromText(toText(v)) of %s: %s -> %s", sqlType, show(value), show(again)).isTrue();
      }
      if (viaVal) {
        assertSame("select bound value", db.select(Dsl.val(value, type)).fetchOne());
        assertThat(db.select(Dsl.val(null, type)).fetchOne()).isNull();
      }
    }

    private void assertSame(String what, T actual) {
      assertThat(same.test(expected, actual)).as("%s of %s: expected %s but got %s", what, sqlType, show(expected), show(actual)).isTrue();
    }
  }

  static String show(Object o) {
    if (o instanceof Object[] a) return java.util.Arrays.deepToString(a);
    if (o instanceof byte[] b) return java.util.Arrays.toString(b);
    if (o instanceof float[] f) return java.util.Arrays.toString(f);
    return String.valueOf(o);
  }

  <T> Check<T> check(String sqlType, DataType<T> type, T value) {
    return new Check<>(sqlType, type, value);
  }

  static int exec(QueryPart statement) {
    return db.executor().execute(statement.render());
  }

  static <T> long count(String template, Object... args) {
    Rendered r = Sql.sql(template, args).render();
    return db.executor().query(r, rs -> rs.getLong(1)).get(0);
  }

  // --- numbers ---------------------------------------------------------------------------------

  @Test
  void integersOfEverySize() {
    check("smallint", PgTypes.SMALLINT, Short.MIN_VALUE).run();
    check("integer", PgTypes.INTEGER, Integer.MAX_VALUE).run();
    check("bigint", PgTypes.BIGINT, Long.MIN_VALUE).run();
  }

  @Test
  void serialColumnsStoreTheirIntegerType() {
    // serial is not a real type: the column is integer/bigint/smallint with a sequence default
    for (var t : List.of(PgTypes.SMALLSERIAL, PgTypes.SERIAL, PgTypes.BIGSERIAL)) {
      String table = "rt_" + TABLES.incrementAndGet();
      ctx.execute("create table " + table + " (id " + t.sqlName() + ", note text)",
          "insert into " + table + " (note) values ('a'), ('b')");
      List<?> ids = db.executor().query(Sql.sql("select id from " + table + " order by id").render(), rs -> t.read(rs, 1));
      assertThat(ids).hasSize(2);
      assertThat(ids.get(0)).isInstanceOf(t.javaType());
    }
    check("smallint", PgTypes.SMALLSERIAL, (short) 7).run();
    check("integer", PgTypes.SERIAL, 7).run();
    check("bigint", PgTypes.BIGSERIAL, 7L).run();
  }

  @Test
  void numericKeepsPrecisionAndScale() {
    check("numeric(40,20)", PgTypes.numeric(40, 20), new BigDecimal("12345678901234567890.12345678901234567890")).run();
    check("numeric(10,2)", PgTypes.numeric(10, 2), new BigDecimal("1.5")).expect(new BigDecimal("1.50")).noVal().run();
    BigDecimal tiny = new BigDecimal("0." + "0".repeat(299) + "1");
    check("numeric", PgTypes.NUMERIC, tiny).run();
    check("numeric", PgTypes.NUMERIC, new BigDecimal("-1E+30")).comparing((a, b) -> a == null ? b == null : b != null && a.compareTo(b) == 0).run();
  }

  @Test
  void floatingPointIncludingNanAndInfinity() {
    check("real", PgTypes.REAL, 1.5f).run();
    check("real", PgTypes.REAL, Float.NaN).run();
    check("real", PgTypes.REAL, Float.NEGATIVE_INFINITY).run();
    check("double precision", PgTypes.DOUBLE, 0.1).run();
    check("double precision", PgTypes.DOUBLE, Double.NaN).run();
    check("double precision", PgTypes.DOUBLE, Double.POSITIVE_INFINITY).run();
    check("double precision", PgTypes.DOUBLE, Double.NEGATIVE_INFINITY).run();
  }

  @Test
  void money() {
    check("money", PgTypes.MONEY, new BigDecimal("1234567.89")).run();
    check("money", PgTypes.MONEY, new BigDecimal("-12.30")).run();
  }

  // --- text ------------------------------------------------------------------------------------

  @Test
  void booleanAndText() {
    check("boolean", PgTypes.BOOLEAN, true).run();
    check("boolean", PgTypes.BOOLEAN, false).run();
    check("text", PgTypes.TEXT, "héllo, \"world\" \\ 'quoted'\n\t✓").run();
    check("text", PgTypes.TEXT, "").run();
    check("character varying(10)", PgTypes.varchar(10), "ten chars!").run();
  }

  @Test
  void charIsPaddedOnReadAndComparesIgnoringPadding() {
    DataType<String> c5 = PgTypes.character(5);
    check("character(5)", c5, "abc").expect("abc  ").noVal().comparing((a, b) -> Objects.equals(a, b) || Objects.equals(a.strip(), b.strip())).run();
    String table = "rt_" + TABLES.incrementAndGet();
    ctx.execute("create table " + table + " (c char(5))", "insert into " + table + " values ('abc')");
    QueryPart bound = Sql.value("abc", c5);
    assertThat(bound.render().sql()).isEqualTo("?::bpchar");
    assertThat(count("select count(*) from " + table + " where c = {}", bound)).isEqualTo(1);
    assertThat(count("select count(*) from " + table + " where c = {}", Sql.value("abc  ", c5))).isEqualTo(1);
  }

  @Test
  void citextBindsWithACastSoComparisonIsCaseInsensitive() {
    Assumptions.assumeThat(ctx.server().hasExtension("citext")).as("citext extension available").isTrue();
    ctx.execute("create extension if not exists citext");
    check("citext", PgTypes.CITEXT, "MiXeD").run();
    String table = "rt_" + TABLES.incrementAndGet();
    ctx.execute("create table " + table + " (c citext)", "insert into " + table + " values ('abc')");
    QueryPart bound = Sql.value("ABC", PgTypes.CITEXT);
    assertThat(bound.render().sql()).isEqualTo("?::public.citext");
    assertThat(count("select count(*) from " + table + " where c = {}", bound)).isEqualTo(1);
  }

  @Test
  void domainOverTextEnforcesItsCheck() {
    DataType<String> shortText = PgTypes.TEXT.withSqlName("public.short_text");
    check("short_text", shortText, "hey").run();
    String table = "rt_" + TABLES.incrementAndGet();
    ctx.execute("create table " + table + " (v short_text)");
    assertThatThrownBy(() -> exec(Sql.sql("insert into " + table + " values ({})", Sql.value("too long", shortText))))
        .isInstanceOf(DataAccessException.class)
        .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("23514"));
  }

  // --- identifiers, binary, time ---------------------------------------------------------------

  @Test
  void uuidAndBytea() {
    check("uuid", PgTypes.UUID_TYPE, UUID.randomUUID()).run();
    check("bytea", PgTypes.BYTEA, new byte[] {0, 1, 2, (byte) 0xff, '\\', '"', ','}).run();
    check("bytea", PgTypes.BYTEA, new byte[0]).run();
  }

  @Test
  void dateAndTimes() {
    check("date", PgTypes.DATE, LocalDate.of(2024, 2, 29)).run();
    check("time", PgTypes.TIME, LocalTime.of(13, 45, 30, 123_456_000)).run();
    check("time(0)", PgTypes.time(0), LocalTime.of(13, 45, 30)).run();
    check("timetz", PgTypes.TIMETZ, OffsetTime.of(13, 45, 30, 123_456_000, ZoneOffset.ofHoursMinutes(5, 30))).run();
    check("timetz", PgTypes.TIMETZ, OffsetTime.of(23, 0, 0, 0, ZoneOffset.ofHours(-8))).run();
    check("timestamp", PgTypes.TIMESTAMP, LocalDateTime.of(2024, 12, 31, 23, 59, 59, 999_999_000)).run();
    check("timestamp(3)", PgTypes.timestamp(3), LocalDateTime.of(2024, 1, 1, 0, 0, 0, 123_456_789))
        .expect(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 123_000_000)).noVal()
        .comparing((a, b) -> a.equals(b) || a.withNano(a.getNano() / 1000 * 1000).equals(b)).run();
  }

  @Test
  void infinityMapsToMaxAndMin() {
    check("timestamp", PgTypes.TIMESTAMP, LocalDateTime.MAX).run();
    check("timestamp", PgTypes.TIMESTAMP, LocalDateTime.MIN).run();
    check("timestamptz", PgTypes.TIMESTAMPTZ, OffsetDateTime.MAX).run();
    check("date", PgTypes.DATE, LocalDate.MAX).run();
    check("date", PgTypes.DATE, LocalDate.MIN).run();
    check("daterange", PgTypes.DATERANGE, Range.closedOpen(LocalDate.of(2024, 1, 1), LocalDate.MAX)).run();
    check("timestamp[]", PgTypes.arrayOf(PgTypes.TIMESTAMP), new LocalDateTime[] {LocalDateTime.MIN, LocalDateTime.of(2024, 1, 1, 0, 0)}).run();
  }

  static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
    return a == null ? b == null : b != null && a.toInstant().equals(b.toInstant());
  }

  @Test
  void timestamptzComparesInstants() {
    OffsetDateTime t = OffsetDateTime.of(2024, 6, 1, 12, 30, 15, 123_456_000, ZoneOffset.ofHours(2));
    check("timestamptz", PgTypes.TIMESTAMPTZ, t).comparing(TypeRoundTripLiveTest::sameInstant).run();
    check("timestamptz(0)", PgTypes.timestamptz(0), t.withNano(0)).comparing(TypeRoundTripLiveTest::sameInstant).run();
    check("timestamptz", PgTypes.INSTANT, Instant.parse("1999-12-31T23:59:59.000001Z")).run();
  }

  @Test
  void intervalsKeepMonthsDaysAndMicros() {
    check("interval", PgTypes.INTERVAL, new Interval(14, 3, 4_500_000)).run();
    check("interval", PgTypes.INTERVAL, new Interval(-1, -2, -3_000_001)).run();
    check("interval", PgTypes.INTERVAL, new Interval(0, 0, -500_000)).run();
    check("interval", PgTypes.INTERVAL, new Interval(0, 40, 90_061_000_001L)).run();
    check("interval", PgTypes.INTERVAL, new Interval(0, 0, 0)).run();
  }

  // --- json ------------------------------------------------------------------------------------

  @Test
  void jsonAndJsonbAsTreesAndRecords() throws Exception {
    JsonNode tree = PgTypes.DEFAULT_JSON.readTree("{\"b\": [1, 2.5, null, \"x\\\"y\"], \"a\": {\"nested\": true}}");
    check("json", PgTypes.JSON, tree).run();
    check("jsonb", PgTypes.JSONB, tree).run();
    Item item = new Item("widget, \"large\"", 3, List.of("a", "b\\c"));
    check("jsonb", PgTypes.jsonb(Item.class, PgTypes.DEFAULT_JSON), item).run();
    check("json", PgTypes.json(Item.class, PgTypes.DEFAULT_JSON), item).run();
  }

  // --- arrays ----------------------------------------------------------------------------------

  @Test
  void textArraysWithQuotesCommasBackslashesNullsAndEmptyStrings() {
    String[] nasty = {"plain", "with,comma", "with \"quote\"", "back\\slash", null, "", "NULL", " spaced ", "{braces}", "ü"};
    check("text[]", PgTypes.arrayOf(PgTypes.TEXT), nasty).run();
    check("text[]", PgTypes.arrayOf(PgTypes.TEXT), new String[0]).run();
  }

  @Test
  void arraysOfOtherElementTypes() {
    check("integer[]", PgTypes.arrayOf(PgTypes.INTEGER), new Integer[] {1, null, -3}).run();
    check("bigint[]", PgTypes.arrayOf(PgTypes.BIGINT), new Long[] {Long.MAX_VALUE}).run();
    check("boolean[]", PgTypes.arrayOf(PgTypes.BOOLEAN), new Boolean[] {true, false, null}).run();
    check("uuid[]", PgTypes.arrayOf(PgTypes.UUID_TYPE), new UUID[] {UUID.randomUUID(), UUID.randomUUID()}).run();
    check("numeric[]", PgTypes.arrayOf(PgTypes.NUMERIC), new BigDecimal[] {new BigDecimal("1.50"), new BigDecimal("-0.001")}).run();
    check("date[]", PgTypes.arrayOf(PgTypes.DATE), new LocalDate[] {LocalDate.of(2020, 1, 1)}).run();
    check("bytea[]", PgTypes.arrayOf(PgTypes.BYTEA), new byte[][] {{1, 2}, {}}).run();
    check("int4range[]", PgTypes.arrayOf(PgTypes.INT4RANGE),
        new Range[] {Range.closedOpen(1, 3), Range.emptyRange()}).run();
  }

  @Test
  void twoDimensionalIntegerArray() {
    DataType<Integer[][]> matrix = PgTypes.arrayOf(PgTypes.arrayOf(PgTypes.INTEGER));
    assertThat(matrix.sqlName()).isEqualTo("integer[]");
    check("integer[][]", matrix, new Integer[][] {{1, 2, 3}, {4, null, 6}}).run();
  }

  @Test
  void enumsAndEnumArraysUseLabels() {
    check("mood", MOOD, Mood.VERY_HAPPY).run();
    check("mood[]", PgTypes.arrayOf(MOOD), new Mood[] {Mood.SAD, null, Mood.VERY_HAPPY}).run();
    assertThat(count("select count(*) where {} = 'very happy'::mood", Sql.value(Mood.VERY_HAPPY, MOOD))).isEqualTo(1);
  }

  @Test
  void jsonbArray() throws Exception {
    JsonNode a = PgTypes.DEFAULT_JSON.readTree("{\"k\": \"v,\\\"}\"}");
    JsonNode b = PgTypes.DEFAULT_JSON.readTree("[1, {\"x\": null}]");
    check("jsonb[]", PgTypes.arrayOf(PgTypes.JSONB), new JsonNode[] {a, null, b}).run();
  }

  // --- ranges ----------------------------------------------------------------------------------

  /** PostgreSQL canonicalises discrete ranges (int4/int8/date) to {@code [lower, upper)}. */
  @Test
  void discreteRangesComeBackCanonicalClosedOpen() {
    check("int4range", PgTypes.INT4RANGE, Range.closed(1, 5)).expect(Range.closedOpen(1, 6)).run();
    check("int4range", PgTypes.INT4RANGE, new Range<>(1, 5, false, false, false)).expect(Range.closedOpen(2, 5)).run();
    check("int8range", PgTypes.INT8RANGE, Range.closedOpen(1L, 1L << 40)).run();
    check("daterange", PgTypes.DATERANGE, Range.closed(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31)))
        .expect(Range.closedOpen(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1))).run();
    assertThatThrownBy(() -> db.select(Dsl.val(Range.closed(5, 4), PgTypes.INT4RANGE)).fetchOne())
        .isInstanceOf(DataAccessException.class).hasMessageContaining("lower bound must be less than or equal");
  }

  @Test
  void emptyAndUnboundedRanges() {
    check("int4range", PgTypes.INT4RANGE, Range.<Integer>emptyRange()).run();
    check("int4range", PgTypes.INT4RANGE, Range.closedOpen(3, 3)).expect(Range.emptyRange()).run();
    check("int8range", PgTypes.INT8RANGE, new Range<>(null, 10L, true, false, false)).run();
    check("numrange", PgTypes.NUMRANGE, new Range<>(new BigDecimal("1.5"), null, true, false, false)).run();
    check("daterange", PgTypes.DATERANGE, new Range<LocalDate>(null, null, false, false, false)).run();
  }

  @Test
  void continuousRangesKeepTheirBounds() {
    check("numrange", PgTypes.NUMRANGE, Range.closed(new BigDecimal("1.5"), new BigDecimal("2.25"))).run();
    check("tsrange", PgTypes.TSRANGE, new Range<>(LocalDateTime.of(2024, 1, 1, 10, 0), LocalDateTime.of(2024, 1, 1, 11, 30, 0, 500_000_000), false, true, false)).run();
    OffsetDateTime lo = OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(3));
    check("tstzrange", PgTypes.TSTZRANGE, Range.closedOpen(lo, lo.plusHours(5)))
        .comparing((a, b) -> a.empty() == b.empty() && sameInstant(a.lower(), b.lower()) && sameInstant(a.upper(), b.upper())
            && a.lowerInclusive() == b.lowerInclusive() && a.upperInclusive() == b.upperInclusive()).run();
  }

  // --- network, geometry, search, xml, custom, vector ------------------------------------------

  @Test
  void networkGeometrySearchAndXml() {
    check("inet", PgTypes.INET, "192.168.0.1/24").run();
    check("inet", PgTypes.INET, "2001:db8::1/64").run();
    check("cidr", PgTypes.CIDR, "10.0.0.0/8").run();
    check("macaddr", PgTypes.MACADDR, "08:00:2b:01:02:03").run();
    check("point", PgTypes.POINT, new Point(1.5, -2)).run();
    check("tsvector", PgTypes.TSVECTOR, "'a' 'cat' 'fat'").run();
    check("tsvector", PgTypes.TSVECTOR, "a fat cat").expect("'a' 'cat' 'fat'").comparing(Objects::equals).run();
    check("xml", PgTypes.XML, "<a href=\"x\">text &amp; more</a>").run();
  }

  static final Codec<Complex> COMPLEX = new Codec<>() {
    @Override
    public void bind(PreparedStatement ps, int index, Complex value) throws SQLException {
      if (value == null) ps.setNull(index, Types.OTHER); else ps.setObject(index, toText(value), Types.OTHER);
    }

    @Override
    public Complex read(ResultSet rs, int index) throws SQLException {
      return fromText(rs.getString(index));
    }

    @Override
    public Complex fromText(String text) {
      if (text == null) return null;
      String[] p = text.substring(1, text.length() - 1).split(",");
      return new Complex(Double.parseDouble(p[0]), Double.parseDouble(p[1]));
    }

    @Override
    public String toText(Complex v) {
      return "(" + v.re() + "," + v.im() + ")";
    }

    @Override
    public boolean needsCast() {
      return true;
    }
  };

  @Test
  void customTypeThroughItsOwnCodec() {
    DataType<Complex> complex = DataType.custom("public.complex", Complex.class, COMPLEX);
    check("complex", complex, new Complex(1.5, -0.25)).run();
  }

  @Test
  void pgvectorWhenInstalled() {
    Assumptions.assumeThat(ctx.server().hasExtension("vector")).as("pgvector available").isTrue();
    ctx.execute("create extension if not exists vector");
    check("vector(3)", PgTypes.vector(3), new float[] {1.5f, -2f, 0.25f}).run();
  }
}
