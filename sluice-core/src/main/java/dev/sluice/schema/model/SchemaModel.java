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
 * @param aggregates aggregates (one per signature)
 * @param statistics extended statistics objects
 * @param rules rewrite rules on tables and views (not views' own {@code _RETURN} rules)
 * @param publications logical replication publications (database-wide)
 * @param eventTriggers event triggers (database-wide)
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
    List<AggregateModel> aggregates,
    List<StatisticsModel> statistics,
    List<RuleModel> rules,
    List<PublicationModel> publications,
    List<EventTriggerModel> eventTriggers) {

  /** The model of a database with nothing in it. */
  public static final SchemaModel EMPTY =
      new SchemaModel(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

  /** A model without aggregates and extended statistics. */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants, List<FunctionModel> functions, List<TriggerModel> triggers,
      List<CompositeTypeModel> compositeTypes) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers, compositeTypes,
        null, null, null, null, null);
  }

  /** A model without rules. */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants, List<FunctionModel> functions, List<TriggerModel> triggers,
      List<CompositeTypeModel> compositeTypes, List<AggregateModel> aggregates, List<StatisticsModel> statistics) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers, compositeTypes,
        aggregates, statistics, null, null, null);
  }

  /** A model without publications. */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants, List<FunctionModel> functions, List<TriggerModel> triggers,
      List<CompositeTypeModel> compositeTypes, List<AggregateModel> aggregates, List<StatisticsModel> statistics,
      List<RuleModel> rules) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers, compositeTypes,
        aggregates, statistics, rules, null, null);
  }

  /** A model without event triggers. */
  public SchemaModel(List<String> schemas, List<ExtensionModel> extensions, List<RoleModel> roles, List<EnumModel> enums,
      List<DomainModel> domains, List<SequenceModel> sequences, List<TableModel> tables, List<ViewModel> views,
      List<GrantModel> grants, List<FunctionModel> functions, List<TriggerModel> triggers,
      List<CompositeTypeModel> compositeTypes, List<AggregateModel> aggregates, List<StatisticsModel> statistics,
      List<RuleModel> rules, List<PublicationModel> publications) {
    this(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers, compositeTypes,
        aggregates, statistics, rules, publications, null);
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
    aggregates = Models.sorted(aggregates, AggregateModel::signature);
    statistics = Models.sorted(statistics, x -> x.schema() + "." + x.name());
    rules = Models.sorted(rules, x -> x.schema() + "." + x.table() + "." + x.name());
    publications = Models.sorted(publications, PublicationModel::name);
    eventTriggers = Models.sorted(eventTriggers, EventTriggerModel::name);
  }

  /** This model with other functions and triggers (everything else kept). */
  public SchemaModel withObjects(List<FunctionModel> functions, List<TriggerModel> triggers) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, aggregates, statistics, rules, publications, eventTriggers);
  }

  /** This model with other composite types (everything else kept). */
  public SchemaModel withCompositeTypes(List<CompositeTypeModel> compositeTypes) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, aggregates, statistics, rules, publications, eventTriggers);
  }

  /** This model with other aggregates (everything else kept). */
  public SchemaModel withAggregates(List<AggregateModel> aggregates) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, aggregates, statistics, rules, publications, eventTriggers);
  }

  /** This model with other extended statistics (everything else kept). */
  public SchemaModel withStatistics(List<StatisticsModel> statistics) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, aggregates, statistics, rules, publications, eventTriggers);
  }

  /** This model with other rules (everything else kept). */
  public SchemaModel withRules(List<RuleModel> rules) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, aggregates, statistics, rules, publications, eventTriggers);
  }

  /** This model with other publications (everything else kept). */
  public SchemaModel withPublications(List<PublicationModel> publications) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, aggregates, statistics, rules, publications, eventTriggers);
  }

  /** This model with other event triggers (everything else kept). */
  public SchemaModel withEventTriggers(List<EventTriggerModel> eventTriggers) {
    return new SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views, grants, functions, triggers,
        compositeTypes, aggregates, statistics, rules, publications, eventTriggers);
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
