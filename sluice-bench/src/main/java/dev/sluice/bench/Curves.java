package dev.sluice.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.bench.Model.NewCustomer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * How cost grows with work, raw JDBC against Sluice; {@code size} is set per cell by the {@code curves}
 * profile: {@code rows} reads the first {@code size} order lines (flat select), {@code depth} reads one
 * customer with {@code size} (1-4) nested levels, {@code copy} COPYs {@code size} rows (raw pgjdbc
 * CopyManager against Sluice insertMany). Setup checks Sluice's results equal raw JDBC's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class Curves {
  @Param({"jdbc", "sluice"})
  public String lib;

  @Param({"1"})
  public int size;

  HikariDataSource pool;
  CurveApi curves;
  Api api;
  boolean copying;
  final List<NewCustomer> copyRows = new ArrayList<>();

  @Setup(Level.Trial)
  public void setup(BenchmarkParams params) {
    pool = Libraries.pool(Libraries.url());
    copying = params.getBenchmark().endsWith(".copy");
    if (copying) {
      api = Libraries.create(lib, pool);
      for (int i = 0; i < size; i++) copyRows.add(new NewCustomer("Company " + i, "Contact " + i, "City " + (i % 50), "Country"));
      return;
    }
    curves = lib.equals("jdbc") ? new RawCurves(pool) : lib.equals("sluice") ? new SluiceCurves(pool) : null;
    if (curves == null) throw new IllegalArgumentException("curves run jdbc and sluice only, got " + lib);
    CurveApi.verify(curves, new RawCurves(pool));
  }

  @Setup(Level.Iteration)
  public void truncate() throws Exception {
    if (!copying) return;
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("truncate w_customers");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (api != null) api.close();
    pool.close();
  }

  @Benchmark public Object rows(CpuMeter m) { m.op(); return curves.lines(size); }
  @Benchmark public Object depth(Reads.Args a, CpuMeter m) { m.op(); return curves.nested(size, a.id(Dataset.CUSTOMERS)); }
  @Benchmark public void copy(CpuMeter m) { m.op(); api.copyInsert(copyRows); }
}
