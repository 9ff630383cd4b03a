package dev.sluice.bench;

import dev.sluice.query.Dsl;
import dev.sluice.runtime.Database;
import dev.sluice.types.PgTypes;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * What the session reset of {@code Database.connect} costs per checkout (SessionResettingDataSource:
 * {@code SET SESSION AUTHORIZATION DEFAULT; RESET ALL; CLOSE ALL; UNLISTEN *; pg_advisory_unlock_all();
 * DISCARD TEMP; DISCARD SEQUENCES} before a connection goes back): the smallest statement that borrows a
 * connection, on a pool that resets ({@code reset}) and on the same HikariCP pool without it
 * ({@code plain}, {@code Database.of(pool)}). The difference is the reset's round trip.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SessionReset {
  @Param({"plain", "reset"})
  public String pool;

  Database db;
  com.zaxxer.hikari.HikariDataSource plainPool;

  @Setup(Level.Trial)
  public void setup() {
    if (pool.equals("reset")) {
      db = Database.connect(Libraries.url(), c -> {
        c.setMaximumPoolSize(Libraries.POOL_SIZE);
        c.setMinimumIdle(Libraries.POOL_SIZE);
        c.addDataSourceProperty("prepareThreshold", "5");
      });
    } else {
      plainPool = Libraries.pool(Libraries.url());
      db = Database.of(plainPool);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    db.close();
    if (plainPool != null) plainPool.close();
  }

  /** One checkout, one tiny bound statement, one return. */
  @Benchmark
  public Integer checkoutSelectReturn() {
    return db.select(Dsl.rawField(PgTypes.INTEGER, "{}::int", 7)).fetchOne();
  }
}
