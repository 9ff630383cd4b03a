package dev.sluice.cli;

import dev.sluice.kit.seed.Reset;
import dev.sluice.runtime.Database;
import dev.sluice.schema.model.SchemaModel;
import java.io.Console;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice reset}: empties every table of the schema (one TRUNCATE ... RESTART IDENTITY CASCADE). */
@Command(name = "reset", mixinStandardHelpOptions = true,
    description = "Delete ALL rows of the schema's tables (TRUNCATE ... RESTART IDENTITY CASCADE), e.g. before re-seeding.",
    footer = {"Asks for confirmation in a terminal; without one it refuses unless --yes is given."})
final class ResetCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Option(names = "--yes", description = "do not ask for confirmation")
  boolean yes;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CliConfig cfg = project.config();
    SchemaModel model = SchemaLoader.load(cfg.schema(), cfg.classpath()).toModel();
    String sql = Reset.truncateSql(model);
    String url = project.url();
    if (!yes) {
      Console console = System.console();
      if (console == null) {
        throw new CliException("reset deletes every row of " + model.tables().size() + " table(s); no terminal to"
            + " confirm, pass --yes", SluiceCommand.EXIT_USAGE);
      }
      String answer = console.readLine("%s%nDelete every row of these %d table(s)? Type yes: ", sql, model.tables().size());
      if (answer == null || !answer.trim().equals("yes")) {
        spec.commandLine().getOut().println("nothing changed");
        return SluiceCommand.EXIT_FAILURE;
      }
    }
    try (Database db = Database.connect(url)) {
      int n = Reset.truncate(db, model);
      spec.commandLine().getOut().println("emptied " + n + " table(s)");
    }
    return SluiceCommand.EXIT_OK;
  }
}
