package dev.sluice.cli;

import dev.sluice.kit.lint.LintContext;
import dev.sluice.kit.lint.LintReport;
import dev.sluice.kit.migrate.Migration;
import dev.sluice.kit.migrate.MigrationFolder;
import dev.sluice.kit.snapshot.SnapshotJson;
import dev.sluice.schema.model.SchemaModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice lint FILE|DIR...}: lint migration files for locking, data loss and compatibility risks. */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = {"Lint SQL migration files (locking, data loss, backward compatibility).",
        "A DIR lints the .sql files in it that migrate runs (not the .down.sql files; name those to lint them). A file in a Sluice migrations folder (one with sluice.sum) is linted as the",
        "Sluice migrator runs it: lock_timeout is set by the migrator (no LK107), and the folder's snapshots tell which",
        "tables and column types existed before it."},
    footer = {"Exit code 3 when a finding is an error, or any finding with --strict."})
final class LintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "SQL files or folders to lint")
  List<Path> files;

  @Option(names = "--strict", description = "fail on any finding, not only errors")
  boolean strict;

  @Option(names = "--json", description = "machine-readable output")
  boolean json;

  @Option(names = "--no-lock-timeout-check",
      description = "files are run by the sluice migrator, which sets lock_timeout itself (skips LK107)")
  boolean migratorSetsLockTimeout;

  @Override
  public Integer call() throws IOException {
    List<Path> all = new ArrayList<>();
    for (Path f : files) {
      if (Files.isDirectory(f)) {
        try (Stream<Path> s = Files.list(f)) {
          s.filter(p -> isUpFile(p) && Files.isRegularFile(p)).sorted().forEach(all::add);
        }
      } else if (Files.isRegularFile(f)) {
        all.add(f);
      } else {
        throw new CliException("no such file: " + f, SluiceCommand.EXIT_USAGE);
      }
    }
    List<LintReport> reports = new ArrayList<>();
    for (Path f : all) reports.add(LintReport.of(f.toString(), Files.readString(f), contextFor(f)));
    var out = spec.commandLine().getOut();
    if (json) {
      out.println(LintReport.toJson(reports));
    } else {
      int n = 0;
      for (LintReport r : reports) {
        if (!r.findings().isEmpty()) out.println(r.format());
        n += r.findings().size();
      }
      out.println(n == 0 ? "lint: no findings in " + all.size() + " file(s)" : "lint: " + n + " finding(s)");
    }
    out.flush();
    boolean fail = reports.stream().anyMatch(r -> r.fails(strict));
    return fail ? SluiceCommand.EXIT_CHECK_FAILED : SluiceCommand.EXIT_OK;
  }

  private static boolean isUpFile(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".sql") && !n.endsWith(".down.sql");
  }

  /**
   * How {@code file} will run: a migration of a Sluice folder runs through the migrator (which sets
   * lock_timeout), against the schema of the folder's snapshot before it (for a down file: the one
   * its own up produced); any other file may run through psql or another tool.
   */
  private LintContext contextFor(Path file) {
    LintContext plain = LintContext.defaults().withLockTimeoutRequired(!migratorSetsLockTimeout);
    Path dir = file.toAbsolutePath().normalize().getParent();
    if (!MigrationFolder.isSluiceFolder(dir)) return plain;
    String name = file.getFileName().toString();
    MigrationFolder folder = MigrationFolder.of(dir);
    List<Migration> migrations;
    try {
      migrations = folder.migrations();
    } catch (RuntimeException e) {
      return plain.withLockTimeoutRequired(false); // an unreadable folder: still run by the migrator
    }
    for (Migration m : migrations) {
      boolean up = m.fileName().equals(name);
      if (!up && !m.downFileName().equals(name)) continue;
      SchemaModel before = null;
      for (Migration p : migrations) {
        if (up ? p.version() >= m.version() : p.version() > m.version()) break;
        Optional<String> s = folder.snapshot(p);
        if (s.isPresent()) before = SnapshotJson.read(s.get());
      }
      return LintContext.forGenerated(before == null ? SchemaModel.EMPTY : before);
    }
    return plain.withLockTimeoutRequired(false);
  }
}
