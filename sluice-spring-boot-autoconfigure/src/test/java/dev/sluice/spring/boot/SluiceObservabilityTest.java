package dev.sluice.spring.boot;

import java.util.List;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.jdbc.DataSourcePoolMetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;

/** {@link SluiceObservabilityContract} on Spring Boot 3.5. */
class SluiceObservabilityTest extends SluiceObservabilityContract {
  @Override
  protected Class<?> dataSource() {
    return DataSourceAutoConfiguration.class;
  }

  @Override
  protected List<Class<?>> observationAndMetrics() {
    return List.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
        DataSourcePoolMetricsAutoConfiguration.class);
  }
}
