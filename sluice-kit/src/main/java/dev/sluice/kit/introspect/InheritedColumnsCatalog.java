package dev.sluice.kit.introspect;

import dev.sluice.schema.model.InheritedColumnModel;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Introspection of a child's own default or NOT NULL on a column it only inherits
 * ({@code NOT attislocal}): compared with its parents' ({@code pg_attrdef} of the first parent having
 * the column, in {@code inhseqno} order, which is the default PostgreSQL gives the child; NOT NULL
 * of any parent, which the child always has), what differs is the table's own.
 */
final class InheritedColumnsCatalog {
  private static final String PARENTS = " FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_attribute pa"
      + " ON pa.attrelid = h.inhparent AND pa.attname = a.attname AND NOT pa.attisdropped WHERE h.inhrelid = c.oid";

  static final String QUERY = "SELECT c.oid AS relid, a.attname, a.attnotnull,"
      + " pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS defaultexpr,"
      + " (SELECT pg_catalog.bool_or(pa.attnotnull)" + PARENTS + ") AS parentnotnull,"
      + " (SELECT pg_catalog.pg_get_expr(pd.adbin, pd.adrelid)" + PARENTS.replace(" WHERE", " LEFT JOIN pg_catalog.pg_attrdef pd"
          + " ON pd.adrelid = pa.attrelid AND pd.adnum = pa.attnum WHERE") + " ORDER BY h.inhseqno LIMIT 1) AS parentdefault"
      + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
      + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
      + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
      + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped"
      + " AND NOT a.attislocal AND n.nspname = ANY (?::text[]) ORDER BY c.oid, a.attnum";

  private InheritedColumnsCatalog() {}

  /** Overrides by child oid; tables without any are absent. */
  static Map<Long, List<InheritedColumnModel>> read(Connection c, List<String> schemas) {
    Map<Long, List<InheritedColumnModel>> out = new HashMap<>();
    Rows.query(c, "inherited column overrides", QUERY, schemas, rs -> {
      String own = rs.getString("defaultexpr");
      String parent = rs.getString("parentdefault");
      boolean notNull = rs.getBoolean("attnotnull") && !rs.getBoolean("parentnotnull");
      boolean ownDefault = !Objects.equals(own, parent);
      if (ownDefault || notNull) {
        out.computeIfAbsent(rs.getLong("relid"), k -> new ArrayList<>()).add(new InheritedColumnModel(rs.getString("attname"),
            ownDefault ? own : null, ownDefault && own == null, notNull));
      }
      return null;
    });
    return out;
  }
}
