package dev.sluice.cli;

import dev.sluice.kit.diff.AmbiguousRenameException;
import dev.sluice.kit.diff.Change;
import dev.sluice.kit.diff.DiffOptions;
import dev.sluice.kit.diff.Differ;
import dev.sluice.kit.migrate.IntegrityProblem;
import dev.sluice.kit.migrate.Migration;
import dev.sluice.kit.migrate.MigrationFolder;
import dev.sluice.kit.migrate.MigrationState;
import dev.sluice.kit.migrate.MigrationStatus;
import dev.sluice.kit.migrate.MigratorOptions;
import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.shadow.ShadowDatabase;
import dev.sluice.kit.snapshot.SnapshotJson;
import dev.sluice.schema.Schema;
import dev.sluice.schema.model.SchemaModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice check}: is the migration folder consistent and up to date with the code? (for CI) */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check for CI that the migration folder is consistent and up to date with the code.",
        "Checks the integrity file (edited, inserted, removed or reordered files), every snapshot,",
        "and that the code has no schema change without a migration.",
        "With a database (--url / sluice.json / DATABASE_URL, or --db) also check applied migrations' checksums",
        "and drift: the database must match what the applied migrations create (changes made by hand fail)."},
    footer = {"Exit code 0 when consistent, 3 when not (each problem printed)."})
final class CheckCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Spec CommandSpec spec;

  @Option(names = "--db", description = "also check the database's migration history (needs a URL)")
  boolean db;

  @Override
  public Integer call() {
    CliConfig cfg = project.config();
    MigrationFolder folder = Migrations.folder(cfg);
    List<String> problems = new ArrayList<>();
    for (String sealed : folder.sealCustomMigrations()) {
      spec.commandLine().getOut().println("sluice.sum: recorded the hand-written " + sealed);
    }
    for (IntegrityProblem p : folder.verify()) problems.add("integrity: " + p);
    SchemaModel latest = SchemaModel.EMPTY;
    java.util.TreeMap<Integer, SchemaModel> snapshots = new java.util.TreeMap<>();
    for (Migration m : folder.migrations()) {
      try {
        var json = folder.snapshot(m);
        if (json.isPresent()) {
          latest = SnapshotJson.read(json.get());
          snapshots.put(m.version(), latest);
        }
      } catch (RuntimeException e) {
        problems.add("snapshot of " + m.fileName() + " is unreadable: " + e.getMessage());
      }
    }
    Schema schema = SchemaLoader.load(cfg.schema(), cfg.classpath());
    try {
      List<Change> pending = Differ.diff(latest, schema.toModel(), DiffOptions.renames(schema.renames()));
      if (!pending.isEmpty()) {
        problems.add("the code has " + pending.size() + " schema change(s) without a migration (run sluice generate): "
            + String.join("; ", pending.stream().limit(5).map(Change::description).toList())
            + (pending.size() > 5 ? "; ..." : ""));
      }
    } catch (AmbiguousRenameException e) {
      problems.add("the code has schema changes without a migration (run sluice generate); " + e.getMessage());
    }
    if (db || project.url != null) {
      int applied = -1;
      String appliedName = null;
      for (MigrationStatus s : Migrations.migrator(project, MigratorOptions.DEFAULTS, null).status()) {
        if (s.state() != MigrationState.APPLIED && s.state() != MigrationState.PENDING) {
          problems.add("database: " + s.name() + " is " + s.state());
        }
        if (s.state() == MigrationState.APPLIED && s.version() > applied) {
          applied = s.version();
          appliedName = s.name();
        }
      }
      if (applied >= 0) problems.addAll(drift(cfg, snapshots.floorEntry(applied), appliedName));
    }
    var out = spec.commandLine().getOut();
    if (project.json) {
      out.println(Json.write(Map.of("ok", problems.isEmpty(), "problems", problems)));
    } else if (problems.isEmpty()) {
      out.println("ok: " + folder.migrations().size() + " migration(s), integrity verified, code matches the last snapshot");
    } else {
      problems.forEach(p -> out.println("problem: " + p));
    }
    out.flush();
    return problems.isEmpty() ? SluiceCommand.EXIT_OK : SluiceCommand.EXIT_CHECK_FAILED;
  }

  /**
   * Drift: the live database compared with what the applied migrations create (the snapshot of the
   * last applied one, normalised through a shadow database), through the one differ. A column added
   * by hand is listed as the change that would remove it.
   */
  private List<String> drift(CliConfig cfg, Map.Entry<Integer, SchemaModel> snapshot, String appliedName) {
    if (snapshot == null) return List.of();
    String url = project.url();
    IntrospectOptions options = Databases.options(cfg);
    SchemaModel expected = ShadowDatabase.normalize(url, snapshot.getValue(), options);
    SchemaModel live = Databases.introspect(url, cfg);
    List<Change> changes;
    try {
      changes = Differ.diff(live, expected, DiffOptions.NONE.allowDropAndCreate());
    } catch (RuntimeException e) {
      return List.of("database drift: the database differs from the applied migrations (up to " + appliedName + "): "
          + e.getMessage());
    }
    if (changes.isEmpty()) return List.of();
    StringBuilder b = new StringBuilder("database drift: the database differs from what the applied migrations (up to "
        + appliedName + ") create; " + changes.size() + " change(s) would bring it back:");
    for (Change c : changes) b.append("\n  - ").append(c.description());
    return List.of(b.toString());
  }
}
