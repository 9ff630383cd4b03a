package dev.sluice.spring.boot;

import dev.sluice.kit.migrate.MigrationStatus;
import dev.sluice.kit.migrate.Migrator;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** {@code /actuator/sluice}: every migration of the folder with its state (applied, pending...). */
@Endpoint(id = "sluice")
public class SluiceEndpoint {
  private final Migrator migrator;

  public SluiceEndpoint(Migrator migrator) {
    this.migrator = migrator;
  }

  /** The migrations, in version order, and counts per state. */
  @ReadOperation
  public MigrationsReport migrations() {
    List<MigrationStatus> all = migrator.status();
    List<MigrationEntry> entries = all.stream()
        .map(s -> new MigrationEntry(s.version(), s.name(), s.state().name(), s.appliedAt() == null ? null : s.appliedAt().toString()))
        .toList();
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (MigrationStatus s : all) counts.merge(s.state().name(), 1L, Long::sum);
    return new MigrationsReport(migrator.options().historyTable(), counts, entries);
  }

  /** The endpoint's answer. */
  public record MigrationsReport(String historyTable, Map<String, Long> counts, List<MigrationEntry> migrations) {}

  /** One migration. */
  public record MigrationEntry(int version, String name, String state, String appliedAt) {}
}
