package dev.sluice.cli;

import dev.sluice.kit.lint.LintContext;
import dev.sluice.kit.lint.LintReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice lint FILE...}: lint migration files for locking, data loss and compatibility risks. */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = "Lint SQL migration files (locking, data loss, backward compatibility).",
    footer = {"Exit code 3 when a finding is an error, or any finding with --strict."})
final class LintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "SQL files to lint")
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
    LintContext ctx = LintContext.defaults().withLockTimeoutRequired(!migratorSetsLockTimeout);
    List<LintReport> reports = new ArrayList<>();
    for (Path f : files) {
      if (!Files.isRegularFile(f)) throw new CliException("no such file: " + f, SluiceCommand.EXIT_USAGE);
      reports.add(LintReport.of(f.toString(), Files.readString(f), ctx));
    }
    var out = spec.commandLine().getOut();
    if (json) {
      out.println(LintReport.toJson(reports));
    } else {
      int n = 0;
      for (LintReport r : reports) {
        if (!r.findings().isEmpty()) out.println(r.format());
        n += r.findings().size();
      }
      out.println(n == 0 ? "lint: no findings in " + files.size() + " file(s)" : "lint: " + n + " finding(s)");
    }
    out.flush();
    boolean fail = reports.stream().anyMatch(r -> r.fails(strict));
    return fail ? SluiceCommand.EXIT_CHECK_FAILED : SluiceCommand.EXIT_OK;
  }
}
