package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.runtime.PgUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

/**
 * Every library returns what raw JDBC returns, on the real dataset, in every build: on
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
