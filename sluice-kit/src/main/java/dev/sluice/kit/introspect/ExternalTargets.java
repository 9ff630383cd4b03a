package dev.sluice.kit.introspect;

import dev.sluice.schema.Names;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.PrimaryKeyModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.schema.model.UniqueModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tables that foreign keys of the read tables reference but that are not read themselves (another
 * schema than {@code --schemas} selects, or an excluded table: Supabase's {@code auth.users}). They
 * become {@link dev.sluice.schema.model.SchemaModel#externalTables() external tables} holding only
 * the referenced columns, the first referenced column set as primary key and any other as unique
 * constraint, so a pulled schema can type its foreign keys and never creates or drops them.
 */
final class ExternalTargets {
  private ExternalTargets() {}

  private static final String COLUMN = "SELECT pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull"
      + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
      + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
      + " WHERE n.nspname = ? AND c.relname = ? AND a.attname = ? AND a.attnum > 0 AND NOT a.attisdropped";

  static List<TableModel> of(Connection c, List<TableModel> tables) {
    Set<String> read = new TreeSet<>();
    for (TableModel t : tables) read.add(t.schema() + "\u0000" + t.name());
    Map<String, List<List<String>>> keysByTarget = new LinkedHashMap<>();
    for (TableModel t : tables) {
      for (ForeignKeyModel fk : t.foreignKeys()) {
        String key = fk.refSchema() + "\u0000" + fk.refTable();
        if (read.contains(key)) continue;
        List<List<String>> keys = keysByTarget.computeIfAbsent(key, k -> new ArrayList<>());
        if (!keys.contains(fk.refColumns())) keys.add(fk.refColumns());
      }
    }
    List<TableModel> out = new ArrayList<>();
    for (Map.Entry<String, List<List<String>>> e : keysByTarget.entrySet()) {
      String[] parts = e.getKey().split("\u0000", 2);
      out.add(table(c, parts[0], parts[1], e.getValue()));
    }
    return out;
  }

  private static final String PRIMARY_KEY = "SELECT a.attname FROM pg_catalog.pg_constraint k"
      + " JOIN pg_catalog.pg_class c ON c.oid = k.conrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
      + " CROSS JOIN LATERAL pg_catalog.unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord)"
      + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = u.attnum"
      + " WHERE n.nspname = ? AND c.relname = ? AND k.contype = 'p' ORDER BY u.ord";

  /** The referenced column sets, the table's real primary key first when it is one of them. */
  private static List<List<String>> primaryFirst(Connection c, String schema, String name, List<List<String>> keys) {
    List<String> pk = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(PRIMARY_KEY)) {
      ps.setString(1, schema);
      ps.setString(2, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) pk.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IntrospectionException("could not read the primary key of " + schema + "." + name + ": " + e.getMessage(), e);
    }
    List<List<String>> out = new ArrayList<>(keys);
    for (List<String> k : keys) {
      if (Set.copyOf(k).equals(Set.copyOf(pk))) {
        out.remove(k);
        out.add(0, k);
        break;
      }
    }
    return out;
  }

  private static TableModel table(Connection c, String schema, String name, List<List<String>> referenced) {
    List<List<String>> keys = primaryFirst(c, schema, name, referenced);
    List<ColumnModel> columns = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (List<String> key : keys) {
      for (String col : key) {
        if (seen.add(col)) columns.add(column(c, schema, name, col));
      }
    }
    PrimaryKeyModel pk = new PrimaryKeyModel(Names.fit(name, "pkey"), keys.get(0));
    List<UniqueModel> uniques = new ArrayList<>();
    for (List<String> key : keys.subList(1, keys.size())) {
      uniques.add(new UniqueModel(Names.of(name, key, "key"), key, false, false, false));
    }
    return new TableModel(schema, name, columns, pk, List.of(), uniques, List.of(), List.of(), List.of(), null, false, false,
        List.of(), null);
  }

  private static ColumnModel column(Connection c, String schema, String table, String col) {
    try (PreparedStatement ps = c.prepareStatement(COLUMN)) {
      ps.setString(1, schema);
      ps.setString(2, table);
      ps.setString(3, col);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IntrospectionException("referenced column " + schema + "." + table + "." + col + " not found", null);
        }
        return new ColumnModel(col, rs.getString(1), true, null, null, null, null, null);
      }
    } catch (SQLException e) {
      throw new IntrospectionException("could not read referenced column " + schema + "." + table + "." + col + ": "
          + e.getMessage(), e);
    }
  }
}
