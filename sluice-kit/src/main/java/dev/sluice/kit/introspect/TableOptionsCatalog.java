package dev.sluice.kit.introspect;

import dev.sluice.schema.model.TableOptions;
import java.sql.Connection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Introspection of table options of the tables (not partitions): {@code relpersistence = 'u'} is
 * UNLOGGED, {@code reloptions} the storage parameters exactly as stored (PostgreSQL keeps the text
 * written, {@code off} stays {@code off}) with the {@code toast.*} ones read from the table's TOAST
 * relation (PostgreSQL keeps them only when the table has one, i.e. a column of a variable-length
 * type), {@code relreplident} the replica identity with the index
 * flagged {@code indisreplident}. A USING INDEX identity whose index was dropped behaves as NOTHING
 * and reads as NOTHING.
 */
final class TableOptionsCatalog {
  static final String QUERY = "SELECT c.oid, c.relpersistence::text AS persistence, c.reloptions::text[] AS reloptions,"
      + " (SELECT tc.reloptions::text[] FROM pg_catalog.pg_class tc WHERE tc.oid = c.reltoastrelid) AS toastoptions,"
      + " c.relreplident::text AS replident,"
      + " (SELECT ic.relname FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
      + "   WHERE i.indrelid = c.oid AND i.indisreplident LIMIT 1) AS replindex,"
      + " (SELECT ic.relname FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
      + "   WHERE i.indrelid = c.oid AND i.indisclustered LIMIT 1) AS clusterindex"
      + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
      + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?::text[])"
      + " AND (c.relpersistence = 'u' OR c.reloptions IS NOT NULL OR c.relreplident <> 'd'"
      + "   OR EXISTS (SELECT 1 FROM pg_catalog.pg_index i WHERE i.indrelid = c.oid AND i.indisclustered)"
      + "   OR EXISTS (SELECT 1 FROM pg_catalog.pg_class tc WHERE tc.oid = c.reltoastrelid AND tc.reloptions IS NOT NULL))";

  private TableOptionsCatalog() {}

  /** Options by table oid; tables with the default options are absent. */
  static Map<Long, TableOptions> read(Connection c, List<String> schemas) {
    Map<Long, TableOptions> out = new HashMap<>();
    Rows.query(c, "table options", QUERY, schemas, rs -> {
      Map<String, String> with = new LinkedHashMap<>();
      for (String o : Rows.strings(rs, "reloptions")) {
        int eq = o.indexOf('=');
        with.put(o.substring(0, eq), o.substring(eq + 1));
      }
      for (String o : Rows.strings(rs, "toastoptions")) {
        int eq = o.indexOf('=');
        with.put("toast." + o.substring(0, eq), o.substring(eq + 1));
      }
      String index = rs.getString("replindex");
      TableOptions.ReplicaIdentity identity = switch (rs.getString("replident")) {
        case "f" -> TableOptions.ReplicaIdentity.FULL;
        case "n" -> TableOptions.ReplicaIdentity.NOTHING;
        case "i" -> index == null ? TableOptions.ReplicaIdentity.NOTHING : TableOptions.ReplicaIdentity.INDEX;
        default -> TableOptions.ReplicaIdentity.DEFAULT;
      };
      out.put(rs.getLong("oid"), new TableOptions("u".equals(rs.getString("persistence")), with, identity,
          identity == TableOptions.ReplicaIdentity.INDEX ? index : null, rs.getString("clusterindex")));
      return null;
    });
    return out;
  }
}
