package dev.sluice.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code sluice.json} project file. Every field may be overridden by a command-line flag;
 * relative paths are relative to the file's directory.
 *
 * <pre>{@code
 * {
 *   "schema": "com.acme.db.AppSchema",      // a class (static schema() or static definition fields) or a package
 *   "classpath": ["target/classes"],        // where the schema classes are compiled
 *   "migrations": "migrations",             // the migration folder
 *   "url": "postgresql://app@localhost/app",// else the DATABASE_URL environment variable
 *   "schemas": ["public"],                  // database schemas to introspect/compare (empty: all)
 *   "excludeTables": ["audit_*"]            // glob patterns left out of introspection and diffs
 * }
 * }</pre>
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record CliConfig(String schema, List<String> classpath, String migrations, String url, List<String> schemas,
    List<String> excludeTables) {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_COMMENTS)
      .build();

  /** The default config name looked up in the working directory. */
  public static final String FILE_NAME = "sluice.json";

  public CliConfig {
    classpath = classpath == null ? List.of() : List.copyOf(classpath);
    schemas = schemas == null ? List.of() : List.copyOf(schemas);
    excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
    if (migrations == null) migrations = "migrations";
  }

  /** No file: all defaults. */
  public static CliConfig empty() {
    return new CliConfig(null, null, null, null, null, null);
  }

  /**
   * Reads {@code file}; relative paths in it are resolved against its directory. A missing file
   * gives {@link #empty()} only when it was not named explicitly.
   */
  public static CliConfig load(Path file, boolean explicit) {
    if (!Files.exists(file)) {
      if (explicit) throw new CliException("config file not found: " + file.toAbsolutePath());
      return empty();
    }
    try {
      CliConfig c = JSON.readValue(Files.readString(file), CliConfig.class);
      Path dir = file.toAbsolutePath().getParent();
      return new CliConfig(c.schema, c.classpath.stream().map(p -> dir.resolve(p).normalize().toString()).toList(),
          dir.resolve(c.migrations).normalize().toString(), c.url, c.schemas, c.excludeTables);
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** The database URL: the flag, else the file's {@code url}, else {@code DATABASE_URL}. */
  public String resolveUrl(String flag) {
    if (flag != null && !flag.isBlank()) return flag;
    if (url != null && !url.isBlank()) return url;
    String env = System.getenv("DATABASE_URL");
    if (env != null && !env.isBlank()) return env;
    throw new CliException("no database URL: pass --url, set \"url\" in sluice.json, or set DATABASE_URL");
  }
}
