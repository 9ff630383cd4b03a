package dev.sluice.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.kit.migrate.Migrator;
import dev.sluice.runtime.Database;
import dev.sluice.runtime.TransactionOptions;
import dev.sluice.spring.boot.jpa.JpaEntities;
import dev.sluice.spring.boot.jpa.JpaNote;
import dev.sluice.sql.Sql;
import dev.sluice.test.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The auto-configuration in real contexts over embedded PostgreSQL, the same checks on each Spring Boot
 * line: a subclass names that line's auto-configurations (Boot 4.0 moved them to other packages) and
 * reads its health API. {@link SluiceAutoConfigurationTest} is Boot 3.5; sluice-spring-boot4-test has Boot 4.0's.
 */
public abstract class SluiceAutoConfigurationContract {
  /** This line's DataSource and JdbcTemplate auto-configurations. */
  protected abstract List<Class<?>> jdbc();

  /** This line's transaction manager and TransactionTemplate / {@code @Transactional} auto-configurations. */
  protected abstract List<Class<?>> transactions();

  /** This line's Hibernate JPA auto-configuration. */
  protected abstract Class<?> hibernateJpa();

  /** The {@code sluiceHealthIndicator} bean's health, through this line's health API. */
  protected abstract HealthView sluiceHealth(ApplicationContext ctx);

  /** A health result in either line's types: status code and details. */
  public record HealthView(String status, Map<String, Object> details) {}

  private AutoConfigurations autoConfigurations(List<Class<?>> infrastructure, Class<?>... sluice) {
    return AutoConfigurations.of(Stream.concat(infrastructure.stream(), Stream.of(sluice)).toArray(Class<?>[]::new));
  }

  private ApplicationContextRunner runner(String hint) {
    String url = TestDatabase.get().createDatabase("boot14_" + hint);
    List<Class<?>> infrastructure = Stream.concat(jdbc().stream(), transactions().stream()).toList();
    return new ApplicationContextRunner()
        .withConfiguration(autoConfigurations(infrastructure, SluiceAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=" + url);
  }

  private static int insert(Database db, String body) {
    return db.executor().execute(Sql.raw("insert into notes(body) values ('" + body + "')").render());
  }

  private static long count(JdbcTemplate jdbc, String body) {
    return jdbc.queryForObject("select count(*) from notes where body = ?", Long.class, body);
  }

  @Test
  void startupAppliesMigrationsBeforeTheDatabaseBeanIsUsable() {
    runner("migrates").run(ctx -> {
      assertThat(ctx).hasSingleBean(Database.class).hasSingleBean(SluiceMigrationInitializer.class);
      assertThat(ctx.getBean(SluiceMigrationInitializer.class).applied()).hasSize(2);
      Database db = ctx.getBean(Database.class);
      assertThat(insert(db, "a")).isEqualTo(1);
      assertThat(count(ctx.getBean(JdbcTemplate.class), "a")).isEqualTo(1);
    });
  }

  @Test
  void jdbcTemplateIsCreatedOnlyAfterTheMigrations() {
    runner("dependson").run(ctx -> assertThat(ctx.getBeanFactory().getBeanDefinition("jdbcTemplate").getDependsOn())
        .contains(DependsOnMigrationsPostProcessor.INITIALIZER));
  }

  @Test
  void jpaStartsOnlyAfterTheMigrationsAndSharesItsTransactionsWithSluice() {
    runner("jpa").withConfiguration(AutoConfigurations.of(hibernateJpa())).withUserConfiguration(JpaEntities.class)
        .withPropertyValues("spring.jpa.hibernate.ddl-auto=validate")
        .run(ctx -> {
          assertThat(ctx).as("Hibernate validated the migrated notes table").hasNotFailed();
          assertThat(ctx.getBeanFactory().getBeanDefinition("entityManagerFactory").getDependsOn())
              .contains(DependsOnMigrationsPostProcessor.INITIALIZER);
          Database db = ctx.getBean(Database.class);
          EntityManager em = SharedEntityManagerCreator.createSharedEntityManager(ctx.getBean(EntityManagerFactory.class));
          ctx.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            insert(db, "via-sluice");
            assertThat(em.createQuery("select n from JpaNote n", JpaNote.class).getResultList())
                .as("JPA in the same transaction sees the Sluice insert").extracting(JpaNote::body).containsExactly("via-sluice");
            status.setRollbackOnly();
          });
          assertThat(count(ctx.getBean(JdbcTemplate.class), "via-sluice")).isZero();
        });
  }

  @Test
  void migrateDisabledLeavesTheSchemaAlone() {
    runner("disabled").withPropertyValues("sluice.migrate.enabled=false").run(ctx -> {
      assertThat(ctx).hasSingleBean(Database.class).doesNotHaveBean(Migrator.class);
      assertThat(ctx.getBean(JdbcTemplate.class).queryForObject("select to_regclass('notes') is null", Boolean.class)).isTrue();
    });
  }

  @Test
  void anApplicationDatabaseBeanReplacesTheAutoConfiguredOne() {
    runner("own").withUserConfiguration(OwnDatabase.class).run(ctx ->
        assertThat(ctx.getBean(Database.class)).isSameAs(ctx.getBean(OwnDatabase.class).db));
  }

  @Test
  void transactionTemplateSeesAndRollsBackSluiceStatements() {
    runner("template").run(ctx -> {
      Database db = ctx.getBean(Database.class);
      JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
      TransactionTemplate tt = ctx.getBean(TransactionTemplate.class);
      tt.executeWithoutResult(status -> {
        insert(db, "t");
        assertThat(count(jdbc, "t")).as("JdbcTemplate in the same transaction sees the insert").isEqualTo(1);
        status.setRollbackOnly();
      });
      assertThat(count(jdbc, "t")).isZero();
      tt.executeWithoutResult(status -> insert(db, "kept"));
      assertThat(count(jdbc, "kept")).isEqualTo(1);
    });
  }

  @Test
  void transactionalMethodThatThrowsRollsBackSluiceStatements() {
    runner("transactional").withUserConfiguration(Service.class).run(ctx -> {
      NotesService service = ctx.getBean(NotesService.class);
      assertThatThrownBy(() -> service.insertThenFail("x")).isInstanceOf(IllegalStateException.class);
      assertThat(count(ctx.getBean(JdbcTemplate.class), "x")).isZero();
    });
  }

  @Test
  void dbTransactionInsideASpringTransactionIsASavepointThatDoesNotCommitIt() {
    runner("nested").run(ctx -> {
      Database db = ctx.getBean(Database.class);
      JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
      TransactionTemplate tt = ctx.getBean(TransactionTemplate.class);
      tt.executeWithoutResult(status -> {
        db.inTransaction(tx -> insert(db, "inner-ok"));
        assertThatThrownBy(() -> db.inTransaction(tx -> {
          insert(db, "inner-failed");
          throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(count(jdbc, "inner-failed")).as("rolled back to the savepoint").isZero();
        assertThat(count(jdbc, "inner-ok")).isEqualTo(1);
        status.setRollbackOnly();
      });
      assertThat(count(jdbc, "inner-ok")).as("db.transaction did not commit the Spring transaction").isZero();
      assertThatThrownBy(() -> tt.executeWithoutResult(s -> db.transaction(TransactionOptions.serializable(), tx -> 1)))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("SERIALIZABLE");
      db.inTransaction(tx -> insert(db, "own"));
      assertThat(count(jdbc, "own")).as("outside Spring, db.transaction commits itself").isEqualTo(1);
    });
  }

  @Test
  void tenantScopeInsideASpringTransactionPutsTheRoleBack() {
    runner("tenantnested").run(ctx -> {
      Database db = ctx.getBean(Database.class);
      JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
      ctx.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
        String before = jdbc.queryForObject("select current_user", String.class);
        db.as(dev.sluice.runtime.TenantContext.builder().tenantId("t1").dbRole("sluice_boot_app").build())
            .executor().execute(Sql.raw("insert into notes(body) values ('scoped')").render());
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select coalesce(current_setting('app.tenant_id', true), '')", String.class)).isEmpty();
        assertThat(jdbc.queryForObject("select tenant from notes where body = 'scoped'", String.class)).isEqualTo("t1");
      });
    });
  }

  @Test
  void historyTableAndOwnerLoginAreTakenFromProperties() throws Exception {
    String url = TestDatabase.get().createDatabase("boot14_owner");
    String owner = "boot14_owner_" + ProcessHandle.current().pid();
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute("drop role if exists " + owner);
      st.execute("create role " + owner + " login password 'pw'");
      st.execute("alter database " + c.getCatalog() + " owner to " + owner);
      st.execute("do $$ begin if not exists (select from pg_roles where rolname = 'sluice_boot_app') then"
          + " create role sluice_boot_app nologin noinherit; end if; end $$");
      st.execute("grant sluice_boot_app to " + owner + " with admin option");
    }
    try {
      String jdbc = url.substring(0, url.indexOf('?'));
      new ApplicationContextRunner()
          .withConfiguration(autoConfigurations(jdbc(), SluiceAutoConfiguration.class))
          .withPropertyValues("spring.datasource.url=" + url, "sluice.migrate.url=" + jdbc, "sluice.migrate.user=" + owner,
              "sluice.migrate.password=pw", "sluice.migrate.history-table=app_history")
          .run(ctx -> {
            assertThat(ctx).hasNotFailed();
            JdbcTemplate t = ctx.getBean(JdbcTemplate.class);
            assertThat(t.queryForList("select distinct applied_by from sluice.app_history", String.class)).containsExactly(owner);
            assertThat(t.queryForObject("select tableowner from pg_tables where tablename = 'notes'", String.class)).isEqualTo(owner);
          });
    } finally {
      TestDatabase.get().dropDatabase(url);
      try (Connection c = TestDatabase.get().adminConnection(); Statement st = c.createStatement()) {
        st.execute("drop owned by " + owner);
        st.execute("drop role if exists " + owner);
      } catch (java.sql.SQLException e) {
        // left for the next run's drop role if exists
      }
    }
  }

  @Test
  void baselineVersionAdoptsAnExistingSchema() throws Exception {
    String url = TestDatabase.get().createDatabase("boot14_baseline");
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute("create table notes (id bigserial primary key, tenant text not null default 'none', body text not null)");
    }
    new ApplicationContextRunner()
        .withConfiguration(autoConfigurations(jdbc(), SluiceAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=" + url, "sluice.migrate.baseline-version=1")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx.getBean(SluiceMigrationInitializer.class).applied()).extracting(m -> m.version()).containsExactly(2);
        });
  }

  @Test
  void aFailedMigrationFailsTheStartup() {
    runner("failing").withPropertyValues("sluice.migrate.location=classpath:db/broken").run(ctx ->
        assertThat(ctx).hasFailed().getFailure().hasStackTraceContaining("no_such_table"));
  }

  @Test
  void healthIsUpWithTheAppliedCountAndDownNamingAMigrationThatIsNoLongerApplied() {
    runner("health").withConfiguration(AutoConfigurations.of(SluiceActuatorAutoConfiguration.class)).run(ctx -> {
      assertThat(ctx).hasNotFailed().hasBean("sluiceHealthIndicator");
      assertThat(sluiceHealth(ctx)).isEqualTo(new HealthView("UP", Map.of("applied", 2)));
      ctx.getBean(JdbcTemplate.class).update("delete from sluice.migrations where version = 2");
      assertThat(sluiceHealth(ctx)).isEqualTo(new HealthView("DOWN", Map.of("applied", 1, "notApplied", List.of("2 PENDING"))));
    });
  }

  @Test
  void healthIsDownWithTheErrorWhenTheDatabaseIsGone() {
    String url = TestDatabase.get().createDatabase("boot14_healthgone");
    new ApplicationContextRunner()
        .withConfiguration(autoConfigurations(jdbc(), SluiceAutoConfiguration.class, SluiceActuatorAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=" + url)
        .run(ctx -> {
          assertThat(sluiceHealth(ctx).status()).isEqualTo("UP");
          ctx.getBean(DataSource.class).unwrap(com.zaxxer.hikari.HikariDataSource.class).close();
          HealthView down = sluiceHealth(ctx);
          assertThat(down.status()).isEqualTo("DOWN");
          assertThat(down.details()).containsKey("error");
        });
  }

  @Test
  void healthIndicatorCanBeSwitchedOff() {
    runner("healthoff").withConfiguration(AutoConfigurations.of(SluiceActuatorAutoConfiguration.class))
        .withPropertyValues("management.health.sluice.enabled=false")
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean("sluiceHealthIndicator"));
  }

  @Test
  void theEndpointListsEveryMigrationWithItsState() {
    runner("endpoint").withConfiguration(AutoConfigurations.of(SluiceActuatorAutoConfiguration.class))
        .withPropertyValues("management.endpoints.web.exposure.include=sluice")
        .run(ctx -> {
          SluiceEndpoint.MigrationsReport report = ctx.getBean(SluiceEndpoint.class).migrations();
          assertThat(report.historyTable()).isEqualTo("migrations");
          assertThat(report.counts()).isEqualTo(Map.of("APPLIED", 2L));
          assertThat(report.migrations()).extracting(SluiceEndpoint.MigrationEntry::name).containsExactly("0001_notes", "0002_tenancy");
        });
  }

  @Test
  void theEndpointIsLeftOutUnlessExposed() {
    runner("endpointoff").withConfiguration(AutoConfigurations.of(SluiceActuatorAutoConfiguration.class))
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(SluiceEndpoint.class));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnDatabase {
    final Database db;

    OwnDatabase(DataSource ds) {
      this.db = Database.of(ds);
    }

    @Bean
    Database myDatabase() {
      return db;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Service {
    @Bean
    NotesService notesService(Database db) {
      return new NotesService(db);
    }
  }

  static class NotesService {
    private final Database db;

    NotesService(Database db) {
      this.db = db;
    }

    @Transactional
    public void insertThenFail(String body) {
      insert(db, body);
      throw new IllegalStateException("fail after insert");
    }
  }
}
