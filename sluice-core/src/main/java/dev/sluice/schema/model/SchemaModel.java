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
 * @param functions functions and procedures (one per signature)
 * @param triggers triggers on tables and views
 * @param compositeTypes composite (row) types
 * @param distributions Citus placement of tables and schemas (hash-distributed, reference, distributed schemas)
 * @param schemaComments {@code COMMENT ON SCHEMA} of the schemas in {@code schemas}, by schema name
 * @param externalTables tables that belong to someone else (Supabase's {@code auth.users}): foreign
 *     keys may reference them, the differ never creates, alters or drops them; their declared columns
 *     and key are what a shadow database stubs
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
    List<FunctionModel> functions,
    List<TriggerModel> triggers,
    List<CompositeTypeModel> compositeTypes,
    java.util.Map<String, String> schemaComments,
    List<DistributionModel> distributions,
    List<TableModel> externalTables) {

  /** The model of a database with nothing in it. */
  public static final SchemaModel EMPTY =
      new SchemaModel(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

  /** A model without schema comments, Citus distributions and external tables. */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants, List<FunctionModel> functions, List<TriggerModel> triggers,
      List<CompositeTypeModel> compositeTypes) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers, compositeTypes,
        null, null, null);
  }

  /** A model without Citus distributions. */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants, List<FunctionModel> functions, List<TriggerModel> triggers,
      List<CompositeTypeModel> compositeTypes, java.util.Map<String, String> schemaComments) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers, compositeTypes,
        schemaComments, null, null);
  }

  /** A model without schema comments. */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants, List<FunctionModel> functions, List<TriggerModel> triggers,
      List<CompositeTypeModel> compositeTypes, List<DistributionModel> distributions) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers, compositeTypes,
        null, distributions, null);
  }

  /** A model without functions, triggers and composite types (the shape before they were modelled). */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, null, null, null);
  }

  /** A model without functions and triggers. */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants, List<CompositeTypeModel> compositeTypes) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, null, null, compositeTypes);
  }

  /** A model without composite types. */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants, List<FunctionModel> functions, List<TriggerModel> triggers) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers, null);
  }

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
    functions = Models.sorted(functions, FunctionModel::signature);
    triggers = Models.sorted(triggers, t -> t.schema() + "." + t.table() + "." + t.name());
    compositeTypes = Models.sorted(compositeTypes, c -> c.schema() + "." + c.name());
    externalTables = Models.sorted(externalTables, t -> t.schema() + "." + t.name());
    distributions = Models.sorted(distributions, DistributionModel::key);
    schemaComments = schemaComments == null ? java.util.Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(schemaComments));
    for (String s : schemaComments.keySet()) {
      if (!schemas.contains(s)) {
        throw new IllegalArgumentException("schema " + s + " has a comment but is not one of the model's schemas " + schemas);
      }
    }
  }

  /** This model with other domains and tables (everything else kept). */
  public SchemaModel withDomainsAndTables(List<DomainModel> newDomains, List<TableModel> newTables) {
    return new SchemaModel(schemas, extensions, roles, enums, newDomains, sequences, newTables, views, grants, functions,
        triggers, compositeTypes, schemaComments, distributions, externalTables);
  }

  /** This model with other schema comments (everything else kept). */
  public SchemaModel withSchemaComments(java.util.Map<String, String> comments) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, comments, distributions, externalTables);

  }

  /** This model with other external tables (everything else kept). */
  public SchemaModel withExternalTables(List<TableModel> externalTables) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, schemaComments, distributions, externalTables);
  }

  /** This model with other functions and triggers (everything else kept). */
  public SchemaModel withObjects(List<FunctionModel> functions, List<TriggerModel> triggers) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, schemaComments, distributions, externalTables);
  }

  /** This model with other Citus distributions (everything else kept). */
  public SchemaModel withDistributions(List<DistributionModel> distributions) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, schemaComments, distributions, externalTables);
  }

  /** This model with other composite types (everything else kept). */
  public SchemaModel withCompositeTypes(List<CompositeTypeModel> compositeTypes) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, schemaComments, distributions, externalTables);
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
