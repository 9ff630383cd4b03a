package dev.sluice.schema.model;

import java.util.List;
import java.util.Objects;

/**
 * A logical replication publication (database-wide, no schema):
 * {@code CREATE PUBLICATION name FOR ALL TABLES | FOR TABLE t (cols) WHERE (expr), TABLES IN SCHEMA s WITH (...)}.
 *
 * @param allTables {@code FOR ALL TABLES} (then {@code tables} and {@code schemas} are empty)
 * @param tables the tables in it, sorted by schema and name
 * @param schemas {@code TABLES IN SCHEMA} (PostgreSQL 15+), sorted
 * @param publish the operations published ({@code publish = '...'}); all four by default
 * @param viaRoot {@code publish_via_partition_root}
 * @param comment {@code COMMENT ON PUBLICATION}, or null
 */
public record PublicationModel(String name, boolean allTables, List<Member> tables, List<String> schemas,
    List<Operation> publish, boolean viaRoot, String comment) {

  public PublicationModel {
    Objects.requireNonNull(name, "name");
    tables = Models.sorted(tables, m -> m.schema() + "." + m.table());
    schemas = Models.sorted(schemas, s -> s);
    publish = publish == null ? List.of(Operation.values()) : publish.stream().sorted().distinct().toList();
    if (allTables && (!tables.isEmpty() || !schemas.isEmpty())) {
      throw new IllegalArgumentException("publication " + name + " is FOR ALL TABLES and cannot list tables or schemas");
    }
  }

  /**
   * A table in a publication.
   *
   * @param columns the published columns (PostgreSQL 15+), in the table's column order; empty for all
   * @param where the row filter as PostgreSQL prints it (PostgreSQL 15+), or null
   */
  public record Member(String schema, String table, List<String> columns, String where) {
    public Member {
      Objects.requireNonNull(schema, "schema");
      Objects.requireNonNull(table, "table");
      columns = Models.copy(columns);
    }
  }

  /** An operation a publication publishes. */
  public enum Operation { INSERT, UPDATE, DELETE, TRUNCATE }
}
