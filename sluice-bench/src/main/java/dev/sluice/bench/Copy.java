package dev.sluice.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.bench.Model.NewCustomer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/** 1,000 rows through COPY: raw pgjdbc CopyManager against Sluice insertMany (jOOQ and jdbi have no COPY API). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class Copy {
  @Param({"jdbc", "sluice"})
  public String lib;

  HikariDataSource pool;
  Api api;
  final List<NewCustomer> thousand = new ArrayList<>();

  @Setup(Level.Trial)
  public void setup() {
    pool = Libraries.pool(Libraries.url());
    api = Libraries.create(lib, pool);
    for (int i = 0; i < 1000; i++) thousand.add(new NewCustomer("Company " + i, "Contact " + i, "City " + (i % 50), "Country"));
  }

  @Setup(Level.Iteration)
  public void truncate() throws Exception {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("truncate w_customers");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    api.close();
    pool.close();
  }

  @Benchmark public void copy1000(CpuMeter m) { m.op(); api.copyInsert(thousand); }
}
