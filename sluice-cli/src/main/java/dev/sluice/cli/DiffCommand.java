package dev.sluice.cli;

import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.UnsupportedChangeException;
import dev.sluice.schema.model.SchemaModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    footer = {"Objects the model cannot hold (functions, triggers, ...) are not compared: they are listed on stderr,",
        "with those present on one side only.",
        "Exit code 0 with the SQL on stdout (empty when the modeled objects are identical); 1 on failure;",
        "3 on an ambiguous rename."})
final class DiffCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Mixin RenameOptions renames;
  @Spec CommandSpec spec;

  @Option(names = "--from", required = true, description = "database to change")
  String from;

  @Option(names = "--to", required = true, description = "database to match")
  String to;

  private static List<String> names(List<dev.sluice.kit.introspect.UnmodeledObjects.UnmodeledObject> objects) {
    return new ArrayList<>(objects.stream().map(Object::toString).toList());
  }

  @Override
  public Integer call() {
    CliConfig cfg = project.config();
    Databases.Live fromDb = Databases.read(from, cfg);
    Databases.Live toDb = Databases.read(to, cfg);
    SchemaModel a = fromDb.model();
    SchemaModel b = toDb.model();
    RenameOptions.Diffed d;
    try {
      d = renames.diff(a, b, List.of(), spec.commandLine().getErr(), false);
    } catch (UnsupportedChangeException e) {
      throw new CliException(e.getMessage());
    }
    var out = spec.commandLine().getOut();
    List<String> onlyFrom = names(fromDb.unmodeled());
    List<String> onlyTo = names(toDb.unmodeled());
    List<String> both = new ArrayList<>(onlyFrom);
    both.retainAll(onlyTo);
    onlyFrom.removeAll(both);
    onlyTo.removeAll(both);
    if (project.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("statements", DdlRenderer.render(d.changes()));
      json.put("notModeled", Map.of("onlyInFrom", onlyFrom, "onlyInTo", onlyTo, "inBoth", both));
      out.println(Json.write(json));
    } else {
      if (!d.changes().isEmpty()) out.println(DdlRenderer.script(d.changes()));
      var err = spec.commandLine().getErr();
      if (!onlyFrom.isEmpty() || !onlyTo.isEmpty() || !both.isEmpty()) {
        err.println("not modeled, so not compared (" + (onlyFrom.size() + onlyTo.size() + both.size())
            + "): differences in these objects cannot be computed and are not in the SQL"
            + (d.changes().isEmpty() ? " (the modeled objects are identical)" : ""));
        if (!onlyFrom.isEmpty() || !onlyTo.isEmpty()) {
          err.println("the databases differ in objects Sluice does not model:");
        }
        onlyFrom.forEach(o -> err.println("  only in --from: " + o));
        onlyTo.forEach(o -> err.println("  only in --to: " + o));
        both.forEach(o -> err.println("  in both (definitions not compared): " + o));
        err.flush();
      }
    }
    out.flush();
    return SluiceCommand.EXIT_OK;
  }
}
