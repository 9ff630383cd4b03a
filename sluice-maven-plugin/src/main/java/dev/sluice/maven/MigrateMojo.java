package dev.sluice.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sluice:migrate}: applies pending migrations, like {@code sluice migrate} (same lock, checks and messages). */
@Mojo(name = "migrate", threadSafe = true)
public class MigrateMojo extends AbstractSluiceMojo {
  /** Stops after this version. */
  @Parameter(property = "sluice.to")
  Integer to;

  /** Applies a pending migration older than the newest applied one instead of refusing. */
  @Parameter(property = "sluice.allowOutOfOrder", defaultValue = "false")
  boolean allowOutOfOrder;

  /** Lock timeout for each migration's statements ({@code 5s}). */
  @Parameter(property = "sluice.lockTimeout")
  String lockTimeout;

  @Override
  String command() {
    return "migrate";
  }

  @Override
  List<String> arguments() {
    List<String> args = new ArrayList<>();
    option(args, "--to", to);
    flag(args, allowOutOfOrder, "--allow-out-of-order");
    option(args, "--lock-timeout", lockTimeout);
    return args;
  }
}
