package dev.sluice.schema.model;

import java.util.List;
import java.util.Optional;

/**
 * A table with everything attached to it.
 *
 * @param primaryKey the primary key, or null
 * @param partitioning how the table is partitioned (with its partitions), or null
 * @param rlsEnabled ROW LEVEL SECURITY enabled
 * @param rlsForced ROW LEVEL SECURITY forced (applies to the owner too)
 * @param options UNLOGGED, storage parameters and replica identity
 * @param inherits the parents of {@code INHERITS (...)}, in order (empty for most tables). {@code columns}
 *     and {@code checks} hold only what the table declares itself: inherited columns and CHECK
 *     constraints are the parents' (a column both declared and inherited is listed, PostgreSQL merges it)
 * @param inheritedColumns the columns the table only inherits but gives a default or NOT NULL of its own, by name
 */
public record TableModel(String schema, String name, List<ColumnModel> columns, PrimaryKeyModel primaryKey,
    List<ForeignKeyModel> foreignKeys, List<UniqueModel> uniques, List<CheckModel> checks,
    List<ExclusionModel> exclusions, List<IndexModel> indexes, PartitioningModel partitioning, boolean rlsEnabled,
    boolean rlsForced, List<PolicyModel> policies, String comment, TableOptions options, List<ParentTable> inherits,
    List<InheritedColumnModel> inheritedColumns) {
  public TableModel {
    inheritedColumns = Models.sorted(inheritedColumns, InheritedColumnModel::name);
    if (options == null) options = TableOptions.DEFAULT;
    inherits = Models.copy(inherits);
    columns = Models.copy(columns);
    foreignKeys = Models.sorted(foreignKeys, ForeignKeyModel::name);
    uniques = Models.sorted(uniques, UniqueModel::name);
    checks = Models.sorted(checks, CheckModel::name);
    exclusions = Models.sorted(exclusions, ExclusionModel::name);
    indexes = Models.sorted(indexes, IndexModel::name);
    policies = Models.sorted(policies, PolicyModel::name);
  }

  /** A table without overrides of inherited columns. */
  public TableModel(String schema, String name, List<ColumnModel> columns, PrimaryKeyModel primaryKey,
      List<ForeignKeyModel> foreignKeys, List<UniqueModel> uniques, List<CheckModel> checks, List<ExclusionModel> exclusions,
      List<IndexModel> indexes, PartitioningModel partitioning, boolean rlsEnabled, boolean rlsForced,
      List<PolicyModel> policies, String comment, TableOptions options, List<ParentTable> inherits) {
    this(schema, name, columns, primaryKey, foreignKeys, uniques, checks, exclusions, indexes, partitioning, rlsEnabled,
        rlsForced, policies, comment, options, inherits, null);
  }

  /** A table without parents. */
  public TableModel(String schema, String name, List<ColumnModel> columns, PrimaryKeyModel primaryKey,
      List<ForeignKeyModel> foreignKeys, List<UniqueModel> uniques, List<CheckModel> checks, List<ExclusionModel> exclusions,
      List<IndexModel> indexes, PartitioningModel partitioning, boolean rlsEnabled, boolean rlsForced,
      List<PolicyModel> policies, String comment, TableOptions options) {
    this(schema, name, columns, primaryKey, foreignKeys, uniques, checks, exclusions, indexes, partitioning, rlsEnabled,
        rlsForced, policies, comment, options, null);
  }

  /** A table with {@link TableOptions#DEFAULT} options. */
  public TableModel(String schema, String name, List<ColumnModel> columns, PrimaryKeyModel primaryKey,
      List<ForeignKeyModel> foreignKeys, List<UniqueModel> uniques, List<CheckModel> checks, List<ExclusionModel> exclusions,
      List<IndexModel> indexes, PartitioningModel partitioning, boolean rlsEnabled, boolean rlsForced,
      List<PolicyModel> policies, String comment) {
    this(schema, name, columns, primaryKey, foreignKeys, uniques, checks, exclusions, indexes, partitioning, rlsEnabled,
        rlsForced, policies, comment, null);
  }

  /** The same table with other options. */
  public TableModel withOptions(TableOptions newOptions) {
    return new TableModel(schema, name, columns, primaryKey, foreignKeys, uniques, checks, exclusions, indexes, partitioning,
        rlsEnabled, rlsForced, policies, comment, newOptions, inherits, inheritedColumns);
  }

  /** The same table with other parents ({@code INHERITS}). */
  public TableModel withInherits(List<ParentTable> newInherits) {
    return new TableModel(schema, name, columns, primaryKey, foreignKeys, uniques, checks, exclusions, indexes, partitioning,
        rlsEnabled, rlsForced, policies, comment, options, newInherits, inheritedColumns);
  }

  /** The same table with other overrides of inherited columns. */
  public TableModel withInheritedColumns(List<InheritedColumnModel> newInheritedColumns) {
    return new TableModel(schema, name, columns, primaryKey, foreignKeys, uniques, checks, exclusions, indexes, partitioning,
        rlsEnabled, rlsForced, policies, comment, options, inherits, newInheritedColumns);
  }

  /** The same table with other constraints and policies (e.g. the same ones without their comments). */
  public TableModel withConstraints(PrimaryKeyModel newPrimaryKey, List<ForeignKeyModel> newForeignKeys,
      List<UniqueModel> newUniques, List<CheckModel> newChecks, List<ExclusionModel> newExclusions,
      List<PolicyModel> newPolicies) {
    return new TableModel(schema, name, columns, newPrimaryKey, newForeignKeys, newUniques, newChecks, newExclusions, indexes,
        partitioning, rlsEnabled, rlsForced, newPolicies, comment, options, inherits, inheritedColumns);
  }

  /** The column called {@code name}, if any. */
  public Optional<ColumnModel> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** {@code schema.name} with identifiers quoted where needed. */
  public String qualifiedName() {
    return dev.sluice.sql.Identifiers.qualify(schema, name);
  }
}
