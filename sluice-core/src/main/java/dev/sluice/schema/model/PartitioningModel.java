package dev.sluice.schema.model;

import java.util.List;

/**
 * {@code PARTITION BY strategy (keys)} of a partitioned table, and its partitions.
 *
 * @param keys column names or parenthesised expressions, as written in the PARTITION BY clause
 */
public record PartitioningModel(Strategy strategy, List<String> keys, List<PartitionModel> partitions) {
  public PartitioningModel {
    keys = Models.copy(keys);
    partitions = Models.sorted(partitions, PartitionModel::name);
  }

  /** Partitioning strategy. */
  public enum Strategy { RANGE, LIST, HASH }

  /**
   * A partition {@code CREATE TABLE name PARTITION OF parent bound}, in the parent's schema.
   *
   * @param bound {@code FOR VALUES ...} or {@code DEFAULT}, as {@code pg_get_expr(relpartbound)} prints it
   * @param subPartitioning partitioning of this partition, or null
   * @param indexes indexes of this partition alone (not attached to an index of the parent)
   * @param foreignKeys foreign keys of this partition alone (not inherited from the parent's)
   */
  public record PartitionModel(String name, String bound, PartitioningModel subPartitioning, List<IndexModel> indexes,
      List<ForeignKeyModel> foreignKeys) {
    public PartitionModel {
      indexes = Models.sorted(indexes, IndexModel::name);
      foreignKeys = Models.sorted(foreignKeys, ForeignKeyModel::name);
    }

    /** A partition with no indexes or foreign keys of its own. */
    public PartitionModel(String name, String bound, PartitioningModel subPartitioning) {
      this(name, bound, subPartitioning, null, null);
    }
  }
}
