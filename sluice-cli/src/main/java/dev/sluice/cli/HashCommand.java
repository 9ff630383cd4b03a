package dev.sluice.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice hash}: accept deliberate edits to not-yet-applied migration files. */
@Command(name = "hash", mixinStandardHelpOptions = true,
    description = "Recompute sluice.sum after a deliberate edit of a migration file that has not been applied anywhere.")
final class HashCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var folder = Migrations.folder(project.config());
    folder.rehash();
    spec.commandLine().getOut().println("rewrote " + folder.dir().resolve("sluice.sum"));
    spec.commandLine().getOut().flush();
    return SluiceCommand.EXIT_OK;
  }
}
