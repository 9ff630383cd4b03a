package dev.sluice.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sluice:pull}: writes Java schema classes from a live database, like {@code sluice pull}. */
@Mojo(name = "pull", threadSafe = true)
public class PullMojo extends AbstractSluiceMojo {
  /** The package of the generated classes. */
  @Parameter(property = "sluice.package", required = true)
  String packageName;

  /** The source root to write into. */
  @Parameter(property = "sluice.out", defaultValue = "${project.basedir}/src/main/java")
  File out;

  /** The holder class name. */
  @Parameter(property = "sluice.holder")
  String holder;

  /** Fails (exit 3) when the database has objects the model cannot hold. */
  @Parameter(property = "sluice.strict", defaultValue = "false")
  boolean strict;

  @Override
  String command() {
    return "pull";
  }

  @Override
  List<String> arguments() {
    List<String> args = new ArrayList<>();
    option(args, "--package", packageName);
    option(args, "--out", absolute(out).getPath());
    option(args, "--holder", holder);
    flag(args, strict, "--strict");
    return args;
  }
}
