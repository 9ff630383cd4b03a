package dev.sluice.cli;

import dev.sluice.kit.migrate.IntegrityProblem;
import dev.sluice.kit.migrate.MigrationState;
import dev.sluice.kit.migrate.MigrationStatus;
import dev.sluice.kit.migrate.MigratorOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice status}: applied, pending and problem migrations. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show each migration's state (applied, pending, out of order, changed, missing, failed) and folder integrity;"
        + " repeatable migrations (R__name.sql) follow, APPLIED, PENDING or OUTDATED (changed since they ran: migrate re-applies them).",
    footer = {"Exit code 3 when a migration is changed, missing, failed or out of order, or the folder's integrity fails."})
final class StatusCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var migrator = Migrations.migrator(project, MigratorOptions.DEFAULTS, null);
    List<MigrationStatus> status = migrator.status();
    List<IntegrityProblem> integrity = migrator.folder().verify();
    var out = spec.commandLine().getOut();
    if (project.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("migrations", status);
      m.put("integrity", integrity.stream().map(Object::toString).toList());
      out.println(Json.write(m));
    } else {
      if (status.isEmpty()) out.println("no migrations in " + migrator.folder().dir());
      for (MigrationStatus s : status) {
        out.printf("%-44s %-12s %s%n", s.name(), s.state(), s.appliedAt() == null ? "" : s.appliedAt());
      }
      for (IntegrityProblem p : integrity) out.println("integrity: " + p);
    }
    out.flush();
    boolean bad = !integrity.isEmpty() || status.stream().anyMatch(s -> s.state() != MigrationState.APPLIED
        && s.state() != MigrationState.PENDING && s.state() != MigrationState.OUTDATED);
    return bad ? SluiceCommand.EXIT_CHECK_FAILED : SluiceCommand.EXIT_OK;
  }
}
