package dev.sluice.spring.boot;

import dev.sluice.kit.migrate.Migrator;
import dev.sluice.runtime.Database;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code sluice} health indicator on Spring Boot 4.0, whose health API moved to
 * {@code org.springframework.boot.health.contributor} (module {@code spring-boot-health}); the same check
 * as {@link SluiceHealthIndicator} on 3.5: UP when the database answers and every migration is applied
 * unchanged, DOWN with the versions otherwise, or with the error when it cannot connect.
 */
public class SluiceBoot4HealthIndicator extends AbstractHealthIndicator {
  private final Database db;
  private final Migrator migrator;

  public SluiceBoot4HealthIndicator(Database db, Migrator migrator) {
    super("sluice health check failed");
    this.db = db;
    this.migrator = migrator;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    MigrationHealth.Result result = MigrationHealth.check(db, migrator);
    (result.up() ? builder.up() : builder.down()).withDetails(result.details());
  }
}
