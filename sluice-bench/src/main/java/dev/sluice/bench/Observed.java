package dev.sluice.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.runtime.Database;
import dev.sluice.spring.boot.ObservationStatementObserver;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * What the Micrometer Observation support costs a point read (issue 14: no cost when no registry is
 * present): {@code customerById} through raw JDBC ({@code jdbc}); Sluice with no observer
 * ({@code sluice}: what the starter sets up without an {@code ObservationRegistry} bean, one null check
 * per statement); Sluice observed by {@link ObservationStatementObserver} on
 * {@link ObservationRegistry#NOOP} ({@code sluice-noop}); and on a real registry
 * ({@code sluice-registry}: a {@link DefaultMeterObservationHandler} on a {@link SimpleMeterRegistry},
 * a {@code sluice.statement} timer per statement, as actuator configures it without a tracing bridge).
 * The Sluice code is {@link SluiceApi}'s, on {@code Database.of(pool).observedBy(...)}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class Observed {
  /** The cells, in report order. */
  static final java.util.List<String> LIBS = java.util.List.of("jdbc", "sluice", "sluice-noop", "sluice-registry");

  @Param({"jdbc", "sluice", "sluice-noop", "sluice-registry"})
  public String lib;

  HikariDataSource pool;
  Api api;
  SimpleMeterRegistry meters;

  @Setup(Level.Trial)
  public void setup() {
    pool = Libraries.pool(Libraries.url());
    api = switch (lib) {
      case "jdbc" -> new RawJdbc(pool);
      case "sluice" -> new SluiceApi(Database.of(pool));
      case "sluice-noop" -> new SluiceApi(Database.of(pool).observedBy(new ObservationStatementObserver(ObservationRegistry.NOOP)));
      case "sluice-registry" -> {
        meters = new SimpleMeterRegistry();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        yield new SluiceApi(Database.of(pool).observedBy(new ObservationStatementObserver(registry)));
      }
      default -> throw new IllegalArgumentException("unknown cell " + lib + ", expected one of " + LIBS);
    };
    try (Api floor = new RawJdbc(pool)) {
      if (!Objects.equals(api.customerById(4321), floor.customerById(4321))) {
        throw new IllegalStateException(lib + " differs from raw JDBC on customerById");
      }
    }
    if (meters != null && meters.find(ObservationStatementObserver.NAME).timer() == null) {
      throw new IllegalStateException("sluice-registry recorded no " + ObservationStatementObserver.NAME + " timer");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    api.close();
    pool.close();
    if (meters != null) meters.close();
  }

  @Benchmark public Object customerById(Reads.Args a, CpuMeter m) { m.op(); return api.customerById(a.id(Dataset.CUSTOMERS)); }
}
