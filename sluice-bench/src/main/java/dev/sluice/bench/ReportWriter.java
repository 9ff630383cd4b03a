package dev.sluice.bench;

import dev.sluice.bench.Report.Row;
import java.util.*;

/** Renders the measured rows as JSON, a Markdown table (with ratios to raw JDBC) and an SVG bar chart. */
final class ReportWriter {
  private ReportWriter() {}

  static String esc(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  static String num(double d) {
    return Double.isNaN(d) ? "null" : String.format(Locale.ROOT, "%.3f", d);
  }

  static final long SEED = Long.getLong("bench.seed", 20261206L);

  static String array(List<double[]> forks) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < forks.size(); i++) {
      if (i > 0) b.append(", ");
      b.append('[');
      double[] f = forks.get(i);
      for (int j = 0; j < f.length; j++) b.append(j > 0 ? ", " : "").append(num(f[j]));
      b.append(']');
    }
    return b.append(']').toString();
  }

  static String json(List<Row> rows, String command, String machine, String profile) {
    StringBuilder b = new StringBuilder("{\n  \"command\": \"" + esc(command) + "\",\n  \"machine\": \"" + esc(machine)
        + "\",\n  \"profile\": \"" + profile + "\",\n  \"note\": \"" + (profile.equals("curves") || profile.equals("concurrency")
        ? "op#N: size N (rows, depth or COPY rows) at 1 thread, SampleTime; op@Nt: N threads, Throughput (us = 1e6 / ops/s of the threads together);"
        : "1 thread, SampleTime;") + " opsPerSec = 1e6 / mean us;"
        + " ratio intervals: 95% bootstrap over forks and iterations (seed " + SEED + "); timeForksUs: per fork, each measurement"
        + " iteration's mean us/op; cpuForksNs: the benchmark thread's CPU ns/op per iteration\",\n  \"results\": [\n");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      Intervals.Interval ci = interval(rows, r);
      Intervals.Interval cpu = cpuInterval(rows, r);
      b.append("    {\"op\": \"").append(r.op()).append("\", \"lib\": \"").append(r.lib()).append("\", \"opsPerSec\": ")
          .append(num(r.opsPerSec())).append(", \"ratioToJdbc\": ").append(num(ratio(rows, r)))
          .append(", \"ratioLo\": ").append(num(ci == null ? Double.NaN : ci.lo()))
          .append(", \"ratioHi\": ").append(num(ci == null ? Double.NaN : ci.hi()))
          .append(", \"p50us\": ").append(num(r.p50())).append(", \"p99us\": ").append(num(r.p99()))
          .append(", \"allocBytesPerOp\": ").append(num(r.allocBytes()))
          .append(", \"cpuNsPerOp\": ").append(num(r.cpuNsPerOp()))
          .append(", \"cpuRatioToJdbc\": ").append(num(cpu == null ? Double.NaN : cpu.estimate()))
          .append(", \"cpuRatioLo\": ").append(num(cpu == null ? Double.NaN : cpu.lo()))
          .append(", \"cpuRatioHi\": ").append(num(cpu == null ? Double.NaN : cpu.hi()))
          .append(", \"statementsPerOp\": ").append(r.statements())
          .append(", \"timeForksUs\": ").append(array(r.timeForks()))
          .append(", \"cpuForksNs\": ").append(array(r.cpuForks()))
          .append('}').append(i + 1 < rows.size() ? ",\n" : "\n");
    }
    return b.append("  ]\n}\n").toString();
  }

  static Row jdbc(List<Row> rows, Row r) {
    return rows.stream().filter(x -> x.op().equals(r.op()) && x.lib().equals("jdbc")).findFirst().orElse(null);
  }

  /** Throughput ratio to raw JDBC with its 95% interval (raw JDBC's µs/op over the library's). */
  static Intervals.Interval interval(List<Row> rows, Row r) {
    Row j = jdbc(rows, r);
    if (j == null || j.timeForks().isEmpty() || r.timeForks().isEmpty()) return null;
    return Intervals.ratio(j.timeForks(), r.timeForks(), SEED ^ (r.op() + r.lib()).hashCode());
  }

  /** Client CPU per operation relative to raw JDBC's (below 1: less CPU), with its interval. */
  static Intervals.Interval cpuInterval(List<Row> rows, Row r) {
    Row j = jdbc(rows, r);
    if (j == null || j.cpuForks().isEmpty() || r.cpuForks().isEmpty()) return null;
    return Intervals.ratio(r.cpuForks(), j.cpuForks(), SEED ^ (r.op() + r.lib() + "cpu").hashCode());
  }

  static double bytesRatio(List<Row> rows, Row r) {
    Row j = jdbc(rows, r);
    return j == null ? Double.NaN : r.allocBytes() / j.allocBytes();
  }

  /** {@code 0.98 [0.93, 1.03]~}: {@code ~} the interval crosses 1.0, {@code !} it lies wholly below 0.95. */
  static String cell(Intervals.Interval ci) {
    if (ci == null) return "-";
    String mark = ci.whollyBelow(0.95) ? "!" : ci.crossesOne() ? "~" : "";
    return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]%s", ci.estimate(), ci.lo(), ci.hi(), mark);
  }

  static double ratio(List<Row> rows, Row r) {
    return rows.stream().filter(x -> x.op().equals(r.op()) && x.lib().equals("jdbc")).findFirst()
        .map(j -> r.opsPerSec() / j.opsPerSec()).orElse(Double.NaN);
  }

  static Map<String, List<Row>> byOp(List<Row> rows) {
    Map<String, List<Row>> m = new TreeMap<>();
    for (Row r : rows) m.computeIfAbsent(r.op(), k -> new ArrayList<>()).add(r);
    for (List<Row> l : m.values()) l.sort(Comparator.comparingInt(r -> order(r.lib())));
    return m;
  }

  /** Libraries in {@link Libraries#ALL} order, then the {@link Observed} cells. */
  static int order(String lib) {
    int i = Libraries.ALL.indexOf(lib);
    return i >= 0 ? i : Libraries.ALL.size() + Math.max(0, Observed.LIBS.indexOf(lib));
  }

  /** One line per operation, one column per library: the ratio to raw JDBC ("-" where it did not run). */
  static String ratioMatrix(List<Row> rows) {
    List<String> libs = new ArrayList<>();
    for (String lib : Libraries.ALL) if (rows.stream().anyMatch(r -> r.lib().equals(lib))) libs.add(lib);
    for (String lib : Observed.LIBS) if (!libs.contains(lib) && rows.stream().anyMatch(r -> r.lib().equals(lib))) libs.add(lib);
    StringBuilder b = new StringBuilder("| operation |");
    for (String lib : libs) b.append(' ').append(lib).append(" |");
    b.append("\n|---|").append("---:|".repeat(libs.size())).append('\n');
    for (var e : byOp(rows).entrySet()) {
      b.append("| ").append(e.getKey()).append(" |");
      for (String lib : libs) {
        Row r = e.getValue().stream().filter(x -> x.lib().equals(lib)).findFirst().orElse(null);
        b.append(r == null ? " - |" : " " + (r.timeForks().size() > 1 ? cell(interval(rows, r)) : String.format(Locale.ROOT, "%.2f", ratio(rows, r))) + " |");
      }
      b.append('\n');
    }
    return b.toString();
  }

  static String markdown(List<Row> rows, String command, String machine, String profile) {
    StringBuilder b = new StringBuilder();
    b.append("Profile `").append(profile).append("`, command: `").append(command).append("`  \n");
    b.append("Machine: ").append(machine).append("  \n");
    b.append(profile.equals("concurrency")
        ? "Threads as in the operation name (`@8t`: 8 threads), JMH Throughput with `-prof gc`; ops/s of the threads together."
        : "One thread, JMH SampleTime with `-prof gc`; ops/s = 1 / mean latency.");
    b.append(" Ratio = ops/s / raw JDBC's, with its 95% "
        + "bootstrap interval over forks and iterations where a cell has more than one fork (`~`: the interval crosses 1.0; "
        + "`!`: it lies wholly below 0.95). CPU = the benchmark thread's CPU time per operation (client only; the server is "
        + "another process).\n\n");
    b.append(ratioMatrix(rows)).append('\n');
    b.append("| operation | library | forks | ops/s | ratio to JDBC [95%] | p50 µs | p99 µs | CPU µs/op | CPU ratio [95%] | bytes/op | bytes ratio | statements/op |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (var e : byOp(rows).entrySet()) {
      for (Row r : e.getValue()) {
        b.append(String.format(Locale.ROOT, "| %s | %s | %d | %,.0f | %s | %.1f | %.1f | %.1f | %s | %,.0f | %.2f | %s |%n", r.op(), r.lib(),
            r.timeForks().size(), r.opsPerSec(), cell(interval(rows, r)), r.p50(), r.p99(), r.cpuNsPerOp() / 1000,
            cell(cpuInterval(rows, r)), r.allocBytes(), bytesRatio(rows, r), r.statements() < 0 ? "n/a" : r.statements()));
      }
    }
    Set<String> libs = new LinkedHashSet<>();
    for (Row r : rows) libs.add(r.lib());
    Set<String> common = new TreeSet<>();
    for (var e : byOp(rows).entrySet()) if (e.getValue().size() == libs.size()) common.add(e.getKey());
    b.append("\nGeometric mean of the ratio to raw JDBC over the ").append(common.size())
        .append(" operations every library ran (COPY is raw JDBC and Sluice only):\n\n");
    for (String lib : Libraries.ALL) {
      double sum = 0;
      int n = 0;
      for (Row r : rows) {
        if (r.lib().equals(lib) && common.contains(r.op()) && !Double.isNaN(ratio(rows, r))) {
          sum += Math.log(ratio(rows, r));
          n++;
        }
      }
      if (n > 0) {
        List<List<double[]>[]> pairs = new ArrayList<>();
        for (Row r : rows) {
          Row j = jdbc(rows, r);
          if (r.lib().equals(lib) && common.contains(r.op()) && j != null) {
            @SuppressWarnings("unchecked")
            List<double[]>[] p = new List[] {j.timeForks(), r.timeForks()};
            pairs.add(p);
          }
        }
        Intervals.Interval g = Intervals.geomean(pairs, SEED ^ lib.hashCode());
        b.append(String.format(Locale.ROOT, "- %s: %.3f [%.3f, %.3f] (%d operations)%n", lib, Math.exp(sum / n), g.lo(), g.hi(), n));
      }
    }
    return b.toString();
  }

  static String svg(List<Row> rows) {
    Map<String, List<Row>> m = byOp(rows);
    String[] colors = {"#888888", "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2"};
    int barH = 12, gap = 14, left = 230, width = 420;
    int height = 40;
    for (List<Row> l : m.values()) height += l.size() * barH + gap;
    StringBuilder b = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Math.max(left + width + 80, left + 210 + Libraries.ALL.size() * 70)
        + "\" height=\"" + height + "\" font-family=\"sans-serif\" font-size=\"11\">\n");
    b.append("<text x=\"10\" y=\"16\" font-size=\"13\">ops/s relative to raw JDBC (1 thread; longer is faster)</text>\n");
    int y = 30;
    for (String lib : Libraries.ALL) {
      int i = Libraries.ALL.indexOf(lib);
      b.append(String.format("<rect x=\"%d\" y=\"4\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"13\">%s</text>%n",
          left + 200 + i * 70, colors[i % colors.length], left + 214 + i * 70, lib));
    }
    double max = 1.5;
    for (var e : m.entrySet()) {
      b.append(String.format("<text x=\"10\" y=\"%d\">%s</text>%n", y + barH, e.getKey()));
      for (Row r : e.getValue()) {
        double ratio = ratio(rows, r);
        int w = (int) Math.round(Math.min(ratio, max) / max * width);
        int ci = Math.max(0, Libraries.ALL.indexOf(r.lib()));
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
            + "<text x=\"%d\" y=\"%d\">%.2f</text>%n", left, y, w, barH - 2, colors[ci % colors.length], left + w + 4, y + barH - 3, ratio));
        y += barH;
      }
      y += gap;
    }
    int x1 = left + (int) Math.round(1 / max * width);
    b.append(String.format("<line x1=\"%d\" y1=\"24\" x2=\"%d\" y2=\"%d\" stroke=\"black\" stroke-dasharray=\"3,3\"/>%n", x1, x1, height - 5));
    return b.append("</svg>\n").toString();
  }
}
