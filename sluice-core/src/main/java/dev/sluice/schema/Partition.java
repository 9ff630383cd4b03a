package dev.sluice.schema;

import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A partition declared by {@code Table.partition(...)}, to which indexes and foreign keys of this
 * partition alone can be added (an index or foreign key of the parent is declared on the parent and
 * reaches every partition by itself):
 *
 * <pre>{@code
 * partition("payment_p2022_01", "FOR VALUES FROM ('2022-01-01') TO ('2022-02-01')")
 *     .index("payment_p2022_01_customer_id_idx", "customer_id")
 *     .foreignKey(new ForeignKeyModel("payment_p2022_01_customer_id_fkey", List.of("customer_id"),
 *         "public", "customer", List.of("customer_id"), null, null, null, false, false, false, null, null));
 * }</pre>
 *
 * Names are as in the database (no namespace prefix is added to them).
 */
public final class Partition {
  private final String name;
  private final String bound;
  private final PartitioningModel subPartitioning;
  private final Runnable checkModifiable;
  private final List<IndexModel> indexes = new ArrayList<>();
  private final List<ForeignKeyModel> foreignKeys = new ArrayList<>();

  Partition(String name, String bound, PartitioningModel subPartitioning, Runnable checkModifiable) {
    this.name = name;
    this.bound = bound;
    this.subPartitioning = subPartitioning;
    this.checkModifiable = checkModifiable;
  }

  /** The partition's name in the database. */
  public String name() {
    return name;
  }

  /** An index on this partition only. */
  public Partition index(IndexModel index) {
    checkModifiable.run();
    indexes.add(java.util.Objects.requireNonNull(index, "index"));
    return this;
  }

  /** A plain btree index on columns of this partition only. */
  public Partition index(String indexName, String... columns) {
    return index(new IndexModel(indexName, false, "btree",
        Arrays.stream(columns).map(IndexModel.IndexElement::column).toList(), List.of(), null, null, false, false, null));
  }

  /** A foreign key of this partition only. */
  public Partition foreignKey(ForeignKeyModel foreignKey) {
    checkModifiable.run();
    foreignKeys.add(java.util.Objects.requireNonNull(foreignKey, "foreignKey"));
    return this;
  }

  PartitionModel toModel() {
    return new PartitionModel(name, bound, subPartitioning, indexes, foreignKeys);
  }
}
