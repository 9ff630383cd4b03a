package dev.sluice.spring.boot;

import dev.sluice.kit.migrate.Migrator;
import dev.sluice.kit.migrate.MigratorOptions;
import dev.sluice.runtime.Database;
import dev.sluice.runtime.PgUrl;
import dev.sluice.runtime.StatementObserver;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Sluice in a Spring Boot application: a {@link Database} over the application's {@link DataSource}
 * whose statements join Spring-managed transactions, and migrations applied on startup
 * ({@code sluice.migrate.*}) before the {@code Database}, JPA and the web server are used.
 */
@AutoConfiguration(
    // by name, each class as Spring Boot 3.5 and 4.0 call it (4.0 moved them to per-technology modules)
    afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"},
    beforeName = {
        "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@ConditionalOnClass(Database.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(SluiceProperties.class)
public class SluiceAutoConfiguration {

  /**
   * The Database: {@link Database#of(DataSource, dev.sluice.runtime.ExternalTransactions)} over a
   * {@link TransactionAwareDataSourceProxy}, so inside {@code @Transactional} or a
   * {@code TransactionTemplate} statements run on the transaction's connection and
   * {@code db.transaction(...)} becomes a savepoint in it. Statements are reported to the
   * {@link StatementObserver} bean when there is one (a Micrometer {@code ObservationRegistry} gives one).
   * Created after migrations ran.
   */
  @Bean
  @ConditionalOnMissingBean
  public Database sluiceDatabase(DataSource dataSource, ObjectProvider<SluiceMigrationInitializer> migrations,
      ObjectProvider<StatementObserver> observer) {
    migrations.ifAvailable(m -> {}); // migrate first
    DataSource target = dataSource instanceof TransactionAwareDataSourceProxy p ? p.getTargetDataSource() : dataSource;
    Database db = Database.of(new TransactionAwareDataSourceProxy(target), new SpringTransactions(target));
    StatementObserver o = observer.getIfUnique();
    return o == null ? db : db.observedBy(o);
  }

  /** Micrometer Observations per statement, when the application has an ObservationRegistry. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
  static class ObservationConfiguration {
    @Bean
    @ConditionalOnMissingBean(StatementObserver.class)
    @ConditionalOnBean(io.micrometer.observation.ObservationRegistry.class)
    StatementObserver sluiceStatementObserver(io.micrometer.observation.ObservationRegistry registry) {
      return new ObservationStatementObserver(registry);
    }
  }

  /** Migrating on startup; off with {@code sluice.migrate.enabled=false}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "sluice.migrate", name = "enabled", havingValue = "true", matchIfMissing = true)
  static class MigrateConfiguration {
    @Bean
    @ConditionalOnMissingBean
    Migrator sluiceMigrator(SluiceProperties properties, DataSource dataSource, ResourceLoader resourceLoader) {
      SluiceProperties.Migrate m = properties.getMigrate();
      DataSource target = m.getUrl() == null || m.getUrl().isBlank() ? dataSource : ownerDataSource(m);
      MigratorOptions options = MigratorOptions.DEFAULTS.withHistoryTable(m.getHistoryTable()).withAllowOutOfOrder(m.isOutOfOrder());
      return new Migrator(target, MigrationLocation.resolve(m.getLocation(), resourceLoader), options);
    }

    @Bean
    @ConditionalOnMissingBean
    SluiceMigrationInitializer sluiceMigrationInitializer(Migrator migrator, SluiceProperties properties) {
      return new SluiceMigrationInitializer(migrator, properties.getMigrate().getBaselineVersion());
    }

    /** Makes every JPA EntityManagerFactory wait for the migrations. */
    @Bean
    static BeanFactoryPostProcessor sluiceEntityManagerFactoryDependsOnMigrations() {
      return new DependsOnMigrationsPostProcessor("jakarta.persistence.EntityManagerFactory");
    }

    /** Makes every JdbcTemplate wait for the migrations (as Flyway's auto-configuration does). */
    @Bean
    static BeanFactoryPostProcessor sluiceJdbcOperationsDependsOnMigrations() {
      return new DependsOnMigrationsPostProcessor("org.springframework.jdbc.core.JdbcOperations");
    }

    private static DataSource ownerDataSource(SluiceProperties.Migrate m) {
      PgUrl url = PgUrl.parse(m.getUrl());
      String user = m.getUser() != null ? m.getUser() : url.user();
      String password = m.getPassword() != null ? m.getPassword() : url.password();
      return new SimpleDriverDataSource(new org.postgresql.Driver(), url.jdbcUrl(), user, password);
    }
  }
}
