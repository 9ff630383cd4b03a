package dev.sluice.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sluice:lint}: lints migration files (a folder lints every file in it), like {@code sluice lint}. */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class LintMojo extends AbstractSluiceMojo {
  /** Files or folders to lint; default: the migration folder. */
  @Parameter(property = "sluice.files")
  List<File> files;

  /** Fails on warnings too. */
  @Parameter(property = "sluice.strict", defaultValue = "false")
  boolean strict;

  private File migrationFolder() {
    if (migrations != null) return absolute(migrations);
    if (configFile != null && configFile.isFile()) {
      try {
        return new File(dev.sluice.cli.CliConfig.load(configFile.toPath(), true).migrations());
      } catch (RuntimeException unreadable) {
        // fall back to the default folder; check and generate report the file's problem
      }
    }
    return new File(project.getBasedir(), "migrations");
  }

  @Override
  String command() {
    return "lint";
  }

  @Override
  boolean projectOptions() {
    return false;
  }

  @Override
  List<String> arguments() {
    List<String> args = new ArrayList<>();
    flag(args, strict, "--strict");
    if (files == null || files.isEmpty()) {
      args.add(migrationFolder().getPath());
    } else {
      for (File f : files) args.add(absolute(f).getPath());
    }
    return args;
  }
}
