package dev.sluice.cli;

import dev.sluice.kit.diff.Change;
import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.kit.lint.LintContext;
import dev.sluice.kit.lint.LintFinding;
import dev.sluice.kit.lint.LintReport;
import dev.sluice.kit.migrate.Migration;
import dev.sluice.kit.migrate.MigrationFolder;
import dev.sluice.kit.snapshot.SnapshotJson;
import dev.sluice.schema.Schema;
import dev.sluice.schema.model.SchemaModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice generate}: diff the code schema against the last snapshot and write a migration. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Write a migration for the code's schema changes since the last migration, and lint it.",
        "Writes NNNN_name.sql, NNNN_name.down.sql and snapshots/NNNN_name.json.",
        "A new enum value is written in a migration of its own (PostgreSQL cannot use it in the transaction that adds it).",
        "A CHECK or FOREIGN KEY added to an existing table is added NOT VALID and validated in a following",
        "NNNN_name_validate.sql, so no transaction scans the table while holding its blocking lock."},
    footer = {"Exit code 3 when a rename is ambiguous without a terminal, or when --strict and lint finds anything."})
final class GenerateCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Mixin RenameOptions renames;
  @Spec CommandSpec spec;

  @Option(names = "--name", description = "migration name (default: derived from the first change)")
  String name;

  @Option(names = "--custom", description = "write an empty migration to fill in by hand")
  boolean custom;

  @Option(names = "--strict", description = "fail (and write nothing) when lint reports any finding")
  boolean strict;

  @Override
  public Integer call() {
    CliConfig cfg = project.config();
    MigrationFolder folder = Migrations.folder(cfg);
    var out = spec.commandLine().getOut();
    if (custom) {
      Migration m = folder.writeCustom(name == null ? "custom" : name);
      out.println("wrote " + folder.dir().resolve(m.fileName()) + " and " + m.downFileName() + " (fill them in by hand;"
          + " sluice.sum records what you wrote at the next migrate or check)");
      out.flush();
      return SluiceCommand.EXIT_OK;
    }
    folder.requireConsistent();
    Schema schema = SchemaLoader.load(cfg.schema(), cfg.classpath());
    SchemaModel code = schema.toModel();
    SchemaModel previous = folder.latestSnapshot().map(SnapshotJson::read).orElse(SchemaModel.EMPTY);
    RenameOptions.Diffed diffed = renames.diff(previous, code, schema.renames(), out, !project.json);
    List<Change> changes = diffed.changes();
    if (changes.isEmpty()) {
      out.println(project.json ? "{\"written\":[]}" : "no schema changes; nothing to generate");
      out.flush();
      return SluiceCommand.EXIT_OK;
    }
    String down;
    try {
      down = DdlRenderer.script(Differ.diff(code, previous, diffed.options().reversed()));
    } catch (RuntimeException e) {
      down = "-- sluice could not derive the reverse of this migration: " + e.getMessage().replace("\n", " ") + "\n";
    }
    // checks and foreign keys on existing tables: added NOT VALID here, validated in a migration of their own
    List<List<Change>> safe = dev.sluice.kit.diff.SafeConstraints.validateLater(changes, previous);
    List<List<Change>> parts = new ArrayList<>(splitAfterNewEnumValues(safe.get(0)));
    List<Change> validations = safe.size() > 1 ? safe.get(1) : List.of();
    String slug = name != null ? name : slug(changes.get(0));

    // lint before writing anything, so --strict leaves the folder untouched
    LintContext ctx = LintContext.forGenerated(previous);
    List<LintFinding> findings = new ArrayList<>();
    List<String> ups = new ArrayList<>();
    for (List<Change> part : parts) {
      String up = DdlRenderer.script(part);
      ups.add(up);
      findings.addAll(LintReport.of("(generated)", up, ctx).findings());
    }
    // schema-level rule: RLS policy columns without an index (every policy filter would scan the table)
    List<LintFinding> schemaFindings = dev.sluice.kit.lint.PolicyIndexLint.lint(code);
    findings.addAll(schemaFindings);
    if (strict && !findings.isEmpty()) {
      out.println(LintReport.format(findings, "(generated)"));
      out.println("not written: --strict and lint reported " + findings.size() + " finding(s)");
      out.flush();
      return SluiceCommand.EXIT_CHECK_FAILED;
    }
    if (!validations.isEmpty()) {
      String up = DdlRenderer.script(validations);
      ups.add(up);
      findings.addAll(LintReport.of("(generated)", up, ctx).findings());
    }
    List<Migration> written = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      boolean last = i == parts.size() - 1;
      String partSlug = parts.size() == 1 ? slug : (last ? slug : slug + "_enum_values");
      String partDown = last ? down
          : "-- PostgreSQL cannot remove an enum value in place; the next migration's down file rebuilds the type.\n";
      boolean snapshot = last && validations.isEmpty();
      written.add(folder.write(partSlug, ups.get(i), partDown, snapshot ? SnapshotJson.write(code) : null));
    }
    if (!validations.isEmpty()) {
      written.add(folder.write(slug + "_validate", ups.get(ups.size() - 1),
          "-- VALIDATE CONSTRAINT only checked the existing rows: nothing to undo (the previous migration's down file\n"
              + "-- drops the constraints).\n", SnapshotJson.write(code)));
    }
    if (project.json) {
      out.println(Json.write(java.util.Map.of("written", written.stream().map(Migration::fileName).toList(),
          "lint", findings.stream().map(f -> java.util.Map.of("code", f.code(), "severity", String.valueOf(f.severity()),
              "message", f.message(), "line", f.line())).toList())));
    } else {
      for (Migration m : written) {
        out.println("wrote " + folder.dir().resolve(m.fileName()) + (m.hasDown() ? " (+ " + m.downFileName() + ")" : "")
            + (m.noTransaction() ? " [runs outside a transaction]" : ""));
      }
      out.println(changes.size() + " change(s)" + (changes.stream().anyMatch(Change::destructive) ? ", some DESTRUCTIVE" : ""));
      if (!schemaFindings.isEmpty()) out.println(LintReport.format(schemaFindings, "(schema)"));
      if (!findings.isEmpty()) {
        for (int i = 0; i < written.size(); i++) {
          List<LintFinding> own = LintReport.of(written.get(i).fileName(), ups.get(i), ctx).findings();
          if (!own.isEmpty()) out.println(LintReport.format(own, written.get(i).fileName()));
        }
      }
    }
    out.flush();
    return SluiceCommand.EXIT_OK;
  }

  /** Splits after the last change whose result is usable only once committed (a new enum value), if more follow. */
  static List<List<Change>> splitAfterNewEnumValues(List<Change> changes) {
    int cut = -1;
    for (int i = 0; i < changes.size(); i++) if (changes.get(i).requiresCommitAfter()) cut = i;
    if (cut < 0 || cut == changes.size() - 1) return List.of(changes);
    return List.of(changes.subList(0, cut + 1), changes.subList(cut + 1, changes.size()));
  }

  static String slug(Change first) {
    String d = first.description().toLowerCase(Locale.ROOT);
    d = d.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    return d.length() > 40 ? d.substring(0, 40).replaceAll("_+$", "") : d;
  }
}
