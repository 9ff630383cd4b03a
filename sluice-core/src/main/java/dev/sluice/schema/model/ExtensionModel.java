package dev.sluice.schema.model;

/**
 * {@code CREATE EXTENSION name [SCHEMA schema] [VERSION version]}.
 *
 * @param schema null means the extension's default ({@code public} when the extension has none)
 * @param version the extension version ({@code pg_extension.extversion}); null means whichever the
 *     server installs by default, and a diff never changes the version of such an extension
 */
public record ExtensionModel(String name, String schema, String version) {
  public ExtensionModel {
    java.util.Objects.requireNonNull(name, "name");
  }

  /** An extension at the server's default version. */
  public ExtensionModel(String name, String schema) {
    this(name, schema, null);
  }
}
