package dev.sluice.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code sluice:export}: the DDL that creates the compiled schema in an empty database, like
 * {@code sluice export}; written to {@code output} when set, else to the build log.
 */
@Mojo(name = "export", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class ExportMojo extends AbstractSluiceMojo {
  /** File to write the DDL to (e.g. {@code target/schema.sql}). */
  @Parameter(property = "sluice.output")
  File output;

  private StringBuilder captured;

  @Override
  String command() {
    return "export";
  }

  @Override
  void onOutput(String line) {
    if (captured != null) {
      captured.append(line).append('\n');
    } else {
      super.onOutput(line);
    }
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    captured = output == null ? null : new StringBuilder();
    super.execute();
    if (output != null && captured != null && !skip) {
      File f = absolute(output);
      try {
        if (f.getParentFile() != null) Files.createDirectories(f.getParentFile().toPath());
        Files.writeString(f.toPath(), captured.toString());
      } catch (IOException e) {
        throw new MojoExecutionException("cannot write " + f + ": " + e.getMessage(), e);
      }
      getLog().info("wrote " + f);
    }
  }
}
