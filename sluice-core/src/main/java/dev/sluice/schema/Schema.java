package dev.sluice.schema;

import dev.sluice.schema.model.AggregateModel;
import dev.sluice.schema.model.CompositeTypeModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.DefaultPrivilegeModel;
import dev.sluice.schema.model.EventTriggerModel;
import dev.sluice.schema.model.ExtensionModel;
import dev.sluice.schema.model.FunctionModel;
import dev.sluice.schema.model.GrantModel;
import dev.sluice.schema.model.PublicationModel;
import dev.sluice.schema.model.RoleModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.RuleModel;
import dev.sluice.schema.model.SequenceModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.schema.model.StatisticsModel;
import dev.sluice.schema.model.TriggerModel;
import dev.sluice.schema.model.ViewModel;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A set of definitions (tables, enums, views, sequences, domains, roles, extensions, grants) that
 * together make one {@link SchemaModel}. {@link #toModel()} validates across tables (foreign keys
 * to missing tables or columns, or to columns without a unique constraint) and reports every
 * problem at once.
 */
public final class Schema {
  private final List<Object> definitions;

  private Schema(List<Object> definitions) {
    this.definitions = List.copyOf(definitions);
  }

  /**
   * A schema of the given definitions: {@link Table}, {@link PgEnum}, {@link View}, {@link Sequence},
   * {@link Domain}, {@link Role}, {@link ExtensionModel}, {@link RoleModel}, {@link GrantModel},
   * {@link DefaultPrivilegeModel}, {@link Function} (an {@link Function#external external} one is declared, never created), {@link Trigger} (its function comes with it),
   * {@link Namespace} (creates its schema even when nothing else lives in it), {@link Aggregate} (its
   * functions come with it), {@link Statistics}, {@link Rule}, {@link Publication}, {@link EventTrigger} (its function
   * comes with it), {@link Collation}, {@link RangeType} (a subtype-difference function given as a
   * {@link Function} comes with it), or collections of those.
   */
  public static Schema of(Object... definitions) {
    List<Object> all = new ArrayList<>();
    for (Object o : definitions) {
      if (o instanceof Collection<?> c) all.addAll(c);
      else all.add(o);
    }
    return new Schema(all);
  }

  /** A schema of every public static field of the given classes that holds a definition. */
  public static Schema scan(Class<?>... holders) {
    List<Object> all = new ArrayList<>();
    for (Class<?> h : holders) {
      for (Field f : h.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers())) {
          try {
            Object v = f.get(null);
            if (isDefinition(v)) all.add(v);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + h.getName() + "." + f.getName(), e);
          }
        }
      }
    }
    return new Schema(all);
  }

  private static boolean isDefinition(Object v) {
    return v instanceof Table<?> || v instanceof PgEnum<?> || v instanceof View || v instanceof Sequence
        || v instanceof Domain<?> || v instanceof Role || v instanceof ExtensionModel || v instanceof RoleModel
        || v instanceof GrantModel || v instanceof DefaultPrivilegeModel || v instanceof Namespace || v instanceof Function
        || v instanceof Trigger
        || v instanceof Distribution
        || v instanceof Aggregate || v instanceof Statistics || v instanceof Rule
        || v instanceof Publication || v instanceof EventTrigger || v instanceof Collation || v instanceof RangeType;
  }

  /** This schema plus more definitions. */
  public Schema with(Object... more) {
    List<Object> all = new ArrayList<>(definitions);
    all.addAll(of(more).definitions);
    return new Schema(all);
  }

  /** The tables, in declaration order. */
  public List<Table<?>> tables() {
    return definitions.stream().filter(d -> d instanceof Table<?>).<Table<?>>map(d -> (Table<?>) d).toList();
  }

  /**
   * Every rename hint declared by the tables, columns, enums and enum values of this schema
   * ({@code renamedFrom(...)}), in declaration order, for {@code Differ.diff(from, to, options)}.
   */
  public List<RenameHint> renames() {
    List<RenameHint> out = new ArrayList<>();
    Set<Object> seen = new java.util.HashSet<>();
    for (Object d : definitions) {
      if (d instanceof Table<?> t && t.alias() == null && seen.add(t)) {
        out.addAll(t.renames());
        for (PgEnum<?> e : t.usedEnums()) {
          if (seen.add(e)) out.addAll(e.renames());
        }
      } else if (d instanceof PgEnum<?> e && seen.add(e)) {
        out.addAll(e.renames());
      }
    }
    return List.copyOf(out);
  }

  /** Builds and validates the model. */
  public SchemaModel toModel() {
    List<String> problems = new ArrayList<>();
    Map<String, ExtensionModel> extensions = new LinkedHashMap<>();
    Map<String, RoleModel> roles = new LinkedHashMap<>();
    Map<String, EnumModel> enums = new LinkedHashMap<>();
    List<DomainModel> domains = new ArrayList<>();
    List<SequenceModel> sequences = new ArrayList<>();
    List<TableModel> tables = new ArrayList<>();
    List<ViewModel> views = new ArrayList<>();
    List<GrantModel> grants = new ArrayList<>();
    Map<String, CompositeTypeModel> composites = new LinkedHashMap<>();
    Set<String> schemas = new TreeSet<>();
    Map<String, String> schemaComments = new java.util.TreeMap<>();
    Set<Table<?>> tableSet = new LinkedHashSet<>();
    Map<String, FunctionModel> functions = new LinkedHashMap<>();
    Map<String, TriggerModel> triggers = new LinkedHashMap<>();
    Map<String, dev.sluice.schema.model.DistributionModel> distributions = new LinkedHashMap<>();
    Map<String, TableModel> externals = new LinkedHashMap<>();
    Map<String, FunctionModel> externalFunctions = new LinkedHashMap<>();
    Map<String, AggregateModel> aggregates = new LinkedHashMap<>();
    Map<String, StatisticsModel> statistics = new LinkedHashMap<>();
    Map<String, RuleModel> rules = new LinkedHashMap<>();
    Map<String, PublicationModel> publications = new LinkedHashMap<>();
    Map<String, EventTriggerModel> eventTriggers = new LinkedHashMap<>();
    Map<String, DefaultPrivilegeModel> defaultPrivileges = new LinkedHashMap<>();
    Map<String, dev.sluice.schema.model.CollationModel> collations = new LinkedHashMap<>();
    Map<String, dev.sluice.schema.model.RangeTypeModel> rangeTypes = new LinkedHashMap<>();

    for (Object d : definitions) {
      if (d instanceof Table<?> t) {
        if (t.alias() != null) {
          problems.add("schema lists an alias (" + t + ") instead of the table");
          continue;
        }
        if (!tableSet.add(t)) continue;
        if (t.isExternal()) {
          addExternal(t, externals, problems);
          continue;
        }
        try {
          tables.add(t.toModel());
        } catch (SchemaDefinitionException e) {
          problems.addAll(e.problems());
          continue;
        }
        schemas.add(t.schema());
        try {
          var dist = t.distribution();
          if (dist != null) addDistribution(distributions, dist, problems);
        } catch (SchemaDefinitionException e) {
          problems.addAll(e.problems());
        }
        for (PgEnum<?> e : t.usedEnums()) enums.putIfAbsent(e.schema() + "." + e.name(), e.toModel());
        for (CompositeType<?> ct : t.usedComposites()) addComposite(ct, composites, enums, schemas, problems, false);
      } else if (d instanceof CompositeType<?> ct) {
        addComposite(ct, composites, enums, schemas, problems, true);
      } else if (d instanceof PgEnum<?> e) {
        enums.put(e.schema() + "." + e.name(), e.toModel());
        schemas.add(e.schema());
      } else if (d instanceof View v) {
        views.add(v.toModel());
        schemas.add(v.schema());
      } else if (d instanceof Sequence s) {
        sequences.add(s.toModel());
        schemas.add(s.schema());
      } else if (d instanceof Domain<?> dm) {
        DomainModel m;
        try {
          m = dm.toModel();
        } catch (SchemaDefinitionException e) {
          problems.addAll(e.problems());
          continue;
        }
        domains.add(m);
        schemas.add(m.schema());
      } else if (d instanceof Role r) {
        roles.put(r.name(), r.toModel());
      } else if (d instanceof RoleModel r) {
        roles.put(r.name(), r);
      } else if (d instanceof ExtensionModel x) {
        extensions.put(x.name(), x);
      } else if (d instanceof GrantModel g) {
        grants.add(g);
      } else if (d instanceof DefaultPrivilegeModel dp) {
        DefaultPrivilegeModel old = defaultPrivileges.putIfAbsent(dp.key(), dp);
        if (old != null && !old.equals(dp)) problems.add("two different default privileges " + dp.key() + ": " + old + " and " + dp);
      } else if (d instanceof Distribution dist) {
        addDistribution(distributions, dist.toModel(), problems);
        schemas.add(dist.toModel().schema());
      } else if (d instanceof Namespace ns) {
        schemas.add(ns.schema());
        boolean defaultPublic = ns.schema().equals("public") && SchemaModel.PUBLIC_SCHEMA_COMMENT.equals(ns.comment());
        if (ns.comment() != null && !defaultPublic) {
          String old = schemaComments.putIfAbsent(ns.schema(), ns.comment());
          if (old != null && !old.equals(ns.comment())) {
            problems.add("schema " + ns.schema() + " is listed with two different comments");
          }
        }
      } else if (d instanceof Function f) {
        try {
          if (f.isExternal()) {
            addFunction(externalFunctions, f.toModel(), problems);
            continue;
          }
          addFunction(functions, f.toModel(), problems);
          schemas.add(f.schema());
        } catch (SchemaDefinitionException e) {
          problems.addAll(e.problems());
        }
      } else if (d instanceof Trigger tr) {
        try {
          TriggerModel m = tr.toModel();
          if (tr.function() != null && tr.function().isExternal()) {
            addFunction(externalFunctions, tr.function().toModel(), problems);
          } else if (tr.function() != null) {
            addFunction(functions, tr.function().toModel(), problems);
            schemas.add(tr.function().schema());
          }
          TriggerModel old = triggers.putIfAbsent(m.schema() + "." + m.table() + "." + m.name(), m);
          if (old != null && !old.equals(m)) {
            problems.add("two different triggers are named " + m.name() + " on " + m.schema() + "." + m.table());
          }
        } catch (SchemaDefinitionException e) {
          problems.addAll(e.problems());
        }
      } else if (d instanceof Aggregate ag) {
        try {
          AggregateModel m = ag.toModel();
          for (Function f : ag.functions()) {
            addFunction(functions, f.toModel(), problems);
            schemas.add(f.schema());
          }
          AggregateModel old = aggregates.putIfAbsent(m.signature(), m);
          if (old != null && !old.equals(m)) problems.add("two different aggregates have the signature " + m.signature());
          schemas.add(m.schema());
        } catch (SchemaDefinitionException e) {
          problems.addAll(e.problems());
        }
      } else if (d instanceof Statistics st) {
        try {
          StatisticsModel m = st.toModel();
          StatisticsModel old = statistics.putIfAbsent(m.schema() + "." + m.name(), m);
          if (old != null && !old.equals(m)) problems.add("two different statistics are named " + m.schema() + "." + m.name());
          schemas.add(m.schema());
        } catch (SchemaDefinitionException e) {
          problems.addAll(e.problems());
        }
      } else if (d instanceof Rule ru) {
        try {
          RuleModel m = ru.toModel();
          RuleModel old = rules.putIfAbsent(m.schema() + "." + m.table() + "." + m.name(), m);
          if (old != null && !old.equals(m)) problems.add("two different rules are named " + m.name() + " on " + m.schema() + "." + m.table());
        } catch (SchemaDefinitionException e) {
          problems.addAll(e.problems());
        }
      } else if (d instanceof Publication pu) {
        try {
          PublicationModel m = pu.toModel();
          PublicationModel old = publications.putIfAbsent(m.name(), m);
          if (old != null && !old.equals(m)) problems.add("two different publications are named " + m.name());
        } catch (SchemaDefinitionException e) {
          problems.addAll(e.problems());
        }
      } else if (d instanceof EventTrigger et) {
        try {
          EventTriggerModel m = et.toModel();
          if (et.function() != null) {
            addFunction(functions, et.function().toModel(), problems);
            schemas.add(et.function().schema());
          }
          EventTriggerModel old = eventTriggers.putIfAbsent(m.name(), m);
          if (old != null && !old.equals(m)) problems.add("two different event triggers are named " + m.name());
        } catch (SchemaDefinitionException e) {
          problems.addAll(e.problems());
        }
      } else if (d instanceof Collation co) {
        try {
          dev.sluice.schema.model.CollationModel m = co.toModel();
          var old = collations.putIfAbsent(m.schema() + "." + m.name(), m);
          if (old != null && !old.equals(m)) problems.add("two different collations are named " + m.schema() + "." + m.name());
          schemas.add(m.schema());
        } catch (SchemaDefinitionException e) {
          problems.addAll(e.problems());
        }
      } else if (d instanceof RangeType rt) {
        dev.sluice.schema.model.RangeTypeModel m = rt.toModel();
        if (rt.function() != null) {
          addFunction(functions, rt.function().toModel(), problems);
          schemas.add(rt.function().schema());
        }
        var old = rangeTypes.putIfAbsent(m.schema() + "." + m.name(), m);
        if (old != null && !old.equals(m)) problems.add("two different range types are named " + m.schema() + "." + m.name());
        schemas.add(m.schema());
      } else {
        problems.add("not a schema definition: " + d);
      }
    }
    // extensions implied by column types
    for (TableModel t : tables) {
      for (var c : t.columns()) {
        if (c.type().startsWith("public.citext")) extensions.putIfAbsent("citext", new ExtensionModel("citext", null));
        if (c.type().startsWith("public.vector")) extensions.putIfAbsent("vector", new ExtensionModel("vector", null));
      }
    }
    for (Table<?> t : List.copyOf(tableSet)) {
      for (ForeignKey fk : t.declaredForeignKeys()) {
        try {
          Table<?> target = fk.targetTable();
          if (target.isExternal() && tableSet.add(target)) addExternal(target, externals, problems);
        } catch (RuntimeException e) {
          // reported by the table model
        }
      }
    }
    validateForeignKeys(tableSet, problems);
    validateParents(tables, problems);
    checkDuplicates(tables, views, problems);
    if (!problems.isEmpty()) throw new SchemaDefinitionException(problems);
    schemas.remove("public");
    SchemaModel model = new SchemaModel(List.copyOf(schemas), List.copyOf(extensions.values()), List.copyOf(roles.values()),
        List.copyOf(enums.values()), domains, sequences, tables, views, grants, List.copyOf(functions.values()),
        List.copyOf(triggers.values()), List.copyOf(composites.values()), schemaComments, List.copyOf(distributions.values()),
        List.copyOf(externals.values()), List.copyOf(aggregates.values()), List.copyOf(statistics.values()),
        List.copyOf(rules.values()), List.copyOf(publications.values()), List.copyOf(eventTriggers.values()),
        List.copyOf(externalFunctions.values()), List.copyOf(defaultPrivileges.values()),
        List.copyOf(collations.values()), List.copyOf(rangeTypes.values()));
    for (FunctionModel f : model.externalFunctions()) {
      if (model.functions().stream().anyMatch(o -> o.signature().equals(f.signature()))) {
        throw new SchemaDefinitionException(List.of("function " + f.signature() + " is declared both external and as a function to create"));
      }
    }
    List<String> citus = dev.sluice.schema.model.CitusRules.problems(model);
    if (!citus.isEmpty()) throw new SchemaDefinitionException(citus);
    return model;
  }

  /** A table or schema may be placed once; the same placement listed twice is one. */
  private static void addDistribution(Map<String, dev.sluice.schema.model.DistributionModel> distributions,
      dev.sluice.schema.model.DistributionModel d, List<String> problems) {
    var old = distributions.putIfAbsent(d.key(), d);
    if (old != null && !old.equals(d)) problems.add((d.table() == null ? "schema " : "table ") + d.key() + " is placed twice: " + old + " and " + d);
  }

  /** An external table: modelled for foreign keys and shadow stubs only (its schema is not created). */
  private static void addExternal(Table<?> t, Map<String, TableModel> externals, List<String> problems) {
    try {
      externals.put(t.schema() + "." + t.name(), t.toModel());
    } catch (SchemaDefinitionException e) {
      problems.addAll(e.problems());
    }
  }

  /** The same function may be listed twice (a trigger brings its own); two different ones may not share a signature. */
  private static void addFunction(Map<String, FunctionModel> functions, FunctionModel f, List<String> problems) {
    FunctionModel old = functions.putIfAbsent(f.signature(), f);
    if (old != null && !old.equals(f)) problems.add("two different functions have the signature " + f.signature());
  }

  /** A composite type and, first, the composite and enum types its attributes use. */
  private static void addComposite(CompositeType<?> ct, Map<String, CompositeTypeModel> composites, Map<String, EnumModel> enums,
      Set<String> schemas, List<String> problems, boolean listed) {
    String key = ct.schema() + "." + ct.name();
    if (composites.containsKey(key) && !listed) return;
    try {
      composites.put(key, ct.toModel());
    } catch (SchemaDefinitionException e) {
      if (!composites.containsKey(key)) problems.addAll(e.problems());
      return;
    }
    schemas.add(ct.schema());
    for (PgEnum<?> e : ct.usedEnums()) enums.putIfAbsent(e.schema() + "." + e.name(), e.toModel());
    for (CompositeType<?> n : ct.usedComposites()) {
      if (!composites.containsKey(n.schema() + "." + n.name())) addComposite(n, composites, enums, schemas, problems, false);
    }
  }

  /** Every parent of {@code INHERITS} is a table of this schema, and no table is its own ancestor. */
  private static void validateParents(List<TableModel> tables, List<String> problems) {
    Map<String, TableModel> byKey = new java.util.HashMap<>();
    for (TableModel t : tables) byKey.put(t.schema() + "." + t.name(), t);
    for (TableModel t : tables) {
      String key = t.schema() + "." + t.name();
      for (dev.sluice.schema.model.ParentTable p : t.inherits()) {
        if (!byKey.containsKey(p.key())) {
          problems.add("table " + key + " inherits " + p.key() + ", which is not a table of this schema");
        }
      }
      // bounded walk up the parents: more steps than tables means a cycle
      java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>();
      t.inherits().forEach(p -> pending.add(p.key()));
      Set<String> seen = new java.util.HashSet<>();
      while (!pending.isEmpty()) {
        String k = pending.poll();
        if (k.equals(key)) {
          problems.add("table " + key + " inherits from itself through its parents");
          break;
        }
        if (!seen.add(k) || !byKey.containsKey(k)) continue;
        byKey.get(k).inherits().forEach(p -> pending.add(p.key()));
      }
    }
  }

  private static void validateForeignKeys(Set<Table<?>> tables, List<String> problems) {
    for (Table<?> t : tables) {
      for (ForeignKey fk : t.declaredForeignKeys()) {
        Table<?> target;
        List<? extends Column<?>> refs;
        try {
          target = fk.targetTable();
          refs = fk.targetColumns();
        } catch (RuntimeException e) {
          continue; // already reported by the table model
        }
        String what = "table " + t.name() + ": foreign key on " + ForeignKey.names(fk.columns());
        if (!tables.contains(target)) {
          problems.add(what + " references table " + target.schema() + "." + target.name()
              + ", which is not part of this schema");
          continue;
        }
        for (int i = 0; i < refs.size(); i++) {
          Column<?> r = refs.get(i);
          if (target.column(r.name()) != r) {
            problems.add(what + " references column " + r.name() + ", which table " + target.name() + " does not have");
            continue;
          }
          Column<?> own = fk.columns().get(i);
          if (!baseType(own.dataType().sqlName()).equals(baseType(r.dataType().sqlName()))) {
            problems.add(what + ": column " + own.name() + " (" + own.dataType().sqlName() + ") does not match referenced "
                + target.name() + "." + r.name() + " (" + r.dataType().sqlName() + ")");
          }
        }
        List<String> refNames = ForeignKey.names(refs);
        TableModel tm = target.toModel();
        boolean keyed = (tm.primaryKey() != null && Set.copyOf(tm.primaryKey().columns()).equals(Set.copyOf(refNames)))
            || tm.uniques().stream().anyMatch(u -> Set.copyOf(u.columns()).equals(Set.copyOf(refNames)))
            || tm.indexes().stream().anyMatch(ix -> ix.unique() && ix.where() == null
                && ix.elements().stream().noneMatch(e -> e.isExpression())
                && Set.copyOf(ix.elements().stream().map(e -> e.expression()).toList()).equals(Set.copyOf(refNames)));
        if (!keyed) {
          problems.add(what + " references " + target.name() + refNames
              + ", which is not a primary key or unique constraint (PostgreSQL requires one)");
        }
      }
    }
  }

  /**
   * The type family that decides whether a foreign key column may reference another, as PostgreSQL
   * decides it (an equality operator of the referenced key's operator family): type modifiers (length,
   * precision) do not matter; smallint, integer, bigint and the serials share the integer family (a
   * smallint column may reference an integer key); real and double precision share the float family;
   * date and the timestamps share the datetime family; the string types share text equality.
   */
  private static String baseType(String sqlName) {
    String t = sqlName.replaceAll("\\(\\d+(,\\d+)?\\)", "");
    return switch (t) {
      case "smallint", "integer", "bigint", "smallserial", "serial", "bigserial" -> "integer family";
      case "real", "double precision" -> "float family";
      case "date", "timestamp without time zone", "timestamp with time zone" -> "datetime family";
      case "character varying", "character", "text" -> "text";
      default -> t;
    };
  }

  private static void checkDuplicates(List<TableModel> tables, List<ViewModel> views, List<String> problems) {
    Set<String> seen = new java.util.HashSet<>();
    for (TableModel t : tables) {
      if (!seen.add(t.schema() + "." + t.name())) problems.add("two tables are named " + t.schema() + "." + t.name());
      if (t.partitioning() != null) {
        for (var p : t.partitioning().partitions()) {
          if (!seen.add(t.schema() + "." + p.name())) problems.add("partition name " + p.name() + " is already used");
        }
      }
    }
    for (ViewModel v : views) {
      if (!seen.add(v.schema() + "." + v.name())) problems.add("view " + v.schema() + "." + v.name() + " clashes with another relation");
    }
  }
}
