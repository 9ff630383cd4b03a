package dev.sluice.cli;

import dev.sluice.kit.migrate.Migration;
import dev.sluice.kit.migrate.MigrationState;
import dev.sluice.kit.migrate.MigrationStatus;
import dev.sluice.kit.migrate.MigratorOptions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice drop}: remove the last migration and its files, if it has not been applied. */
@Command(name = "drop", mixinStandardHelpOptions = true,
    description = {"Remove the last migration (its .sql, .down.sql and snapshot) and update sluice.sum.",
        "Refused when the database (--url / sluice.json / DATABASE_URL) has applied it."})
final class DropCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Spec CommandSpec spec;

  @Option(names = "--no-db-check", description = "do not ask the database whether the migration was applied")
  boolean noDbCheck;

  @Override
  public Integer call() {
    var folder = Migrations.folder(project.config());
    List<Migration> all = folder.migrations();
    if (all.isEmpty()) throw new CliException("no migrations in " + folder.dir());
    Migration last = all.get(all.size() - 1);
    if (!noDbCheck) {
      List<MigrationStatus> status = Migrations.migrator(project, MigratorOptions.DEFAULTS, null).status();
      boolean applied = status.stream().anyMatch(s -> s.version() == last.version() && s.state() != MigrationState.PENDING);
      if (applied) {
        throw new CliException(last.fileName() + " has been applied to the database; revert it with `sluice down` first",
            SluiceCommand.EXIT_CHECK_FAILED);
      }
    }
    Migration removed = folder.removeLast();
    spec.commandLine().getOut().println("removed " + removed.fileName());
    spec.commandLine().getOut().flush();
    return SluiceCommand.EXIT_OK;
  }
}
