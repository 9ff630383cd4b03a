package dev.sluice.sql;

import java.util.Set;

/**
 * Quoting of SQL identifiers. An identifier is written bare only when PostgreSQL would read it back
 * unchanged (lower-case letters, digits, underscores, not a reserved word); anything else is
 * double-quoted with embedded quotes doubled, so no name can break out of its position.
 */
public final class Identifiers {
  private Identifiers() {}

  // PostgreSQL reserved key words (and those reserved as function or type names) that cannot be bare column names.
  private static final Set<String> RESERVED = Set.of(
      "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary", "both",
      "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create", "cross",
      "current_catalog", "current_date", "current_role", "current_schema", "current_time", "current_timestamp",
      "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch",
      "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner",
      "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
      "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order", "outer",
      "overlaps", "placing", "primary", "references", "returning", "right", "select", "session_user", "similar",
      "some", "symmetric", "system_user", "table", "tablesample", "then", "to", "trailing", "true", "union", "unique",
      "user", "using", "variadic", "verbose", "when", "where", "window", "with",
      "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists", "extract",
      "float", "greatest", "grouping", "inout", "int", "integer", "interval", "json", "least", "national", "nchar",
      "none", "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real", "row", "setof",
      "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar", "xmlattributes",
      "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
      "xmlserialize", "xmltable");

  /** The identifier, quoted if needed. Rejects null, empty and NUL-containing names. */
  public static String quote(String name) {
    check(name);
    if (isBare(name)) {
      return name;
    }
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** Appends the identifier, quoted if needed. */
  public static void append(StringBuilder sb, String name) {
    sb.append(quote(name));
  }

  /** {@code schema.name}, each part quoted if needed; a null schema gives just the name. */
  public static String qualify(String schema, String name) {
    return schema == null ? quote(name) : quote(schema) + "." + quote(name);
  }

  /** Validates an identifier: non-empty, no NUL, at most 63 bytes (PostgreSQL's NAMEDATALEN - 1). */
  public static void check(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("an SQL identifier cannot be null or empty");
    }
    if (name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("an SQL identifier cannot contain NUL: " + name.replace("\0", "\\0"));
    }
    // a UTF-16 char is at most 3 UTF-8 bytes: names of up to 21 chars need no encoding (hot path, no allocation)
    if (name.length() > 21 && name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
      throw new IllegalArgumentException("identifier longer than 63 bytes (PostgreSQL would truncate it): " + name);
    }
  }

  private static boolean isBare(String name) {
    char first = name.charAt(0);
    if (!(first >= 'a' && first <= 'z') && first != '_') return false;
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$')) return false;
    }
    return !RESERVED.contains(name); // bare names are lower case already
  }
}
