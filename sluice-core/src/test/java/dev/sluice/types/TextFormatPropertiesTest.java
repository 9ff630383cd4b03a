package dev.sluice.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@code fromText(toText(v)) == v} for the text forms of arrays and ranges, over arbitrary values. */
class TextFormatPropertiesTest {
  @Provide
  Arbitrary<String[]> textArrays() {
    Arbitrary<String> s = Arbitraries.strings().all().ofMaxLength(12)
        .filter(x -> x.indexOf('\0') < 0).injectNull(0.1)
        .edgeCases(e -> e.add("").add("NULL").add("\"").add("\\").add(",").add("{}"));
    return s.array(String[].class).ofMaxSize(8);
  }

  @Property(tries = 300)
  void textArraysSurviveTheirTextForm(@ForAll("textArrays") String[] values) {
    DataType<String[]> t = PgTypes.arrayOf(PgTypes.TEXT);
    assertThat(t.codec().fromText(t.codec().toText(values))).isEqualTo(values);
  }

  @Property(tries = 200)
  void nestedIntegerArraysSurviveTheirTextForm(@ForAll @IntRange(min = 1, max = 4) int rows,
      @ForAll @IntRange(min = 1, max = 4) int cols, @ForAll int seed) {
    Integer[][] m = new Integer[rows][cols];
    for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) m[i][j] = (seed + i * 31 + j) % 7 == 0 ? null : seed + i - j;
    DataType<Integer[][]> t = PgTypes.arrayOf(PgTypes.arrayOf(PgTypes.INTEGER));
    assertThat(t.codec().fromText(t.codec().toText(m))).isEqualTo(m);
  }

  @Property(tries = 300)
  void numericRangesSurviveTheirTextForm(@ForAll BigDecimal lo, @ForAll BigDecimal hi, @ForAll boolean li,
      @ForAll boolean ui, @ForAll boolean unboundedLow) {
    Range<BigDecimal> r = new Range<>(unboundedLow ? null : lo, hi, li, ui, false);
    DataType<Range<BigDecimal>> t = PgTypes.NUMRANGE;
    Range<BigDecimal> back = t.codec().fromText(t.codec().toText(r));
    assertThat(back.lowerInclusive()).isEqualTo(r.lowerInclusive());
    assertThat(back.upperInclusive()).isEqualTo(r.upperInclusive());
    assertThat(back.lower() == null ? r.lower() == null : back.lower().compareTo(r.lower()) == 0).isTrue();
    assertThat(back.upper().compareTo(r.upper())).isZero();
  }

  @Property(tries = 200)
  void rangesOfArbitraryStringsSurviveQuoting(@ForAll("textArrays") String[] bounds) {
    // a range over a string-like subtype: the quoting rules are the same as for any range
    var t = Codecs.range("textrange", s -> s, s -> s);
    String lo = bounds.length > 0 ? bounds[0] : null;
    String hi = bounds.length > 1 ? bounds[1] : null;
    Range<String> r = new Range<>(lo, hi, lo != null, false, false);
    assertThat(t.codec().fromText(t.codec().toText(r))).isEqualTo(r);
  }

  @Property(tries = 100)
  void intervalsSurviveTheirTextForm(@ForAll @IntRange(min = -1000, max = 1000) int months,
      @ForAll @IntRange(min = -1000, max = 1000) int days, @ForAll long micros) {
    Interval i = new Interval(months, days, micros % 100_000_000_000_000L);
    assertThat(PgTypes.INTERVAL.codec().fromText(PgTypes.INTERVAL.codec().toText(i))).isEqualTo(i);
  }

  @Property(tries = 50)
  void emptyRangeText() {
    assertThat(PgTypes.INT4RANGE.codec().toText(Range.emptyRange())).isEqualTo("empty");
    assertThat(PgTypes.INT4RANGE.codec().fromText("empty")).isEqualTo(Range.emptyRange());
    assertThat(List.of(PgTypes.INT4RANGE.codec().fromText("(,5)"))).containsExactly(new Range<>(null, 5, false, false, false));
  }
}
