package dev.sluice.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * Drizzle's 13 micro queries and TechEmpower's reads, one JMH method each, per library. Arguments
 * are drawn per call from a fixed-seed random (ids uniformly over the table, pages over the first
 * 100 pages). Setup checks the library's results equal raw JDBC's and fails the fork otherwise.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class Reads {
  @Param({"jdbc", "sluice", "jooq", "jdbi", "mybatis", "hibernate", "exposed"})
  public String lib;

  HikariDataSource pool;
  Api api;

  @Setup(Level.Trial)
  public void setup() {
    pool = Libraries.pool(Libraries.url());
    api = Libraries.create(lib, pool);
    try (Api floor = new RawJdbc(pool)) {
      Libraries.verify(api, floor, lib);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    api.close();
    pool.close();
  }

  /** Per-thread argument source. */
  @State(Scope.Thread)
  public static class Args {
    final SplittableRandom r = new SplittableRandom(7);
    static final String[] PREFIXES = {"coff", "lem", "gard", "oce", "summ", "val", "har", "nor"};

    int id(int max) { return 1 + r.nextInt(max); }
    int offset() { return 50 * r.nextInt(100); }
    String prefix() { return PREFIXES[r.nextInt(PREFIXES.length)]; }
    int[] ids(int n) {
      int[] a = new int[n];
      for (int i = 0; i < n; i++) a[i] = id(Dataset.WORLDS);
      return a;
    }
    int[] numbers(int n) {
      int[] a = new int[n];
      for (int i = 0; i < n; i++) a[i] = id(10_000);
      return a;
    }
  }

  @Benchmark public Object customersPage(Args a, CpuMeter m) { m.op(); return api.customersPage(50, a.offset()); }
  @Benchmark public Object customerById(Args a, CpuMeter m) { m.op(); return api.customerById(a.id(Dataset.CUSTOMERS)); }
  @Benchmark public Object customerSearch(Args a, CpuMeter m) { m.op(); return api.customerSearch(a.prefix()); }
  @Benchmark public Object employeesPage(Args a, CpuMeter m) { m.op(); return api.employeesPage(20, 20 * a.r.nextInt(10)); }
  @Benchmark public Object employeeWithRecipient(Args a, CpuMeter m) { m.op(); return api.employeeWithRecipient(a.id(Dataset.EMPLOYEES)); }
  @Benchmark public Object suppliersPage(Args a, CpuMeter m) { m.op(); return api.suppliersPage(50, 50 * a.r.nextInt(20)); }
  @Benchmark public Object supplierById(Args a, CpuMeter m) { m.op(); return api.supplierById(a.id(Dataset.SUPPLIERS)); }
  @Benchmark public Object productsPage(Args a, CpuMeter m) { m.op(); return api.productsPage(50, 50 * a.r.nextInt(100)); }
  @Benchmark public Object productWithSupplier(Args a, CpuMeter m) { m.op(); return api.productWithSupplier(a.id(Dataset.PRODUCTS)); }
  @Benchmark public Object productSearch(Args a, CpuMeter m) { m.op(); return api.productSearch(a.prefix()); }
  @Benchmark public Object ordersPage(Args a, CpuMeter m) { m.op(); return api.ordersPage(50, a.offset()); }
  @Benchmark public Object orderSummary(Args a, CpuMeter m) { m.op(); return api.orderSummary(a.id(Dataset.ORDERS)); }
  @Benchmark public Object orderWithDetails(Args a, CpuMeter m) { m.op(); return api.orderWithDetails(a.id(Dataset.ORDERS)); }

  @Benchmark public Object teDb(Args a, CpuMeter m) { m.op(); return api.world(a.id(Dataset.WORLDS)); }
  @Benchmark public Object teQueries1(Args a, CpuMeter m) { m.op(); return api.worlds(a.ids(1)); }
  @Benchmark public Object teQueries5(Args a, CpuMeter m) { m.op(); return api.worlds(a.ids(5)); }
  @Benchmark public Object teQueries20(Args a, CpuMeter m) { m.op(); return api.worlds(a.ids(20)); }
  @Benchmark public List<?> teFortunes(CpuMeter m) { m.op(); return api.fortunes(); }
  @Benchmark public Object teUpdates1(Args a, CpuMeter m) { m.op(); return api.updates(a.ids(1), a.numbers(1)); }
  @Benchmark public Object teUpdates5(Args a, CpuMeter m) { m.op(); return api.updates(a.ids(5), a.numbers(5)); }
  @Benchmark public Object teUpdates20(Args a, CpuMeter m) { m.op(); return api.updates(a.ids(20), a.numbers(20)); }
}
