package dev.sluice.kit.introspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.ExclusionModel;
import dev.sluice.schema.model.ExtensionModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.GrantModel;
import dev.sluice.schema.model.IdentityModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.PrimaryKeyModel;
import dev.sluice.schema.model.RoleModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.SequenceModel;
import dev.sluice.schema.model.SequenceOptions;
import dev.sluice.schema.model.TableModel;
import dev.sluice.schema.model.UniqueModel;
import dev.sluice.schema.model.ViewModel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a live database's pg_catalog into a {@link SchemaModel}: the model {@code pull},
 * {@code push} and {@code diff --from URL --to URL} compare.
 *
 * <p>It runs a fixed set of about fifteen catalog queries whatever the size of the schema (one per
 * object kind, never one per table), so a database of a few hundred tables introspects in tens of
 * milliseconds. The queries run with {@code search_path = ''} (restored afterwards), so every name
 * PostgreSQL prints is schema-qualified and the text does not depend on the caller's search path.
 * Objects that belong to an extension ({@code pg_depend.deptype = 'e'}) are skipped: the extension
 * recreates them.
 *
 * <p><b>Normalization rules.</b> A schema created from a model whose SQL fragments are already in
 * PostgreSQL's printed form introspects back to an {@code equals} model:
 * <ul>
 *   <li>Types are {@code format_type(type, typmod)}: {@code character varying(255)}, {@code integer[]},
 *       {@code timestamp(3) with time zone}, {@code public.citext}, {@code public.mood}.</li>
 *   <li>Serial: an {@code integer}/{@code bigint}/{@code smallint} column whose default is
 *       {@code nextval('its own sequence'::regclass)}, where that sequence is owned by the column
 *       (OWNED BY), has the column's type and all default options, reads as {@code serial}/
 *       {@code bigserial}/{@code smallserial} with no default and the sequence is not listed; a serial
 *       column is NOT NULL in PostgreSQL, so the model says {@code notNull = true}. Any other owned
 *       sequence is listed as a free-standing sequence.</li>
 *   <li>Identity columns: {@code notNull = true}; identity options hold only values that differ from
 *       PostgreSQL's defaults for the column type (see {@link SequenceOptions}): START equal to
 *       MINVALUE (ascending) or MAXVALUE (descending), INCREMENT 1, MINVALUE 1 / type minimum, MAXVALUE
 *       type maximum / -1, CACHE 1 all read as null. So {@code generatedAlwaysAsIdentity()} round-trips.
 *       Free-standing sequences use the same rule against their own type.</li>
 *   <li>Defaults, generated expressions, index predicates and policy USING / WITH CHECK are
 *       {@code pg_get_expr(..)} without pretty-printing (e.g. {@code 'x'::text},
 *       {@code (price > (0)::numeric)}); checks are {@code pg_get_constraintdef(oid)} without the outer
 *       {@code CHECK (...)} and without a trailing {@code NOT VALID} (which becomes {@code notValid}).</li>
 *   <li>Collation of a column: only when it differs from its type's default collation.</li>
 *   <li>Index elements: a plain column is its name ({@code isExpression = false}); an expression is
 *       {@code pg_get_indexdef(index, n)} without the parentheses it adds around anything but a bare
 *       function call ({@code lower(email)}, {@code (id + 1)} for {@code ((id + 1))}), since the
 *       renderer adds one pair itself. The operator class is named
 *       (unqualified) only when it is not the default one for its type ({@code !opcdefault}); the
 *       collation only when it differs from the column's (or, for an expression, the database
 *       default); {@code nullsFirst} only when it differs from the default placement (NULLS LAST for
 *       ASC, NULLS FIRST for DESC). {@code concurrently} is always false (a build hint, not a
 *       property). Indexes backing a primary key, unique or exclusion constraint are not listed as
 *       indexes.</li>
 *   <li>Exclusion elements: a column name, or an expression wrapped in parentheses as the DSL writes
 *       it ({@code (lower(name))}); the operator is its bare name ({@code &&}).</li>
 *   <li>Partition keys: the column name when the key is a column, else the text
 *       {@code pg_get_partkeydef} prints for it; bounds are {@code pg_get_expr(relpartbound)}
 *       ({@code FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')}, {@code DEFAULT}). Partitions appear
 *       only inside their parent.</li>
 *   <li>Policies: {@code TO PUBLIC} is an empty role list.</li>
 *   <li>Views: {@code pg_get_viewdef(oid, true)} with surrounding whitespace and the trailing semicolon
 *       removed; plain views have {@code withData = false}; materialized views
 *       {@code withData = relispopulated}.</li>
 *   <li>Extensions: every extension except {@code plpgsql}, with its installed version
 *       ({@code extversion}); the schema is null when it is {@code public} (the default the DSL
 *       writes). What an extension installs (its types, functions, operators) is never read.</li>
 *   <li>Comments: on tables, columns, indexes, views, sequences, enums, domains, composite types,
 *       constraints (of tables and domains), policies and the created schemas; {@code public}'s own
 *       comment is not read.</li>
 *   <li>Domains: a collation is read only when it differs from the base type's.</li>
 *   <li>Roles: only roles named by a policy or grant of the read schemas, never {@code pg_*} roles nor
 *       the connected user; {@code memberOf} lists the roles each is a member of.</li>
 *   <li>Grants: privileges on tables, views, materialized views, sequences and schemas granted to
 *       anyone but the owner, one {@link GrantModel} per object and grantee (privileges sorted; grantee
 *       {@code PUBLIC} for the public pseudo-role). Views and materialized views use object type
 *       {@code TABLE}; a schema grant has {@code schema} and {@code name} both the schema's name.
 *       Column grants ({@code attacl}) are one {@link GrantModel} per object, grantee and set of
 *       privileges, listing the columns that have exactly those. PUBLIC's privileges on schema
 *       {@code public} are read only when they differ from the server's default (15+: {@code USAGE};
 *       older: {@code CREATE, USAGE}), as {@link GrantModel#publicSchema}.</li>
 *   <li>{@code schemas} lists the read schemas except {@code public}.</li>
 *   <li>External tables and functions: tables of other schemas that read foreign keys reference
 *       ({@code ExternalTargets}) and functions of other schemas that read policies, defaults,
 *       constraints, views and indexes call ({@code ExternalFunctions}, from {@code pg_depend}).</li>
 * </ul>
 *
 * <p>Functions, procedures and triggers are read by their own units (see
 * {@code dev.sluice.kit.diff.ObjectKinds}): bodies as stored ({@code prosrc}), results as
 * {@code pg_get_function_result}, trigger conditions as {@code pg_get_triggerdef} prints them.
 * Composite types and table options (UNLOGGED, storage parameters, replica identity) are read by
 * {@code CompositeTypeCatalog} and {@code TableOptionsCatalog}; table inheritance by {@code InheritsCatalog}
 * (a child lists only the columns and CHECK constraints it declares itself, {@code attislocal} / {@code conislocal});
 * a child's own default or NOT NULL on a column it only inherits by {@code InheritedColumnsCatalog}.
 *
 * <p>Not modelled (and so not read): WITH GRANT OPTION, owners (of schema {@code public} too),
 * aggregates whose ACL holds a grant option, foreign tables, tablespaces, options of partitions.
 * A partition's own indexes (not attached to an index of the parent), own foreign keys, primary key,
 * unique and exclusion constraints ({@code conparentid = 0}) and own CHECK constraints
 * ({@code conislocal}) are read into its {@code PartitionModel}.
 */
public final class Introspector {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Introspector() {}

  /**
   * The model of the schemas {@code options} selects. The connection's search_path is set to empty
   * for the duration and restored; nothing else about the connection changes.
   */
  public static SchemaModel introspect(Connection c, IntrospectOptions options) {
    Objects.requireNonNull(c, "connection");
    Objects.requireNonNull(options, "options");
    String oldPath = setting(c, "SHOW search_path");
    execute(c, "SELECT pg_catalog.set_config('search_path', '', false)");
    try {
      return new Reader(c, options).read();
    } finally {
      execute(c, "SELECT pg_catalog.set_config('search_path', " + quote(oldPath) + ", false)");
    }
  }

  /** Introspects every non-system schema. */
  public static SchemaModel introspect(Connection c) {
    return introspect(c, IntrospectOptions.all());
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static String setting(Connection c, String sql) {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IntrospectionException("could not run " + sql + ": " + e.getMessage(), e);
    }
  }

  private static void execute(Connection c, String sql) {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IntrospectionException("could not run " + sql + ": " + e.getMessage(), e);
    }
  }

  /** One introspection run: the queries and the assembly of their rows. */
  private static final class Reader {
    private final Connection c;
    private final IntrospectOptions options;
    private List<String> schemas;
    private int serverVersion;

    Reader(Connection c, IntrospectOptions options) {
      this.c = c;
      this.options = options;
    }

    private <T> List<T> query(String what, String sql, Rows.RowReader<T> reader) {
      return Rows.query(c, what, sql, schemas, reader);
    }

    SchemaModel read() {
      serverVersion = Integer.parseInt(setting(c, "SHOW server_version_num"));
      schemas = Rows.query(c, "schemas", CatalogSql.SCHEMAS, options.schemas(), rs -> rs.getString(1));
      schemas.removeAll(options.foreignSchemas());
      if (!options.schemas().isEmpty()) {
        for (String s : options.schemas()) {
          if (!schemas.contains(s)) throw new IntrospectionException("schema " + s + " does not exist", null);
        }
      }
      List<ExtensionModel> extensions = query("extensions", CatalogSql.EXTENSIONS,
          rs -> new ExtensionModel(rs.getString("extname"),
              "public".equals(rs.getString("nspname")) ? null : rs.getString("nspname"), rs.getString("extversion")));
      List<EnumModel> enums = query("enums", CatalogSql.ENUMS,
          rs -> new EnumModel(rs.getString("nspname"), rs.getString("typname"), Rows.strings(rs, "labels"),
              rs.getString("comment")));
      List<DomainModel> domains = query("domains", CatalogSql.DOMAINS, this::domain);
      List<SequenceRow> sequenceRows = query("sequences", CatalogSql.SEQUENCES, SequenceRow::of);
      Map<Long, TableRow> tables = new LinkedHashMap<>();
      for (TableRow t : query("tables", CatalogSql.TABLES, TableRow::of)) {
        if (!options.excludes(t.schema, t.name)) tables.put(t.oid, t);
      }
      Map<Long, List<ColumnRow>> columns = new HashMap<>();
      for (ColumnRow col : query("columns", CatalogSql.COLUMNS, ColumnRow::of)) {
        if (tables.containsKey(col.relid)) columns.computeIfAbsent(col.relid, k -> new ArrayList<>()).add(col);
      }
      Map<Long, List<ConstraintRow>> constraints = new HashMap<>();
      for (ConstraintRow k : query("constraints", CatalogSql.constraints(serverVersion), ConstraintRow::of)) {
        constraints.computeIfAbsent(k.relid, x -> new ArrayList<>()).add(k);
      }
      Map<Long, IndexRow> indexesByOid = new HashMap<>();
      Map<Long, List<IndexRow>> indexes = new HashMap<>();
      for (IndexRow i : query("indexes", CatalogSql.indexes(serverVersion), IndexRow::of)) {
        indexesByOid.put(i.oid, i);
        indexes.computeIfAbsent(i.relid, x -> new ArrayList<>()).add(i);
      }
      Map<Long, List<IndexModel>> partitionIndexes = new HashMap<>();
      for (IndexRow i : query("partition indexes", CatalogSql.partitionIndexes(serverVersion), IndexRow::of)) {
        partitionIndexes.computeIfAbsent(i.relid, x -> new ArrayList<>()).add(i.toModel());
      }
      Map<Long, IndexRow> exclusionIndexes = new HashMap<>();
      for (IndexRow i : query("partition exclusion indexes", CatalogSql.partitionExclusionIndexes(serverVersion), IndexRow::of)) {
        exclusionIndexes.put(i.oid, i);
      }
      Map<Long, List<ConstraintRow>> partitionConstraints = new HashMap<>();
      for (ConstraintRow k : query("partition constraints", CatalogSql.partitionConstraints(serverVersion), ConstraintRow::of)) {
        partitionConstraints.computeIfAbsent(k.relid, x -> new ArrayList<>()).add(k);
      }
      PartitionOwn own = new PartitionOwn(partitionIndexes, partitionConstraints, exclusionIndexes);
      Map<Long, PartitionedRow> partitioned = new HashMap<>();
      for (PartitionedRow p : query("partition keys", CatalogSql.PARTITIONED, PartitionedRow::of)) {
        partitioned.put(p.oid, p);
      }
      Map<Long, List<PartitionRow>> partitions = new HashMap<>();
      for (PartitionRow p : query("partitions", CatalogSql.PARTITIONS, PartitionRow::of)) {
        partitions.computeIfAbsent(p.parent, x -> new ArrayList<>()).add(p);
      }
      Map<Long, List<PolicyModel>> policies = new HashMap<>();
      for (Map.Entry<Long, PolicyModel> p : query("policies", CatalogSql.POLICIES, Reader::policy)) {
        policies.computeIfAbsent(p.getKey(), x -> new ArrayList<>()).add(p.getValue());
      }
      List<ViewRow> viewRows = query("views", CatalogSql.VIEWS, ViewRow::of);
      Map<Long, Map<String, String>> viewColumnComments = new HashMap<>();
      for (String[] r : query("view column comments", CatalogSql.VIEW_COLUMN_COMMENTS,
          rs -> new String[] {rs.getString("oid"), rs.getString("attname"), rs.getString("description")})) {
        viewColumnComments.computeIfAbsent(Long.parseLong(r[0]), x -> new HashMap<>()).put(r[1], r[2]);
      }
      List<GrantModel> grants = grants();
      Map<Long, dev.sluice.schema.model.TableOptions> tableOptions = TableOptionsCatalog.read(c, schemas);
      Map<Long, List<dev.sluice.schema.model.ParentTable>> parents = InheritsCatalog.read(c, schemas);
      Map<Long, List<dev.sluice.schema.model.InheritedColumnModel>> overrides = InheritedColumnsCatalog.read(c, schemas);
      List<dev.sluice.schema.model.CompositeTypeModel> compositeTypes = CompositeTypeCatalog.read(c, schemas);

      // sequences: identity and serial sequences belong to their columns
      Map<String, SequenceRow> ownedBy = new HashMap<>();
      for (SequenceRow s : sequenceRows) {
        if (s.ownerTable != 0) ownedBy.put(s.ownerTable + ":" + s.ownerColumn + ":" + s.depType, s);
      }
      Set<Long> consumed = new HashSet<>();
      List<TableModel> tableModels = new ArrayList<>();
      for (TableRow t : tables.values()) {
        List<ColumnModel> cms = new ArrayList<>();
        for (ColumnRow col : columns.getOrDefault(t.oid, List.of())) {
          cms.add(column(t, col, ownedBy, consumed));
        }
        tableModels.add(table(t, cms, constraints.getOrDefault(t.oid, List.of()), indexes.getOrDefault(t.oid, List.of()),
            indexesByOid, partitioned, partitions, own, policies.getOrDefault(t.oid, List.of()))
            .withOptions(tableOptions.get(t.oid)).withInherits(parents.get(t.oid))
            .withInheritedColumns(overrides.get(t.oid)));
      }
      List<SequenceModel> sequences = new ArrayList<>();
      for (SequenceRow s : sequenceRows) {
        if (s.depType.equals("i") || consumed.contains(s.oid)) continue;
        if (options.excludes(s.schema, s.name)) continue;
        // OWNED BY a column that does not read as serial (an integer column over a bigint sequence, say)
        boolean owned = s.depType.equals("a") && s.ownerAttname != null && !options.excludes(s.schema, s.ownerRelname);
        sequences.add(new SequenceModel(s.schema, s.name, s.type, s.options(), s.comment, owned ? s.ownerRelname : null,
            owned ? s.ownerAttname : null));
      }
      List<ViewModel> views = new ArrayList<>();
      for (ViewRow v : viewRows) {
        if (options.excludes(v.schema, v.name)) continue;
        List<IndexModel> vis = new ArrayList<>();
        for (IndexRow i : indexes.getOrDefault(v.oid, List.of())) vis.add(i.toModel());
        views.add(v.toModel(vis, viewColumnComments.get(v.oid)));
      }
      grants.removeIf(g -> !g.objectType().equals("SCHEMA") && options.excludes(g.schema(), g.name()));
      List<RoleModel> roles = roles(policies, grants);
      List<String> created = new ArrayList<>(schemas);
      created.remove("public");
      compositeTypes.removeIf(ct -> options.excludes(ct.schema(), ct.name()));
      Map<String, String> schemaComments = new HashMap<>();
      query("schema comments", CatalogSql.SCHEMA_COMMENTS, rs -> schemaComments.put(rs.getString("nspname"), rs.getString("comment")));
      String publicComment = schemas.contains("public") ? schemaComments.getOrDefault("public", "") : null;
      schemaComments.keySet().retainAll(created);
      if (publicComment != null && !publicComment.equals(SchemaModel.PUBLIC_SCHEMA_COMMENT)) {
        schemaComments.put("public", publicComment);
      }
      SchemaModel model = new SchemaModel(created, extensions, roles, enums, domains, sequences, tableModels, views, grants,
          null, null, compositeTypes, schemaComments);
      try {
        model = dev.sluice.kit.diff.ObjectKinds.introspect(c, model, schemas, serverVersion);
      } catch (SQLException e) {
        throw new IntrospectionException("could not read functions and triggers from pg_catalog: " + e.getMessage(), e);
      }
      return withDefaultPrivilegeRoles(model.withObjects(model.functions(),
          model.triggers().stream().filter(t -> !options.excludes(t.schema(), t.table())).toList())
          .withStatistics(model.statistics().stream().filter(x -> !options.excludes(x.tableSchema(), x.table())).toList())
          .withRules(model.rules().stream().filter(x -> !options.excludes(x.schema(), x.table())).toList())
          // publications and event triggers are database-wide: read only without a schema filter (as UnmodeledObjects lists such kinds)
          .withPublications(options.schemas().isEmpty() ? model.publications() : List.of())
          .withEventTriggers(options.schemas().isEmpty() ? model.eventTriggers() : List.of())
          // database-wide default privileges likewise; those of a schema follow the filter
          .withDefaultPrivileges(model.defaultPrivileges().stream()
              .filter(d -> d.schema() != null || options.schemas().isEmpty()).toList())
          .withExternalTables(ExternalTargets.of(c, model.tables()))
          .withExternalFunctions(ExternalFunctions.of(c, schemas, serverVersion)));
    }

    private DomainModel domain(ResultSet rs) throws SQLException {
      List<CheckModel> checks = new ArrayList<>();
      for (JsonNode n : json(rs.getString("checks"))) {
        JsonNode comment = n.get("comment");
        checks.add(check(n.get("name").asText(), n.get("def").asText(), n.get("validated").asBoolean())
            .withComment(comment == null || comment.isNull() ? null : comment.asText()));
      }
      return new DomainModel(rs.getString("nspname"), rs.getString("typname"), rs.getString("basetype"),
          rs.getBoolean("typnotnull"), rs.getString("defaultexpr"), checks, rs.getString("comment"), rs.getString("collation"));
    }

    private static JsonNode json(String text) {
      try {
        return JSON.readTree(text == null ? "[]" : text);
      } catch (java.io.IOException e) {
        throw new IntrospectionException("unreadable catalog JSON: " + text, e);
      }
    }

    private ColumnModel column(TableRow t, ColumnRow col, Map<String, SequenceRow> ownedBy, Set<Long> consumed) {
      String type = col.type;
      String defaultExpr = col.defaultExpr;
      IdentityModel identity = null;
      String generated = null;
      boolean notNull = col.notNull;
      if (!col.generated.isEmpty()) {
        generated = defaultExpr;
        defaultExpr = null;
      }
      if (!col.identity.isEmpty()) {
        SequenceRow s = ownedBy.get(t.oid + ":" + col.attnum + ":i");
        SequenceOptions o = s == null ? SequenceOptions.DEFAULTS : s.options();
        identity = new IdentityModel(col.identity.equals("a") ? IdentityModel.Kind.ALWAYS : IdentityModel.Kind.BY_DEFAULT, o);
        notNull = true;
      }
      SequenceRow owned = ownedBy.get(t.oid + ":" + col.attnum + ":a");
      if (owned != null && defaultExpr != null && defaultExpr.equals("nextval(" + quote(owned.regclass) + "::regclass)")
          && owned.type.equals(type) && owned.options().isDefault()) {
        String serial = switch (type) {
          case "integer" -> "serial";
          case "bigint" -> "bigserial";
          case "smallint" -> "smallserial";
          default -> null;
        };
        if (serial != null) {
          consumed.add(owned.oid);
          type = serial;
          defaultExpr = null;
        }
      }
      return new ColumnModel(col.name, type, notNull, defaultExpr, identity, generated, col.collation, col.comment);
    }

    private TableModel table(TableRow t, List<ColumnModel> cms, List<ConstraintRow> cons, List<IndexRow> idx,
        Map<Long, IndexRow> indexesByOid, Map<Long, PartitionedRow> partitioned, Map<Long, List<PartitionRow>> partitions,
        PartitionOwn own, List<PolicyModel> policies) {
      PrimaryKeyModel pk = null;
      List<ForeignKeyModel> fks = new ArrayList<>();
      List<UniqueModel> uniques = new ArrayList<>();
      List<CheckModel> checks = new ArrayList<>();
      List<ExclusionModel> exclusions = new ArrayList<>();
      for (ConstraintRow k : cons) {
        switch (k.type) {
          case "p" -> pk = new PrimaryKeyModel(k.name, k.columns, k.comment);
          case "u" -> uniques.add(new UniqueModel(k.name, k.columns, k.nullsNotDistinct, k.deferrable, k.deferred, k.comment));
          case "c" -> checks.add(check(k.name, k.def, k.validated).withComment(k.comment));
          case "f" -> fks.add(foreignKey(k));
          case "x" -> exclusions.add(exclusion(k, indexesByOid.get(k.indexOid)).withComment(k.comment));
          default -> { }
        }
      }
      List<IndexModel> ims = new ArrayList<>();
      for (IndexRow i : idx) {
        if (!i.constraintBacked) ims.add(i.toModel());
      }
      PartitioningModel partitioning = partitioning(t.oid, partitioned, partitions, own);
      return new TableModel(t.schema, t.name, cms, pk, fks, uniques, checks, exclusions, ims, partitioning,
          t.rlsEnabled, t.rlsForced, policies, t.comment);
    }

    private static ForeignKeyModel foreignKey(ConstraintRow k) {
      return new ForeignKeyModel(k.name, k.columns, k.refSchema, k.refTable, k.refColumns,
          action(k.onDelete), action(k.onUpdate), k.match.equals("f") ? ForeignKeyModel.Match.FULL : ForeignKeyModel.Match.SIMPLE,
          k.deferrable, k.deferred, !k.validated, k.onDeleteColumns, k.comment);
    }

    /** Indexes and constraints of partitions alone, by partition oid; the indexes of their exclusion constraints by oid. */
    private record PartitionOwn(Map<Long, List<IndexModel>> indexes, Map<Long, List<ConstraintRow>> constraints,
        Map<Long, IndexRow> exclusionIndexes) {
      PartitioningModel.PartitionModel partition(PartitionRow r, PartitioningModel subPartitioning) {
        PrimaryKeyModel pk = null;
        List<ForeignKeyModel> fks = new ArrayList<>();
        List<UniqueModel> uniques = new ArrayList<>();
        List<CheckModel> checks = new ArrayList<>();
        List<ExclusionModel> exclusions = new ArrayList<>();
        for (ConstraintRow k : constraints.getOrDefault(r.oid, List.of())) {
          switch (k.type) {
            case "p" -> pk = new PrimaryKeyModel(k.name, k.columns, k.comment);
            case "u" -> uniques.add(new UniqueModel(k.name, k.columns, k.nullsNotDistinct, k.deferrable, k.deferred, k.comment));
            case "c" -> checks.add(check(k.name, k.def, k.validated).withComment(k.comment));
            case "f" -> fks.add(foreignKey(k));
            case "x" -> exclusions.add(exclusion(k, exclusionIndexes.get(k.indexOid)).withComment(k.comment));
            default -> { }
          }
        }
        return new PartitioningModel.PartitionModel(r.name, r.bound, subPartitioning, indexes.get(r.oid), fks, pk, uniques,
            checks, exclusions);
      }
    }

    private static PartitioningModel partitioning(long oid, Map<Long, PartitionedRow> partitioned,
        Map<Long, List<PartitionRow>> partitions, PartitionOwn own) {
      PartitionedRow p = partitioned.get(oid);
      if (p == null) return null;
      List<PartitioningModel.PartitionModel> parts = new ArrayList<>();
      for (PartitionRow r : partitions.getOrDefault(oid, List.of())) {
        parts.add(own.partition(r, partitioning(r.oid, partitioned, partitions, own)));
      }
      return new PartitioningModel(p.strategy, p.keys, parts);
    }

    private static ExclusionModel exclusion(ConstraintRow k, IndexRow index) {
      List<ExclusionModel.Element> elements = new ArrayList<>();
      for (int n = 0; n < index.elements.size(); n++) {
        IndexModel.IndexElement e = index.elements.get(n);
        String expression = e.isExpression() ? "(" + e.expression() + ")" : e.expression();
        // the DSL writes an expression element as "(expression)": the printed element with its parentheses
        String operator = n < k.operators.size() ? k.operators.get(n) : null;
        elements.add(new ExclusionModel.Element(expression, e.opclass(), operator));
      }
      return new ExclusionModel(k.name, index.method, elements, index.where, k.deferrable, k.deferred);
    }

    static CheckModel check(String name, String def, boolean validated) {
      String e = def;
      if (e.endsWith(" NOT VALID")) e = e.substring(0, e.length() - " NOT VALID".length());
      if (e.endsWith(" NO INHERIT")) e = e.substring(0, e.length() - " NO INHERIT".length());
      if (e.startsWith("CHECK (") && e.endsWith(")")) e = e.substring("CHECK (".length(), e.length() - 1);
      return new CheckModel(name, e, !validated);
    }

    private static ForeignKeyModel.Action action(String code) {
      return switch (code) {
        case "r" -> ForeignKeyModel.Action.RESTRICT;
        case "c" -> ForeignKeyModel.Action.CASCADE;
        case "n" -> ForeignKeyModel.Action.SET_NULL;
        case "d" -> ForeignKeyModel.Action.SET_DEFAULT;
        default -> ForeignKeyModel.Action.NO_ACTION;
      };
    }

    private static Map.Entry<Long, PolicyModel> policy(ResultSet rs) throws SQLException {
      PolicyModel.Command command = switch (rs.getString("polcmd")) {
        case "r" -> PolicyModel.Command.SELECT;
        case "a" -> PolicyModel.Command.INSERT;
        case "w" -> PolicyModel.Command.UPDATE;
        case "d" -> PolicyModel.Command.DELETE;
        default -> PolicyModel.Command.ALL;
      };
      List<String> roles = Rows.strings(rs, "roles");
      roles.removeIf(r -> r.equals("public"));
      return Map.entry(rs.getLong("polrelid"), new PolicyModel(rs.getString("polname"), command,
          rs.getBoolean("polpermissive"), roles, rs.getString("qual"), rs.getString("withcheck"), rs.getString("comment")));
    }

    private List<GrantModel> grants() {
      // object and grantee -> column ("" for the whole object) -> privileges
      Map<String, Map<String, TreeSet<String>>> privileges = new LinkedHashMap<>();
      Map<String, String[]> objects = new HashMap<>();
      query("grants", CatalogSql.GRANTS, rs -> {
        String[] o = {rs.getString("objtype"), rs.getString("nspname"), rs.getString("objname"), rs.getString("grantee")};
        String key = String.join("\u0000", o);
        objects.put(key, o);
        String column = rs.getString("attname");
        privileges.computeIfAbsent(key, x -> new LinkedHashMap<>())
            .computeIfAbsent(column == null ? "" : column, x -> new TreeSet<>()).add(rs.getString("privilege_type"));
        return null;
      });
      List<GrantModel> out = new ArrayList<>();
      for (Map.Entry<String, Map<String, TreeSet<String>>> e : privileges.entrySet()) {
        String[] o = objects.get(e.getKey());
        // columns with the same privileges are one grant
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (Map.Entry<String, TreeSet<String>> col : e.getValue().entrySet()) {
          if (col.getKey().isEmpty()) {
            out.add(new GrantModel(o[0], o[1], o[2], o[3], new ArrayList<>(col.getValue())));
          } else {
            columns.computeIfAbsent(String.join(",", col.getValue()), x -> new ArrayList<>()).add(col.getKey());
          }
        }
        for (Map.Entry<String, List<String>> g : columns.entrySet()) {
          out.add(GrantModel.columns(o[1], o[2], o[3], List.of(g.getKey().split(",")), g.getValue()));
        }
      }
      List<List<String>> publicSchema = query("public schema privileges", CatalogSql.PUBLIC_SCHEMA_TO_PUBLIC,
          rs -> Rows.strings(rs, "privileges"));
      List<String> byDefault = serverVersion >= 150000 ? List.of("USAGE") : List.of("CREATE", "USAGE");
      if (!publicSchema.isEmpty() && !publicSchema.get(0).equals(byDefault)) out.add(GrantModel.publicSchema(publicSchema.get(0)));
      return out;
    }

    /** {@code m} with the roles its default privileges name (owner and grantee) that it lacks. */
    private SchemaModel withDefaultPrivilegeRoles(SchemaModel m) {
      Set<String> names = new TreeSet<>();
      m.defaultPrivileges().forEach(d -> {
        names.add(d.role());
        if (!d.grantee().equals("PUBLIC")) names.add(d.grantee());
      });
      m.roles().forEach(r -> names.remove(r.name()));
      if (names.isEmpty()) return m;
      List<RoleModel> roles = new ArrayList<>(m.roles());
      roles.addAll(Rows.query(c, "roles", CatalogSql.ROLES, new ArrayList<>(names), Reader::role));
      return new SchemaModel(m.schemas(), m.extensions(), roles, m.enums(), m.domains(), m.sequences(), m.tables(), m.views(),
          m.grants(), m.functions(), m.triggers(), m.compositeTypes(), m.schemaComments(), m.distributions(), m.externalTables(),
          m.aggregates(), m.statistics(), m.rules(), m.publications(), m.eventTriggers(), m.externalFunctions(),
          m.defaultPrivileges(), m.collations(), m.rangeTypes());
    }

    private static RoleModel role(ResultSet rs) throws SQLException {
      return new RoleModel(rs.getString("rolname"), rs.getBoolean("rolcanlogin"), rs.getBoolean("rolinherit"),
          rs.getBoolean("rolbypassrls"), rs.getBoolean("rolcreatedb"), rs.getBoolean("rolcreaterole"), Rows.strings(rs, "memberof"));
    }

    private List<RoleModel> roles(Map<Long, List<PolicyModel>> policies, List<GrantModel> grants) {
      Set<String> names = new TreeSet<>();
      policies.values().forEach(ps -> ps.forEach(p -> names.addAll(p.roles())));
      grants.forEach(g -> {
        if (!g.grantee().equals("PUBLIC")) names.add(g.grantee());
      });
      if (names.isEmpty()) return List.of();
      return Rows.query(c, "roles", CatalogSql.ROLES, new ArrayList<>(names),
          rs -> new RoleModel(rs.getString("rolname"), rs.getBoolean("rolcanlogin"), rs.getBoolean("rolinherit"),
              rs.getBoolean("rolbypassrls"), rs.getBoolean("rolcreatedb"), rs.getBoolean("rolcreaterole"),
              Rows.strings(rs, "memberof")));
    }
  }

  // --- rows ----------------------------------------------------------------------------------------

  private record SequenceRow(long oid, String schema, String name, String regclass, String type, long start,
      long increment, long min, long max, long cache, boolean cycle, String comment, long ownerTable, int ownerColumn,
      String depType, String ownerRelname, String ownerAttname) {
    static SequenceRow of(ResultSet rs) throws SQLException {
      return new SequenceRow(rs.getLong("oid"), rs.getString("nspname"), rs.getString("relname"), rs.getString("regclass"),
          rs.getString("seqtype"), rs.getLong("seqstart"), rs.getLong("seqincrement"), rs.getLong("seqmin"),
          rs.getLong("seqmax"), rs.getLong("seqcache"), rs.getBoolean("seqcycle"), rs.getString("comment"),
          rs.getLong("owner_table"), rs.getInt("owner_column"), Objects.requireNonNullElse(rs.getString("deptype"), ""),
          rs.getString("owner_relname"), rs.getString("owner_attname"));
    }

    SequenceOptions options() {
      return SequenceDefaults.options(type, start, increment, min, max, cache, cycle);
    }
  }

  private record TableRow(long oid, String schema, String name, boolean rlsEnabled, boolean rlsForced, String comment) {
    static TableRow of(ResultSet rs) throws SQLException {
      return new TableRow(rs.getLong("oid"), rs.getString("nspname"), rs.getString("relname"),
          rs.getBoolean("relrowsecurity"), rs.getBoolean("relforcerowsecurity"), rs.getString("comment"));
    }
  }

  private record ColumnRow(long relid, int attnum, String name, String type, boolean notNull, String defaultExpr,
      String identity, String generated, String collation, String comment) {
    static ColumnRow of(ResultSet rs) throws SQLException {
      return new ColumnRow(rs.getLong("attrelid"), rs.getInt("attnum"), rs.getString("attname"), rs.getString("type"),
          rs.getBoolean("attnotnull"), rs.getString("defaultexpr"), rs.getString("attidentity"),
          rs.getString("attgenerated"), rs.getString("collation"), rs.getString("comment"));
    }
  }

  private record ConstraintRow(long relid, String name, String type, List<String> columns, String refSchema,
      String refTable, List<String> refColumns, String onUpdate, String onDelete, String match, boolean deferrable,
      boolean deferred, boolean validated, String def, long indexOid, List<String> operators, boolean nullsNotDistinct,
      List<String> onDeleteColumns, String comment) {
    static ConstraintRow of(ResultSet rs) throws SQLException {
      return new ConstraintRow(rs.getLong("conrelid"), rs.getString("conname"), rs.getString("contype"),
          Rows.strings(rs, "columns"), rs.getString("refschema"), rs.getString("reftable"), Rows.strings(rs, "refcolumns"),
          rs.getString("confupdtype"), rs.getString("confdeltype"), rs.getString("confmatchtype"),
          rs.getBoolean("condeferrable"), rs.getBoolean("condeferred"), rs.getBoolean("convalidated"),
          rs.getString("def"), rs.getLong("conindid"), Rows.strings(rs, "operators"), rs.getBoolean("nullsnotdistinct"),
          Rows.strings(rs, "ondeletecolumns"), rs.getString("comment"));
    }
  }

  private record IndexRow(long oid, long relid, String name, String method, boolean unique, boolean nullsNotDistinct,
      String where, Map<String, String> with, String comment, boolean constraintBacked,
      List<IndexModel.IndexElement> elements, List<String> include) {
    static IndexRow of(ResultSet rs) throws SQLException {
      List<IndexModel.IndexElement> elements = new ArrayList<>();
      List<String> include = new ArrayList<>();
      int keys = rs.getInt("indnkeyatts");
      int n = 0;
      for (JsonNode e : Reader.json(rs.getString("elements"))) {
        String col = text(e, "col");
        if (n++ >= keys) {
          include.add(col);
          continue;
        }
        int option = e.path("opt").asInt(0);
        boolean desc = (option & 1) != 0;
        boolean nullsFirst = (option & 2) != 0;
        Boolean placement = nullsFirst == desc ? null : nullsFirst;
        boolean isExpression = col == null;
        elements.add(new IndexModel.IndexElement(isExpression ? unwrap(text(e, "expr")) : col, isExpression, text(e, "coll"),
            text(e, "opc"), desc, placement));
      }
      Map<String, String> with = new LinkedHashMap<>();
      for (String o : Rows.strings(rs, "reloptions")) {
        int eq = o.indexOf('=');
        with.put(o.substring(0, eq), o.substring(eq + 1));
      }
      return new IndexRow(rs.getLong("indexrelid"), rs.getLong("indrelid"), rs.getString("relname"), rs.getString("amname"),
          rs.getBoolean("indisunique"), rs.getBoolean("nullsnotdistinct"), rs.getString("predicate"), with,
          rs.getString("comment"), rs.getBoolean("backed"), elements, include);
    }

    /**
     * pg_get_indexdef wraps an expression that is not a bare function call in parentheses, as the
     * index syntax requires; the DDL renderer adds them itself, so the model keeps the inner text.
     */
    static String unwrap(String printed) {
      if (printed.startsWith("(") && printed.endsWith(")") && closingParen(printed) == printed.length() - 1) {
        return printed.substring(1, printed.length() - 1);
      }
      return printed;
    }

    /** Index of the parenthesis closing the one at 0, skipping quoted text. */
    private static int closingParen(String s) {
      int depth = 0;
      char quote = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (quote != 0) {
          if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '(') {
          depth++;
        } else if (c == ')' && --depth == 0) {
          return i;
        }
      }
      return -1;
    }

    private static String text(JsonNode n, String field) {
      JsonNode v = n.get(field);
      return v == null || v.isNull() ? null : v.asText();
    }

    IndexModel toModel() {
      return new IndexModel(name, unique, method, elements, include, where, with, nullsNotDistinct, false, comment);
    }
  }

  private record PartitionedRow(long oid, PartitioningModel.Strategy strategy, List<String> keys) {
    static PartitionedRow of(ResultSet rs) throws SQLException {
      PartitioningModel.Strategy strategy = switch (rs.getString("partstrat")) {
        case "l" -> PartitioningModel.Strategy.LIST;
        case "h" -> PartitioningModel.Strategy.HASH;
        default -> PartitioningModel.Strategy.RANGE;
      };
      List<String> printed = PartitionKeys.split(rs.getString("keydef"));
      List<String> columns = Rows.strings(rs, "keycolumns");
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < printed.size(); i++) {
        String col = i < columns.size() ? columns.get(i) : "";
        keys.add(col.isEmpty() ? printed.get(i) : col);
      }
      return new PartitionedRow(rs.getLong("partrelid"), strategy, keys);
    }
  }

  private record PartitionRow(long parent, long oid, String name, String bound) {
    static PartitionRow of(ResultSet rs) throws SQLException {
      return new PartitionRow(rs.getLong("inhparent"), rs.getLong("oid"), rs.getString("relname"), rs.getString("bound"));
    }
  }

  private record ViewRow(long oid, String schema, String name, boolean materialized, String query, List<String> options,
      boolean populated, String comment) {
    static ViewRow of(ResultSet rs) throws SQLException {
      return new ViewRow(rs.getLong("oid"), rs.getString("nspname"), rs.getString("relname"),
          rs.getString("relkind").equals("m"), rs.getString("query"), Rows.strings(rs, "reloptions"),
          rs.getBoolean("relispopulated"), rs.getString("comment"));
    }

    ViewModel toModel(List<IndexModel> indexes, Map<String, String> columnComments) {
      String q = query.strip();
      while (q.endsWith(";")) q = q.substring(0, q.length() - 1).stripTrailing();
      boolean invoker = false;
      boolean barrier = false;
      ViewModel.CheckOption check = null;
      for (String o : options) {
        int eq = o.indexOf('=');
        String key = eq < 0 ? o : o.substring(0, eq);
        String value = eq < 0 ? "true" : o.substring(eq + 1).toLowerCase(java.util.Locale.ROOT);
        boolean on = Set.of("true", "on", "yes", "1").contains(value);
        switch (key) {
          case "security_invoker" -> invoker = on;
          case "security_barrier" -> barrier = on;
          case "check_option" -> check = value.equals("local") ? ViewModel.CheckOption.LOCAL : ViewModel.CheckOption.CASCADED;
          default -> { }
        }
      }
      return new ViewModel(schema, name, q, materialized, invoker, barrier, check, materialized && populated, indexes,
          comment, columnComments);
    }
  }
}
