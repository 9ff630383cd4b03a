package dev.sluice.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code sluice} command line.
 *
 * <p>Subcommands are added as features land. Running {@code sluice} without a subcommand is
 * a usage error: it prints the usage help to stderr and exits with code 2, the same code picocli
 * uses for any other invalid input.
 */
@Command(
    name = "sluice",
    mixinStandardHelpOptions = true,
    versionProvider = SluiceCommand.VersionProvider.class,
    description = "Schema-as-code database toolkit for Java on PostgreSQL.",
    subcommands = {GenerateCommand.class, MigrateCommand.class, StatusCommand.class, DownCommand.class, BaselineCommand.class,
        RepairCommand.class, HashCommand.class, DropCommand.class, PullCommand.class, ExportCommand.class,
        LintCommand.class, CheckCommand.class, PushCommand.class, DiffCommand.class, StudioCommand.class,
        SeedCommand.class, ResetCommand.class, DemoCommand.class},
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0   success",
      "  1   failure while running a command",
      "  2   usage error (unknown option, missing subcommand, invalid argument)",
      "  3   check failed: drift, pending changes, strict lint findings,",
      "      an ambiguous rename without a terminal, or data loss refused"
    })
public final class SluiceCommand implements Callable<Integer> {

  /** Exit code for a command that ran and succeeded. */
  public static final int EXIT_OK = 0;
  /** Exit code for a command that failed while running. */
  public static final int EXIT_FAILURE = 1;
  /** Exit code for invalid command line input; matches picocli's {@code ExitCode.USAGE}. */
  public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;
  /** Exit code for a check that found problems (drift, pending changes, strict lint, data loss refused). */
  public static final int EXIT_CHECK_FAILED = 3;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line: user errors print one line, not a stack trace. */
  public static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new SluiceCommand());
    cmd.setExecutionExceptionHandler((ex, line, parseResult) -> {
      if (ex instanceof CliException ce) {
        line.getErr().println("error: " + ce.getMessage());
        return ce.exitCode();
      }
      if (ex instanceof dev.sluice.kit.migrate.MigrationException
          || ex instanceof dev.sluice.kit.diff.UnsupportedChangeException
          || ex instanceof IllegalStateException
          || ex instanceof dev.sluice.kit.migrate.MigrationFolderException
          || ex instanceof dev.sluice.schema.SchemaDefinitionException
          || ex instanceof dev.sluice.runtime.DataAccessException
          || ex instanceof IllegalArgumentException) {
        line.getErr().println("error: " + ex.getMessage());
        return EXIT_FAILURE;
      }
      throw ex;
    });
    return cmd;
  }

  @Override
  public Integer call() {
    // No subcommand given: picocli convention is to show usage and report a usage error.
    CommandLine cmd = spec.commandLine();
    cmd.usage(cmd.getErr(), cmd.getColorScheme());
    return EXIT_USAGE;
  }

  /** Reads the version Maven writes into {@code sluice-version.properties} at build time. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    static final String RESOURCE = "/sluice-version.properties";

    @Override
    public String[] getVersion() {
      return new String[] {
        "sluice " + projectVersion(),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
            + ", " + System.getProperty("java.home") + ")"
      };
    }

    static String projectVersion() {
      try (InputStream in = SluiceCommand.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              RESOURCE + " is missing from the classpath; rebuild sluice-cli with Maven");
        }
        Properties props = new Properties();
        props.load(in);
        String version = props.getProperty("version");
        if (version == null || version.isBlank() || version.contains("${")) {
          throw new IllegalStateException(
              RESOURCE + " has no filtered 'version' (found: " + version
                  + "); rebuild sluice-cli with Maven so resources are filtered");
        }
        return version.trim();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }
}
