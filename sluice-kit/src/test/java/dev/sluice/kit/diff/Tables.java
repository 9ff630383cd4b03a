package dev.sluice.kit.diff;

import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.ExclusionModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.PrimaryKeyModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.schema.model.UniqueModel;
import java.util.ArrayList;
import java.util.List;

/** Test-only builder for the 14-argument {@link TableModel}. */
final class Tables {
  private final String schema;
  private final String name;
  private final List<ColumnModel> columns = new ArrayList<>();
  private PrimaryKeyModel primaryKey;
  private final List<ForeignKeyModel> foreignKeys = new ArrayList<>();
  private final List<UniqueModel> uniques = new ArrayList<>();
  private final List<CheckModel> checks = new ArrayList<>();
  private final List<ExclusionModel> exclusions = new ArrayList<>();
  private final List<IndexModel> indexes = new ArrayList<>();
  private PartitioningModel partitioning;
  private boolean rlsEnabled;
  private boolean rlsForced;
  private final List<PolicyModel> policies = new ArrayList<>();
  private String comment;
  private dev.sluice.schema.model.TableOptions options;
  private final List<dev.sluice.schema.model.ParentTable> inherits = new ArrayList<>();
  private final List<dev.sluice.schema.model.InheritedColumnModel> inheritedColumns = new ArrayList<>();

  private Tables(String schema, String name) {
    this.schema = schema;
    this.name = name;
  }

  static Tables table(String schema, String name) {
    return new Tables(schema, name);
  }

  Tables column(ColumnModel c) {
    columns.add(c);
    return this;
  }

  Tables column(String name, String type) {
    return column(ColumnModel.of(name, type));
  }

  Tables notNull(String name, String type) {
    return column(new ColumnModel(name, type, true, null, null, null, null, null));
  }

  Tables primaryKey(String constraint, String... cols) {
    primaryKey = new PrimaryKeyModel(constraint, List.of(cols));
    return this;
  }

  Tables primaryKey(PrimaryKeyModel pk) {
    primaryKey = pk;
    return this;
  }

  Tables foreignKey(ForeignKeyModel fk) {
    foreignKeys.add(fk);
    return this;
  }

  Tables unique(UniqueModel u) {
    uniques.add(u);
    return this;
  }

  Tables check(String constraint, String expression) {
    checks.add(new CheckModel(constraint, expression, false));
    return this;
  }

  Tables check(CheckModel c) {
    checks.add(c);
    return this;
  }

  Tables exclusion(ExclusionModel x) {
    exclusions.add(x);
    return this;
  }

  Tables index(IndexModel i) {
    indexes.add(i);
    return this;
  }

  Tables partitioning(PartitioningModel p) {
    partitioning = p;
    return this;
  }

  Tables rls(boolean enabled, boolean forced) {
    rlsEnabled = enabled;
    rlsForced = forced;
    return this;
  }

  Tables policy(PolicyModel p) {
    policies.add(p);
    return this;
  }

  Tables comment(String text) {
    comment = text;
    return this;
  }

  Tables options(dev.sluice.schema.model.TableOptions o) {
    options = o;
    return this;
  }

  /** {@code INHERITS (schema.parent)}; call once per parent, in order. */
  Tables inherits(String parentSchema, String parent) {
    inherits.add(new dev.sluice.schema.model.ParentTable(parentSchema, parent));
    return this;
  }

  /** A default or NOT NULL of this table's own on a column it inherits. */
  Tables inheritedColumn(String column, String defaultExpr, boolean dropDefault, boolean notNull) {
    inheritedColumns.add(new dev.sluice.schema.model.InheritedColumnModel(column, defaultExpr, dropDefault, notNull));
    return this;
  }

  TableModel build() {
    return new TableModel(schema, name, columns, primaryKey, foreignKeys, uniques, checks, exclusions, indexes,
        partitioning, rlsEnabled, rlsForced, policies, comment, options, inherits, inheritedColumns);
  }

  /** A simple foreign key with default actions. */
  static ForeignKeyModel fk(String name, String column, String refSchema, String refTable, String refColumn) {
    return new ForeignKeyModel(name, List.of(column), refSchema, refTable, List.of(refColumn), null, null, null, false,
        false, false);
  }

  /** A btree index on plain columns. */
  static IndexModel index(String name, String... cols) {
    return new IndexModel(name, false, null, java.util.Arrays.stream(cols).map(IndexModel.IndexElement::column).toList(),
        null, null, null, false, false, null);
  }

  static SchemaModelBuilder schema() {
    return new SchemaModelBuilder();
  }

  /** Test-only builder for {@link dev.sluice.schema.model.SchemaModel}. */
  static final class SchemaModelBuilder {
    final List<String> schemas = new ArrayList<>();
    final List<dev.sluice.schema.model.ExtensionModel> extensions = new ArrayList<>();
    final List<dev.sluice.schema.model.RoleModel> roles = new ArrayList<>();
    final List<dev.sluice.schema.model.EnumModel> enums = new ArrayList<>();
    final List<dev.sluice.schema.model.DomainModel> domains = new ArrayList<>();
    final List<dev.sluice.schema.model.SequenceModel> sequences = new ArrayList<>();
    final List<TableModel> tables = new ArrayList<>();
    final List<dev.sluice.schema.model.ViewModel> views = new ArrayList<>();
    final List<dev.sluice.schema.model.GrantModel> grants = new ArrayList<>();
    final List<dev.sluice.schema.model.FunctionModel> functions = new ArrayList<>();
    final List<dev.sluice.schema.model.TriggerModel> triggers = new ArrayList<>();
    final List<dev.sluice.schema.model.CompositeTypeModel> compositeTypes = new ArrayList<>();
    final List<dev.sluice.schema.model.AggregateModel> aggregates = new ArrayList<>();
    final List<dev.sluice.schema.model.StatisticsModel> statistics = new ArrayList<>();
    final List<dev.sluice.schema.model.RuleModel> rules = new ArrayList<>();
    final List<dev.sluice.schema.model.PublicationModel> publications = new ArrayList<>();
    final List<dev.sluice.schema.model.EventTriggerModel> eventTriggers = new ArrayList<>();
    final List<dev.sluice.schema.model.DefaultPrivilegeModel> defaultPrivileges = new ArrayList<>();
    final List<dev.sluice.schema.model.CollationModel> collations = new ArrayList<>();
    final List<dev.sluice.schema.model.RangeTypeModel> rangeTypes = new ArrayList<>();

    SchemaModelBuilder schemas(String... names) {
      schemas.addAll(List.of(names));
      return this;
    }

    SchemaModelBuilder extension(String name) {
      extensions.add(new dev.sluice.schema.model.ExtensionModel(name, null));
      return this;
    }

    SchemaModelBuilder add(Object o) {
      if (o instanceof dev.sluice.schema.model.ExtensionModel e) extensions.add(e);
      else if (o instanceof dev.sluice.schema.model.RoleModel r) roles.add(r);
      else if (o instanceof dev.sluice.schema.model.EnumModel e) enums.add(e);
      else if (o instanceof dev.sluice.schema.model.DomainModel d) domains.add(d);
      else if (o instanceof dev.sluice.schema.model.SequenceModel s) sequences.add(s);
      else if (o instanceof TableModel t) tables.add(t);
      else if (o instanceof Tables t) tables.add(t.build());
      else if (o instanceof dev.sluice.schema.model.ViewModel v) views.add(v);
      else if (o instanceof dev.sluice.schema.model.GrantModel g) grants.add(g);
      else if (o instanceof dev.sluice.schema.model.FunctionModel f) functions.add(f);
      else if (o instanceof dev.sluice.schema.Function f) {
        if (functions.stream().noneMatch(x -> x.signature().equals(f.toModel().signature()))) functions.add(f.toModel());
      }
      else if (o instanceof dev.sluice.schema.model.TriggerModel t) triggers.add(t);
      else if (o instanceof dev.sluice.schema.Trigger t) {
        triggers.add(t.toModel());
        if (t.function() != null && functions.stream().noneMatch(f -> f.signature().equals(t.function().toModel().signature()))) {
          functions.add(t.function().toModel());
        }
      }
      else if (o instanceof dev.sluice.schema.model.CompositeTypeModel c) compositeTypes.add(c);
      else if (o instanceof dev.sluice.schema.model.AggregateModel a) aggregates.add(a);
      else if (o instanceof dev.sluice.schema.Aggregate a) {
        aggregates.add(a.toModel());
        for (dev.sluice.schema.Function f : a.functions()) add(f);
      }
      else if (o instanceof dev.sluice.schema.model.StatisticsModel x) statistics.add(x);
      else if (o instanceof dev.sluice.schema.Statistics x) statistics.add(x.toModel());
      else if (o instanceof dev.sluice.schema.model.RuleModel x) rules.add(x);
      else if (o instanceof dev.sluice.schema.Rule x) rules.add(x.toModel());
      else if (o instanceof dev.sluice.schema.model.PublicationModel x) publications.add(x);
      else if (o instanceof dev.sluice.schema.Publication x) publications.add(x.toModel());
      else if (o instanceof dev.sluice.schema.model.EventTriggerModel x) eventTriggers.add(x);
      else if (o instanceof dev.sluice.schema.model.DefaultPrivilegeModel x) defaultPrivileges.add(x);
      else if (o instanceof dev.sluice.schema.EventTrigger x) {
        eventTriggers.add(x.toModel());
        if (x.function() != null) add(x.function());
      }
      else if (o instanceof dev.sluice.schema.model.CollationModel x) collations.add(x);
      else if (o instanceof dev.sluice.schema.Collation x) collations.add(x.toModel());
      else if (o instanceof dev.sluice.schema.model.RangeTypeModel x) rangeTypes.add(x);
      else if (o instanceof dev.sluice.schema.RangeType x) {
        rangeTypes.add(x.toModel());
        if (x.function() != null) add(x.function());
      }
      else throw new IllegalArgumentException("not a model object: " + o);
      return this;
    }

    dev.sluice.schema.model.SchemaModel build() {
      return new dev.sluice.schema.model.SchemaModel(schemas, extensions, roles, enums, domains, sequences, tables, views,
          grants, functions, triggers, compositeTypes, aggregates, statistics, rules, publications,
          eventTriggers).withDefaultPrivileges(defaultPrivileges)
          .withCollations(collations).withRangeTypes(rangeTypes);
    }
  }
}
