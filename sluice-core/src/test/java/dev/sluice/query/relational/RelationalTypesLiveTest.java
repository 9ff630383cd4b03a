package dev.sluice.query.relational;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Database;
import dev.sluice.schema.Column;
import dev.sluice.schema.PgEnum;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import dev.sluice.types.Interval;
import dev.sluice.types.PgTypes;
import dev.sluice.types.Point;
import dev.sluice.types.Range;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every value nested through json decodes to the same Java value the flat path reads. */
@PgTest
class RelationalTypesLiveTest {
  enum Mood { sad, ok, happy }

  static final PgEnum<Mood> MOOD = PgEnum.of("mood", Mood.class);

  static final class Holders extends Table<Holders> {
    static final Holders HOLDERS = new Holders();
    final Column<Integer> id = integer("id").primaryKey();
    final Relation<Samples> samples = many(() -> Samples.SAMPLES, id, s -> s.holderId);

    private Holders() {
      super("holders");
    }
  }

  static final class Samples extends Table<Samples> {
    static final Samples SAMPLES = new Samples();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<Integer> holderId = integer("holder_id").notNull();
    final Column<Short> small = smallint("small");
    final Column<Float> flt = real("flt");
    final Column<Double> dbl = doublePrecision("dbl");
    final Column<BigDecimal> num = numeric("num");
    final Column<String> chr = character("chr", 3);
    final Column<Interval> span = interval("span");
    final Column<LocalTime> tm = time("tm");
    final Column<OffsetTime> tmtz = timetz("tmtz");
    final Column<LocalDateTime> ts = timestamp("ts", 3);
    final Column<OffsetDateTime> tstz = timestamptz("tstz");
    final Column<Range<Integer>> ints = int4range("ints");
    final Column<Range<OffsetDateTime>> period = tstzrange("period");
    final Column<Range<LocalDate>> days = daterange("days");
    final Column<Point> pt = point("pt");
    final Column<String> addr = inet("addr");
    final Column<Mood> mood = column("mood", MOOD);
    final Column<Mood[]> moods = column("moods", MOOD).array();
    final Column<UUID[]> ids = uuid("ids").array();
    final Column<BigDecimal[]> nums = numeric("nums").array();
    final Column<String[]> texts = text("texts").array();
    final Column<Integer[]> matrix = column("matrix", PgTypes.arrayOf(PgTypes.INTEGER));

    private Samples() {
      super("samples");
    }
  }

  record Sample(int id, Short small, Float flt, Double dbl, BigDecimal num, String chr, Interval span, LocalTime tm,
      OffsetTime tmtz, LocalDateTime ts, OffsetDateTime tstz, Range<Integer> ints, Range<OffsetDateTime> period,
      Range<LocalDate> days, Point pt, String addr, Mood mood, Mood[] moods, UUID[] ids, BigDecimal[] nums,
      String[] texts, Integer[] matrix) {}

  record Holder(int id, List<Sample> samples) {}

  static Database db;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    pg.execute("create type mood as enum ('sad', 'ok', 'happy')",
        "create table holders (id integer primary key)",
        "create table samples (id integer primary key, holder_id integer not null references holders(id), small smallint,"
            + " flt real, dbl double precision, num numeric, chr character(3), span interval, tm time, tmtz timetz,"
            + " ts timestamp(3), tstz timestamptz, ints int4range, period tstzrange, days daterange, pt point, addr inet,"
            + " mood mood, moods mood[], ids uuid[], nums numeric[], texts text[], matrix integer[])",
        "insert into holders values (1), (2)",
        "insert into samples values"
            + " (1, 1, -32768, 1.5, 1e300, 123456789012345678901234567890.000000000001, 'ab', '1 year 2 mons -3 days 04:05:06.789',"
            + " '23:59:59.999999', '10:00:00+05:30', '2024-02-29 12:34:56.789', '2024-01-01 00:00:00.000001+00',"
            + " '[1,10)', '[2024-01-01 00:00+00,)', 'empty', '(1.5,-2)', '192.168.0.1/24', 'happy', '{sad,happy}',"
            + " '{00000000-0000-0000-0000-00000000000a}', '{1.50,-0.001,NULL}',"
            + " array['a,b', 'quote \"x\"', 'back\\\\slash', '', 'NULL', 'ünï {}'], '{1,NULL,3}'),"
            + " (2, 1, null, 'NaN', '-Infinity', 0, null, null, null, null, '-infinity', 'infinity', null, null, null, null,"
            + " '::1', null, '{}', null, null, '{}', null),"
            + " (3, 2, 7, 0, 0.1, -0.5, 'xyz', '0', '00:00', '00:00-01', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08',"
            + " '(,5]', '(2024-01-01 00:00+00,2024-02-01 00:00+00]', '[2024-01-01,2024-12-31]', '(0,0)', '10.0.0.0/8', 'sad',"
            + " '{ok}', '{}', '{0}', '{NULL}', '{}'),"
            // floating point and numeric edges that json must carry digit for digit
            + " (4, 2, null, '3.4028235e38', '0.30000000000000004', 1e-20, null, null, null, null, null, null, null, null,"
            + " null, null, null, null, null, null, null, null, null),"
            + " (5, 2, null, '-0', '4.9e-324', -99999999999999999999.5, null, null, null, null, null, null, null, null,"
            + " null, null, null, null, null, null, null, null, null)");
    db = Database.connect(pg.jdbcUrl());
  }

  /** Components whose nested and flat values differ (arrays compared by content, values with equals). */
  static List<String> mismatches(List<Sample> nested, List<Sample> flat) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < flat.size(); i++) {
      for (var c : Sample.class.getRecordComponents()) {
        Object a = c.getAccessor().invoke(nested.get(i));
        Object b = c.getAccessor().invoke(flat.get(i));
        if (!java.util.Objects.deepEquals(a, b)) {
          out.add("row " + i + " " + c.getName() + ": nested " + describe(a) + " flat " + describe(b));
        }
      }
    }
    return out;
  }

  static String describe(Object v) {
    return v instanceof Object[] arr ? java.util.Arrays.deepToString(arr) + " " + v.getClass().getSimpleName()
        : v + (v == null ? "" : " " + v.getClass().getSimpleName());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void nestedValuesOfEveryTypeEqualTheFlatPathsValues() throws Exception {
    Samples s = Samples.SAMPLES;
    List<Sample> flat = db.select(s.id, s.small, s.flt, s.dbl, s.num, s.chr, s.span, s.tm, s.tmtz, s.ts, s.tstz, s.ints,
        s.period, s.days, s.pt, s.addr, s.mood, s.moods, s.ids, s.nums, s.texts, s.matrix).from(s).orderBy(s.id)
        .fetchInto(Sample.class);
    List<Holder> holders = db.query(Holders.HOLDERS).with(Holders.HOLDERS.samples, x -> x.orderBy(s.id))
        .orderBy(Holders.HOLDERS.id).findMany(Holder.class);
    List<Sample> nested = holders.stream().flatMap(h -> h.samples().stream()).toList();
    assertThat(nested).hasSize(5);
    assertThat(mismatches(nested, flat)).isEmpty();
    assertThat(nested.get(0).texts()).containsExactly("a,b", "quote \"x\"", "back\\\\slash", "", "NULL", "ünï {}");
    assertThat(nested.get(1).tstz()).isEqualTo(OffsetDateTime.MAX);
  }
}
