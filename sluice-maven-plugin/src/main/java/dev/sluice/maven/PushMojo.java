package dev.sluice.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code sluice:push}: makes the database match the compiled schema without a migration file (for
 * development databases), like {@code sluice push}; refuses data loss unless {@code force}.
 */
@Mojo(name = "push", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class PushMojo extends AbstractSluiceMojo {
  /** Applies changes that lose data. */
  @Parameter(property = "sluice.force", defaultValue = "false")
  boolean force;

  /** Prints the plan without applying it. */
  @Parameter(property = "sluice.dryRun", defaultValue = "false")
  boolean dryRun;

  /** With {@code dryRun}: fails when there are changes to make. */
  @Parameter(property = "sluice.exitCode", defaultValue = "false")
  boolean exitCode;

  /** Rename hints, {@code old=new}. */
  @Parameter(property = "sluice.renames")
  List<String> renames;

  @Override
  String command() {
    return "push";
  }

  @Override
  List<String> arguments() {
    List<String> args = new ArrayList<>();
    flag(args, force, "--force");
    flag(args, dryRun, "--dry-run");
    flag(args, exitCode, "--exit-code");
    if (renames != null) for (String r : renames) option(args, "--rename", r);
    return args;
  }
}
