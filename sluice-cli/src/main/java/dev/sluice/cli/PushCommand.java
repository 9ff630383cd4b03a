package dev.sluice.cli;

import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.push.DataRisk;
import dev.sluice.kit.push.Pusher;
import dev.sluice.kit.diff.DiffOptions;
import dev.sluice.schema.Schema;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice push}: make the database match the code directly (prototyping). */
@Command(name = "push", mixinStandardHelpOptions = true,
    description = {"Make the database match the code directly, without a migration (prototyping).",
        "Before anything runs, data at risk is measured: values a drop would lose, rows that would violate",
        "a new NOT NULL / unique / check / foreign key, values that would not convert. Refused unless --force."},
    footer = {"Exit code 3 when data would be lost or changes would fail and --force was not given,",
        "or with --dry-run --exit-code when there are changes to make."})
final class PushCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Mixin RenameOptions renames;
  @Spec CommandSpec spec;

  @Option(names = "--force", description = "apply even when data would be lost")
  boolean force;

  @Option(names = "--dry-run", description = "print the SQL and the risks; change nothing")
  boolean dryRun;

  @Option(names = "--exit-code", description = "with --dry-run: exit 3 when there are changes to make, 0 when in sync"
      + " (like git diff --exit-code)")
  boolean exitCode;

  @Override
  public Integer call() {
    if (exitCode && !dryRun) throw new CliException("--exit-code needs --dry-run", SluiceCommand.EXIT_USAGE);
    CliConfig cfg = project.config();
    String url = project.url();
    Schema schema = SchemaLoader.load(cfg.schema(), cfg.classpath());
    IntrospectOptions introspect = Databases.options(cfg);
    DiffOptions options = renames.options(schema.renames());
    Pusher.Plan plan;
    try {
      plan = Pusher.plan(url, schema.toModel(), introspect, options);
    } catch (dev.sluice.kit.diff.AmbiguousRenameException e) {
      throw new CliException(e.getMessage(), SluiceCommand.EXIT_CHECK_FAILED);
    }
    var out = spec.commandLine().getOut();
    if (project.json) {
      Map<String, Object> json = new java.util.LinkedHashMap<>();
      json.put("inSync", plan.inSync());
      json.put("statements", plan.statements());
      json.put("risks", plan.risks());
      json.put("applied", !plan.inSync() && !dryRun && (plan.risks().isEmpty() || force));
      json.put("notModeled", plan.unmodeled().stream().map(Object::toString).toList());
      out.println(Json.write(json));
    } else {
      Databases.printUnmodeled(out, "not modeled ({n}): the database holds these, which the code cannot declare yet;"
          + " push leaves them as they are", plan.unmodeled());
    }
    if (plan.inSync()) {
      if (!project.json) {
        out.println("database is in sync with the code" + (plan.unmodeled().isEmpty() ? ""
            : " (as far as modeled: " + plan.unmodeled().size() + " object(s) not modeled, listed above)"));
      }
      out.flush();
      return SluiceCommand.EXIT_OK;
    }
    if (!project.json) {
      plan.statements().forEach(s -> out.println(s + ";"));
      for (DataRisk r : plan.risks()) out.println("RISK: " + r);
    }
    if (dryRun) {
      out.flush();
      return exitCode ? SluiceCommand.EXIT_CHECK_FAILED : SluiceCommand.EXIT_OK;
    }
    if (!plan.risks().isEmpty() && !force) {
      out.flush();
      throw new CliException("refused: " + plan.risks().size() + " change(s) put data at risk (see RISK lines); "
          + "write a migration that moves the data, or re-run with --force", SluiceCommand.EXIT_CHECK_FAILED);
    }
    try {
      Pusher.apply(url, plan);
    } catch (IllegalStateException e) {
      throw new CliException(e.getMessage());
    }
    if (!project.json) out.println("pushed " + plan.changes().size() + " change(s)");
    out.flush();
    return SluiceCommand.EXIT_OK;
  }
}
