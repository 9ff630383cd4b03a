package dev.sluice.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the commands that read the project: config file, schema, classpath, migrations, URL. */
final class ProjectOptions {
  @Option(names = "--config", description = "project file (default: ./sluice.json when present)")
  Path config;

  @Option(names = "--schema", description = "schema class or package (overrides sluice.json)")
  String schema;

  @Option(names = {"--classpath", "-cp"}, split = ",", description = "where the schema classes are compiled")
  List<String> classpath;

  @Option(names = "--migrations", description = "migration folder (default: migrations), or a classpath:dir location read from the --classpath folders and jars")
  String migrations;

  @Option(names = "--url", description = "database URL: postgresql://user:pass@host:port/db or jdbc:postgresql://... (default: sluice.json url, then DATABASE_URL)")
  String url;

  @Option(names = "--direct-url", description = "the URL migration commands use instead of --url: PostgreSQL itself when --url goes"
      + " through PgBouncer in transaction mode (default: system property sluice.migrate.url, then SLUICE_MIGRATE_URL, then --url)")
  String directUrl;

  @Option(names = "--history-table", description = "migration history table in schema sluice (default: migrations); one per migration folder when several apps share a database")
  String historyTable;

  @Option(names = "--schemas", split = ",", paramLabel = "SCHEMA",
      description = "database schemas to introspect and compare, comma-separated (overrides sluice.json \"schemas\"; default: all)")
  List<String> schemas;

  @Option(names = "--json", description = "machine-readable output for CI")
  boolean json;

  /** The config file merged with the flags. */
  CliConfig config() {
    CliConfig file = config != null ? CliConfig.load(config, true) : CliConfig.load(Path.of(CliConfig.FILE_NAME), false);
    List<String> cp = new ArrayList<>(classpath != null ? classpath : file.classpath());
    return new CliConfig(schema != null ? schema : file.schema(), cp,
        migrations != null ? migrations : file.migrations(), file.url(), schemas != null ? schemas : file.schemas(),
        file.excludeTables(), file.placeholders());
  }

  String url() {
    return config().resolveUrl(url);
  }

  /** The URL of migration commands: {@code --direct-url}, {@code sluice.migrate.url}, {@code SLUICE_MIGRATE_URL}, else {@link #url()}. */
  String migrateUrl() {
    if (directUrl != null && !directUrl.isBlank()) return directUrl;
    String prop = System.getProperty("sluice.migrate.url");
    if (prop != null && !prop.isBlank()) return prop;
    String env = System.getenv("SLUICE_MIGRATE_URL");
    if (env != null && !env.isBlank()) return env;
    return url();
  }
}
