package dev.sluice.kit.introspect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a live database holds that {@link Introspector} does not read into the model: aggregates whose ACL
 * holds a grant option, window functions, base types and the other kinds below. {@code pull},
 * {@code diff} and {@code push} list them by kind and qualified name so that nothing is skipped
 * silently; {@code pull --strict} refuses when the list is not empty.
 *
 * <p>The list is table-driven: one catalog query per kind, in {@link #KINDS}. When a kind becomes
 * part of the model, its entry is removed here and nothing else changes. Every query skips
 * extension members ({@code pg_depend.deptype = 'e'}: the extension recreates them) and reads only
 * the schemas {@link IntrospectOptions#schemas()} selects (system schemas and {@code sluice} never);
 * objects that belong to a table follow {@link IntrospectOptions#excludes(String, String)}.
 * Database-wide kinds (casts, foreign servers) have no schema: they are
 * listed only when no schema filter is given.
 *
 * <p>Names are printed with an empty {@code search_path}, so always schema-qualified: a function is
 * its {@code regprocedure} ({@code public.group_concat(text)}), an object of a table is
 * {@code name on schema.table}.
 */
public final class UnmodeledObjects {
  private UnmodeledObjects() {}

  /**
   * One object the model cannot hold.
   *
   * @param kind what it is, e.g. {@code function}, {@code trigger}, {@code composite type}
   * @param name its qualified name as PostgreSQL prints it, e.g. {@code public.group_concat(text)}
   */
  public record UnmodeledObject(String kind, String name) {
    public UnmodeledObject {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
      return kind + " " + name;
    }
  }

  /**
   * One kind: a query returning {@code schema} (null for database-wide objects), {@code name}
   * (as printed) and {@code tbl} (the table it belongs to, or null), with {@code ?} bound to the schema names.
   */
  private record Kind(String kind, boolean databaseWide, String sql) {}

  private static String notExtension(String catalog, String oid) {
    return " NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = '" + catalog + "'::pg_catalog.regclass"
        + " AND d.objid = " + oid + " AND d.deptype = 'e') ";
  }

  private static final String IN_SCHEMAS = " n.nspname = ANY (?::text[]) ";

  /** Routines of one {@code prokind}; those PostgreSQL made itself (a range type's constructors) are left out. */
  private static String procs(String prokind) {
    return "SELECT n.nspname AS schema, p.oid::pg_catalog.regprocedure::text AS name, NULL AS tbl"
        + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
        + " WHERE p.prokind = '" + prokind + "' AND" + IN_SCHEMAS + "AND" + notExtension("pg_catalog.pg_proc", "p.oid")
        + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass"
        + " AND d.objid = p.oid AND d.deptype = 'i')";
  }

  private static String namespaced(String catalog, String alias, String nspColumn, String nameExpr, String where) {
    return "SELECT n.nspname AS schema, " + nameExpr + " AS name, NULL AS tbl FROM " + catalog + " " + alias
        + " JOIN pg_catalog.pg_namespace n ON n.oid = " + alias + "." + nspColumn
        + " WHERE" + IN_SCHEMAS + "AND" + notExtension(catalog, alias + ".oid") + (where.isEmpty() ? "" : " AND " + where);
  }

  private static String qualified(String nameColumn) {
    return "pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(" + nameColumn + ")";
  }

  /** Relations of the read schemas: {@code c} is the table. */
  private static String tables(String nameExpr, String where) {
    return "SELECT n.nspname AS schema, " + nameExpr + " AS name, c.relname::text AS tbl FROM pg_catalog.pg_class c"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE" + IN_SCHEMAS
        + "AND" + notExtension("pg_catalog.pg_class", "c.oid") + " AND " + where;
  }

  /** The kinds not modelled yet; remove an entry when its kind enters the model. */
  private static final List<Kind> KINDS = List.of(
      // aggregates are modelled except an ACL beyond EXECUTE grantees: a grant option, or the owner's own EXECUTE revoked
      new Kind("aggregate", false, procs("a") + " AND p.proacl IS NOT NULL AND (EXISTS (SELECT 1"
          + " FROM pg_catalog.aclexplode(p.proacl) x WHERE x.grantee <> p.proowner AND x.is_grantable)"
          + " OR NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(p.proacl) x WHERE x.grantee = p.proowner"
          + " AND x.privilege_type = 'EXECUTE'))"),
      new Kind("window function", false, procs("w")),
      new Kind("base type", false, namespaced("pg_catalog.pg_type", "t", "typnamespace", "t.oid::pg_catalog.regtype::text",
          "t.typtype = 'b' AND t.typelem = 0 AND t.oid >= 16384")),
      new Kind("operator", false, namespaced("pg_catalog.pg_operator", "o", "oprnamespace", "o.oid::pg_catalog.regoperator::text", "")),
      new Kind("operator class", false, namespaced("pg_catalog.pg_opclass", "o", "opcnamespace",
          qualified("o.opcname") + " || ' using ' || (SELECT a.amname FROM pg_catalog.pg_am a WHERE a.oid = o.opcmethod)", "")),
      new Kind("operator family", false, namespaced("pg_catalog.pg_opfamily", "o", "opfnamespace",
          qualified("o.opfname") + " || ' using ' || (SELECT a.amname FROM pg_catalog.pg_am a WHERE a.oid = o.opfmethod)", "")),
      new Kind("cast", true, "SELECT NULL AS schema, '(' || pg_catalog.format_type(k.castsource, NULL) || ' AS '"
          + " || pg_catalog.format_type(k.casttarget, NULL) || ')' AS name, NULL AS tbl FROM pg_catalog.pg_cast k"
          + " WHERE k.oid >= 16384 AND" + notExtension("pg_catalog.pg_cast", "k.oid")
          + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_cast'::pg_catalog.regclass"
          + " AND d.objid = k.oid AND d.deptype = 'i')"),
      new Kind("conversion", false, namespaced("pg_catalog.pg_conversion", "o", "connamespace", qualified("o.conname"), "")),
      new Kind("text search configuration", false, namespaced("pg_catalog.pg_ts_config", "o", "cfgnamespace",
          qualified("o.cfgname"), "")),
      new Kind("text search dictionary", false, namespaced("pg_catalog.pg_ts_dict", "o", "dictnamespace",
          qualified("o.dictname"), "")),
      new Kind("text search parser", false, namespaced("pg_catalog.pg_ts_parser", "o", "prsnamespace", qualified("o.prsname"), "")),
      new Kind("text search template", false, namespaced("pg_catalog.pg_ts_template", "o", "tmplnamespace",
          qualified("o.tmplname"), "")),
      new Kind("foreign table", false, tables("c.oid::pg_catalog.regclass::text", "c.relkind = 'f'")),
      new Kind("foreign server", true, "SELECT NULL AS schema, pg_catalog.quote_ident(s.srvname) AS name, NULL AS tbl"
          + " FROM pg_catalog.pg_foreign_server s WHERE" + notExtension("pg_catalog.pg_foreign_server", "s.oid")),
      // a partition in another schema than its parent (the model creates partitions in the parent's schema)
      new Kind("partition in another schema", false, "SELECT np.nspname AS schema, c.oid::pg_catalog.regclass::text"
          + " || ' of ' || p.oid::pg_catalog.regclass::text AS name, p.relname::text AS tbl FROM pg_catalog.pg_class c"
          + " JOIN pg_catalog.pg_inherits h ON h.inhrelid = c.oid JOIN pg_catalog.pg_class p ON p.oid = h.inhparent"
          + " JOIN pg_catalog.pg_namespace np ON np.oid = p.relnamespace"
          + " WHERE c.relispartition AND c.relnamespace <> p.relnamespace AND np.nspname = ANY (?::text[])"),
      // COMMENT ON TABLE/COLUMN of a partition (the model keeps comments of the partitioned table only)
      new Kind("partition comment", false, "SELECT n.nspname AS schema, c.oid::pg_catalog.regclass::text"
          + " || CASE WHEN d.objsubid = 0 THEN '' ELSE '.' || pg_catalog.quote_ident(a.attname) END AS name, c.relname::text AS tbl"
          + " FROM pg_catalog.pg_description d JOIN pg_catalog.pg_class c ON c.oid = d.objoid"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid"
          + " WHERE d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND c.relispartition AND" + IN_SCHEMAS),
      // an extension's comment changed from the one its control file sets
      new Kind("extension comment", false, "SELECT n.nspname AS schema, pg_catalog.quote_ident(e.extname) AS name, NULL AS tbl"
          + " FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace"
          + " WHERE" + IN_SCHEMAS + "AND pg_catalog.obj_description(e.oid, 'pg_extension') IS DISTINCT FROM"
          + " (SELECT v.comment FROM pg_catalog.pg_available_extension_versions v"
          + "   WHERE v.name = e.extname AND v.version = e.extversion)"),
      // WITH GRANT OPTION on tables, views, sequences, columns, schemas and routines (the model keeps the privilege only;
      // aggregates are listed as "aggregate" above); the owner's own entry always carries it and is left out
      new Kind("grant option", false, "SELECT n.nspname AS schema, x.privilege_type || ' on ' || c.oid::pg_catalog.regclass::text"
          + " || ' to ' || CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(x.grantee)::text END AS name,"
          + " c.relname::text AS tbl FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace,"
          + " LATERAL pg_catalog.aclexplode(c.relacl) x WHERE x.is_grantable AND x.grantee <> c.relowner"
          + " AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND" + IN_SCHEMAS + "AND" + notExtension("pg_catalog.pg_class", "c.oid")
          + " UNION ALL SELECT n.nspname, x.privilege_type || ' (' || pg_catalog.quote_ident(a.attname) || ') on '"
          + " || c.oid::pg_catalog.regclass::text || ' to ' || CASE WHEN x.grantee = 0 THEN 'PUBLIC'"
          + " ELSE pg_catalog.pg_get_userbyid(x.grantee)::text END, c.relname::text FROM pg_catalog.pg_attribute a"
          + " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace,"
          + " LATERAL pg_catalog.aclexplode(a.attacl) x WHERE x.is_grantable AND a.attnum > 0 AND NOT a.attisdropped"
          + " AND" + IN_SCHEMAS + "AND" + notExtension("pg_catalog.pg_class", "c.oid")
          + " UNION ALL SELECT n.nspname, x.privilege_type || ' on schema ' || pg_catalog.quote_ident(n.nspname) || ' to '"
          + " || CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(x.grantee)::text END, NULL"
          + " FROM pg_catalog.pg_namespace n, LATERAL pg_catalog.aclexplode(n.nspacl) x"
          + " WHERE x.is_grantable AND x.grantee <> n.nspowner AND" + IN_SCHEMAS
          + " UNION ALL SELECT n.nspname, x.privilege_type || ' on ' || p.oid::pg_catalog.regprocedure::text || ' to '"
          + " || CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(x.grantee)::text END, NULL"
          + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace,"
          + " LATERAL pg_catalog.aclexplode(p.proacl) x WHERE x.is_grantable AND x.grantee <> p.proowner AND p.prokind <> 'a'"
          + " AND" + IN_SCHEMAS + "AND" + notExtension("pg_catalog.pg_proc", "p.oid")),
      // owners are whoever runs the migration, but schema public exists before it: an owner other than
      // the server's default (15+: pg_database_owner, oid 6171; older: the bootstrap superuser, oid 10) is not kept
      new Kind("schema owner", false, "SELECT n.nspname AS schema, 'public owned by '"
          + " || pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(n.nspowner)::text) AS name, NULL AS tbl"
          + " FROM pg_catalog.pg_namespace n WHERE n.nspname = 'public' AND" + IN_SCHEMAS
          + "AND n.nspowner <> CASE WHEN pg_catalog.current_setting('server_version_num')::integer >= 150000"
          + " THEN 6171 ELSE 10 END"));

  /**
   * The objects of the schemas {@code options} selects that the model does not hold, in the order of
   * the kinds above, then by name. The connection's search_path is emptied for the duration and restored.
   */
  public static List<UnmodeledObject> list(Connection c, IntrospectOptions options) {
    Objects.requireNonNull(c, "connection");
    Objects.requireNonNull(options, "options");
    String oldPath = setting(c);
    execute(c, "SELECT pg_catalog.set_config('search_path', '', false)");
    try {
      List<String> schemas = Rows.query(c, "schemas", CatalogSql.SCHEMAS, options.schemas(), rs -> rs.getString(1));
      schemas.removeAll(options.foreignSchemas());
      int version = serverVersion(c);
      List<UnmodeledObject> out = new ArrayList<>();
      for (Kind k : KINDS) {
        if (k.databaseWide() && !options.schemas().isEmpty()) continue;
        String sql = version < 130000 ? k.sql().replace(" AND t.tgparentid = 0", "") : k.sql();
        List<UnmodeledObject> found = new ArrayList<>();
        Rows.query(c, k.kind() + "s", sql + " ORDER BY 2", schemas, rs -> {
          String schema = rs.getString("schema");
          String table = rs.getString("tbl");
          if (schema != null && table != null && options.excludes(schema, table)) return null;
          found.add(new UnmodeledObject(k.kind(), rs.getString("name")));
          return null;
        });
        out.addAll(found);
      }
      return out;
    } finally {
      execute(c, "SELECT pg_catalog.set_config('search_path', '" + oldPath.replace("'", "''") + "', false)");
    }
  }

  /** {@code kind name; kind name; ...}, or an empty string. */
  public static String describe(List<UnmodeledObject> objects) {
    return String.join("; ", objects.stream().map(UnmodeledObject::toString).toList());
  }

  private static int serverVersion(Connection c) {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version_num")) {
      rs.next();
      return Integer.parseInt(rs.getString(1));
    } catch (SQLException e) {
      throw new IntrospectionException("could not read server_version_num: " + e.getMessage(), e);
    }
  }

  private static String setting(Connection c) {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW search_path")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IntrospectionException("could not read search_path: " + e.getMessage(), e);
    }
  }

  private static void execute(Connection c, String sql) {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IntrospectionException("could not run " + sql + ": " + e.getMessage(), e);
    }
  }
}
