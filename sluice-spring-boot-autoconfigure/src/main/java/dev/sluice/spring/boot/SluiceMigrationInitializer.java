package dev.sluice.spring.boot;

import dev.sluice.kit.migrate.Migration;
import dev.sluice.kit.migrate.MigrationState;
import dev.sluice.kit.migrate.Migrator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Applies pending migrations when the context starts (like Flyway's {@code FlywayMigrationInitializer}):
 * the {@code Database} bean and any JPA {@code EntityManagerFactory} depend on it, and the web server
 * starts accepting requests only after all singletons exist, so nothing serves an unmigrated schema.
 * A failed migration fails the startup.
 */
public class SluiceMigrationInitializer implements InitializingBean {
  private static final Logger LOG = LoggerFactory.getLogger(SluiceMigrationInitializer.class);
  private final Migrator migrator;
  private final Integer baselineVersion;
  private List<Migration> applied = List.of();

  public SluiceMigrationInitializer(Migrator migrator, Integer baselineVersion) {
    this.migrator = migrator;
    this.baselineVersion = baselineVersion;
  }

  @Override
  public void afterPropertiesSet() {
    if (baselineVersion != null
        && migrator.status().stream().noneMatch(s -> s.state() != MigrationState.PENDING && s.state() != MigrationState.OUT_OF_ORDER)) {
      migrator.baseline(baselineVersion);
    }
    applied = migrator.migrate();
    LOG.info("sluice: {} migration(s) applied from {}", applied.size(), migrator.folder().dir());
  }

  /** The migrations this startup applied. */
  public List<Migration> applied() {
    return applied;
  }
}
