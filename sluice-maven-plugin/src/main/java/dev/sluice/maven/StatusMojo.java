package dev.sluice.maven;

import org.apache.maven.plugins.annotations.Mojo;

/** {@code sluice:status}: lists applied and pending migrations, like {@code sluice status}. */
@Mojo(name = "status", threadSafe = true)
public class StatusMojo extends AbstractSluiceMojo {
  @Override
  String command() {
    return "status";
  }
}
