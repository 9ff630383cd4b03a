package dev.sluice.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code sluice:down}: reverts the last {@code count} applied migrations with their down files, like
 * {@code sluice down N}. A down file usually drops data, so outside a terminal it runs only with
 * {@code -Dsluice.yes=true}, as the CLI needs {@code --yes}.
 */
@Mojo(name = "down", threadSafe = true)
public class DownMojo extends AbstractSluiceMojo {
  /** How many migrations to revert, newest first. */
  @Parameter(property = "sluice.count", defaultValue = "1")
  int count;

  /** Confirms the revert without asking (required when Maven has no terminal). */
  @Parameter(property = "sluice.yes", defaultValue = "false")
  boolean yes;

  @Override
  String command() {
    return "down";
  }

  @Override
  List<String> arguments() {
    List<String> args = new java.util.ArrayList<>();
    args.add(Integer.toString(count));
    flag(args, yes, "--yes");
    return args;
  }
}
