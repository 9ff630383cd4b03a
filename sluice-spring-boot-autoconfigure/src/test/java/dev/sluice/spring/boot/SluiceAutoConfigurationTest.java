package dev.sluice.spring.boot;

import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.context.ApplicationContext;

/** {@link SluiceAutoConfigurationContract} on Spring Boot 3.5. */
class SluiceAutoConfigurationTest extends SluiceAutoConfigurationContract {
  @Override
  protected List<Class<?>> jdbc() {
    return List.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class);
  }

  @Override
  protected List<Class<?>> transactions() {
    return List.of(DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class);
  }

  @Override
  protected Class<?> hibernateJpa() {
    return org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration.class;
  }

  @Override
  protected HealthView sluiceHealth(ApplicationContext ctx) {
    Health health = ctx.getBean("sluiceHealthIndicator", HealthIndicator.class).health();
    return new HealthView(health.getStatus().getCode(), health.getDetails());
  }
}
