package dev.sluice.cli;

import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.schema.model.SchemaModel;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sluice export}: the full DDL that creates the code schema in an empty database. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Print the full DDL of the code schema (what an empty database needs).")
final class ExportCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CliConfig cfg = project.config();
    SchemaModel model = SchemaLoader.load(cfg.schema(), cfg.classpath()).toModel();
    spec.commandLine().getOut().println(DdlRenderer.script(Differ.diff(SchemaModel.EMPTY, model)));
    spec.commandLine().getOut().flush();
    return SluiceCommand.EXIT_OK;
  }
}
