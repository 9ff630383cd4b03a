package dev.sluice.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.runtime.PgUrl;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * Point reads ({@code customerById}) from 1, 2, 4 or 8 threads (set by the runner) on a pool of 8,
 * raw JDBC against Sluice: does the library's cost grow with contention? Throughput mode, ops/s of all
 * threads together. Run by {@code java -jar benchmarks.jar concurrency} and as the threads curve of {@code curves}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class Concurrency {
  static final int POOL = 8;

  @Param({"jdbc", "sluice"})
  public String lib;

  HikariDataSource pool;
  Api api;

  @Setup(Level.Trial)
  public void setup() {
    PgUrl pg = PgUrl.parse(Libraries.url());
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(pg.jdbcUrl());
    if (pg.user() != null) c.setUsername(pg.user());
    if (pg.password() != null) c.setPassword(pg.password());
    c.setMaximumPoolSize(POOL);
    c.setMinimumIdle(POOL);
    c.setPoolName("bench-concurrency");
    c.addDataSourceProperty("prepareThreshold", "5");
    pool = new HikariDataSource(c);
    api = Libraries.create(lib, pool);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    api.close();
    pool.close();
  }

  @Benchmark public Object customerById(Reads.Args a, CpuMeter m) { m.op(); return api.customerById(a.id(Dataset.CUSTOMERS)); }
}
