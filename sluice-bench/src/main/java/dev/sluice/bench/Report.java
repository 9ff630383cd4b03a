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
 * Runs the suite and writes the report: {@code java -jar sluice-bench/target/benchmarks.jar [quick|full]}.
 * Uses SLUICE_BENCH_URL, else starts an embedded PostgreSQL; loads the dataset; verifies every
 * library against raw JDBC; counts statements per operation in a separate pass; runs JMH at one
 * thread in SampleTime mode with {@code -prof gc} (ops/s = 1 / mean latency at one thread; p50/p99
 * from the same samples); writes {@code <profile>.json}, {@code <profile>.md} and {@code <profile>.svg} under
 * {@code sluice-bench/results/<date>/}.
 */
public final class Report {
  static final List<String> QUICK = List.of("Reads.customerById", "Reads.customerSearch", "Reads.productWithSupplier",
      "Reads.ordersPage", "Reads.orderWithDetails", "Reads.teFortunes", "Copy.copy1000");

  record Row(String op, String lib, double opsPerSec, double p50, double p99, double allocBytes, long statements) {}

  public static void main(String[] args) throws Exception {
    String profile = args.length > 0 ? args[0] : "quick";
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
    Map<String, Long> statements = countStatements(url);

    ChainedOptionsBuilder o = new OptionsBuilder().forks(1).threads(1).addProfiler(GCProfiler.class)
        .jvmArgsAppend("-Dbench.url=" + url).shouldFailOnError(true);
    if (quick) {
      for (String q : QUICK) o.include("dev\\.sluice\\.bench\\." + q.replace(".", "\\.") + "$");
      o.warmupIterations(1).measurementIterations(2).warmupTime(TimeValue.seconds(1)).measurementTime(TimeValue.seconds(1));
    } else if (profile.equals("targets")) { // Sluice against the floor only, longer iterations
      o.include("dev\\.sluice\\.bench\\.(Reads|Writes|Copy)\\.").param("lib", "jdbc", "sluice");
      o.warmupIterations(2).measurementIterations(3).warmupTime(TimeValue.seconds(2)).measurementTime(TimeValue.seconds(2));
    } else {
      o.include("dev\\.sluice\\.bench\\.(Reads|Writes|Copy)\\.");
      // 170 benchmarks (7 libraries): 2 x 2 s warmup + 3 x 2 s measurement keeps the run near 40 minutes
      o.warmupIterations(2).measurementIterations(3).warmupTime(TimeValue.seconds(2)).measurementTime(TimeValue.seconds(2));
    }
    Collection<RunResult> results = new Runner(o.build()).run();

    List<Row> rows = new ArrayList<>();
    for (RunResult r : results) {
      BenchmarkParams p = r.getParams();
      String op = p.getBenchmark().substring("dev.sluice.bench.".length());
      String lib = p.getParam("lib");
      Result<?> primary = r.getPrimaryResult();
      var stats = primary.getStatistics();
      Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
      rows.add(new Row(op, lib, 1e6 / stats.getMean(), stats.getPercentile(50), stats.getPercentile(99),
          alloc == null ? Double.NaN : alloc.getScore(), statements.getOrDefault(op + "/" + lib, -1L)));
    }
    String date = LocalDate.now().toString();
    Path dir = Path.of("sluice-bench", "results", date);
    if (!Files.isDirectory(Path.of("sluice-bench"))) dir = Path.of("results", date);
    Files.createDirectories(dir);
    String command = "java -jar sluice-bench/target/benchmarks.jar " + profile
        + (System.getenv("SLUICE_BENCH_URL") != null ? "  (SLUICE_BENCH_URL set)" : "  (embedded PostgreSQL)");
    String machine = Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
        + " (" + System.getProperty("java.vm.name") + "), PostgreSQL " + pgVersion + ", pool " + Libraries.POOL_SIZE
        + ", pgjdbc " + org.postgresql.util.DriverInfo.DRIVER_VERSION + ", prepareThreshold 5";
    Files.writeString(dir.resolve(profile + ".json"), ReportWriter.json(rows, command, machine, profile));
    Files.writeString(dir.resolve(profile + ".md"), ReportWriter.markdown(rows, command, machine, profile));
    Files.writeString(dir.resolve(profile + ".svg"), ReportWriter.svg(rows));
    System.out.println(ReportWriter.markdown(rows, command, machine, profile));
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
