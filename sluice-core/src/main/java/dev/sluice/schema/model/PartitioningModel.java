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
   * @param primaryKey this partition's own primary key (the parent has none), or null
   * @param uniques unique constraints of this partition alone (not attached to one of the parent's)
   * @param checks CHECK constraints of this partition alone (declared on it, not only inherited from the parent)
   * @param exclusions exclusion constraints of this partition alone (not attached to one of the parent's)
   */
  public record PartitionModel(String name, String bound, PartitioningModel subPartitioning, List<IndexModel> indexes,
      List<ForeignKeyModel> foreignKeys, PrimaryKeyModel primaryKey, List<UniqueModel> uniques, List<CheckModel> checks,
      List<ExclusionModel> exclusions) {
    public PartitionModel {
      indexes = Models.sorted(indexes, IndexModel::name);
      foreignKeys = Models.sorted(foreignKeys, ForeignKeyModel::name);
      uniques = Models.sorted(uniques, UniqueModel::name);
      checks = Models.sorted(checks, CheckModel::name);
      exclusions = Models.sorted(exclusions, ExclusionModel::name);
    }

    /** A partition with indexes and foreign keys but no constraints of its own. */
    public PartitionModel(String name, String bound, PartitioningModel subPartitioning, List<IndexModel> indexes,
        List<ForeignKeyModel> foreignKeys) {
      this(name, bound, subPartitioning, indexes, foreignKeys, null, null, null, null);
    }

    /** A partition with no indexes, foreign keys or constraints of its own. */
    public PartitionModel(String name, String bound, PartitioningModel subPartitioning) {
      this(name, bound, subPartitioning, null, null);
    }

    /** Whether the partition has a primary key, unique, check or exclusion constraint of its own. */
    public boolean hasOwnConstraints() {
      return primaryKey != null || !uniques.isEmpty() || !checks.isEmpty() || !exclusions.isEmpty();
    }
  }
}
