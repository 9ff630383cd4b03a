package dev.sluice.kit.migrate;

import java.nio.file.Path;

/** Runs a migrator in a JVM of its own, for {@link MigratorCrashTest} to kill mid-migration. */
public final class CrashingMigratorMain {
  private CrashingMigratorMain() {}

  /** Arguments: JDBC URL, migration folder. */
  public static void main(String[] args) {
    Migrator.connect(args[0], MigrationFolder.of(Path.of(args[1]))).migrate();
    System.out.println("finished (the test should have killed this process)");
  }
}
