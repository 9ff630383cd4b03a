package dev.sluice.kit.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Leaves out of a snapshot the fields added after version 1 was first written when they hold
 * their defaults (no composite types, schema comments, Citus distributions, external tables, aggregates, extended
 * statistics, rules, publications, event triggers, external functions, default privileges, collations or range types; a grant without columns; a logged table without storage parameters and with the default
 * replica identity; a foreign key whose ON DELETE action has no column list; a table without parents or overrides of inherited columns; a partition
 * without indexes, foreign keys or constraints of its own; a view without column comments; a normal aggregate with PostgreSQL's
 * default EXECUTE grant), so that existing snapshots stay
 * byte-identical and read back to the
 * same model (a missing field is its default).
 */
final class SnapshotDefaults {
  private SnapshotDefaults() {}

  static void prune(ObjectNode root) {
    JsonNode types = root.get("compositeTypes");
    if (types != null && types.isArray() && types.isEmpty()) root.remove("compositeTypes");
    JsonNode distributions = root.get("distributions");
    if (distributions != null && distributions.isArray() && distributions.isEmpty()) root.remove("distributions");
    JsonNode schemaComments = root.get("schemaComments");
    if (schemaComments != null && schemaComments.isObject() && schemaComments.isEmpty()) root.remove("schemaComments");
    JsonNode externals = root.get("externalTables");
    if (externals != null && externals.isArray() && externals.isEmpty()) root.remove("externalTables");
    for (String later : new String[] {"aggregates", "statistics", "rules", "publications", "eventTriggers", "externalFunctions", "defaultPrivileges",
        "collations", "rangeTypes"}) {
      JsonNode list = root.get(later);
      if (list != null && list.isArray() && list.isEmpty()) root.remove(later);
    }
    JsonNode views = root.get("views");
    if (views != null && views.isArray()) {
      for (JsonNode v : views) {
        JsonNode cc = v.get("columnComments");
        if (cc != null && cc.isObject() && cc.isEmpty()) ((ObjectNode) v).remove("columnComments");
      }
    }
    JsonNode aggregates = root.get("aggregates");
    if (aggregates != null && aggregates.isArray()) aggregates.forEach(SnapshotDefaults::pruneAggregate);
    JsonNode grants = root.get("grants");
    if (grants != null && grants.isArray()) {
      for (JsonNode g : grants) {
        JsonNode cols = g.get("columns");
        if (cols != null && cols.isArray() && cols.isEmpty()) ((ObjectNode) g).remove("columns");
      }
    }
    JsonNode tables = root.get("tables");
    if (tables == null || !tables.isArray()) return;
    for (JsonNode t : tables) {
      pruneForeignKeys(t);
      prunePartitions(t.get("partitioning"));
      JsonNode inherits = t.get("inherits");
      if (inherits != null && inherits.isArray() && inherits.isEmpty()) ((ObjectNode) t).remove("inherits");
      JsonNode overrides = t.get("inheritedColumns");
      if (overrides != null && overrides.isArray() && overrides.isEmpty()) ((ObjectNode) t).remove("inheritedColumns");
      JsonNode o = t.get("options");
      if (o == null || !o.isObject()) continue;
      boolean plain = !o.path("unlogged").asBoolean(false) && o.path("with").isEmpty()
          && "DEFAULT".equals(o.path("replicaIdentity").asText("DEFAULT")) && o.path("replicaIdentityIndex").isMissingNode()
          && o.path("clusterIndex").isMissingNode();
      if (plain) ((ObjectNode) t).remove("options");
    }
  }

  /** The fields added with ordered-set aggregates and aggregate grants, when they hold their defaults. */
  private static void pruneAggregate(JsonNode a) {
    if (!(a instanceof ObjectNode o)) return;
    if ("NORMAL".equals(o.path("kind").asText())) o.remove("kind");
    if (o.path("directArguments").isInt() && o.path("directArguments").intValue() == 0) o.remove("directArguments");
    JsonNode g = o.get("executeGrantees");
    if (g != null && g.isArray() && g.size() == 1 && "PUBLIC".equals(g.get(0).asText())) o.remove("executeGrantees");
  }

  private static void pruneForeignKeys(JsonNode owner) {
    JsonNode fks = owner.get("foreignKeys");
    if (fks == null || !fks.isArray()) return;
    for (JsonNode fk : fks) {
      JsonNode cols = fk.get("onDeleteColumns");
      if (cols != null && cols.isArray() && cols.isEmpty()) ((ObjectNode) fk).remove("onDeleteColumns");
    }
  }

  private static void prunePartitions(JsonNode partitioning) {
    if (partitioning == null || !partitioning.isObject()) return;
    JsonNode parts = partitioning.get("partitions");
    if (parts == null || !parts.isArray()) return;
    for (JsonNode p : parts) {
      pruneForeignKeys(p);
      for (String own : new String[] {"indexes", "foreignKeys", "uniques", "checks", "exclusions"}) {
        JsonNode list = p.get(own);
        if (list != null && list.isArray() && list.isEmpty()) ((ObjectNode) p).remove(own);
      }
      prunePartitions(p.get("subPartitioning"));
    }
  }
}
