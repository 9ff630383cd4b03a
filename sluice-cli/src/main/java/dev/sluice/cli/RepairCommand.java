package dev.sluice.cli;

import dev.sluice.kit.migrate.MigratorOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice repair}: clear failed records of no-transaction migrations after fixing the database by hand. */
@Command(name = "repair", mixinStandardHelpOptions = true,
    description = {"Remove the FAILED history records a no-transaction migration leaves when it fails or is killed.",
        "Fix the database by hand first (e.g. drop an INVALID index), then repair, then migrate again."})
final class RepairCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    int n = Migrations.migrator(project, MigratorOptions.DEFAULTS, null).repair();
    spec.commandLine().getOut().println(project.json ? "{\"repaired\":" + n + "}" : "removed " + n + " failed record(s)");
    spec.commandLine().getOut().flush();
    return SluiceCommand.EXIT_OK;
  }
}
