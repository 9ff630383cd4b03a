package dev.sluice.schema;

import dev.sluice.schema.model.DistributionModel;
import dev.sluice.schema.model.DistributionModel.Method;
import dev.sluice.sql.Identifiers;
import java.util.Objects;

/**
 * Citus placement, declared apart from a table class: for tables you do not declare as classes (a
 * pulled schema) and for schema-based sharding. Inside a table class the same is written
 * {@code distributedBy(teamId)} / {@code reference()} in its constructor.
 *
 * <pre>{@code
 * Distribution.hash("public", "events", "team_id").colocateWith("public", "teams")
 * Distribution.reference("public", "plans")
 * Namespace.of("tenant_42").distributed()          // citus_schema_distribute, Citus 12+
 * }</pre>
 *
 * <p>Generated DDL: {@code SELECT create_distributed_table('s.t', 'col'[, colocate_with => ...][, shard_count => n])},
 * {@code SELECT create_reference_table('s.t')}, {@code SELECT citus_schema_distribute('s')}, after the
 * table is created and before foreign keys are added; changes are {@code alter_distributed_table},
 * removal {@code undistribute_table} / {@code citus_schema_undistribute}.
 */
public final class Distribution {
  private final String schema;
  private final String table;
  private final Method method;
  private final String column;
  private final String colocateWith;
  private final Integer shardCount;

  private static String id(String name) {
    Identifiers.check(name);
    return name;
  }

  private Distribution(String schema, String table, Method method, String column, String colocateWith, Integer shardCount) {
    this.schema = schema;
    this.table = table;
    this.method = method;
    this.column = column;
    this.colocateWith = colocateWith;
    this.shardCount = shardCount;
    toModel(); // validates
  }

  /** Table {@code schema.table} hash-distributed by {@code column}. */
  public static Distribution hash(String schema, String table, String column) {
    return new Distribution(id(schema), id(table), Method.HASH, id(column), null, null);
  }

  /** {@code table} hash-distributed by {@code column}. */
  public static Distribution hash(Table<?> table, Column<?> column) {
    return hash(table.schema(), table.name(), column.name());
  }

  /** Table {@code schema.table} as a reference table (all rows on every node). */
  public static Distribution reference(String schema, String table) {
    return new Distribution(id(schema), id(table), Method.REFERENCE, null, null, null);
  }

  /** {@code table} as a reference table. */
  public static Distribution reference(Table<?> table) {
    return reference(table.schema(), table.name());
  }

  /** Schema {@code name} distributed as one unit (schema-based sharding, Citus 12+). */
  public static Distribution schema(String name) {
    return new Distribution(id(name), null, Method.SCHEMA, null, null, null);
  }

  /** Shares shards with (is co-located with) hash-distributed table {@code schema.table}. */
  public Distribution colocateWith(String otherSchema, String otherTable) {
    return new Distribution(schema, table, method, column, id(otherSchema) + "." + id(otherTable),
        shardCount);
  }

  /** Shares shards with hash-distributed {@code other}. */
  public Distribution colocateWith(Table<?> other) {
    return colocateWith(other.schema(), other.name());
  }

  /** Starts a co-location group of its own ({@code colocate_with => 'none'}). */
  public Distribution colocateWithNone() {
    return new Distribution(schema, table, method, column, DistributionModel.NONE, shardCount);
  }

  /** The number of shards (else {@code citus.shard_count}). */
  public Distribution shardCount(int count) {
    return new Distribution(schema, table, method, column, colocateWith, count);
  }

  /** The model of this declaration. */
  public DistributionModel toModel() {
    try {
      return new DistributionModel(schema, table, method, column, colocateWith, shardCount);
    } catch (IllegalArgumentException e) {
      throw new SchemaDefinitionException(e.getMessage());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Distribution d && toModel().equals(d.toModel());
  }

  @Override
  public int hashCode() {
    return Objects.hash(schema, table, method, column, colocateWith, shardCount);
  }

  @Override
  public String toString() {
    return "Distribution" + toModel();
  }
}
