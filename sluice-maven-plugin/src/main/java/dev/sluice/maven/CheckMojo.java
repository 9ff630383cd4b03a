package dev.sluice.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code sluice:check}: fails the build when the migration folder is inconsistent (an edited, inserted
 * or removed file), a snapshot is unreadable, or the compiled schema has changes without a migration;
 * with {@code db} (or a {@code url} parameter) also when applied migrations changed or the database
 * drifted. Bound to {@code verify}, so {@code mvn verify} runs it once the plugin is declared with this
 * goal.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public class CheckMojo extends AbstractSluiceMojo {
  /** Also checks the database named by {@code url}, sluice.json or DATABASE_URL. */
  @Parameter(property = "sluice.check.db", defaultValue = "false")
  boolean db;

  @Override
  String command() {
    return "check";
  }

  @Override
  List<String> arguments() {
    List<String> args = new ArrayList<>();
    flag(args, db, "--db");
    return args;
  }
}
