package dev.sluice.cli;

import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.UnsupportedChangeException;
import dev.sluice.schema.model.SchemaModel;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice diff --from URL --to URL}: the SQL that turns one live database into another. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"Print the SQL that turns the --from database into the --to database.",
        "Both are postgresql:// or jdbc:postgresql:// URLs.",
        "Objects on both sides keep their data; renames need --rename hints (or --allow-drop-and-create)."},
    footer = {"Exit code 0 with the SQL on stdout (empty when identical); 1 on failure; 3 on an ambiguous rename."})
final class DiffCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Mixin RenameOptions renames;
  @Spec CommandSpec spec;

  @Option(names = "--from", required = true, description = "database to change")
  String from;

  @Option(names = "--to", required = true, description = "database to match")
  String to;

  @Override
  public Integer call() {
    CliConfig cfg = project.config();
    SchemaModel a = Databases.introspect(from, cfg);
    SchemaModel b = Databases.introspect(to, cfg);
    RenameOptions.Diffed d;
    try {
      d = renames.diff(a, b, List.of(), spec.commandLine().getErr(), false);
    } catch (UnsupportedChangeException e) {
      throw new CliException(e.getMessage());
    }
    var out = spec.commandLine().getOut();
    if (project.json) {
      out.println(Json.write(java.util.Map.of("statements", DdlRenderer.render(d.changes()))));
    } else if (!d.changes().isEmpty()) {
      out.println(DdlRenderer.script(d.changes()));
    }
    out.flush();
    return SluiceCommand.EXIT_OK;
  }
}
