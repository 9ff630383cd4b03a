package dev.sluice.spring.boot;

import dev.sluice.kit.migrate.Migrator;
import dev.sluice.runtime.Database;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code sluice} health indicator and the {@code /actuator/sluice} migrations endpoint. */
@AutoConfiguration(after = SluiceAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.AbstractHealthIndicator")
@ConditionalOnBean(Database.class)
public class SluiceActuatorAutoConfiguration {
  @Bean
  @ConditionalOnMissingBean(name = "sluiceHealthIndicator")
  @ConditionalOnEnabledHealthIndicator("sluice")
  public SluiceHealthIndicator sluiceHealthIndicator(Database db, ObjectProvider<Migrator> migrator) {
    return new SluiceHealthIndicator(db, migrator.getIfAvailable());
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(Migrator.class)
  @ConditionalOnAvailableEndpoint(endpoint = SluiceEndpoint.class)
  public SluiceEndpoint sluiceEndpoint(Migrator migrator) {
    return new SluiceEndpoint(migrator);
  }
}
