package dev.sluice.spring.boot;

import dev.sluice.kit.migrate.Migrator;
import dev.sluice.runtime.Database;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code sluice} health indicator and the {@code /actuator/sluice} migrations endpoint, on Spring
 * Boot 3.5 and 4.0: the health API differs between them, so each line's indicator is in its own nested
 * configuration, guarded by a class only that line has (the other's is never loaded).
 */
@AutoConfiguration(after = SluiceAutoConfiguration.class)
@ConditionalOnBean(Database.class)
public class SluiceActuatorAutoConfiguration {
  /** Boot 3.5: {@code org.springframework.boot.actuate.health}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.AbstractHealthIndicator")
  static class Boot3Health {
    @Bean
    @ConditionalOnMissingBean(name = "sluiceHealthIndicator")
    @org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator("sluice")
    SluiceHealthIndicator sluiceHealthIndicator(Database db, ObjectProvider<Migrator> migrator) {
      return new SluiceHealthIndicator(db, migrator.getIfAvailable());
    }
  }

  /** Boot 4.0: {@code org.springframework.boot.health.contributor} (module {@code spring-boot-health}). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
  static class Boot4Health {
    @Bean
    @ConditionalOnMissingBean(name = "sluiceHealthIndicator")
    @org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator("sluice")
    SluiceBoot4HealthIndicator sluiceHealthIndicator(Database db, ObjectProvider<Migrator> migrator) {
      return new SluiceBoot4HealthIndicator(db, migrator.getIfAvailable());
    }
  }

  /** {@code /actuator/sluice}: the endpoint annotations are in the same package on both lines. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint")
  static class MigrationsEndpoint {
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Migrator.class)
    @ConditionalOnAvailableEndpoint(endpoint = SluiceEndpoint.class)
    SluiceEndpoint sluiceEndpoint(Migrator migrator) {
      return new SluiceEndpoint(migrator);
    }
  }
}
