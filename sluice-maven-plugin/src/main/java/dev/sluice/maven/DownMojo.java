package dev.sluice.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sluice:down}: reverts the last {@code count} applied migrations with their down files, like {@code sluice down N}. */
@Mojo(name = "down", threadSafe = true)
public class DownMojo extends AbstractSluiceMojo {
  /** How many migrations to revert, newest first. */
  @Parameter(property = "sluice.count", defaultValue = "1")
  int count;

  @Override
  String command() {
    return "down";
  }

  @Override
  List<String> arguments() {
    return List.of(Integer.toString(count));
  }
}
