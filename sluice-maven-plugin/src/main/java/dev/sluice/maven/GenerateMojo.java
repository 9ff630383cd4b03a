package dev.sluice.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code sluice:generate}: writes the next migration (up, down, snapshot) from the difference between
 * the last snapshot and the project's compiled schema classes, like {@code sluice generate}. Run after
 * {@code compile} ({@code mvn compile sluice:generate}).
 */
@Mojo(name = "generate", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class GenerateMojo extends AbstractSluiceMojo {
  /** The migration's name ({@code add_books}); default derived from the changes. */
  @Parameter(property = "sluice.name")
  String name;

  /** Writes an empty migration to fill in by hand. */
  @Parameter(property = "sluice.custom", defaultValue = "false")
  boolean custom;

  /** Fails when lint finds anything (warnings included) in the generated files. */
  @Parameter(property = "sluice.strict", defaultValue = "false")
  boolean strict;

  /** Rename hints, {@code old=new} ({@code public.invoice=billing.invoice}, {@code books.title=name}). */
  @Parameter(property = "sluice.renames")
  List<String> renames;

  @Override
  String command() {
    return "generate";
  }

  @Override
  List<String> arguments() {
    List<String> args = new ArrayList<>();
    option(args, "--name", name);
    flag(args, custom, "--custom");
    flag(args, strict, "--strict");
    if (renames != null) for (String r : renames) option(args, "--rename", r);
    return args;
  }
}
