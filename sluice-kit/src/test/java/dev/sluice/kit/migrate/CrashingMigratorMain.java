package dev.sluice.kit.migrate;

import java.nio.file.Path;
import java.time.Duration;

/** Runs a migrator in a JVM of its own, for {@link MigratorCrashTest} to kill mid-migration. */
public final class CrashingMigratorMain {
  private CrashingMigratorMain() {}

  /** Arguments: JDBC URL, migration folder, optionally the lock timeout in ms. */
  public static void main(String[] args) {
    Migrator m = Migrator.connect(args[0], MigrationFolder.of(Path.of(args[1])));
    if (args.length > 2) m = m.withOptions(m.options().withLockTimeout(Duration.ofMillis(Long.parseLong(args[2]))));
    m.migrate();
    System.out.println("finished (the test should have killed this process)");
  }
}
