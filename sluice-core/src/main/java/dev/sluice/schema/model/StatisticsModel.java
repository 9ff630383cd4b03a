package dev.sluice.schema.model;

import java.util.List;
import java.util.Objects;

/**
 * An extended statistics object: {@code CREATE STATISTICS schema.name (kinds) ON columns, (expr) FROM table}.
 *
 * @param table the table (or materialized view) it is on, in {@code tableSchema}
 * @param kinds the statistics kinds built; empty for statistics on a single expression (PostgreSQL
 *     builds only expression statistics then)
 * @param columns column names, in the table's column order (as PostgreSQL stores them)
 * @param expressions expressions as PostgreSQL prints them ({@code pg_get_statisticsobjdef_expressions}), in order
 * @param target {@code ALTER STATISTICS ... SET STATISTICS n}, or null for the default
 * @param comment {@code COMMENT ON STATISTICS}, or null
 */
public record StatisticsModel(String schema, String name, String tableSchema, String table, List<Kind> kinds,
    List<String> columns, List<String> expressions, Integer target, String comment) {

  public StatisticsModel {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tableSchema, "tableSchema");
    Objects.requireNonNull(table, "table");
    kinds = kinds == null ? List.of() : kinds.stream().sorted().distinct().toList();
    columns = Models.copy(columns);
    expressions = Models.copy(expressions);
    if (columns.size() + expressions.size() == 0) throw new IllegalArgumentException("statistics " + name + " has no columns");
  }

  /** A kind of extended statistics ({@code CREATE STATISTICS ... (ndistinct, dependencies, mcv)}). */
  public enum Kind { NDISTINCT, DEPENDENCIES, MCV }
}
