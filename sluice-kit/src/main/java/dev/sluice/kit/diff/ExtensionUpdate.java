package dev.sluice.kit.diff;

import dev.sluice.sql.Identifiers;
import java.util.Objects;

/**
 * {@code ALTER EXTENSION name UPDATE TO 'version'}: runs the extension's update scripts (the server
 * must have them; {@code pg_available_extension_versions} lists what it can reach).
 */
record ExtensionUpdate(String name, String version) implements Change.ObjectChange {
  ExtensionUpdate {
    Identifiers.check(name);
    Objects.requireNonNull(version, "version");
  }

  @Override
  public String sql() {
    return "ALTER EXTENSION " + Sql.name(name) + " UPDATE TO " + Sql.literal(version);
  }

  @Override
  public String description() {
    return "extension " + name + ": update to version " + version;
  }
}
