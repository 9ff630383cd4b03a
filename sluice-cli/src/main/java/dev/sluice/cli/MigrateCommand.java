package dev.sluice.cli;

import dev.sluice.kit.migrate.Migration;
import dev.sluice.kit.migrate.MigratorOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice migrate}: apply pending migrations safely. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = {"Apply pending migrations safely.",
        "One advisory lock for the run; each migration in its own transaction (unless marked",
        "-- sluice:no-transaction) with lock_timeout set; a failure rolls that migration back."})
final class MigrateCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Spec CommandSpec spec;

  @Option(names = "--to", description = "stop after this version")
  Integer to;

  @Option(names = "--allow-out-of-order", description = "apply pending migrations older than the newest applied one (merged branches)")
  boolean allowOutOfOrder;

  @Option(names = "--lock-timeout", description = "lock_timeout per migration, e.g. 5s, 500ms (default 5s)")
  String lockTimeout;

  @Override
  public Integer call() {
    MigratorOptions options = MigratorOptions.DEFAULTS.withAllowOutOfOrder(allowOutOfOrder);
    if (lockTimeout != null) options = options.withLockTimeout(Durations.parse(lockTimeout));
    var out = spec.commandLine().getOut();
    var migrator = Migrations.migrator(project, options, project.json ? null : out);
    List<Migration> applied = to == null ? migrator.migrate() : migrator.migrate(to);
    if (project.json) {
      out.println("{\"applied\":" + Json.array(applied.stream().map(Migration::fileName).toList()) + "}");
    } else {
      out.println(applied.isEmpty() ? "database is up to date" : "applied " + applied.size() + " migration(s)");
    }
    out.flush();
    return SluiceCommand.EXIT_OK;
  }
}
