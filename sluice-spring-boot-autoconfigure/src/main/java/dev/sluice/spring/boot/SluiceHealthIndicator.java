package dev.sluice.spring.boot;

import dev.sluice.kit.migrate.Migrator;
import dev.sluice.runtime.Database;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The {@code sluice} health indicator on Spring Boot 3.5 ({@link SluiceBoot4HealthIndicator} on 4.0):
 * UP when the database answers and every migration of the folder is applied unchanged; DOWN with the
 * versions otherwise (pending, changed, missing file, failed), or with the error when it cannot connect.
 */
public class SluiceHealthIndicator extends AbstractHealthIndicator {
  private final Database db;
  private final Migrator migrator;

  public SluiceHealthIndicator(Database db, Migrator migrator) {
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
