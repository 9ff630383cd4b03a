package dev.sluice.schema.model;

import java.util.List;
import java.util.Optional;

/**
 * A whole database schema: the single currency between the DSL, snapshots, introspection and the
 * differ. Immutable; lists are sorted so that equal schemas are {@code equals}.
 *
 * <p>Components were added as object kinds were modelled; the shorter constructors build a model
 * without the later kinds, and every {@code with...} method keeps all the others.
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
 * @param schemaComments {@code COMMENT ON SCHEMA} of the schemas in {@code schemas}, by schema name; and of
 *     {@code public} (never in {@code schemas}: it exists before any migration) only when it is not PostgreSQL's own
 *     {@link #PUBLIC_SCHEMA_COMMENT}, the empty string meaning no comment
 * @param distributions Citus placement of tables and schemas (hash-distributed, reference, distributed schemas)
 * @param externalTables tables that belong to someone else (Supabase's {@code auth.users}): foreign
 *     keys may reference them, the differ never creates, alters or drops them; their declared columns
 *     and key are what a shadow database stubs
 * @param aggregates aggregates (one per signature)
 * @param statistics extended statistics objects
 * @param rules rewrite rules on tables and views (not views' own {@code _RETURN} rules)
 * @param publications logical replication publications (database-wide)
 * @param eventTriggers event triggers (database-wide)
 * @param externalFunctions functions that belong to someone else (Supabase's {@code auth.uid()}),
 *     declared by signature and result only: policies, defaults, checks and views may call them, the
 *     differ never creates, replaces or drops them, and a shadow database stubs them
 * @param defaultPrivileges {@code ALTER DEFAULT PRIVILEGES} entries (in a schema, or database-wide)
 * @param collations collations ({@code CREATE COLLATION})
 * @param rangeTypes range types ({@code CREATE TYPE ... AS RANGE})
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
    List<TableModel> externalTables,
    List<AggregateModel> aggregates,
    List<StatisticsModel> statistics,
    List<RuleModel> rules,
    List<PublicationModel> publications,
    List<EventTriggerModel> eventTriggers,
    List<FunctionModel> externalFunctions,
    List<DefaultPrivilegeModel> defaultPrivileges,
    List<CollationModel> collations,
    List<RangeTypeModel> rangeTypes) {

  /** The comment PostgreSQL gives schema {@code public}; a model holds public's comment only when it is another. */
  public static final String PUBLIC_SCHEMA_COMMENT = "standard public schema";

  /** The model of a database with nothing in it. */
  public static final SchemaModel EMPTY =
      new SchemaModel(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null);

  /** A model of every kind up to event triggers (no external functions, default privileges, collations or range types). */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants, List<FunctionModel> functions, List<TriggerModel> triggers,
      List<CompositeTypeModel> compositeTypes, java.util.Map<String, String> schemaComments,
      List<DistributionModel> distributions, List<TableModel> externalTables, List<AggregateModel> aggregates,
      List<StatisticsModel> statistics, List<RuleModel> rules, List<PublicationModel> publications,
      List<EventTriggerModel> eventTriggers) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, schemaComments, distributions, externalTables, aggregates, statistics, rules, publications,
        eventTriggers, null, null, null, null);
  }

  /** A model of the kinds up to composite types. */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants, List<FunctionModel> functions, List<TriggerModel> triggers,
      List<CompositeTypeModel> compositeTypes) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, null, null, null, null, null, null, null, null);
  }

  /** A model with schema comments. */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants, List<FunctionModel> functions, List<TriggerModel> triggers,
      List<CompositeTypeModel> compositeTypes, java.util.Map<String, String> schemaComments) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, schemaComments, null, null, null, null, null, null, null);
  }

  /** A model with Citus distributions. */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants, List<FunctionModel> functions, List<TriggerModel> triggers,
      List<CompositeTypeModel> compositeTypes, List<DistributionModel> distributions) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, null, distributions, null, null, null, null, null, null);
  }

  /** A model with schema comments, Citus distributions and external tables. */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants, List<FunctionModel> functions, List<TriggerModel> triggers,
      List<CompositeTypeModel> compositeTypes, java.util.Map<String, String> schemaComments,
      List<DistributionModel> distributions, List<TableModel> externalTables) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, schemaComments, distributions, externalTables, null, null, null, null, null);
  }

  /** A model with aggregates and extended statistics. */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants, List<FunctionModel> functions, List<TriggerModel> triggers,
      List<CompositeTypeModel> compositeTypes, List<AggregateModel> aggregates, List<StatisticsModel> statistics) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, null, null, null, aggregates, statistics, null, null, null);
  }

  /** A model with aggregates, statistics and rules. */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants, List<FunctionModel> functions, List<TriggerModel> triggers,
      List<CompositeTypeModel> compositeTypes, List<AggregateModel> aggregates, List<StatisticsModel> statistics,
      List<RuleModel> rules) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, null, null, null, aggregates, statistics, rules, null, null);
  }

  /** A model with aggregates, statistics, rules and publications. */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants, List<FunctionModel> functions, List<TriggerModel> triggers,
      List<CompositeTypeModel> compositeTypes, List<AggregateModel> aggregates, List<StatisticsModel> statistics,
      List<RuleModel> rules, List<PublicationModel> publications) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, null, null, null, aggregates, statistics, rules, publications, null);
  }

  /** A model with aggregates, statistics, rules, publications and event triggers. */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants, List<FunctionModel> functions, List<TriggerModel> triggers,
      List<CompositeTypeModel> compositeTypes, List<AggregateModel> aggregates, List<StatisticsModel> statistics,
      List<RuleModel> rules, List<PublicationModel> publications, List<EventTriggerModel> eventTriggers) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, null, null, null, aggregates, statistics, rules, publications, eventTriggers);
  }

  /** A model without functions, triggers and composite types (the shape before they were modelled). */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, null, null, null, null, null,
        null, null, null, null, null, null);
  }

  /** A model without functions and triggers. */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants, List<CompositeTypeModel> compositeTypes) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, null, null, compositeTypes,
        null, null, null, null, null, null, null, null);
  }

  /** A model without composite types. */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants, List<FunctionModel> functions, List<TriggerModel> triggers) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers, null,
        null, null, null, null, null, null, null, null);
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
    schemaComments = schemaComments == null ? java.util.Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(schemaComments));
    for (String s : schemaComments.keySet()) {
      if (!schemas.contains(s) && !s.equals("public")) {
        throw new IllegalArgumentException("schema " + s + " has a comment but is not one of the model's schemas " + schemas);
      }
    }
    distributions = Models.sorted(distributions, DistributionModel::key);
    externalTables = Models.sorted(externalTables, t -> t.schema() + "." + t.name());
    aggregates = Models.sorted(aggregates, AggregateModel::signature);
    statistics = Models.sorted(statistics, x -> x.schema() + "." + x.name());
    rules = Models.sorted(rules, x -> x.schema() + "." + x.table() + "." + x.name());
    publications = Models.sorted(publications, PublicationModel::name);
    eventTriggers = Models.sorted(eventTriggers, EventTriggerModel::name);
    externalFunctions = Models.sorted(externalFunctions, FunctionModel::signature);
    defaultPrivileges = Models.sorted(defaultPrivileges, DefaultPrivilegeModel::key);
    collations = Models.sorted(collations, x -> x.schema() + "." + x.name());
    rangeTypes = Models.sorted(rangeTypes, x -> x.schema() + "." + x.name());
  }

  /** This model with other external functions (everything else kept). */
  public SchemaModel withExternalFunctions(List<FunctionModel> externalFunctions) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, schemaComments, distributions, externalTables, aggregates, statistics, rules, publications,
        eventTriggers, externalFunctions, defaultPrivileges, collations, rangeTypes);
  }

  /** This model with other functions and triggers (everything else kept). */
  public SchemaModel withObjects(List<FunctionModel> functions, List<TriggerModel> triggers) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, schemaComments, distributions, externalTables, aggregates, statistics, rules, publications,
        eventTriggers, externalFunctions, defaultPrivileges, collations, rangeTypes);
  }

  /** This model with other composite types (everything else kept). */
  public SchemaModel withCompositeTypes(List<CompositeTypeModel> compositeTypes) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, schemaComments, distributions, externalTables, aggregates, statistics, rules, publications,
        eventTriggers, externalFunctions, defaultPrivileges, collations, rangeTypes);
  }

  /** This model with other domains and tables (everything else kept). */
  public SchemaModel withDomainsAndTables(List<DomainModel> newDomains, List<TableModel> newTables) {
    return new SchemaModel(schemas, extensions, roles, enums, newDomains, sequences, newTables, views, grants, functions, triggers,
        compositeTypes, schemaComments, distributions, externalTables, aggregates, statistics, rules, publications,
        eventTriggers, externalFunctions, defaultPrivileges, collations, rangeTypes);
  }

  /** This model with other schema comments (everything else kept). */
  public SchemaModel withSchemaComments(java.util.Map<String, String> comments) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, comments, distributions, externalTables, aggregates, statistics, rules, publications,
        eventTriggers, externalFunctions, defaultPrivileges, collations, rangeTypes);
  }

  /** This model with other Citus distributions (everything else kept). */
  public SchemaModel withDistributions(List<DistributionModel> distributions) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, schemaComments, distributions, externalTables, aggregates, statistics, rules, publications,
        eventTriggers, externalFunctions, defaultPrivileges, collations, rangeTypes);
  }

  /** This model with other external tables (everything else kept). */
  public SchemaModel withExternalTables(List<TableModel> externalTables) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, schemaComments, distributions, externalTables, aggregates, statistics, rules, publications,
        eventTriggers, externalFunctions, defaultPrivileges, collations, rangeTypes);
  }

  /** This model with other aggregates (everything else kept). */
  public SchemaModel withAggregates(List<AggregateModel> aggregates) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, schemaComments, distributions, externalTables, aggregates, statistics, rules, publications,
        eventTriggers, externalFunctions, defaultPrivileges, collations, rangeTypes);
  }

  /** This model with other extended statistics (everything else kept). */
  public SchemaModel withStatistics(List<StatisticsModel> statistics) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, schemaComments, distributions, externalTables, aggregates, statistics, rules, publications,
        eventTriggers, externalFunctions, defaultPrivileges, collations, rangeTypes);
  }

  /** This model with other rules (everything else kept). */
  public SchemaModel withRules(List<RuleModel> rules) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, schemaComments, distributions, externalTables, aggregates, statistics, rules, publications,
        eventTriggers, externalFunctions, defaultPrivileges, collations, rangeTypes);
  }

  /** This model with other publications (everything else kept). */
  public SchemaModel withPublications(List<PublicationModel> publications) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, schemaComments, distributions, externalTables, aggregates, statistics, rules, publications,
        eventTriggers, externalFunctions, defaultPrivileges, collations, rangeTypes);
  }

  /** This model with other event triggers (everything else kept). */
  public SchemaModel withEventTriggers(List<EventTriggerModel> eventTriggers) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, schemaComments, distributions, externalTables, aggregates, statistics, rules, publications,
        eventTriggers, externalFunctions, defaultPrivileges, collations, rangeTypes);
  }

  /** This model with other default privileges (everything else kept). */
  public SchemaModel withDefaultPrivileges(List<DefaultPrivilegeModel> defaultPrivileges) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, schemaComments, distributions, externalTables, aggregates, statistics, rules, publications,
        eventTriggers, externalFunctions, defaultPrivileges, collations, rangeTypes);
  }

  /** This model with other collations (everything else kept). */
  public SchemaModel withCollations(List<CollationModel> collations) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, schemaComments, distributions, externalTables, aggregates, statistics, rules, publications,
        eventTriggers, externalFunctions, defaultPrivileges, collations, rangeTypes);
  }

  /** This model with other range types (everything else kept). */
  public SchemaModel withRangeTypes(List<RangeTypeModel> rangeTypes) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, schemaComments, distributions, externalTables, aggregates, statistics, rules, publications,
        eventTriggers, externalFunctions, defaultPrivileges, collations, rangeTypes);
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
