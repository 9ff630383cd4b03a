package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.bench.Report.Row;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class CurveWriterTest {
  /** A cell at {@code us} µs/op over three forks of three iterations, CPU at half the time. */
  private static Row row(String op, String lib, double us) {
    List<double[]> t = List.of(new double[] {us, us * 1.01, us * 0.99}, new double[] {us * 1.02, us, us * 0.98},
        new double[] {us, us * 1.01, us});
    List<double[]> cpu = List.of(new double[] {us * 500, us * 505}, new double[] {us * 495, us * 500}, new double[] {us * 500, us * 500});
    return new Row(op, lib, 1e6 / us, us, us * 2, 1000, -1, t, cpu);
  }

  private static List<Row> measured() {
    List<Row> rows = new ArrayList<>();
    for (int n : new int[] {1, 100, 100_000}) {
      rows.add(row("Curves.rows#" + n, "jdbc", 10 + n / 100.0));
      rows.add(row("Curves.rows#" + n, "sluice", (10 + n / 100.0) * 1.1));
    }
    for (int d = 1; d <= 4; d++) {
      rows.add(row("Curves.depth#" + d, "jdbc", 100 * d));
      rows.add(row("Curves.depth#" + d, "sluice", 95 * d));
    }
    for (int t : new int[] {1, 8}) {
      rows.add(row("Concurrency.customerById@" + t + "t", "jdbc", 50.0 / t));
      rows.add(row("Concurrency.customerById@" + t + "t", "sluice", 52.0 / t));
    }
    rows.add(row("Curves.copy#1000000", "jdbc", 2_000_000));
    rows.add(row("Curves.copy#1000000", "sluice", 2_000_000));
    return rows;
  }

  @Test
  void eachCurveHasItsSizesInOrderWithRatiosToRawJdbc() {
    List<Row> rows = measured();
    var points = CurveWriter.points(rows, "rows");
    assertThat(points).extracting(CurveWriter.Point::x).containsExactly(1L, 100L, 100_000L);
    assertThat(points.get(0).ratio().estimate()).isBetween(0.90, 0.92);
    assertThat(points.get(0).ratio().lo()).isLessThan(points.get(0).ratio().estimate());
    assertThat(CurveWriter.points(rows, "threads")).extracting(CurveWriter.Point::x).containsExactly(1L, 8L);
    assertThat(CurveWriter.points(rows, "depth")).hasSize(4);
  }

  @Test
  void aSizeMeasuredForOnlyOneLibraryIsLeftOutNotPlottedAgainstNothing() {
    List<Row> rows = new ArrayList<>(measured());
    rows.add(row("Curves.rows#10", "sluice", 11));
    assertThat(CurveWriter.points(rows, "rows")).extracting(CurveWriter.Point::x).doesNotContain(10L);
  }

  @Test
  void svgIsWellFormedWithOneBandAndOneLinePerCurve() throws Exception {
    String svg = CurveWriter.svg(measured());
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(doc.getElementsByTagName("polygon").getLength()).isEqualTo(4);
    assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(4);
    assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(3 + 4 + 2 + 1);
    assertThat(svg).contains("100k").contains("1M").contains("raw JDBC").contains("0.91");
  }

  @Test
  void anAxisStartingAtZeroIsLabelledZeroNotMinusZero() {
    List<Row> rows = List.of(row("Curves.depth#1", "jdbc", 10), row("Curves.depth#1", "sluice", 200));
    assertThat(CurveWriter.svg(rows)).contains(">0.0</text>").doesNotContain("-0.0");
  }

  @Test
  void aCurveWithNoPointsIsAnEmptyPanelSayingSo() {
    List<Row> rows = new ArrayList<>(measured());
    rows.removeIf(r -> r.op().startsWith("Curves.copy"));
    assertThat(CurveWriter.svg(rows)).contains("not measured");
    assertThat(CurveWriter.markdown(rows, "cmd", "m")).doesNotContain("COPY rows/s");
  }

  @Test
  void markdownGivesCopyInRowsPerSecondAndMarksIntervalsAcrossOne() {
    String md = CurveWriter.markdown(measured(), "java -jar benchmarks.jar curves", "2 cores");
    // 1,000,000 rows per op at 2 s per op: 500,000 rows/s
    assertThat(md).contains("| rows copied | raw JDBC rows/s | Sluice rows/s |").contains("| 1M | 500,000 | 500,000 | 1.00 [");
    assertThat(md).contains("]~ |").contains("| rows per result | raw JDBC ops/s |").contains("| 100k |");
    assertThat(md).contains("### Threads on a pool of 8");
  }
}
