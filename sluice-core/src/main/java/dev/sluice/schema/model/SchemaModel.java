package dev.sluice.schema.model;

import java.util.List;
import java.util.Optional;

/**
 * A whole database schema: the single currency between the DSL, snapshots, introspection and the
 * differ. Immutable; lists are sorted so that equal schemas are {@code equals}.
 *
 * @param schemas namespaces the model creates (never {@code public}, which always exists)
 * @param extensions extensions the schema needs
 * @param roles roles (for RLS policies and grants)
 * @param enums enum types
 * @param domains domain types
 * @param sequences free-standing sequences (identity and serial sequences belong to their columns)
 * @param tables tables, including partitioned parents; partitions live inside their parent
 * @param views views and materialized views
 * @param grants privileges granted on tables/views/schemas
 * @param compositeTypes composite (row) types
 */
public record SchemaModel(
    List<String> schemas,
    List<ExtensionModel> extensions,
    List<RoleModel> roles,
    List<EnumModel> enums,
    List<DomainModel> domains,
    List<SequenceModel> sequences,
    List<TableModel> tables,
    List<ViewModel> views,
    List<GrantModel> grants,
    List<CompositeTypeModel> compositeTypes) {

  /** The model of a database with nothing in it. */
  public static final SchemaModel EMPTY = new SchemaModel(null, null, null, null, null, null, null, null, null, null);

  public SchemaModel {
    schemas = Models.sorted(schemas, s -> s);
    extensions = Models.sorted(extensions, ExtensionModel::name);
    roles = Models.sorted(roles, RoleModel::name);
    enums = Models.sorted(enums, e -> e.schema() + "." + e.name());
    domains = Models.sorted(domains, d -> d.schema() + "." + d.name());
    sequences = Models.sorted(sequences, s -> s.schema() + "." + s.name());
    tables = Models.sorted(tables, t -> t.schema() + "." + t.name());
    views = Models.sorted(views, v -> v.schema() + "." + v.name());
    grants = Models.sorted(grants, GrantModel::sortKey);
    compositeTypes = Models.sorted(compositeTypes, c -> c.schema() + "." + c.name());
  }

  /** A model without composite types (the kinds every model had before they were added). */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, null);
  }

  /** The composite type {@code schema.name}, if the model has it. */
  public Optional<CompositeTypeModel> compositeType(String schema, String name) {
    return compositeTypes.stream().filter(t -> t.schema().equals(schema) && t.name().equals(name)).findFirst();
  }

  /** The table {@code schema.name}, if the model has it. */
  public Optional<TableModel> table(String schema, String name) {
    return tables.stream().filter(t -> t.schema().equals(schema) && t.name().equals(name)).findFirst();
  }

  /** The enum {@code schema.name}, if the model has it. */
  public Optional<EnumModel> enumType(String schema, String name) {
    return enums.stream().filter(t -> t.schema().equals(schema) && t.name().equals(name)).findFirst();
  }

  /** The view or materialized view {@code schema.name}, if the model has it. */
  public Optional<ViewModel> view(String schema, String name) {
    return views.stream().filter(t -> t.schema().equals(schema) && t.name().equals(name)).findFirst();
  }
}
