package dev.sluice.kit.diff;

import dev.sluice.schema.model.FunctionModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * External tables ({@link SchemaModel#externalTables()}) are left out of the diff: a table either
 * side declares external is removed from both models, with its grants, and so is its schema from
 * the schema lists (the schema belongs to the same owner). Foreign keys and policies that reference
 * it stay, so they are created as usual. External functions ({@link SchemaModel#externalFunctions()})
 * are left out the same way: a function of the same schema and name (any overload: the argument
 * types may be spelled differently on the two sides) is removed from both models, so what calls it
 * is created as usual and never waits on it.
 */
public final class Externals {
  private Externals() {}

  /**
   * The schemas that belong to someone else as far as {@code code} knows: it declares external tables or
   * functions there and owns nothing else in them ({@code public} is never one). A push or drift check
   * leaves them unread ({@code IntrospectOptions#withForeignSchemas}), so what else the owner keeps there
   * (Supabase's other {@code auth} tables and functions) is never compared, altered or dropped.
   */
  public static Set<String> foreignSchemas(SchemaModel code) {
    Set<String> tables = new HashSet<>();
    Set<String> functions = new HashSet<>();
    Set<String> out = new java.util.TreeSet<>();
    for (TableModel t : code.externalTables()) {
      tables.add(t.schema() + "." + t.name());
      out.add(t.schema());
    }
    for (FunctionModel f : code.externalFunctions()) {
      functions.add(f.schema() + "." + f.name());
      out.add(f.schema());
    }
    out.removeAll(owned(code, tables, functions));
    return out;
  }

  record Pair(SchemaModel from, SchemaModel to) {}

  static Pair strip(SchemaModel from, SchemaModel to) {
    if (from.externalTables().isEmpty() && to.externalTables().isEmpty()
        && from.externalFunctions().isEmpty() && to.externalFunctions().isEmpty()) return new Pair(from, to);
    Set<String> keys = new HashSet<>();
    Set<String> functions = new HashSet<>();
    Set<String> schemas = new HashSet<>();
    for (SchemaModel m : List.of(from, to)) {
      for (TableModel t : m.externalTables()) {
        keys.add(t.schema() + "." + t.name());
        schemas.add(t.schema());
      }
      for (FunctionModel f : m.externalFunctions()) functions.add(f.schema() + "." + f.name());
    }
    Set<String> owned = owned(from, keys, functions);
    owned.addAll(owned(to, keys, functions));
    for (SchemaModel m : List.of(from, to)) {
      for (FunctionModel f : m.externalFunctions()) if (!owned.contains(f.schema())) schemas.add(f.schema());
    }
    return new Pair(strip(from, keys, schemas, functions), strip(to, keys, schemas, functions));
  }

  /** Schemas holding an object of {@code m}'s own (an external function may live beside them, in {@code public} or an app schema). */
  private static Set<String> owned(SchemaModel m, Set<String> externalTables, Set<String> externalFunctions) {
    Set<String> out = new HashSet<>(List.of("public"));
    m.tables().stream().filter(t -> !externalTables.contains(t.schema() + "." + t.name())).forEach(t -> out.add(t.schema()));
    m.views().forEach(v -> out.add(v.schema()));
    m.enums().forEach(e -> out.add(e.schema()));
    m.domains().forEach(d -> out.add(d.schema()));
    m.sequences().forEach(q -> out.add(q.schema()));
    m.compositeTypes().forEach(c -> out.add(c.schema()));
    m.functions().stream().filter(f -> !externalFunctions.contains(f.schema() + "." + f.name())).forEach(f -> out.add(f.schema()));
    return out;
  }

  private static SchemaModel strip(SchemaModel m, Set<String> keys, Set<String> schemas, Set<String> functions) {
    return new SchemaModel(m.schemas().stream().filter(s -> !schemas.contains(s)).toList(), m.extensions(), m.roles(), m.enums(),
        m.domains(), m.sequences(), m.tables().stream().filter(t -> !keys.contains(t.schema() + "." + t.name())).toList(),
        m.views(), m.grants().stream().filter(g -> g.objectType().equalsIgnoreCase("SCHEMA")
            ? !schemas.contains(g.name()) : !keys.contains(g.schema() + "." + g.name())).toList(),
        m.functions().stream().filter(f -> !functions.contains(f.schema() + "." + f.name())).toList(), m.triggers(),
        m.compositeTypes(),
        m.schemaComments().entrySet().stream().filter(e -> !schemas.contains(e.getKey()))
            .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)),
        m.distributions().stream().filter(d -> d.table() == null ? !schemas.contains(d.schema())
            : !keys.contains(d.schema() + "." + d.table())).toList(),
        null)
        .withAggregates(m.aggregates()).withStatistics(m.statistics()).withRules(m.rules())
        .withPublications(m.publications()).withEventTriggers(m.eventTriggers()).withExternalFunctions(m.externalFunctions())
        .withDefaultPrivileges(m.defaultPrivileges())
        .withCollations(m.collations()).withRangeTypes(m.rangeTypes());
  }
}
