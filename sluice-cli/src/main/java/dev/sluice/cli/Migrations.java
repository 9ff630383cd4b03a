package dev.sluice.cli;

import dev.sluice.kit.migrate.Migration;
import dev.sluice.kit.migrate.MigrationFolder;
import dev.sluice.kit.migrate.MigrationListener;
import dev.sluice.kit.migrate.Migrator;
import dev.sluice.kit.migrate.MigratorOptions;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The migration folder and a migrator for the commands, with progress printed as migrations run. */
final class Migrations {
  private Migrations() {}

  static MigrationFolder folder(CliConfig cfg) {
    return MigrationFolder.of(Path.of(cfg.migrations()));
  }

  static Migrator migrator(ProjectOptions project, MigratorOptions options, PrintWriter progress) {
    CliConfig cfg = project.config();
    MigratorOptions effective = project.historyTable == null ? options : options.withHistoryTable(project.historyTable);
    Migrator m = Migrator.connect(project.migrateUrl(), folder(cfg)).withOptions(effective);
    if (progress == null) return m;
    return m.withListener(new MigrationListener() {
      @Override
      public void waitingForLock(String holder) {
        progress.println("waiting for another migrator" + (holder.isEmpty() ? "" : " (" + holder + ")") + "...");
        progress.flush();
      }

      @Override
      public void starting(Migration migration, boolean down) {
        progress.print((down ? "reverting " : "applying ") + migration.fileName() + " ... ");
        progress.flush();
      }

      @Override
      public void finished(Migration migration, boolean down, long executionMs) {
        progress.println("done in " + executionMs + " ms");
        progress.flush();
      }
    });
  }
}
