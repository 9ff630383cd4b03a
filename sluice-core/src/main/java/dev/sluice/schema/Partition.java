package dev.sluice.schema;

import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.ExclusionModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.PrimaryKeyModel;
import dev.sluice.schema.model.UniqueModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A partition declared by {@code Table.partition(...)}, to which indexes, foreign keys and primary key,
 * unique, check and exclusion constraints of this partition alone can be added (those of the parent are
 * declared on the parent and reach every partition by themselves):
 *
 * <pre>{@code
 * partition("payment_p2022_01", "FOR VALUES FROM ('2022-01-01') TO ('2022-02-01')")
 *     .index("payment_p2022_01_customer_id_idx", "customer_id")
 *     .foreignKey(new ForeignKeyModel("payment_p2022_01_customer_id_fkey", List.of("customer_id"),
 *         "public", "customer", List.of("customer_id"), null, null, null, false, false, false, null, null))
 *     .unique("payment_p2022_01_rental_id_key", "rental_id")
 *     .check("payment_p2022_01_amount_check", "amount < 1000");
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
  private PrimaryKeyModel primaryKey;
  private final List<UniqueModel> uniques = new ArrayList<>();
  private final List<CheckModel> checks = new ArrayList<>();
  private final List<ExclusionModel> exclusions = new ArrayList<>();

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

  /** The primary key of this partition alone (only when the table has none: a table's primary key reaches every partition). */
  public Partition primaryKey(PrimaryKeyModel key) {
    checkModifiable.run();
    if (primaryKey != null) throw new IllegalStateException("partition " + name + " already has primary key " + primaryKey.name());
    primaryKey = java.util.Objects.requireNonNull(key, "key");
    return this;
  }

  /** {@code CONSTRAINT constraintName PRIMARY KEY (columns)} on this partition only. */
  public Partition primaryKey(String constraintName, String... columns) {
    return primaryKey(new PrimaryKeyModel(constraintName, List.of(columns)));
  }

  /** A unique constraint of this partition only. */
  public Partition unique(UniqueModel unique) {
    checkModifiable.run();
    uniques.add(java.util.Objects.requireNonNull(unique, "unique"));
    return this;
  }

  /** {@code CONSTRAINT constraintName UNIQUE (columns)} on this partition only. */
  public Partition unique(String constraintName, String... columns) {
    return unique(new UniqueModel(constraintName, List.of(columns), false, false, false));
  }

  /** A CHECK constraint of this partition only. */
  public Partition check(CheckModel check) {
    checkModifiable.run();
    checks.add(java.util.Objects.requireNonNull(check, "check"));
    return this;
  }

  /** {@code CONSTRAINT constraintName CHECK (expression)} on this partition only. */
  public Partition check(String constraintName, String expression) {
    return check(new CheckModel(constraintName, expression, false));
  }

  /** An exclusion constraint of this partition only. */
  public Partition exclusion(ExclusionModel exclusion) {
    checkModifiable.run();
    exclusions.add(java.util.Objects.requireNonNull(exclusion, "exclusion"));
    return this;
  }

  PartitionModel toModel() {
    return new PartitionModel(name, bound, subPartitioning, indexes, foreignKeys, primaryKey, uniques, checks, exclusions);
  }
}
