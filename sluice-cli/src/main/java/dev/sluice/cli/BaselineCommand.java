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

/** {@code sluice baseline VERSION}: adopt an existing database. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
    description = "Adopt an existing database: record migrations up to VERSION as applied without running them.")
final class BaselineCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "VERSION")
  int version;

  @Override
  public Integer call() {
    List<Migration> recorded = Migrations.migrator(project, MigratorOptions.DEFAULTS, null).baseline(version);
    var out = spec.commandLine().getOut();
    out.println(project.json ? "{\"baselined\":" + Json.array(recorded.stream().map(Migration::fileName).toList()) + "}"
        : "recorded " + recorded.size() + " migration(s) as applied (baseline " + version + ")");
    out.flush();
    return SluiceCommand.EXIT_OK;
  }
}
