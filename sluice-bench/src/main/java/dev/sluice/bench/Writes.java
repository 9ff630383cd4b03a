package dev.sluice.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.bench.Model.NewCustomer;
import dev.sluice.bench.Model.NewLine;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/** Writes into the w_* tables (truncated at each iteration): insert returning, batch, nested create, COPY. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class Writes {
  @Param({"jdbc", "sluice", "jooq", "jdbi", "mybatis", "hibernate", "exposed"})
  public String lib;

  HikariDataSource pool;
  Api api;
  final NewCustomer one = new NewCustomer("Acme \\ Tab\there", "Jo Doe", "Berlin", "Germany");
  final List<NewCustomer> thousand = new ArrayList<>();
  final List<NewLine> lines = new ArrayList<>();

  @Setup(Level.Trial)
  public void setup() {
    pool = Libraries.pool(Libraries.url());
    api = Libraries.create(lib, pool);
    for (int i = 0; i < 1000; i++) thousand.add(new NewCustomer("Company " + i, "Contact " + i, "City " + (i % 50), "Country"));
    for (int i = 0; i < 8; i++) lines.add(new NewLine(1 + i * 37, 1 + i));
  }

  @Setup(Level.Iteration)
  public void truncate() throws Exception {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("truncate w_lines, w_orders, w_customers");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    api.close();
    pool.close();
  }

  @Benchmark public int insertReturning(CpuMeter m) { m.op(); return api.insertReturning(one); }
  @Benchmark public void batch1000(CpuMeter m) { m.op(); api.batchInsert(thousand); }
  @Benchmark public int nestedCreate(CpuMeter m) { m.op(); return api.nestedCreate(1, lines); }
}
