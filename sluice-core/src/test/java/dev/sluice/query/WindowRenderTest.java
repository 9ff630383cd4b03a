package dev.sluice.query;

import static dev.sluice.query.JsonbRenderTest.assertRendered;

import dev.sluice.query.JsonbRenderTest.Docs;
import org.junit.jupiter.api.Test;

class WindowRenderTest {
  static final Docs D = Docs.DOCS;

  @Test
  void rankingFunctionsRenderWithTheirWindow() {
    WindowSpec w = WindowSpec.partitionBy(D.title).orderBy(D.id.desc());
    assertRendered(Windows.rowNumber().over(w), "row_number() OVER (PARTITION BY docs.title ORDER BY docs.id DESC)");
    assertRendered(Windows.rank().over(), "rank() OVER ()");
    assertRendered(Windows.denseRank().over("w"), "dense_rank() OVER w");
    assertRendered(Windows.percentRank().over(WindowSpec.ordered(D.id)), "percent_rank() OVER (ORDER BY docs.id)");
    assertRendered(Windows.ntile(4).over(WindowSpec.ordered(D.id)), "ntile(?) OVER (ORDER BY docs.id)", 4);
  }

  @Test
  void offsetFunctionsBindOffsetAndDefault() {
    WindowSpec w = WindowSpec.ordered(D.id);
    assertRendered(Windows.lag(D.id).over(w), "lag(docs.id) OVER (ORDER BY docs.id)");
    assertRendered(Windows.lag(D.id, 2, 0L).over(w), "lag(docs.id, ?, ?) OVER (ORDER BY docs.id)", 2, 0L);
    assertRendered(Windows.lead(D.title, 1, "none").over(w), "lead(docs.title, ?, ?) OVER (ORDER BY docs.id)", 1, "none");
  }

  @Test
  void valueFunctionsWithFrames() {
    WindowSpec w = WindowSpec.ordered(D.id).rowsBetween("unbounded preceding", "unbounded following");
    assertRendered(Windows.firstValue(D.title).over(w),
        "first_value(docs.title) OVER (ORDER BY docs.id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)");
    assertRendered(Windows.lastValue(D.title).over(WindowSpec.ordered(D.id).rangeBetween("CURRENT ROW", "2 FOLLOWING")),
        "last_value(docs.title) OVER (ORDER BY docs.id RANGE BETWEEN CURRENT ROW AND 2 FOLLOWING)");
  }

  @Test
  void aggregatesBecomeWindowFunctionsWithOver() {
    assertRendered(Aggregates.sum(D.id).over(WindowSpec.ordered(D.id).rowsBetween("2 PRECEDING", "CURRENT ROW")),
        "sum(docs.id) OVER (ORDER BY docs.id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)");
    assertRendered(Aggregates.count().filter(D.title.isNotNull()).over("w"), "count(*) FILTER (WHERE docs.title IS NOT NULL) OVER w");
  }

  @Test
  void namedWindowsAreDeclaredInTheWindowClause() {
    assertRendered(Dsl.select(D.id, Windows.rowNumber().over("w").as("rn")).from(D)
            .window("w", WindowSpec.partitionBy(D.title).orderBy(D.id)).orderBy(D.id),
        "SELECT docs.id, row_number() OVER w AS rn FROM docs WINDOW w AS (PARTITION BY docs.title ORDER BY docs.id) ORDER BY docs.id");
  }
}
