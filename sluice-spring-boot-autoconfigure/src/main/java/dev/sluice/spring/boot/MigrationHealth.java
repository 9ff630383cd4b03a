package dev.sluice.spring.boot;

import dev.sluice.kit.migrate.MigrationState;
import dev.sluice.kit.migrate.MigrationStatus;
import dev.sluice.kit.migrate.Migrator;
import dev.sluice.runtime.Database;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The check behind the {@code sluice} health indicator of each Boot line (3.5's and 4.0's health APIs
 * live in different packages): the database answers, and every migration of the folder is applied.
 */
final class MigrationHealth {
  private MigrationHealth() {}

  /** Whether the check passed, and the details to report. */
  record Result(boolean up, Map<String, Object> details) {}

  /** Runs {@code select 1} and reads the migration states; throws when the database cannot be reached. */
  static Result check(Database db, Migrator migrator) {
    db.executor().execute(dev.sluice.sql.Sql.raw("select 1").render());
    Map<String, Object> details = new LinkedHashMap<>();
    if (migrator == null) return new Result(true, details);
    List<MigrationStatus> all = migrator.status();
    List<String> notApplied = all.stream().filter(s -> s.state() != MigrationState.APPLIED)
        .map(s -> s.version() + " " + s.state()).toList();
    details.put("applied", all.size() - notApplied.size());
    if (!notApplied.isEmpty()) details.put("notApplied", notApplied);
    return new Result(notApplied.isEmpty(), details);
  }
}
