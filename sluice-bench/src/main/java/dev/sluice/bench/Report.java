package dev.sluice.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.bench.Model.NewCustomer;
import dev.sluice.bench.Model.NewLine;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.*;
import java.util.function.Consumer;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the suite and writes the report: {@code java -jar sluice-bench/target/benchmarks.jar [quick|full|targets|concurrency|curves|observation]}.
 * Uses SLUICE_BENCH_URL, else starts an embedded PostgreSQL; loads the dataset; verifies every
 * library against raw JDBC; counts statements per operation in a separate pass; runs JMH at one
 * thread in SampleTime mode with {@code -prof gc} (ops/s = 1 / mean latency at one thread; p50/p99
 * from the same samples), one fork per cell per round, the cells in a new random order each round
 * ({@code full}: 3 rounds, {@code -Dbench.rounds=N}; {@code -Dbench.seed} fixes the order and the
 * bootstrap), with the benchmark thread's CPU time per operation ({@link CpuMeter}); writes {@code <profile>.json}, {@code <profile>.md} and {@code <profile>.svg} under
 * {@code sluice-bench/results/<date>/}. {@code curves}: raw JDBC and Sluice over growing work ({@link Curves},
 * {@link Concurrency}), line charts by {@link CurveWriter}. {@code observation}: a point read with and without
 * Micrometer observations ({@link Observed}).
 */
public final class Report {
  static final List<String> QUICK = List.of("Reads.customerById", "Reads.customerSearch", "Reads.productWithSupplier",
      "Reads.ordersPage", "Reads.orderWithDetails", "Reads.teFortunes", "Copy.copy1000");

  /**
   * One cell: an operation of one library. {@code timeForks} holds, per fork, each measurement
   * iteration's mean µs/op; {@code cpuForks} the benchmark thread's CPU ns/op per iteration.
   */
  record Row(String op, String lib, double opsPerSec, double p50, double p99, double allocBytes, long statements,
      List<double[]> timeForks, List<double[]> cpuForks) {
    double cpuNsPerOp() {
      return cpuForks.isEmpty() ? Double.NaN : Intervals.mean(cpuForks);
    }
  }

  /** The (operation, library) cells of a profile, in a fixed order. */
  static List<String[]> cells(String profile, boolean quick) {
    List<String> ops = new ArrayList<>();
    if (quick) {
      ops.addAll(QUICK);
    } else {
      for (Class<?> c : List.of(Reads.class, Writes.class, Copy.class)) {
        for (var m : c.getDeclaredMethods()) {
          if (m.isAnnotationPresent(org.openjdk.jmh.annotations.Benchmark.class)) ops.add(c.getSimpleName() + "." + m.getName());
        }
      }
      Collections.sort(ops);
    }
    List<String[]> out = new ArrayList<>();
    if (profile.equals("curves")) {
      // {op, lib, threads, size}: sizes as the x of each curve; threads on Concurrency's pool of 8
      for (String lib : List.of("jdbc", "sluice")) {
        for (String n : List.of("1", "10", "100", "1000", "10000", "100000")) out.add(new String[] {"Curves.rows", lib, "1", n});
        for (String d : List.of("1", "2", "3", "4")) out.add(new String[] {"Curves.depth", lib, "1", d});
        for (String t : List.of("1", "2", "4", "8")) out.add(new String[] {"Concurrency.customerById", lib, t});
        for (String n : List.of("1000", "10000", "100000", "1000000")) out.add(new String[] {"Curves.copy", lib, "1", n});
      }
      return out;
    }
    if (profile.equals("observation")) {
      for (String lib : Observed.LIBS) out.add(new String[] {"Observed.customerById", lib});
      return out;
    }
    if (profile.equals("concurrency")) {
      for (String t : List.of("1", "2", "4", "8")) {
        for (String lib : List.of("jdbc", "sluice")) out.add(new String[] {"Concurrency.customerById", lib, t});
      }
      return out;
    }
    for (String op : ops) {
      List<String> libs = op.startsWith("Copy.") || profile.equals("targets") ? List.of("jdbc", "sluice") : Libraries.ALL;
      for (String lib : libs) out.add(new String[] {op, lib});
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    String profile = args.length > 0 ? args[0] : "quick";
    if (!List.of("quick", "full", "targets", "concurrency", "curves", "observation").contains(profile)) {
      System.err.println("unknown profile " + profile + ": use quick, full, targets, concurrency, curves or observation"
          + " (for single benchmarks run JMH itself: java -cp sluice-bench/target/benchmarks.jar org.openjdk.jmh.Main ...)");
      System.exit(2);
    }
    boolean quick = profile.equals("quick");
    String url = System.getenv("SLUICE_BENCH_URL");
    EmbeddedPostgres embedded = null;
    if (url == null) {
      System.out.println("SLUICE_BENCH_URL not set: starting an embedded PostgreSQL");
      embedded = EmbeddedPostgres.builder().start();
      url = "postgresql://postgres@localhost:" + embedded.getPort() + "/postgres";
    }
    try {
      run(profile, quick, url, args);
    } finally {
      if (embedded != null) embedded.close();
    }
  }

  static void run(String profile, boolean quick, String url, String[] args) throws Exception {
    System.setProperty("bench.url", url);
    String pgVersion;
    try (HikariDataSource pool = Libraries.pool(url)) {
      var pg = dev.sluice.runtime.PgUrl.parse(url);
      long t0 = System.nanoTime();
      boolean loaded = Dataset.ensureLoaded(pg.jdbcUrl(), pg.user(), pg.password());
      System.out.printf("dataset %s (%.1f s)%n", loaded ? "loaded" : "already present", (System.nanoTime() - t0) / 1e9);
      try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
        rs.next();
        pgVersion = rs.getString(1);
      }
      try (Api floor = new RawJdbc(pool)) {
        for (String lib : Libraries.ALL) {
          try (Api api = Libraries.create(lib, pool)) {
            Libraries.verify(api, floor, lib);
          }
        }
      }
      System.out.println("verified: every library's results equal raw JDBC's");
    }
    Map<String, Long> statements = profile.equals("concurrency") || profile.equals("curves") || profile.equals("observation")
        ? Map.of() : countStatements(url);

    int rounds = Integer.getInteger("bench.rounds", profile.equals("full") || profile.equals("concurrency") || profile.equals("curves") ? 3 : 1);
    long seed = Long.getLong("bench.seed", 20261206L);
    List<String[]> cells = cells(profile, quick);
    Path cpuFile = Files.createTempFile("sluice-bench-cpu", ".txt");
    Map<String, List<double[]>> timeForks = new LinkedHashMap<>();
    Map<String, List<double[]>> cpuForks = new LinkedHashMap<>();
    Map<String, List<Double>> allocs = new HashMap<>();
    Map<String, List<double[]>> percentiles = new HashMap<>();
    Random shuffle = new Random(seed);
    for (int round = 1; round <= rounds; round++) {
      List<String[]> order = new ArrayList<>(cells);
      Collections.shuffle(order, shuffle); // forks of one cell are apart in time, libraries interleaved
      int n = 0;
      for (String[] cell : order) {
        n++;
        System.out.printf("round %d/%d, cell %d/%d: %s [%s]%s%n", round, rounds, n, order.size(), cell[0], cell[1],
            cell.length > 3 ? " size " + cell[3] : cell.length > 2 ? " " + cell[2] + " threads" : "");
        Files.writeString(cpuFile, "");
        int threads = cell.length > 2 ? Integer.parseInt(cell[2]) : 1;
        ChainedOptionsBuilder o = new OptionsBuilder().forks(1).threads(threads).addProfiler(GCProfiler.class)
            .jvmArgsAppend("-Dbench.url=" + url, "-Dbench.cpu.file=" + cpuFile).shouldFailOnError(true)
            .include("dev\\.sluice\\.bench\\." + cell[0].replace(".", "\\.") + "$").param("lib", cell[1]);
        if (cell.length > 3) o.param("size", cell[3]);
        if (quick) {
          o.warmupIterations(1).measurementIterations(2).warmupTime(TimeValue.seconds(1)).measurementTime(TimeValue.seconds(1));
        } else {
          // full: 170 cells x 3 rounds; 3 x 1 s warmup (the JIT needs the time, more so for deeper libraries)
          // + 3 x 1 s measurement per fork keeps it near 95 minutes
          o.warmupIterations(3).measurementIterations(3).warmupTime(TimeValue.seconds(1)).measurementTime(TimeValue.seconds(1));
        }
        String key = cell[0] + (cell.length > 3 ? "#" + cell[3] : cell.length > 2 ? "@" + threads + "t" : "") + "/" + cell[1];
        for (RunResult r : new Runner(o.build()).run()) {
          for (var fork : r.getBenchmarkResults()) {
            List<Double> its = new ArrayList<>();
            // Throughput mode scores ops/s: kept as the mean us per operation of the threads together
            boolean throughput = fork.getParams().getMode() == org.openjdk.jmh.annotations.Mode.Throughput;
            for (var it : fork.getIterationResults()) {
              double score = it.getPrimaryResult().getScore();
              its.add(throughput ? 1e6 / score : score);
            }
            timeForks.computeIfAbsent(key, k -> new ArrayList<>()).add(its.stream().mapToDouble(Double::doubleValue).toArray());
            var stats = fork.getPrimaryResult().getStatistics();
            percentiles.computeIfAbsent(key, k -> new ArrayList<>()).add(throughput ? new double[] {Double.NaN, Double.NaN}
                : new double[] {stats.getPercentile(50), stats.getPercentile(99)});
            Result<?> alloc = fork.getSecondaryResults().get("gc.alloc.rate.norm");
            if (alloc != null) allocs.computeIfAbsent(key, k -> new ArrayList<>()).add(alloc.getScore());
          }
        }
        List<Double> cpu = new ArrayList<>();
        for (String line : Files.readAllLines(cpuFile)) {
          String[] f = line.trim().split(" ");
          if (f.length == 4) cpu.add(Double.parseDouble(f[2]) / Double.parseDouble(f[3]));
        }
        if (!cpu.isEmpty()) cpuForks.computeIfAbsent(key, k -> new ArrayList<>()).add(cpu.stream().mapToDouble(Double::doubleValue).toArray());
      }
    }
    Files.deleteIfExists(cpuFile);

    List<Row> rows = new ArrayList<>();
    for (var e : timeForks.entrySet()) {
      String[] k = e.getKey().split("/");
      double meanUs = Intervals.mean(e.getValue());
      double p50 = percentiles.get(e.getKey()).stream().mapToDouble(x -> x[0]).average().orElse(Double.NaN);
      double p99 = percentiles.get(e.getKey()).stream().mapToDouble(x -> x[1]).average().orElse(Double.NaN);
      double alloc = allocs.getOrDefault(e.getKey(), List.of()).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      rows.add(new Row(k[0], k[1], 1e6 / meanUs, p50, p99, alloc, statements.getOrDefault(e.getKey(), -1L), e.getValue(),
          cpuForks.getOrDefault(e.getKey(), List.of())));
    }
    String date = LocalDate.now().toString();
    Path dir = Path.of("sluice-bench", "results", date);
    if (!Files.isDirectory(Path.of("sluice-bench"))) dir = Path.of("results", date);
    Files.createDirectories(dir);
    String command = "java -jar sluice-bench/target/benchmarks.jar " + profile
        + (System.getenv("SLUICE_BENCH_URL") != null ? "  (SLUICE_BENCH_URL set)" : "  (embedded PostgreSQL)");
    String machine = Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
        + " (" + System.getProperty("java.vm.name") + "), PostgreSQL " + pgVersion + ", pool "
        + (profile.equals("concurrency") ? Concurrency.POOL : profile.equals("curves") ? Libraries.POOL_SIZE + " (threads: "
            + Concurrency.POOL + ")" : Libraries.POOL_SIZE)
        + ", pgjdbc " + org.postgresql.util.DriverInfo.DRIVER_VERSION + ", prepareThreshold 5";
    Files.writeString(dir.resolve(profile + ".json"), ReportWriter.json(rows, command, machine, profile));
    boolean curves = profile.equals("curves");
    String md = curves ? CurveWriter.markdown(rows, command, machine) : ReportWriter.markdown(rows, command, machine, profile);
    Files.writeString(dir.resolve(profile + ".md"), md);
    Files.writeString(dir.resolve(profile + ".svg"), curves ? CurveWriter.svg(rows) : ReportWriter.svg(rows));
    System.out.println(md);
    System.out.println("written to " + dir.toAbsolutePath());
  }

  static int[] seq(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) a[i] = i + 1;
    return a;
  }

  /** Statements per call of each operation and library, counted through a wrapping DataSource. */
  static Map<String, Long> countStatements(String url) {
    Map<String, Consumer<Api>> ops = new LinkedHashMap<>();
    ops.put("Reads.customersPage", a -> a.customersPage(50, 0));
    ops.put("Reads.customerById", a -> a.customerById(1));
    ops.put("Reads.customerSearch", a -> a.customerSearch("coff"));
    ops.put("Reads.employeesPage", a -> a.employeesPage(20, 0));
    ops.put("Reads.employeeWithRecipient", a -> a.employeeWithRecipient(150));
    ops.put("Reads.suppliersPage", a -> a.suppliersPage(50, 0));
    ops.put("Reads.supplierById", a -> a.supplierById(1));
    ops.put("Reads.productsPage", a -> a.productsPage(50, 0));
    ops.put("Reads.productWithSupplier", a -> a.productWithSupplier(1));
    ops.put("Reads.productSearch", a -> a.productSearch("lem"));
    ops.put("Reads.ordersPage", a -> a.ordersPage(50, 0));
    ops.put("Reads.orderSummary", a -> a.orderSummary(1));
    ops.put("Reads.orderWithDetails", a -> a.orderWithDetails(1));
    ops.put("Reads.teDb", a -> a.world(1));
    ops.put("Reads.teQueries1", a -> a.worlds(new int[] {1}));
    ops.put("Reads.teQueries5", a -> a.worlds(new int[] {1, 2, 3, 4, 5}));
    ops.put("Reads.teQueries20", a -> a.worlds(seq(20)));
    ops.put("Reads.teFortunes", Api::fortunes);
    ops.put("Reads.teUpdates1", a -> a.updates(new int[] {1}, new int[] {1}));
    ops.put("Reads.teUpdates5", a -> a.updates(new int[] {1, 2, 3, 4, 5}, new int[] {1, 2, 3, 4, 5}));
    ops.put("Reads.teUpdates20", a -> a.updates(seq(20), seq(20)));
    List<NewCustomer> thousand = new ArrayList<>();
    for (int i = 0; i < 1000; i++) thousand.add(new NewCustomer("C" + i, "K" + i, "City", "Country"));
    ops.put("Writes.insertReturning", a -> a.insertReturning(thousand.get(0)));
    ops.put("Writes.batch1000", a -> a.batchInsert(thousand));
    ops.put("Writes.nestedCreate", a -> a.nestedCreate(1, List.of(new NewLine(1, 1), new NewLine(2, 2))));
    ops.put("Copy.copy1000", a -> a.copyInsert(thousand));
    Map<String, Long> out = new HashMap<>();
    try (HikariDataSource pool = Libraries.pool(url)) {
      for (String lib : Libraries.ALL) {
        StatementCounter counter = new StatementCounter();
        try (Api api = Libraries.create(lib, counter.wrap(pool))) {
          for (var e : ops.entrySet()) {
            long before = counter.count.get();
            try {
              e.getValue().accept(api);
              out.put(e.getKey() + "/" + lib, counter.count.get() - before);
            } catch (UnsupportedOperationException | IllegalStateException | NullPointerException ignored) {
              // not supported by this library (COPY) or zero ids: not counted
            }
          }
        }
      }
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("truncate w_lines, w_orders, w_customers");
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
