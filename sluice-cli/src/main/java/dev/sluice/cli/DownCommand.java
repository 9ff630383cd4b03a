package dev.sluice.cli;

import dev.sluice.kit.migrate.Migration;
import dev.sluice.kit.migrate.MigrationState;
import dev.sluice.kit.migrate.MigrationStatus;
import dev.sluice.kit.migrate.Migrator;
import dev.sluice.kit.migrate.MigratorOptions;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice down [N]}: revert the last N applied migrations with their down files. */
@Command(name = "down", mixinStandardHelpOptions = true,
    description = "Revert the last N applied migrations (default 1) using their .down.sql files, newest first."
        + " A down file usually drops data, so down names what it will revert and asks in a terminal;"
        + " without one (CI, scripts) it needs --yes.")
final class DownCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", defaultValue = "1", paramLabel = "N")
  int n;

  @Option(names = "--yes", description = "revert without asking (needed when there is no terminal)")
  boolean yes;

  @Override
  public Integer call() {
    if (n < 1) throw new CliException("N must be at least 1", SluiceCommand.EXIT_USAGE);
    var out = spec.commandLine().getOut();
    Migrator migrator = Migrations.migrator(project, MigratorOptions.DEFAULTS, project.json ? null : out);
    if (!yes) {
      List<String> targets = migrator.status().stream().filter(s -> s.appliedAt() != null && s.version() >= 0
              && s.state() != MigrationState.FAILED)
          .sorted(Comparator.comparing(MigrationStatus::appliedAt).thenComparing(MigrationStatus::version).reversed())
          .limit(n).map(s -> s.name() + ".sql").toList();
      Confirmation.require("down would revert " + (targets.isEmpty() ? "nothing (no migration is applied)"
          : String.join(", ", targets) + " (running " + String.join(", ", targets.stream()
              .map(t -> t.replaceAll("\\.sql$", ".down.sql")).toList()) + ")"), false);
    }
    List<Migration> reverted = migrator.down(n);
    out.println(project.json ? "{\"reverted\":" + Json.array(reverted.stream().map(Migration::fileName).toList()) + "}"
        : "reverted " + reverted.size() + " migration(s)");
    out.flush();
    return SluiceCommand.EXIT_OK;
  }
}
