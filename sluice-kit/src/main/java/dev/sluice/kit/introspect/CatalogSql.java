package dev.sluice.kit.introspect;

/**
 * The catalog queries of {@link Introspector}, one per object kind. Every {@code ?} is bound to the
 * same text[] of schema names (role names for {@link #ROLES}). Nested lists (domain checks, index
 * elements) come back as JSON so that one query still covers every object.
 */
final class CatalogSql {
  /** See {@link dev.sluice.kit.diff.ObjectKinds#COLLATION_NAME_SQL}. */
  static final String COLLATION_NAME = dev.sluice.kit.diff.ObjectKinds.COLLATION_NAME_SQL;

  private CatalogSql() {}

  private static final String NOT_EXTENSION_MEMBER =
      " NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = '%s'::pg_catalog.regclass"
          + " AND d.objid = %s AND d.deptype = 'e') ";

  private static String notExtension(String catalog, String oid) {
    return String.format(NOT_EXTENSION_MEMBER, catalog, oid);
  }

  static final String SCHEMAS = "SELECT n.nspname FROM pg_catalog.pg_namespace n"
      + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'sluice') AND n.nspname !~ '^pg_(toast|temp)'"
      + " AND " + notExtension("pg_catalog.pg_namespace", "n.oid")
      + " AND (pg_catalog.cardinality(?::text[]) = 0 OR n.nspname = ANY (?::text[]))"
      + " ORDER BY 1";

  static final String EXTENSIONS = "SELECT e.extname, n.nspname, e.extversion FROM pg_catalog.pg_extension e"
      + " JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY 1";

  /** Comments of the read schemas ({@code public}'s is read too and left out by the caller). */
  static final String SCHEMA_COMMENTS = "SELECT n.nspname, pg_catalog.obj_description(n.oid, 'pg_namespace') AS comment"
      + " FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY (?::text[])"
      + " AND pg_catalog.obj_description(n.oid, 'pg_namespace') IS NOT NULL ORDER BY 1";

  static final String ENUMS = "SELECT n.nspname, t.typname,"
      + " ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels,"
      + " pg_catalog.obj_description(t.oid, 'pg_type') AS comment"
      + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
      + " WHERE t.typtype = 'e' AND n.nspname = ANY (?::text[]) AND " + notExtension("pg_catalog.pg_type", "t.oid");

  /** Domain NOT NULL is {@code typnotnull} (PostgreSQL 17 also keeps a contype 'n' row, which is skipped). */
  static final String DOMAINS = "SELECT n.nspname, t.typname, pg_catalog.format_type(t.typbasetype, t.typtypmod) AS basetype,"
      + " t.typnotnull, pg_catalog.pg_get_expr(t.typdefaultbin, 0) AS defaultexpr,"
      + " pg_catalog.obj_description(t.oid, 'pg_type') AS comment,"
      + " (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('name', k.conname, 'def', pg_catalog.pg_get_constraintdef(k.oid),"
      + "   'validated', k.convalidated, 'comment', pg_catalog.obj_description(k.oid, 'pg_constraint'))"
      + "   ORDER BY k.conname) FROM pg_catalog.pg_constraint k"
      + "   WHERE k.contypid = t.oid AND k.contype = 'c') AS checks,"
      + " CASE WHEN t.typcollation <> 0 AND t.typcollation <> bt.typcollation THEN " + COLLATION_NAME + " END AS collation"
      + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
      + " JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation"
      + " WHERE t.typtype = 'd' AND n.nspname = ANY (?::text[]) AND " + notExtension("pg_catalog.pg_type", "t.oid");

  static final String SEQUENCES = "SELECT c.oid, n.nspname, c.relname, c.oid::pg_catalog.regclass::text AS regclass,"
      + " pg_catalog.format_type(s.seqtypid, NULL) AS seqtype, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache,"
      + " s.seqcycle, pg_catalog.obj_description(c.oid, 'pg_class') AS comment,"
      + " d.refobjid AS owner_table, d.refobjsubid AS owner_column, d.deptype,"
      + " (SELECT t.relname FROM pg_catalog.pg_class t WHERE t.oid = d.refobjid) AS owner_relname,"
      + " (SELECT a.attname FROM pg_catalog.pg_attribute a WHERE a.attrelid = d.refobjid AND a.attnum = d.refobjsubid) AS owner_attname"
      + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
      + " JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid"
      + " LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid"
      + "   AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype IN ('a', 'i')"
      + " WHERE c.relkind = 'S' AND n.nspname = ANY (?::text[]) AND " + notExtension("pg_catalog.pg_class", "c.oid");

  static final String TABLES = "SELECT c.oid, n.nspname, c.relname, c.relrowsecurity, c.relforcerowsecurity,"
      + " pg_catalog.obj_description(c.oid, 'pg_class') AS comment"
      + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
      + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?::text[])"
      + " AND " + notExtension("pg_catalog.pg_class", "c.oid")
      + " ORDER BY n.nspname, c.relname";

  /** Columns the table declares itself ({@code attislocal}): those only inherited from a parent are the parent's. */
  static final String COLUMNS = "SELECT a.attrelid, a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,"
      + " a.attnotnull, pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS defaultexpr, a.attidentity::text AS attidentity,"
      + " a.attgenerated::text AS attgenerated,"
      + " CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN " + COLLATION_NAME + " END AS collation,"
      + " pg_catalog.col_description(a.attrelid, a.attnum) AS comment"
      + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
      + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
      + " LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
      + " LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation"
      + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?::text[])"
      + " AND a.attnum > 0 AND NOT a.attisdropped AND a.attislocal ORDER BY a.attrelid, a.attnum";

  /**
   * Constraints of tables; child rows of partitioned constraints ({@code conparentid <> 0}) and CHECK
   * constraints only inherited from a parent ({@code NOT conislocal}) are skipped.
   */
  static String constraints(int serverVersion) {
    return constraints(serverVersion, "k.contype IN ('p', 'u', 'f', 'c', 'x') AND NOT c.relispartition");
  }

  /**
   * Constraints of partitions that are the partition's own: foreign keys, primary keys, unique and
   * exclusion constraints that are not clones of the parent's ({@code conparentid = 0}), CHECK
   * constraints declared on the partition ({@code conislocal}).
   */
  static String partitionConstraints(int serverVersion) {
    return constraints(serverVersion, "k.contype IN ('p', 'u', 'f', 'c', 'x') AND c.relispartition");
  }

  private static String constraints(int serverVersion, String filter) {
    return "SELECT k.conrelid, k.conname, k.contype::text AS contype,"
        + " ARRAY(SELECT a.attname::text FROM pg_catalog.unnest(k.conkey) WITH ORDINALITY u(num, ord)"
        + "   JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num ORDER BY u.ord) AS columns,"
        + " fn.nspname AS refschema, fc.relname AS reftable,"
        + " ARRAY(SELECT a.attname::text FROM pg_catalog.unnest(k.confkey) WITH ORDINALITY u(num, ord)"
        + "   JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num ORDER BY u.ord) AS refcolumns,"
        + " k.confupdtype::text AS confupdtype, k.confdeltype::text AS confdeltype, k.confmatchtype::text AS confmatchtype,"
        + " k.condeferrable, k.condeferred, k.convalidated, pg_catalog.pg_get_constraintdef(k.oid) AS def, k.conindid,"
        + " ARRAY(SELECT o.oprname::text FROM pg_catalog.unnest(k.conexclop) WITH ORDINALITY u(op, ord)"
        + "   JOIN pg_catalog.pg_operator o ON o.oid = u.op ORDER BY u.ord) AS operators,"
        + (serverVersion >= 150000 ? " COALESCE(i.indnullsnotdistinct, false)" : " false") + " AS nullsnotdistinct,"
        + (serverVersion >= 150000
            ? " ARRAY(SELECT a.attname::text FROM pg_catalog.unnest(k.confdelsetcols) WITH ORDINALITY u(num, ord)"
              + "   JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num ORDER BY u.ord)"
            : " ARRAY[]::text[]") + " AS ondeletecolumns,"
        + " pg_catalog.obj_description(k.oid, 'pg_constraint') AS comment"
        + " FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class c ON c.oid = k.conrelid"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        + " LEFT JOIN pg_catalog.pg_class fc ON fc.oid = k.confrelid"
        + " LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace"
        + " LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = k.conindid AND k.contype IN ('p', 'u', 'x')"
        + " WHERE " + filter + " AND k.conparentid = 0 AND (k.contype <> 'c' OR k.conislocal)"
        + " AND c.relkind IN ('r', 'p') AND n.nspname = ANY (?::text[])";
  }

  /**
   * Indexes of tables and materialized views; {@code indkey}, {@code indclass}, {@code indcollation}
   * and {@code indoption} are 0-based vectors. The element JSON holds the column name (null for an
   * expression), the expression text, a non-default operator class, a non-default collation and the
   * option bits (1 = DESC, 2 = NULLS FIRST).
   */
  static String indexes(int serverVersion) {
    return indexes(serverVersion, "c.relkind IN ('r', 'p', 'm') AND NOT c.relispartition");
  }

  /**
   * Indexes of partitions that are the partition's own: not attached to an index of the parent
   * ({@code NOT ic.relispartition}) and not backing a constraint.
   */
  static String partitionIndexes(int serverVersion) {
    return indexes(serverVersion, "c.relkind IN ('r', 'p') AND c.relispartition AND NOT ic.relispartition"
        + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid)");
  }

  /** Indexes backing the own exclusion constraints of partitions (their elements and methods). */
  static String partitionExclusionIndexes(int serverVersion) {
    return indexes(serverVersion, "c.relkind IN ('r', 'p') AND c.relispartition AND NOT ic.relispartition"
        + " AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid"
        + " AND k.contype = 'x')");
  }

  private static String indexes(int serverVersion, String filter) {
    return "SELECT i.indexrelid, i.indrelid, ic.relname, am.amname, i.indisunique, i.indnkeyatts,"
        + (serverVersion >= 150000 ? " i.indnullsnotdistinct" : " false") + " AS nullsnotdistinct,"
        + " pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate, ic.reloptions::text[] AS reloptions,"
        + " pg_catalog.obj_description(i.indexrelid, 'pg_class') AS comment,"
        // uncorrelated, so PostgreSQL hashes it once; a correlated EXISTS scanned pg_constraint per index
        // (pg_constraint has no index on conindid): quadratic, a second per 3,000 tables
        + " i.indexrelid IN (SELECT k.conindid FROM pg_catalog.pg_constraint k WHERE k.contype IN ('p', 'u', 'x')) AS backed,"
        + " (SELECT pg_catalog.json_agg(pg_catalog.json_build_object("
        + "     'col', a.attname,"
        + "     'expr', CASE WHEN i.indkey[g.k] = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, g.k + 1, false) END,"
        + "     'opc', CASE WHEN NOT opc.opcdefault THEN opc.opcname END,"
        + "     'coll', CASE WHEN i.indcollation[g.k] <> 0 AND i.indcollation[g.k] <> COALESCE(NULLIF(a.attcollation, 0), 100)"
        + "       THEN " + COLLATION_NAME + " END,"
        + "     'opt', i.indoption[g.k]) ORDER BY g.k)"
        + "   FROM pg_catalog.generate_series(0, i.indnatts - 1) g(k)"
        + "   LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[g.k] AND i.indkey[g.k] <> 0"
        + "   LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = i.indclass[g.k]"
        + "   LEFT JOIN pg_catalog.pg_collation co ON co.oid = i.indcollation[g.k]) AS elements"
        + " FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
        + " JOIN pg_catalog.pg_am am ON am.oid = ic.relam"
        + " JOIN pg_catalog.pg_class c ON c.oid = i.indrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE " + filter + " AND n.nspname = ANY (?::text[])";
  }

  static final String PARTITIONED = "SELECT p.partrelid, p.partstrat::text AS partstrat,"
      + " pg_catalog.pg_get_partkeydef(p.partrelid) AS keydef,"
      + " ARRAY(SELECT COALESCE(a.attname::text, '') FROM pg_catalog.generate_series(0, p.partnatts - 1) g(k)"
      + "   LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[g.k]"
      + "   AND p.partattrs[g.k] <> 0 ORDER BY g.k) AS keycolumns"
      + " FROM pg_catalog.pg_partitioned_table p JOIN pg_catalog.pg_class c ON c.oid = p.partrelid"
      + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY (?::text[])";

  static final String PARTITIONS = "SELECT h.inhparent, c.oid, c.relname,"
      + " pg_catalog.pg_get_expr(c.relpartbound, c.oid) AS bound"
      + " FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_class c ON c.oid = h.inhrelid"
      + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
      + " WHERE c.relispartition AND c.relkind IN ('r', 'p') AND n.nspname = ANY (?::text[])";

  static final String POLICIES = "SELECT p.polrelid, p.polname, p.polcmd::text AS polcmd, p.polpermissive,"
      + " ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r)::text END"
      + "   FROM pg_catalog.unnest(p.polroles) r) AS roles,"
      + " pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS qual,"
      + " pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS withcheck,"
      + " pg_catalog.obj_description(p.oid, 'pg_policy') AS comment"
      + " FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid"
      + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY (?::text[])";

  static final String VIEWS = "SELECT c.oid, n.nspname, c.relname, c.relkind::text AS relkind,"
      + " pg_catalog.pg_get_viewdef(c.oid, true) AS query, c.reloptions::text[] AS reloptions, c.relispopulated,"
      + " pg_catalog.obj_description(c.oid, 'pg_class') AS comment"
      + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
      + " WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY (?::text[]) AND " + notExtension("pg_catalog.pg_class", "c.oid");

  /** Comments on the output columns of views and materialized views. */
  static final String VIEW_COLUMN_COMMENTS = "SELECT c.oid, a.attname, d.description"
      + " FROM pg_catalog.pg_description d JOIN pg_catalog.pg_class c ON c.oid = d.objoid"
      + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
      + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid"
      + " WHERE d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid > 0 AND c.relkind IN ('v', 'm')"
      + " AND n.nspname = ANY (?::text[])";

  /**
   * Privileges granted to someone other than the owner, on relations, on columns ({@code attname} not
   * null) and on schemas; PUBLIC's privileges on schema public are {@link #PUBLIC_SCHEMA_TO_PUBLIC}.
   */
  static final String GRANTS = "SELECT CASE WHEN c.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS objtype,"
      + " n.nspname, c.relname AS objname,"
      + " CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(x.grantee)::text END AS grantee,"
      + " x.privilege_type, NULL::text AS attname"
      + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace,"
      + " LATERAL pg_catalog.aclexplode(c.relacl) x"
      + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND NOT c.relispartition AND x.grantee <> c.relowner"
      + " AND n.nspname = ANY (?::text[]) AND " + notExtension("pg_catalog.pg_class", "c.oid")
      + " UNION ALL"
      + " SELECT 'TABLE', n.nspname, c.relname,"
      + " CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(x.grantee)::text END, x.privilege_type,"
      + " a.attname::text"
      + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
      + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace, LATERAL pg_catalog.aclexplode(a.attacl) x"
      + " WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm')"
      + " AND NOT c.relispartition AND x.grantee <> c.relowner"
      + " AND n.nspname = ANY (?::text[]) AND " + notExtension("pg_catalog.pg_class", "c.oid")
      + " UNION ALL"
      + " SELECT 'SCHEMA', n.nspname, n.nspname,"
      + " CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(x.grantee)::text END, x.privilege_type, NULL"
      + " FROM pg_catalog.pg_namespace n, LATERAL pg_catalog.aclexplode(n.nspacl) x"
      + " WHERE x.grantee <> n.nspowner AND n.nspname = ANY (?::text[])"
      + " AND NOT (n.nspname = 'public' AND x.grantee = 0)"
      + " ORDER BY 1, 2, 3, 4, 6, 5";

  /** What PUBLIC holds on schema public (no row when public is not read). */
  static final String PUBLIC_SCHEMA_TO_PUBLIC = "SELECT ARRAY(SELECT x.privilege_type::text"
      + " FROM pg_catalog.aclexplode(COALESCE(n.nspacl, pg_catalog.acldefault('n', n.nspowner))) x"
      + " WHERE x.grantee = 0 ORDER BY 1) AS privileges"
      + " FROM pg_catalog.pg_namespace n WHERE n.nspname = 'public' AND n.nspname = ANY (?::text[])";

  /** Attributes of the named roles, leaving out pg_* roles and the connected user. */
  static final String ROLES = "SELECT r.rolname, r.rolcanlogin, r.rolinherit, r.rolbypassrls, r.rolcreatedb, r.rolcreaterole,"
      + " ARRAY(SELECT DISTINCT b.rolname::text FROM pg_catalog.pg_auth_members m"
      + "   JOIN pg_catalog.pg_roles b ON b.oid = m.roleid WHERE m.member = r.oid ORDER BY 1) AS memberof"
      + " FROM pg_catalog.pg_roles r WHERE r.rolname = ANY (?::text[]) AND r.rolname !~ '^pg_'"
      + " AND r.rolname <> CURRENT_USER ORDER BY 1";
}
