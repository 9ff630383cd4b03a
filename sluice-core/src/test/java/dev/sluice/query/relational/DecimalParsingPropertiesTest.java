package dev.sluice.query.relational;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class DecimalParsingPropertiesTest {
  static double parse(String s) {
    return DecimalParsing.parseShortDecimal(s.toCharArray(), 0, s.length());
  }

  @Property(tries = 5000)
  void aShortDecimalParsesToTheSameDoubleAsTheJdk(@ForAll long mantissa, @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 22) int scale) {
    long m = mantissa % 1_000_000_000_000_000L;
    String digits = Long.toString(Math.abs(m));
    while (digits.length() <= scale) digits = "0" + digits;
    String text = (m < 0 ? "-" : "") + (scale == 0 ? digits
        : digits.substring(0, digits.length() - scale) + "." + digits.substring(digits.length() - scale));
    double fast = parse(text);
    if (!Double.isNaN(fast)) assertThat(fast).as(text).isEqualTo(Double.parseDouble(text));
  }

  @Property(tries = 2000)
  void postgresShortestOutputOfAnyDoubleRoundTrips(@ForAll @DoubleRange(min = -1e6, max = 1e6) double d) {
    String text = Double.toString(d); // shortest digits, as PostgreSQL 12+ prints float8
    double fast = parse(text);
    if (!Double.isNaN(fast)) assertThat(fast).as(text).isEqualTo(d);
  }

  @Test
  void formsOutsideTheFastPathFallBack() {
    assertThat(parse("1e300")).isNaN();
    assertThat(parse("1234567890.1234567")).isNaN();
    assertThat(parse("NaN")).isNaN();
    assertThat(parse("")).isNaN();
    assertThat(parse("-")).isNaN();
    assertThat(parse("1.")).isNaN();
    assertThat(parse("0.30000000000000004")).isNaN();
    assertThat(parse("-0")).isEqualTo(-0.0);
    assertThat(parse("12.5")).isEqualTo(12.5);
    assertThat(parse("0.1")).isEqualTo(0.1);
  }
}
