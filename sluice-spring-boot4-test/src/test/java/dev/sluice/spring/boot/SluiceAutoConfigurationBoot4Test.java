package dev.sluice.spring.boot;

import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationContext;

/**
 * {@link SluiceAutoConfigurationContract} on Spring Boot 4.0: the same starter jar, with Boot 4's
 * JDBC ({@code org.springframework.boot.jdbc.autoconfigure}) and transaction auto-configurations, and
 * the health indicator read through {@code org.springframework.boot.health.contributor}.
 */
class SluiceAutoConfigurationBoot4Test extends SluiceAutoConfigurationContract {
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
    return org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration.class;
  }

  @Override
  protected HealthView sluiceHealth(ApplicationContext ctx) {
    Health health = ctx.getBean("sluiceHealthIndicator", HealthIndicator.class).health();
    return new HealthView(health.getStatus().getCode(), health.getDetails());
  }
}
