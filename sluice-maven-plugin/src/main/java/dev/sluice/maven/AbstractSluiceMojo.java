package dev.sluice.maven;

import dev.sluice.cli.CliConfig;
import dev.sluice.cli.SluiceCommand;
import dev.sluice.maven.internal.CliRun;
import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the project options of the {@code sluice} command line, read from
 * {@code sluice.json} when the project has one and overridden by the parameters set here, and the
 * run of the CLI's own command with its exit code turned into Maven's outcome (0 succeeds, 3, a check
 * that found problems, and 1, a command that failed, fail the build; 2, a usage error, is an error in
 * the plugin's configuration).
 */
abstract class AbstractSluiceMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  /** The project file; used when it exists (relative paths in it are relative to it). */
  @Parameter(property = "sluice.configFile", defaultValue = "${project.basedir}/sluice.json")
  protected File configFile;

  /** Schema class (static {@code schema()} or static definitions) or package; overrides sluice.json. */
  @Parameter(property = "sluice.schema")
  protected String schema;

  /** The migration folder; overrides sluice.json (default: {@code migrations} beside the pom). */
  @Parameter(property = "sluice.migrations")
  protected File migrations;

  /** Database URL ({@code postgresql://...} or {@code jdbc:postgresql://...}); else sluice.json, else DATABASE_URL. */
  @Parameter(property = "sluice.url")
  protected String url;

  /** Migration history table in schema {@code sluice} (default {@code migrations}). */
  @Parameter(property = "sluice.historyTable")
  protected String historyTable;

  /** Database schemas to introspect and compare (default: all, or sluice.json's). */
  @Parameter(property = "sluice.schemas")
  protected List<String> schemas;

  /** Skips the goal. */
  @Parameter(property = "sluice.skip", defaultValue = "false")
  protected boolean skip;

  /** The subcommand this goal runs. */
  abstract String command();

  /** Whether the command takes the project options (lint does not). */
  boolean projectOptions() {
    return true;
  }

  /** The goal's own arguments, after the project options. */
  List<String> arguments() throws MojoExecutionException {
    return List.of();
  }

  /** A line the command printed on its standard output (logged at INFO). */
  void onOutput(String line) {
    getLog().info(line);
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("sluice:" + command() + " skipped");
      return;
    }
    List<String> args = new ArrayList<>();
    args.add(command());
    if (projectOptions()) args.addAll(projectArguments());
    args.addAll(arguments());
    getLog().debug("sluice " + String.join(" ", args));
    CliRun.Result r = CliRun.run(args, this::onOutput, line -> {});
    if (r.exitCode() == SluiceCommand.EXIT_OK) {
      if (!r.errors().isEmpty()) r.errors().lines().forEach(getLog()::warn);
      return;
    }
    String message = "sluice " + command() + " failed (exit code " + r.exitCode() + "): " + reason(r);
    if (r.exitCode() == SluiceCommand.EXIT_USAGE) throw new MojoExecutionException(message);
    throw new MojoFailureException(message);
  }

  /** The error output, else the problems the command listed, else its last line. */
  private static String reason(CliRun.Result r) {
    if (!r.errors().isEmpty()) return r.errors();
    List<String> problems = r.output().stream().filter(l -> l.startsWith("problem: ") || l.startsWith("error")).toList();
    if (!problems.isEmpty()) return String.join(System.lineSeparator(), problems);
    return r.output().isEmpty() ? "no output" : r.output().get(r.output().size() - 1);
  }

  private List<String> projectArguments() throws MojoExecutionException {
    List<String> args = new ArrayList<>();
    boolean hasConfig = configFile != null && configFile.isFile();
    if (hasConfig) {
      args.add("--config");
      args.add(configFile.getAbsolutePath());
    }
    if (schema != null && !schema.isBlank()) {
      args.add("--schema");
      args.add(schema);
    }
    String cp = String.join(",", classpath(hasConfig));
    if (!cp.isEmpty()) {
      args.add("--classpath");
      args.add(cp);
    }
    if (migrations != null) {
      args.add("--migrations");
      args.add(absolute(migrations).getPath());
    } else if (!hasConfig) {
      args.add("--migrations");
      args.add(new File(project.getBasedir(), "migrations").getPath());
    }
    if (url != null && !url.isBlank()) {
      args.add("--url");
      args.add(url);
    }
    if (historyTable != null && !historyTable.isBlank()) {
      args.add("--history-table");
      args.add(historyTable);
    }
    if (schemas != null && !schemas.isEmpty()) {
      args.add("--schemas");
      args.add(String.join(",", schemas));
    }
    return args;
  }

  /** The project's compiled classes and compile classpath (those that exist), then sluice.json's entries. */
  private List<String> classpath(boolean hasConfig) throws MojoExecutionException {
    Set<String> entries = new LinkedHashSet<>();
    try {
      for (String e : project.getCompileClasspathElements()) {
        if (Files.exists(new File(e).toPath())) entries.add(e);
      }
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the compile classpath of " + project.getArtifactId() + " is not resolved", e);
    }
    if (hasConfig) {
      try {
        entries.addAll(CliConfig.load(configFile.toPath(), true).classpath());
      } catch (RuntimeException unreadable) {
        // the command reads the file again and reports what is wrong with it, with its line
      }
    }
    return List.copyOf(entries);
  }

  /** {@code f} resolved against the project directory. */
  protected File absolute(File f) {
    return f.isAbsolute() ? f : new File(project.getBasedir(), f.getPath());
  }

  /** Adds {@code flag} when {@code on}. */
  static void flag(List<String> args, boolean on, String flag) {
    if (on) args.add(flag);
  }

  /** Adds {@code option value} when the value is set. */
  static void option(List<String> args, String option, Object value) {
    if (value != null && !value.toString().isBlank()) {
      args.add(option);
      args.add(value.toString());
    }
  }
}
