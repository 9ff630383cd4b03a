package dev.sluice.cli;

import dev.sluice.kit.migrate.Migrator;
import dev.sluice.kit.migrate.MigratorOptions;
import dev.sluice.kit.migrate.Repair;
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

/** {@code sluice repair}: fix the history table after a failed no-transaction migration or a deliberate edit. */
@Command(name = "repair", mixinStandardHelpOptions = true,
    description = {"Repair the migration history: remove the FAILED records a no-transaction migration leaves when it",
        "fails or is killed (fix the database by hand first, e.g. drop an INVALID index), and realign the recorded",
        "checksum of an applied migration whose file was edited on purpose (a comment, formatting) so migrate accepts",
        "it again; the edited SQL is not run. Lists the changes and asks in a terminal; elsewhere needs --yes."})
final class RepairCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Spec CommandSpec spec;

  @Option(names = "--yes", description = "change the history without asking (needed when there is no terminal)")
  boolean yes;

  @Override
  public Integer call() {
    Migrator migrator = Migrations.migrator(project, MigratorOptions.DEFAULTS, null);
    var out = spec.commandLine().getOut();
    Repair preview = migrator.repairPreview();
    if (preview.isEmpty()) {
      out.println(project.json ? "{\"removed\":[],\"realigned\":[]}"
          : "nothing to repair: no failed record, and every applied migration matches its file");
      out.flush();
      return SluiceCommand.EXIT_OK;
    }
    Confirmation.require("repair would change sluice.migrations:\n" + String.join("\n", lines(preview, "  ")), yes);
    Repair done = migrator.repairAll();
    if (project.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("removed", done.failedRemoved());
      m.put("realigned", done.realigned().stream().map(Repair.Realigned::fileName).toList());
      out.println(Json.write(m));
    } else {
      for (String line : lines(done, "")) out.println(line.replaceFirst("^remove ", "removed ").replaceFirst("^realign ", "realigned "));
      out.println("repaired " + (done.failedRemoved().size() + done.realigned().size()) + " record(s)");
      if (!migrator.folder().verify().isEmpty()) {
        out.println("note: the folder does not match sluice.sum either; after a deliberate edit accept it with sluice hash");
      }
    }
    out.flush();
    return SluiceCommand.EXIT_OK;
  }

  private static List<String> lines(Repair r, String indent) {
    List<String> out = new ArrayList<>();
    for (String f : r.failedRemoved()) out.add(indent + "remove the failed record of " + f + " (migrate runs it again)");
    for (Repair.Realigned a : r.realigned()) {
      out.add(indent + "realign the checksum of " + a.fileName() + " from " + a.recordedSha256().substring(0, 12) + " to "
          + a.fileSha256().substring(0, 12) + " (the edited file is not run)");
    }
    return out;
  }
}
