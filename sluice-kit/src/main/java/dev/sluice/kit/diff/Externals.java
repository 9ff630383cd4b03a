package dev.sluice.kit.diff;

import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * External tables ({@link SchemaModel#externalTables()}) are left out of the diff: a table either
 * side declares external is removed from both models, with its grants, and so is its schema from
 * the schema lists (the schema belongs to the same owner). Foreign keys and policies that reference
 * it stay, so they are created as usual.
 */
final class Externals {
  private Externals() {}

  record Pair(SchemaModel from, SchemaModel to) {}

  static Pair strip(SchemaModel from, SchemaModel to) {
    if (from.externalTables().isEmpty() && to.externalTables().isEmpty()) return new Pair(from, to);
    Set<String> keys = new HashSet<>();
    Set<String> schemas = new HashSet<>();
    for (SchemaModel m : List.of(from, to)) {
      for (TableModel t : m.externalTables()) {
        keys.add(t.schema() + "." + t.name());
        schemas.add(t.schema());
      }
    }
    return new Pair(strip(from, keys, schemas), strip(to, keys, schemas));
  }

  private static SchemaModel strip(SchemaModel m, Set<String> keys, Set<String> schemas) {
    return new SchemaModel(m.schemas().stream().filter(s -> !schemas.contains(s)).toList(), m.extensions(), m.roles(), m.enums(),
        m.domains(), m.sequences(), m.tables().stream().filter(t -> !keys.contains(t.schema() + "." + t.name())).toList(),
        m.views(), m.grants().stream().filter(g -> g.objectType().equalsIgnoreCase("SCHEMA")
            ? !schemas.contains(g.name()) : !keys.contains(g.schema() + "." + g.name())).toList(),
        m.functions(), m.triggers(), m.compositeTypes(),
        m.schemaComments().entrySet().stream().filter(e -> !schemas.contains(e.getKey()))
            .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)),
        m.distributions().stream().filter(d -> d.table() == null ? !schemas.contains(d.schema())
            : !keys.contains(d.schema() + "." + d.table())).toList(),
        null)
        .withAggregates(m.aggregates()).withStatistics(m.statistics()).withRules(m.rules())
        .withPublications(m.publications()).withEventTriggers(m.eventTriggers())
        .withCollations(m.collations()).withRangeTypes(m.rangeTypes());
  }
}
