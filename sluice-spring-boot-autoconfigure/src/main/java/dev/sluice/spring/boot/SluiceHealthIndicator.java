package dev.sluice.spring.boot;

import dev.sluice.kit.migrate.MigrationState;
import dev.sluice.kit.migrate.MigrationStatus;
import dev.sluice.kit.migrate.Migrator;
import dev.sluice.runtime.Database;
import java.util.List;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
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
    db.executor().execute(dev.sluice.sql.Sql.raw("select 1").render());
    if (migrator == null) {
      builder.up();
      return;
    }
    List<MigrationStatus> all = migrator.status();
    List<String> notApplied = all.stream().filter(s -> s.state() != MigrationState.APPLIED)
        .map(s -> s.version() + " " + s.state()).toList();
    builder.withDetail("applied", all.size() - notApplied.size());
    if (notApplied.isEmpty()) {
      builder.up();
    } else {
      builder.down().withDetail("notApplied", notApplied);
    }
  }
}
