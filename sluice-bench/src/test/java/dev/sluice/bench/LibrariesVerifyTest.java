package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.runtime.PgUrl;
import org.junit.jupiter.api.Test;

/**
 * Every library returns what raw JDBC returns, on the real dataset. Needs a database, so it runs only
 * with {@code -Dbench.verify=true} and SLUICE_BENCH_URL (loads the dataset once, ~10 s); the plain
 * build skips it and never runs JMH.
 */
class LibrariesVerifyTest {
  @Test
  void everyLibraryReturnsWhatRawJdbcReturns() throws Exception {
    assumeTrue(Boolean.getBoolean("bench.verify") && System.getenv("SLUICE_BENCH_URL") != null,
        "set -Dbench.verify=true and SLUICE_BENCH_URL to check results against the dataset");
    String url = System.getenv("SLUICE_BENCH_URL");
    PgUrl pg = PgUrl.parse(url);
    Dataset.ensureLoaded(pg.jdbcUrl(), pg.user(), pg.password());
    try (HikariDataSource pool = Libraries.pool(url); Api floor = new RawJdbc(pool)) {
      for (String lib : Libraries.ALL) {
        try (Api api = Libraries.create(lib, pool)) {
          Libraries.verify(api, floor, lib);
        }
      }
      assertThat(floor.orderWithDetails(1).details()).isNotEmpty();
    }
  }

  @Test
  void reportRatiosAreRelativeToRawJdbc() {
    var rows = java.util.List.of(new Report.Row("Reads.x", "jdbc", 100, 1, 2, 10, 1),
        new Report.Row("Reads.x", "sluice", 95, 1, 2, 10, 1));
    assertThat(ReportWriter.ratio(rows, rows.get(1))).isEqualTo(0.95);
    assertThat(ReportWriter.ratioMatrix(rows)).contains("| operation | jdbc | sluice |").contains("| Reads.x | 1.00 | 0.95 |");
    assertThat(ReportWriter.markdown(rows, "cmd", "m", "quick")).contains("| Reads.x | sluice | 95 | 0.95 |");
    assertThat(ReportWriter.svg(rows)).startsWith("<svg");
  }
}
