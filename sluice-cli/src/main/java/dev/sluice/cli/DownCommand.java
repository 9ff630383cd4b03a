package dev.sluice.cli;

import dev.sluice.kit.migrate.Migration;
import dev.sluice.kit.migrate.MigratorOptions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice down [N]}: revert the last N applied migrations with their down files. */
@Command(name = "down", mixinStandardHelpOptions = true,
    description = "Revert the last N applied migrations (default 1) using their .down.sql files, newest first.")
final class DownCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", defaultValue = "1", paramLabel = "N")
  int n;

  @Override
  public Integer call() {
    if (n < 1) throw new CliException("N must be at least 1", SluiceCommand.EXIT_USAGE);
    var out = spec.commandLine().getOut();
    List<Migration> reverted = Migrations.migrator(project, MigratorOptions.DEFAULTS, project.json ? null : out).down(n);
    out.println(project.json ? "{\"reverted\":" + Json.array(reverted.stream().map(Migration::fileName).toList()) + "}"
        : "reverted " + reverted.size() + " migration(s)");
    out.flush();
    return SluiceCommand.EXIT_OK;
  }
}
