package dev.sluice.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Database;
import dev.sluice.sql.Sql;
import dev.sluice.test.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Statements as Micrometer observations, the same checks on each Spring Boot line: a subclass names that
 * line's auto-configurations. {@link SluiceObservabilityTest} is Boot 3.5; sluice-spring-boot4-test has Boot 4.0's.
 */
public abstract class SluiceObservabilityContract {
  /** This line's DataSource auto-configuration. */
  protected abstract Class<?> dataSource();

  /**
   * This line's observation, metrics, simple meter registry and DataSource pool metrics
   * auto-configurations (in 3.5 the actuator's; in 4.0 modules of their own).
   */
  protected abstract List<Class<?>> observationAndMetrics();

  private static ApplicationContextRunner runner(String hint) {
    return new ApplicationContextRunner()
        .withPropertyValues("spring.datasource.url=" + TestDatabase.get().createDatabase("boot14_" + hint));
  }

  @Test
  void everyStatementIsAnObservationWithLowCardinalityOperationAndTableAndTheSqlAsHighCardinality() {
    TestObservationRegistry registry = TestObservationRegistry.create();
    runner("observed")
        .withConfiguration(AutoConfigurations.of(dataSource(), SluiceAutoConfiguration.class))
        .withBean(ObservationRegistry.class, () -> registry)
        .run(ctx -> {
          Database db = ctx.getBean(Database.class);
          ObservationStatementObserver.named("notes.add",
              () -> db.executor().execute(Sql.raw("insert into notes(body) values ('observed')").render()));
          assertThatThrownBy(() -> db.executor().execute(Sql.raw("select * from no_such_table").render()));
        });
    TestObservationRegistryAssert.assertThat(registry)
        .hasObservationWithNameEqualTo("sluice.statement").that()
        .hasLowCardinalityKeyValue("db.operation", "INSERT")
        .hasLowCardinalityKeyValue("db.table", "notes")
        .hasLowCardinalityKeyValue("db.statement.name", "notes.add")
        .hasHighCardinalityKeyValue("db.statement", "insert into notes(body) values ('observed')")
        .hasBeenStopped();
    TestObservationRegistryAssert.assertThat(registry).hasAnObservation(o -> o.hasNameEqualTo("sluice.statement")
        .hasLowCardinalityKeyValue("db.table", "no_such_table").hasLowCardinalityKeyValue("db.statement.name", "none").hasError());
  }

  @Test
  void withActuatorMetricsStatementsAreTimedAndTheHikariPoolIsMetered() {
    runner("metrics")
        .withConfiguration(AutoConfigurations.of(Stream.concat(Stream.of(dataSource(), SluiceAutoConfiguration.class),
            observationAndMetrics().stream()).toArray(Class<?>[]::new)))
        .run(ctx -> {
          MeterRegistry meters = ctx.getBean(MeterRegistry.class);
          assertThat(meters).isInstanceOf(SimpleMeterRegistry.class);
          ctx.getBean(Database.class).executor().execute(Sql.raw("insert into notes(body) values ('timed')").render());
          assertThat(meters.get("sluice.statement").tag("db.operation", "INSERT").tag("db.table", "notes").timer().count())
              .isEqualTo(1);
          assertThat(meters.find("hikaricp.connections").gauge()).isNotNull();
        });
  }

  @Test
  void withoutAnObservationRegistryTheDatabaseIsNotObserved() {
    runner("unobserved")
        .withConfiguration(AutoConfigurations.of(dataSource(), SluiceAutoConfiguration.class))
        .run(ctx -> assertThat(ctx).doesNotHaveBean(dev.sluice.runtime.StatementObserver.class));
  }

  @Test
  void operationSkipsCommentsAndTableReadsQuotedQualifiedNames() {
    assertThat(ObservationStatementObserver.operation("-- hi\n /* x */ (SELECT 1)")).isEqualTo("SELECT");
    assertThat(ObservationStatementObserver.table("SELECT \"t\".\"a\" FROM \"app\".\"users\" AS t")).isEqualTo("app.users");
    assertThat(ObservationStatementObserver.table("select 1")).isEqualTo("none");
  }
}
