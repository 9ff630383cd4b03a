package dev.sluice.schema;

import dev.sluice.sql.Identifiers;

/**
 * Where tables live: a PostgreSQL schema plus an optional table-name prefix (the DB_PREFIX-style
 * "table creator" of Drizzle). {@code Namespace.PUBLIC.withPrefix(System.getenv("DB_PREFIX"))} puts
 * every table of an app under one prefix without touching the table classes.
 *
 * @param schema the PostgreSQL schema name
 * @param tablePrefix prepended to every table name declared in this namespace ("" for none)
 * @param comment {@code COMMENT ON SCHEMA}, or null (listing the namespace in a {@code Schema} sets it)
 */
public record Namespace(String schema, String tablePrefix, String comment) {
  /** The {@code public} schema without prefix. */
  public static final Namespace PUBLIC = new Namespace("public", "");

  public Namespace {
    Identifiers.check(schema);
    tablePrefix = tablePrefix == null ? "" : tablePrefix;
  }

  /** A namespace without comment. */
  public Namespace(String schema, String tablePrefix) {
    this(schema, tablePrefix, null);
  }

  /** This namespace with {@code COMMENT ON SCHEMA text}; list it in the {@code Schema} for the comment to be created. */
  public Namespace comment(String text) {
    return new Namespace(schema, tablePrefix, text);
  }

  /** The schema {@code name}, without prefix. */
  public static Namespace of(String name) {
    return new Namespace(name, "");
  }

  /** This namespace with a table prefix; null or blank means none. */
  public Namespace withPrefix(String prefix) {
    return new Namespace(schema, prefix == null ? "" : prefix.strip(), comment);
  }

  /**
   * This schema distributed as one unit by Citus (schema-based sharding, {@code citus_schema_distribute},
   * Citus 12+): list the result among the schema's definitions.
   */
  public Distribution distributed() {
    return Distribution.schema(schema);
  }

  /** The physical name of table {@code name} in this namespace. */
  public String tableName(String name) {
    return tablePrefix + name;
  }
}
