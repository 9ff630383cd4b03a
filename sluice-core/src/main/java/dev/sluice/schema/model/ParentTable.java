package dev.sluice.schema.model;

import java.util.Objects;

/**
 * A parent of a table in {@code CREATE TABLE child (...) INHERITS (parent, ...)}: plain table
 * inheritance, not partitioning. The child has every column of its parents (their columns come first,
 * in the parents' order) and their CHECK constraints; queries on the parent see the child's rows too.
 */
public record ParentTable(String schema, String name) {
  public ParentTable {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
  }

  /** {@code schema.name} unquoted, the key tables are found by. */
  public String key() {
    return schema + "." + name;
  }

  /** {@code schema.name} with identifiers quoted where needed. */
  public String qualifiedName() {
    return dev.sluice.sql.Identifiers.qualify(schema, name);
  }
}
