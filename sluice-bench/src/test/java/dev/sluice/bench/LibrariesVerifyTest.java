package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.runtime.PgUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

/**
 * Every library returns what raw JDBC returns (and Sluice on the curves' reads), on the real dataset, in every build: on
 * SLUICE_BENCH_URL when set, else on an embedded PostgreSQL started for this test (the dataset loads
 * once, ~10 s). The plain build never runs JMH.
 */
class LibrariesVerifyTest {
  @Test
  void everyLibraryReturnsWhatRawJdbcReturns() throws Exception {
    String url = System.getenv("SLUICE_BENCH_URL");
    if (url != null) {
      verify(url);
      return;
    }
    try (EmbeddedPostgres embedded = EmbeddedPostgres.builder().start()) {
      verify("postgresql://postgres@localhost:" + embedded.getPort() + "/postgres");
    }
  }

  private static void verify(String url) throws Exception {
    PgUrl pg = PgUrl.parse(url);
    Dataset.ensureLoaded(pg.jdbcUrl(), pg.user(), pg.password());
    try (HikariDataSource pool = Libraries.pool(url); Api floor = new RawJdbc(pool)) {
      for (String lib : Libraries.ALL) {
        try (Api api = Libraries.create(lib, pool)) {
          Libraries.verify(api, floor, lib);
        }
      }
      assertThat(floor.orderWithDetails(1).details()).isNotEmpty();
      CurveApi.verify(new SluiceCurves(pool), new RawCurves(pool));
    }
  }

  @Test
  void reportRatiosAreRelativeToRawJdbcWithIntervalsCpuAndRawNumbers() {
    // raw JDBC at 10 us/op, Sluice at 10.5 us/op, three forks of three iterations each; CPU 4 vs 5 us/op
    java.util.List<double[]> jdbcT = java.util.List.of(new double[] {10.0, 10.1, 9.9}, new double[] {10.2, 9.8, 10.0}, new double[] {10.0, 10.0, 10.1});
    java.util.List<double[]> sluiceT = java.util.List.of(new double[] {10.5, 10.6, 10.4}, new double[] {10.4, 10.6, 10.5}, new double[] {10.5, 10.5, 10.4});
    java.util.List<double[]> jdbcC = java.util.List.of(new double[] {4000, 4010}, new double[] {3990, 4000}, new double[] {4005, 3995});
    java.util.List<double[]> sluiceC = java.util.List.of(new double[] {5000, 5010}, new double[] {4990, 5000}, new double[] {5005, 4995});
    var rows = java.util.List.of(new Report.Row("Reads.x", "jdbc", 1e5, 1, 2, 100, 1, jdbcT, jdbcC),
        new Report.Row("Reads.x", "sluice", 1e6 / 10.49, 1, 2, 150, 1, sluiceT, sluiceC));
    assertThat(ReportWriter.ratio(rows, rows.get(1))).isCloseTo(0.953, org.assertj.core.data.Offset.offset(0.01));
    var ci = ReportWriter.interval(rows, rows.get(1));
    assertThat(ci.lo()).isLessThan(ci.estimate()).isGreaterThan(0.94);
    assertThat(ci.hi()).isGreaterThan(ci.estimate()).isLessThan(0.97);
    assertThat(ci.crossesOne()).isFalse();
    assertThat(ReportWriter.cpuInterval(rows, rows.get(1)).estimate()).isCloseTo(1.25, org.assertj.core.data.Offset.offset(0.01));
    assertThat(ReportWriter.bytesRatio(rows, rows.get(1))).isEqualTo(1.5);
    assertThat(ReportWriter.ratioMatrix(rows)).contains("| operation | jdbc | sluice |").contains("| Reads.x | 1.00 [");
    String md = ReportWriter.markdown(rows, "cmd", "m", "full");
    assertThat(md).contains("| Reads.x | sluice | 3 |").contains("| 1.50 |").contains("- sluice: 0.95");
    assertThat(ReportWriter.json(rows, "cmd", "m", "full")).contains("\"timeForksUs\": [[10.500, 10.600, 10.400]")
        .contains("\"cpuRatioToJdbc\": 1.250");
    assertThat(ReportWriter.svg(rows)).startsWith("<svg");
  }

  @Test
  void aCellMeasuredEqualToRawJdbcHasAnIntervalAcrossOne() {
    java.util.List<double[]> a = java.util.List.of(new double[] {10, 11, 9}, new double[] {10.5, 9.5, 10}, new double[] {9.8, 10.2, 10});
    java.util.List<double[]> b = java.util.List.of(new double[] {10.2, 9.9, 10.1}, new double[] {9.7, 10.4, 10}, new double[] {10, 10.3, 9.6});
    assertThat(Intervals.ratio(a, b, 1).crossesOne()).isTrue();
  }
}
