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
 *   "excludeTables": ["audit_*"],           // glob patterns left out of introspection and diffs
 *   "placeholders": {"reader": "app_ro"}    // values of ${name} in migrations (also --placeholder, SLUICE_PLACEHOLDERS_*)
 * }
 * }</pre>
 *
 * <p>{@code migrations} may be a {@code classpath:} location (e.g. {@code classpath:db/migration}), read
 * from the {@code classpath} entries (folders or jars) in place.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record CliConfig(String schema, List<String> classpath, String migrations, String url, List<String> schemas,
    List<String> excludeTables, java.util.Map<String, String> placeholders) {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_COMMENTS)
      .build();

  /** The keys a {@code sluice.json} may have, in documentation order. */
  static final List<String> KNOWN_KEYS = java.util.Arrays.stream(CliConfig.class.getRecordComponents())
      .map(java.lang.reflect.RecordComponent::getName).toList();

  /** The default config name looked up in the working directory. */
  public static final String FILE_NAME = "sluice.json";

  public CliConfig {
    classpath = classpath == null ? List.of() : List.copyOf(classpath);
    schemas = schemas == null ? List.of() : List.copyOf(schemas);
    excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
    if (migrations == null) migrations = "migrations";
    placeholders = placeholders == null ? java.util.Map.of() : java.util.Map.copyOf(placeholders);
  }

  /** A config without placeholders. */
  public CliConfig(String schema, List<String> classpath, String migrations, String url, List<String> schemas,
      List<String> excludeTables) {
    this(schema, classpath, migrations, url, schemas, excludeTables, null);
  }

  /** No file: all defaults. */
  public static CliConfig empty() {
    return new CliConfig(null, null, null, null, null, null, null);
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
          c.migrations.startsWith(dev.sluice.kit.migrate.MigrationFolder.CLASSPATH_PREFIX) ? c.migrations
              : dir.resolve(c.migrations).normalize().toString(), c.url, c.schemas, c.excludeTables, c.placeholders);
    } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
      List<String> known = KNOWN_KEYS;
      String closest = Suggestions.closest(e.getPropertyName(), known);
      throw new CliException(file + " line " + lineOf(file, e.getPropertyName(), e.getLocation().getLineNr()) + ": unknown key \"" + e.getPropertyName() + "\""
          + (closest == null ? "" : " (did you mean \"" + closest + "\"?)") + "; known keys: " + String.join(", ", known),
          SluiceCommand.EXIT_USAGE);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      var at = e.getLocation();
      throw new CliException(file + (at == null ? "" : " line " + at.getLineNr()) + ": not valid JSON: "
          + e.getOriginalMessage(), SluiceCommand.EXIT_USAGE);
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** The line of {@code "key":} in the file (Jackson reports where the object ends for records), else {@code fallback}. */
  private static int lineOf(Path file, String key, int fallback) {
    try {
      String[] lines = Files.readString(file).split("\n", -1);
      java.util.regex.Pattern p = java.util.regex.Pattern.compile("\"" + java.util.regex.Pattern.quote(key) + "\"\\s*:");
      for (int i = 0; i < lines.length; i++) if (p.matcher(lines[i]).find()) return i + 1;
    } catch (IOException ignored) {
      // the fallback is close enough
    }
    return fallback;
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
