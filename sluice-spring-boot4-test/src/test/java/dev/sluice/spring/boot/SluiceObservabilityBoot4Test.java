package dev.sluice.spring.boot;

import java.util.List;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;

/** {@link SluiceObservabilityContract} on Spring Boot 4.0 (observation and metrics in their own modules). */
class SluiceObservabilityBoot4Test extends SluiceObservabilityContract {
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
