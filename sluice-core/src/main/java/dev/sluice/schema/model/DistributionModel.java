package dev.sluice.schema.model;

/**
 * How Citus places a table or a schema: a hash-distributed table ({@code create_distributed_table}),
 * a reference table copied to every node ({@code create_reference_table}), or a distributed schema
 * whose tables live together on one node ({@code citus_schema_distribute}, Citus 12+).
 *
 * @param schema the table's schema, or the distributed schema
 * @param table the table; null for {@link Method#SCHEMA}
 * @param method how it is placed
 * @param column the distribution column ({@link Method#HASH} only)
 * @param colocateWith {@link Method#HASH} only: {@code schema.table} of a table to share shards with,
 *     {@code "none"} to start a group of its own, or null for Citus' default (co-located with tables
 *     distributed by a column of the same type and shard count)
 * @param shardCount {@link Method#HASH} only: the number of shards, or null for {@code citus.shard_count}
 */
public record DistributionModel(String schema, String table, Method method, String column, String colocateWith,
    Integer shardCount) {

  /** Where the rows go. */
  public enum Method {
    /** Rows spread over shards by the hash of the distribution column. */
    HASH,
    /** Every node holds all rows. */
    REFERENCE,
    /** The schema's tables are kept on one node together (schema-based sharding). */
    SCHEMA
  }

  /** {@code colocateWith} value starting a co-location group of its own. */
  public static final String NONE = "none";

  public DistributionModel {
    if (method == null) throw new IllegalArgumentException("distribution method is required");
    if (method == Method.SCHEMA ? table != null : table == null) {
      throw new IllegalArgumentException(method == Method.SCHEMA ? "a distributed schema names no table" : "a distribution names its table");
    }
    if (method == Method.HASH && (column == null || column.isBlank())) {
      throw new IllegalArgumentException("table " + schema + "." + table + ": a hash distribution needs its column");
    }
    if (method != Method.HASH && (column != null || colocateWith != null || shardCount != null)) {
      throw new IllegalArgumentException((table == null ? "schema " + schema : "table " + schema + "." + table)
          + ": only a hash-distributed table has a column, co-location and shard count");
    }
    if (shardCount != null && shardCount < 1) throw new IllegalArgumentException("shard count must be at least 1");
    if (shardCount != null && colocateWith != null && !NONE.equals(colocateWith)) {
      throw new IllegalArgumentException("table " + schema + "." + table
          + ": Citus takes the shard count of the table it co-locates with; give either colocateWith or shardCount");
    }
  }

  /** {@code schema.table}, or {@code schema} for a distributed schema: the identity within the kind. */
  public String key() {
    return table == null ? schema : schema + "." + table;
  }
}
