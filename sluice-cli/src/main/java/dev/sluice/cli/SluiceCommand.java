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
    reflow(cmd);
    cmd.setUsageHelpAutoWidth(true); // the terminal's width when picocli can tell, else 80 columns
    cmd.setParameterExceptionHandler(SluiceCommand::usageError);
    cmd.setExecutionExceptionHandler((ex, line, parseResult) -> {
      int exit;
      if (ex instanceof CliException ce) {
        exit = ce.exitCode();
      } else if (ex instanceof dev.sluice.kit.migrate.MigrationException
          || ex instanceof dev.sluice.kit.diff.UnsupportedChangeException
          || ex instanceof IllegalStateException
          || ex instanceof dev.sluice.kit.migrate.MigrationFolderException
          || ex instanceof dev.sluice.schema.SchemaDefinitionException
          || ex instanceof dev.sluice.runtime.DataAccessException
          || ex instanceof IllegalArgumentException) {
        exit = EXIT_FAILURE;
      } else {
        throw ex;
      }
      if (jsonRequested(parseResult)) {
        // --json: the error is machine-readable too, on stdout where the result would have been
        java.util.Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("message", String.valueOf(ex.getMessage()));
        error.put("exit", exit);
        line.getOut().println(Json.write(java.util.Map.of("error", error)));
        line.getOut().flush();
      } else {
        line.getErr().println("error: " + ex.getMessage());
      }
      return exit;
    });
    return cmd;
  }

  /**
   * A usage error in one short block: the message, for an unknown option the closest known one, and
   * where the full usage is (instead of the whole usage text).
   */
  private static int usageError(CommandLine.ParameterException ex, String[] args) {
    CommandLine line = ex.getCommandLine();
    var err = line.getErr();
    if (ex instanceof CommandLine.UnmatchedArgumentException u) {
      String option = u.getUnmatched().stream().filter(a -> a.startsWith("-")).findFirst().orElse(null);
      if (option != null) {
        String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
        err.println("Unknown option: '" + name + "'");
        java.util.List<String> names = new java.util.ArrayList<>();
        for (var o : line.getCommandSpec().options()) names.addAll(java.util.List.of(o.names()));
        String closest = Suggestions.closest(name, names);
        if (closest != null) err.println("Possible solutions: " + closest);
      } else {
        err.println(ex.getMessage());
      }
    } else {
      err.println(ex.getMessage());
    }
    err.println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return EXIT_USAGE;
  }

  /**
   * Renders each description and footer as paragraphs wrapped at spaces for the actual width: the
   * sources break lines only to keep them short, and picocli's own wrapping also breaks inside words
   * such as "afterMigrate.sql". Footer lines that start with a space (tables such as the exit codes)
   * stay as they are.
   */
  static void reflow(CommandLine cmd) {
    cmd.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION, help -> {
      String[] lines = help.commandSpec().usageMessage().description();
      return lines.length == 0 ? "" : wrap(String.join(" ", lines), help.commandSpec().usageMessage().width());
    });
    cmd.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, help -> {
      StringBuilder out = new StringBuilder();
      java.util.List<String> paragraph = new java.util.ArrayList<>();
      int width = help.commandSpec().usageMessage().width();
      for (String line : help.commandSpec().usageMessage().footer()) {
        if (line.startsWith(" ")) {
          if (!paragraph.isEmpty()) out.append(wrap(String.join(" ", paragraph), width));
          paragraph.clear();
          out.append(line).append('\n');
        } else {
          paragraph.add(line);
        }
      }
      if (!paragraph.isEmpty()) out.append(wrap(String.join(" ", paragraph), width));
      return out.toString();
    });
    cmd.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, SluiceCommand::optionList);
    for (CommandLine sub : cmd.getSubcommands().values()) reflow(sub);
  }

  /** The option list in picocli's layout, with descriptions wrapped at spaces (see {@link #reflow}). */
  private static String optionList(CommandLine.Help help) {
    int width = help.commandSpec().usageMessage().width();
    java.util.List<CommandLine.Model.OptionSpec> options = new java.util.ArrayList<>();
    for (CommandLine.Model.OptionSpec o : help.commandSpec().options()) if (!o.hidden()) options.add(o);
    options.sort(java.util.Comparator.comparing(o -> o.longestName().replaceFirst("^-+", "").toLowerCase(java.util.Locale.ROOT)));
    java.util.List<String> labels = new java.util.ArrayList<>();
    CommandLine.Help.IOptionRenderer renderer = help.createDefaultOptionRenderer();
    for (CommandLine.Model.OptionSpec o : options) {
      CommandLine.Help.Ansi.Text[][] cells = renderer.render(o, help.createDefaultParamLabelRenderer(), help.colorScheme());
      StringBuilder label = new StringBuilder("  ");
      String shortName = cells[0][1].plainString().strip();
      String rest = cells[0][3].plainString().strip();
      if (shortName.isEmpty()) label.append("    ");
      else label.append(shortName).append(rest.isEmpty() ? "  " : ", ");
      labels.add(label.append(rest).toString());
    }
    int column = Math.min(2 + 4 + 22, labels.stream().mapToInt(String::length).max().orElse(0) + 3);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < options.size(); i++) {
      String label = labels.get(i);
      String description = String.join(" ", options.get(i).description());
      String[] lines = wrap(description, width - column - 2).split("\n");
      if (label.length() >= column) {
        out.append(label).append('\n').append(" ".repeat(column));
      } else {
        out.append(label).append(" ".repeat(column - label.length()));
      }
      out.append(lines.length == 0 ? "" : lines[0]).append('\n');
      if (lines.length > 1) {
        String rest = wrap(String.join(" ", java.util.Arrays.copyOfRange(lines, 1, lines.length)), width - column - 2);
        for (String l : rest.split("\n")) out.append(" ".repeat(column + 2)).append(l).append('\n');
      }
    }
    return out.toString();
  }

  /** {@code text} as lines of at most {@code width} columns broken at spaces (a longer word gets a line of its own). */
  static String wrap(String text, int width) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        out.append(line).append('\n');
        line.setLength(0);
      }
      if (line.length() > 0) line.append(' ');
      line.append(word);
    }
    if (line.length() > 0) out.append(line).append('\n');
    return out.toString();
  }

  private static boolean jsonRequested(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--json")) return true;
    }
    return false;
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
      return property("version");
    }

    /** A property Maven filtered into {@value #RESOURCE} ({@code version}, {@code embeddedPostgres}). */
    static String property(String name) {
      try (InputStream in = SluiceCommand.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              RESOURCE + " is missing from the classpath; rebuild sluice-cli with Maven");
        }
        Properties props = new Properties();
        props.load(in);
        String version = props.getProperty(name);
        if (version == null || version.isBlank() || version.contains("${")) {
          throw new IllegalStateException(
              RESOURCE + " has no filtered '" + name + "' (found: " + version
                  + "); rebuild sluice-cli with Maven so resources are filtered");
        }
        return version.trim();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }
}
