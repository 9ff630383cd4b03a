package dev.sluice.kit.introspect;

import dev.sluice.schema.model.ParentTable;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Introspection of table inheritance: {@code pg_inherits} rows of tables that are not partitions
 * (partitions are read as the partitioning of their parent), parents in {@code inhseqno} order.
 */
final class InheritsCatalog {
  static final String QUERY = "SELECT h.inhrelid, pn.nspname AS parentschema, pc.relname AS parentname"
      + " FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_class c ON c.oid = h.inhrelid"
      + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
      + " JOIN pg_catalog.pg_class pc ON pc.oid = h.inhparent JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace"
      + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?::text[])"
      + " ORDER BY h.inhrelid, h.inhseqno";

  private InheritsCatalog() {}

  /** Parents by child oid; tables without parents are absent. */
  static Map<Long, List<ParentTable>> read(Connection c, List<String> schemas) {
    Map<Long, List<ParentTable>> out = new HashMap<>();
    Rows.query(c, "table inheritance", QUERY, schemas, rs -> {
      out.computeIfAbsent(rs.getLong("inhrelid"), k -> new ArrayList<>())
          .add(new ParentTable(rs.getString("parentschema"), rs.getString("parentname")));
      return null;
    });
    return out;
  }
}
