package dev.sluice.bench;

import dev.sluice.bench.Report.Row;
import java.util.*;

/**
 * Renders the {@code curves} profile: per curve (rows per result, nesting depth, threads, COPY rows)
 * a Markdown table and an SVG line chart of Sluice's throughput relative to raw JDBC at each size, the
 * 95% bootstrap interval drawn as a band and as error bars, raw JDBC as the dashed line at 1.0.
 */
final class CurveWriter {
  private CurveWriter() {}

  /** A curve: its operation prefix in the row keys, title, x-axis label and the unit of its rate. */
  record Curve(String name, String title, String xLabel, boolean rowsPerSecond) {}

  static final List<Curve> CURVES = List.of(
      new Curve("rows", "Rows per result (flat select of order lines)", "rows per result", false),
      new Curve("depth", "Nesting depth (customer > orders > lines > product > supplier)", "nested levels", false),
      new Curve("threads", "Threads on a pool of 8 (customerById)", "threads", false),
      new Curve("copy", "COPY rows/s (Sluice insertMany vs pgjdbc CopyManager)", "rows copied", true));

  /** One size of a curve: raw JDBC's and Sluice's cells. */
  record Point(long x, Row jdbc, Row sluice, Intervals.Interval ratio) {}

  /** The curve an operation key belongs to ({@code Curves.rows#100}, {@code Concurrency.customerById@8t}), or null. */
  static String curveOf(String op) {
    if (op.startsWith("Curves.") && op.contains("#")) return op.substring("Curves.".length(), op.indexOf('#'));
    if (op.startsWith("Concurrency.") && op.endsWith("t") && op.contains("@")) return "threads";
    return null;
  }

  static long xOf(String op) {
    return op.contains("#") ? Long.parseLong(op.substring(op.indexOf('#') + 1))
        : Long.parseLong(op.substring(op.indexOf('@') + 1, op.length() - 1));
  }

  /** The measured points of {@code curve} by size; a size where either library is missing is left out. */
  static List<Point> points(List<Row> rows, String curve) {
    Map<Long, Row[]> bySize = new TreeMap<>();
    for (Row r : rows) {
      if (!curve.equals(curveOf(r.op()))) continue;
      Row[] pair = bySize.computeIfAbsent(xOf(r.op()), k -> new Row[2]);
      if (r.lib().equals("jdbc")) pair[0] = r;
      else if (r.lib().equals("sluice")) pair[1] = r;
    }
    List<Point> out = new ArrayList<>();
    for (var e : bySize.entrySet()) {
      Row[] p = e.getValue();
      if (p[0] != null && p[1] != null) out.add(new Point(e.getKey(), p[0], p[1], ReportWriter.interval(rows, p[1])));
    }
    return out;
  }

  static String label(long x) {
    if (x >= 1_000_000 && x % 1_000_000 == 0) return x / 1_000_000 + "M";
    if (x >= 1_000 && x % 1_000 == 0) return x / 1_000 + "k";
    return Long.toString(x);
  }

  static String markdown(List<Row> rows, String command, String machine) {
    StringBuilder b = new StringBuilder();
    b.append("Profile `curves`, command: `").append(command).append("`  \n");
    b.append("Machine: ").append(machine).append("  \n");
    b.append("Raw JDBC and Sluice as work grows. Ratio = Sluice's throughput / raw JDBC's at the same size, with its 95% "
        + "bootstrap interval over forks and iterations (`~`: the interval crosses 1.0; `!`: it lies wholly below 0.95). "
        + "One thread in SampleTime except the threads curve (Throughput, ops/s of the threads together, pool of "
        + Concurrency.POOL + "). CPU = the benchmark thread's CPU time per operation (client only). Chart: `curves.svg`.\n");
    for (Curve c : CURVES) {
      List<Point> pts = points(rows, c.name());
      if (pts.isEmpty()) continue;
      String unit = c.rowsPerSecond() ? "rows/s" : "ops/s";
      b.append("\n### ").append(c.title()).append("\n\n");
      b.append("| ").append(c.xLabel()).append(" | raw JDBC ").append(unit).append(" | Sluice ").append(unit)
          .append(" | ratio [95%] | CPU ratio [95%] | bytes/op raw | bytes/op Sluice | forks |\n");
      b.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (Point p : pts) {
        double k = c.rowsPerSecond() ? p.x() : 1;
        b.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %s | %s | %,.0f | %,.0f | %d |%n", label(p.x()),
            p.jdbc().opsPerSec() * k, p.sluice().opsPerSec() * k, ReportWriter.cell(p.ratio()),
            ReportWriter.cell(ReportWriter.cpuInterval(rows, p.sluice())), p.jdbc().allocBytes(), p.sluice().allocBytes(),
            Math.min(p.jdbc().timeForks().size(), p.sluice().timeForks().size())));
      }
    }
    return b.toString();
  }

  static final int PANEL_W = 470, PANEL_H = 270, LEFT = 52, RIGHT = 18, TOP = 34, BOTTOM = 44;

  /** The four charts in a two-column grid; a curve with no measured point is drawn as an empty panel saying so. */
  static String svg(List<Row> rows) {
    int cols = 2;
    int panels = CURVES.size();
    int height = ((panels + cols - 1) / cols) * PANEL_H + 30;
    StringBuilder b = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + cols * PANEL_W + "\" height=\""
        + height + "\" font-family=\"sans-serif\" font-size=\"11\">\n");
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    b.append("<text x=\"10\" y=\"18\" font-size=\"13\">Sluice throughput relative to raw JDBC as work grows"
        + " (band and bars: 95% bootstrap interval; dashed: raw JDBC = 1.0; higher is faster)</text>\n");
    for (int i = 0; i < panels; i++) {
      panel(b, CURVES.get(i), points(rows, CURVES.get(i).name()), (i % cols) * PANEL_W, 30 + (i / cols) * PANEL_H);
    }
    return b.append("</svg>\n").toString();
  }

  private static void panel(StringBuilder b, Curve c, List<Point> pts, int ox, int oy) {
    int w = PANEL_W - LEFT - RIGHT, h = PANEL_H - TOP - BOTTOM;
    int px = ox + LEFT, py = oy + TOP;
    b.append(String.format("<g><text x=\"%d\" y=\"%d\" font-size=\"12\" font-weight=\"bold\">%s</text>%n", ox + 10, oy + 18, xml(c.title())));
    b.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#bbbbbb\"/>%n", px, py, w, h));
    if (pts.isEmpty()) {
      b.append(String.format("<text x=\"%d\" y=\"%d\">not measured</text></g>%n", px + w / 2 - 35, py + h / 2));
      return;
    }
    double lo = 0.8, hi = 1.2;
    for (Point p : pts) {
      lo = Math.min(lo, low(p));
      hi = Math.max(hi, high(p));
    }
    lo = Math.max(0, Math.floor(lo * 10) / 10);
    hi = Math.min(5, Math.ceil(hi * 10) / 10);
    double step = hi - lo > 2 ? 0.5 : hi - lo > 0.8 ? 0.2 : 0.1;
    final double ylo = lo, yhi = hi;
    java.util.function.DoubleUnaryOperator y = v -> py + h - (Math.max(ylo, Math.min(yhi, v)) - ylo) / (yhi - ylo) * h;
    for (double t = Math.ceil(lo / step - 1e-9) * step + 0.0; t <= hi + 1e-9; t += step) {
      double ty = y.applyAsDouble(t);
      b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eeeeee\"/>"
          + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.1f</text>%n", px, ty, px + w, ty, px - 4, ty + 4, t));
    }
    double one = y.applyAsDouble(1.0);
    b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"black\" stroke-dasharray=\"4,3\"/>"
        + "<text x=\"%d\" y=\"%.1f\" fill=\"#555555\">raw JDBC</text>%n", px, one, px + w, one, px + w - 48, one - 4));
    double[] xs = new double[pts.size()];
    for (int i = 0; i < pts.size(); i++) {
      xs[i] = px + (i + 0.5) * w / pts.size();
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", xs[i], py + h + 15, label(pts.get(i).x())));
    }
    b.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px + w / 2, py + h + 32, xml(c.xLabel())));
    b.append(String.format(Locale.ROOT, "<text transform=\"translate(%d,%d) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
        ox + 14, py + h / 2, c.rowsPerSecond() ? "rows/s ratio to raw" : "ops/s ratio to raw"));
    StringBuilder band = new StringBuilder();
    for (int i = 0; i < pts.size(); i++) band.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[i], y.applyAsDouble(high(pts.get(i)))));
    for (int i = pts.size() - 1; i >= 0; i--) band.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[i], y.applyAsDouble(low(pts.get(i)))));
    b.append("<polygon class=\"band\" points=\"").append(band.toString().trim()).append("\" fill=\"#1f77b4\" fill-opacity=\"0.18\" stroke=\"none\"/>\n");
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < pts.size(); i++) line.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[i], y.applyAsDouble(estimate(pts.get(i)))));
    b.append("<polyline class=\"ratio\" points=\"").append(line.toString().trim()).append("\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\"/>\n");
    for (int i = 0; i < pts.size(); i++) {
      Point p = pts.get(i);
      double ey = y.applyAsDouble(estimate(p));
      b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#1f77b4\"/>"
          + "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#1f77b4\"/><text x=\"%.1f\" y=\"%.1f\">%.2f</text>%n",
          xs[i], y.applyAsDouble(high(p)), xs[i], y.applyAsDouble(low(p)), xs[i], ey, xs[i] + 5, ey - 5, estimate(p)));
    }
    b.append("</g>\n");
  }

  private static double estimate(Point p) {
    return p.ratio() == null ? ReportWriter.ratio(List.of(p.jdbc(), p.sluice()), p.sluice()) : p.ratio().estimate();
  }

  private static double low(Point p) {
    return p.ratio() == null ? estimate(p) : p.ratio().lo();
  }

  private static double high(Point p) {
    return p.ratio() == null ? estimate(p) : p.ratio().hi();
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
