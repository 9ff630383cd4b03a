package dev.sluice.kit.lint;

/**
 * A possibly schema-qualified object name as written in a statement, already case-folded the way
 * PostgreSQL resolves it.
 *
 * @param schema the schema, or null when unqualified (resolved through search_path, assumed {@code public})
 * @param offset where the name starts in the statement text
 */
record QualifiedName(String schema, String name, int offset) {
  /** {@code schema.name} with an unqualified name assumed in {@code public}. */
  String key() {
    return (schema == null ? "public" : schema) + "." + name;
  }

  /** The schema to look the object up in a model. */
  String schemaOrPublic() {
    return schema == null ? "public" : schema;
  }

  @Override
  public String toString() {
    try {
      return dev.sluice.sql.Identifiers.qualify(schema, name);
    } catch (IllegalArgumentException invalidName) { // e.g. longer than 63 bytes: PostgreSQL truncates it
      return schema == null ? name : schema + "." + name;
    }
  }
}
