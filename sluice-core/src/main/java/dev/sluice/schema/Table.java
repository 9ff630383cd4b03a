package dev.sluice.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.query.Condition;
import dev.sluice.query.Field;
import dev.sluice.query.TableLike;
import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.DistributionModel;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.ExclusionModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.PrimaryKeyModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.schema.model.UniqueModel;
import dev.sluice.sql.Identifiers;
import dev.sluice.sql.RenderContext;
import dev.sluice.types.DataType;
import dev.sluice.types.Interval;
import dev.sluice.types.PgTypes;
import dev.sluice.types.Point;
import dev.sluice.types.Range;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Base class of table definitions. A table is a final class with one typed {@link Column} field per
 * column and a private no-argument constructor; table-level constraints and indexes are declared in
 * the constructor, after {@code super(...)}:
 *
 * <pre>{@code
 * public final class Members extends Table<Members> {
 *   public static final Members MEMBERS = new Members();
 *   public final Column<UUID> teamId = uuid("team_id").notNull().references(() -> Teams.TEAMS.id, CASCADE);
 *   public final Column<UUID> userId = uuid("user_id").notNull().references(() -> Users.USERS.id, CASCADE);
 *   public final Column<MemberRole> role = column("role", Enums.MEMBER_ROLE).notNull();
 *   private Members() {
 *     super(App.NS, "team_members");
 *     primaryKey(teamId, userId);
 *     index().on(userId);
 *   }
 * }
 * }</pre>
 *
 * @param <T> the table class itself, so {@link #as(String)} returns the concrete type
 */
public abstract class Table<T extends Table<T>> implements TableLike {
  private final Namespace namespace;
  private final String baseName;
  private final List<Column<?>> columns = new ArrayList<>();
  private final List<Column<?>> primaryKeyColumns = new ArrayList<>();
  private final List<ForeignKey> foreignKeys = new ArrayList<>();
  private final List<UniqueModel> uniques = new ArrayList<>();
  private final List<CheckModel> checks = new ArrayList<>();
  private final List<Exclusion> exclusions = new ArrayList<>();
  private final List<Index> indexes = new ArrayList<>();
  private final List<Policy> policies = new ArrayList<>();
  private final List<Partition> partitions = new ArrayList<>();
  private final List<PgEnum<?>> enums = new ArrayList<>();
  private final List<CompositeType<?>> composites = new ArrayList<>();
  private boolean unlogged;
  private Distributed distribution;
  private final java.util.Map<String, String> storage = new java.util.LinkedHashMap<>();
  private dev.sluice.schema.model.TableOptions.ReplicaIdentity replicaIdentity;
  private String replicaIdentityIndex;
  private String clusterIndex;
  private final List<List<Column<?>>> uniqueColumns = new ArrayList<>();
  private String primaryKeyName;
  private PartitioningModel.Strategy partitionStrategy;
  private List<String> partitionKeys = List.of();
  private boolean rlsEnabled;
  private boolean rlsForced;
  private String comment;
  private final Map<String, String> constraintComments = new LinkedHashMap<>();
  private String renamedFrom;
  private String movedFromSchema;
  private boolean external;
  private final List<Supplier<? extends Table<?>>> parents = new ArrayList<>();
  private final List<InheritedColumn> inheritedColumns = new ArrayList<>();

  // alias support: an alias is another instance of the same class whose definition() is the original
  private String alias;
  /** Rendering caches, filled on first use (the name and alias never change once rendered). */
  private String physicalName;
  private List<Column<?>> columnsView;
  private String referenceSql;
  private String qualifiedSql;
  private Table<?> definition = this;
  private volatile TableModel model;

  /** A table in the {@code public} schema. */
  protected Table(String name) {
    this(Namespace.PUBLIC, name);
  }

  /** A table in {@code namespace} (its schema and table-name prefix). */
  protected Table(Namespace namespace, String name) {
    this.namespace = namespace;
    this.baseName = name;
    Identifiers.check(namespace.tableName(name));
  }

  /** The physical table name (prefix included). */
  public final String name() {
    String n = physicalName;
    if (n == null) physicalName = n = namespace.tableName(baseName);
    return n;
  }

  /** The PostgreSQL schema of the table. */
  public final String schema() {
    return namespace.schema();
  }

  /** The namespace the table was declared in. */
  public final Namespace namespace() {
    return namespace;
  }

  /** The alias of this instance, or null for the table itself. */
  public final String alias() {
    return alias;
  }

  /** The columns, in declaration order. */
  public final List<Column<?>> columns() {
    List<Column<?>> c = columnsView;
    if (c == null) columnsView = c = List.copyOf(columns);
    return c;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public final List<Field<?>> fields() {
    return (List) columns(); // immutable, so reading it as a list of fields is safe
  }

  /** The column named {@code name}, or null. */
  public final Column<?> column(String name) {
    for (Column<?> c : columns) if (c.name().equals(name)) return c;
    return null;
  }

  /** The primary key columns (empty when the table has none). */
  public final List<Column<?>> primaryKey() {
    if (!primaryKeyColumns.isEmpty()) return List.copyOf(primaryKeyColumns);
    return columns.stream().filter(Column::isPrimaryKey).<Column<?>>map(c -> c).toList();
  }

  /** The original table of an alias (or this table). */
  public final Table<?> definition() {
    return definition;
  }

  /**
   * The same table under an alias, for self-joins and correlated subqueries: its columns render as
   * {@code alias.column}. Requires the table class to have a no-argument constructor (any visibility).
   */
  @SuppressWarnings("unchecked")
  public final T as(String aliasName) {
    Identifiers.check(aliasName);
    try {
      Constructor<?> ctor = definition.getClass().getDeclaredConstructor();
      ctor.setAccessible(true);
      Table<?> copy = (Table<?>) ctor.newInstance();
      copy.alias = aliasName;
      copy.definition = definition;
      copy.model = definition.toModel();
      return (T) copy;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot alias table " + name() + ": " + getClass().getName()
          + " needs a no-argument constructor", e);
    }
  }

  /** Writes the table in FROM position: {@code schema.table [AS alias]}. */
  @Override
  public void renderTo(RenderContext ctx) {
    renderQualifiedName(ctx);
    if (alias != null) ctx.sql(" AS ").id(alias);
  }

  /** Writes how columns refer to this table: the alias, or the (schema-qualified unless public) name. */
  public final void renderReference(RenderContext ctx) {
    ctx.sql(referenceSql());
  }

  /** How columns refer to this table, as SQL text: the alias, or the (schema-qualified unless public) name. */
  public final String referenceSql() {
    String r = referenceSql;
    if (r == null) referenceSql = r = alias != null ? Identifiers.quote(alias) : qualifiedSql();
    return r;
  }

  /** Writes the table name, schema-qualified unless the schema is {@code public}. */
  public final void renderQualifiedName(RenderContext ctx) {
    ctx.sql(qualifiedSql());
  }

  private String qualifiedSql() {
    String q = qualifiedSql;
    if (q == null) {
      q = schema().equals("public") ? Identifiers.quote(name()) : Identifiers.quote(schema()) + "." + Identifiers.quote(name());
      qualifiedSql = q;
    }
    return q;
  }

  // --- column factories ---------------------------------------------------------------------------

  /** A column of any {@link DataType}: domains, custom types, enums, arrays. */
  protected final <V> Column<V> column(String name, DataType<V> type) {
    Column<V> c = new Column<>(this, name, type);
    if (column(name) != null) {
      throw new SchemaDefinitionException("table " + name() + ": column " + name + " is declared twice");
    }
    columns.add(c);
    columnsView = null;
    return c;
  }

  /** A column of a PostgreSQL enum type mapped to a Java enum. */
  protected final <E extends Enum<E>> Column<E> column(String name, PgEnum<E> type) {
    if (!enums.contains(type)) enums.add(type);
    return column(name, type.dataType());
  }

  /** A column of a composite type, read and written as its Java record. */
  protected final <R extends Record> Column<R> column(String name, CompositeType<R> type) {
    if (!composites.contains(type)) composites.add(type);
    return column(name, type.dataType());
  }

  /**
   * A {@code smallint} column as {@code Short}: compare and set it with {@code short} values ({@code (short) 5});
   * an int literal does not compile ({@code int cannot be converted to Short}). Use {@link #int2(String)} to
   * write int literals instead.
   */
  protected final Column<Short> smallint(String name) { return column(name, PgTypes.SMALLINT); }
  /**
   * A {@code smallint} column (PostgreSQL's {@code int2}) as {@code Integer}: {@code qty.eq(5)} and
   * {@code set(qty, 5)} compile, and a value that does not fit (-32768..32767) fails with an
   * IllegalArgumentException naming the range before any SQL is sent. Same schema as {@link #smallint(String)}.
   */
  protected final Column<Integer> int2(String name) { return column(name, PgTypes.SMALLINT_AS_INT); }
  protected final Column<Integer> integer(String name) { return column(name, PgTypes.INTEGER); }
  protected final Column<Long> bigint(String name) { return column(name, PgTypes.BIGINT); }
  /** {@code smallserial}: NOT NULL, as PostgreSQL makes every serial column. */
  protected final Column<Short> smallserial(String name) { return column(name, PgTypes.SMALLSERIAL).notNull(); }
  /** {@code serial}: NOT NULL, as PostgreSQL makes every serial column. */
  protected final Column<Integer> serial(String name) { return column(name, PgTypes.SERIAL).notNull(); }
  /** {@code bigserial}: NOT NULL, as PostgreSQL makes every serial column. */
  protected final Column<Long> bigserial(String name) { return column(name, PgTypes.BIGSERIAL).notNull(); }
  protected final Column<BigDecimal> numeric(String name) { return column(name, PgTypes.NUMERIC); }
  protected final Column<Float> real(String name) { return column(name, PgTypes.REAL); }
  protected final Column<Double> doublePrecision(String name) { return column(name, PgTypes.DOUBLE); }
  protected final Column<BigDecimal> money(String name) { return column(name, PgTypes.MONEY); }
  protected final Column<Boolean> bool(String name) { return column(name, PgTypes.BOOLEAN); }
  protected final Column<String> text(String name) { return column(name, PgTypes.TEXT); }
  protected final Column<String> varchar(String name) { return column(name, PgTypes.VARCHAR); }
  protected final Column<String> citext(String name) { return column(name, PgTypes.CITEXT); }
  protected final Column<UUID> uuid(String name) { return column(name, PgTypes.UUID_TYPE); }
  protected final Column<byte[]> bytea(String name) { return column(name, PgTypes.BYTEA); }
  protected final Column<LocalDate> date(String name) { return column(name, PgTypes.DATE); }
  protected final Column<LocalTime> time(String name) { return column(name, PgTypes.TIME); }
  protected final Column<OffsetTime> timetz(String name) { return column(name, PgTypes.TIMETZ); }
  protected final Column<LocalDateTime> timestamp(String name) { return column(name, PgTypes.TIMESTAMP); }
  protected final Column<OffsetDateTime> timestamptz(String name) { return column(name, PgTypes.TIMESTAMPTZ); }
  protected final Column<Interval> interval(String name) { return column(name, PgTypes.INTERVAL); }
  protected final Column<JsonNode> json(String name) { return column(name, PgTypes.JSON); }
  protected final Column<JsonNode> jsonb(String name) { return column(name, PgTypes.JSONB); }
  protected final Column<Range<Integer>> int4range(String name) { return column(name, PgTypes.INT4RANGE); }
  protected final Column<Range<Long>> int8range(String name) { return column(name, PgTypes.INT8RANGE); }
  protected final Column<Range<BigDecimal>> numrange(String name) { return column(name, PgTypes.NUMRANGE); }
  protected final Column<Range<LocalDateTime>> tsrange(String name) { return column(name, PgTypes.TSRANGE); }
  protected final Column<Range<OffsetDateTime>> tstzrange(String name) { return column(name, PgTypes.TSTZRANGE); }
  protected final Column<Range<LocalDate>> daterange(String name) { return column(name, PgTypes.DATERANGE); }
  protected final Column<String> inet(String name) { return column(name, PgTypes.INET); }
  protected final Column<String> cidr(String name) { return column(name, PgTypes.CIDR); }
  protected final Column<String> macaddr(String name) { return column(name, PgTypes.MACADDR); }
  protected final Column<Point> point(String name) { return column(name, PgTypes.POINT); }
  protected final Column<String> tsvector(String name) { return column(name, PgTypes.TSVECTOR); }
  protected final Column<String> xml(String name) { return column(name, PgTypes.XML); }

  /** {@code numeric(precision, scale)}. */
  protected final Column<BigDecimal> numeric(String name, int precision, int scale) {
    return column(name, typed(name, () -> PgTypes.numeric(precision, scale)));
  }

  /** {@code varchar(length)}. */
  protected final Column<String> varchar(String name, int length) {
    return column(name, typed(name, () -> PgTypes.varchar(length)));
  }

  /** {@code char(length)}. */
  protected final Column<String> character(String name, int length) {
    return column(name, typed(name, () -> PgTypes.character(length)));
  }

  /** {@code time(precision)}. */
  protected final Column<LocalTime> time(String name, int precision) {
    return column(name, typed(name, () -> PgTypes.time(precision)));
  }

  /** {@code timetz(precision)}. */
  protected final Column<OffsetTime> timetz(String name, int precision) {
    return column(name, typed(name, () -> PgTypes.timetz(precision)));
  }

  /** {@code timestamp(precision)}. */
  protected final Column<LocalDateTime> timestamp(String name, int precision) {
    return column(name, typed(name, () -> PgTypes.timestamp(precision)));
  }

  /** {@code timestamptz(precision)}. */
  protected final Column<OffsetDateTime> timestamptz(String name, int precision) {
    return column(name, typed(name, () -> PgTypes.timestamptz(precision)));
  }

  /** {@code timestamptz} mapped to {@link java.time.Instant}. */
  protected final Column<java.time.Instant> timestamptzInstant(String name) {
    return column(name, PgTypes.INSTANT);
  }

  /** {@code json} mapped to a Java class with Jackson. */
  protected final <V> Column<V> json(String name, Class<V> type) {
    return column(name, PgTypes.json(type, PgTypes.DEFAULT_JSON));
  }

  /** {@code jsonb} mapped to a Java class with Jackson. */
  protected final <V> Column<V> jsonb(String name, Class<V> type) {
    return column(name, PgTypes.jsonb(type, PgTypes.DEFAULT_JSON));
  }

  /** {@code jsonb} mapped to a Java class with a given Jackson mapper. */
  protected final <V> Column<V> jsonb(String name, Class<V> type, ObjectMapper mapper) {
    return column(name, PgTypes.jsonb(type, mapper));
  }

  /** pgvector's {@code vector(dimensions)}; the schema then needs the {@code vector} extension. */
  protected final Column<float[]> vector(String name, int dimensions) {
    return column(name, typed(name, () -> PgTypes.vector(dimensions)));
  }

  private <V> DataType<V> typed(String column, Supplier<DataType<V>> f) {
    try {
      return f.get();
    } catch (IllegalArgumentException e) {
      throw new SchemaDefinitionException("table " + name() + ", column " + column + ": " + e.getMessage());
    }
  }

  // --- table-level definitions (call from the constructor) ----------------------------------------

  /** A (composite) primary key named {@code <table>_pkey}. */
  protected final void primaryKey(Column<?>... cols) {
    primaryKey(null, cols);
  }

  /** A (composite) primary key with an explicit constraint name. */
  protected final void primaryKey(String constraintName, Column<?>... cols) {
    checkModifiable(null);
    if (!primaryKeyColumns.isEmpty()) {
      throw new SchemaDefinitionException("table " + name() + " declares two primary keys");
    }
    primaryKeyColumns.addAll(Arrays.asList(cols));
    primaryKeyName = constraintName;
    for (Column<?> c : cols) c.notNull();
  }

  /** A (composite) foreign key; configure it with the returned {@link ForeignKey}. */
  protected final ForeignKey foreignKey(List<? extends Column<?>> cols, Supplier<List<? extends Column<?>>> targets) {
    checkModifiable(null);
    ForeignKey fk = new ForeignKey(cols, targets);
    foreignKeys.add(fk);
    return fk;
  }

  /** A (composite) UNIQUE constraint named {@code <table>_<columns>_key}. */
  protected final void unique(Column<?>... cols) {
    unique(null, false, cols);
  }

  /** A (composite) UNIQUE constraint with an explicit name and NULLS NOT DISTINCT choice. */
  protected final void unique(String constraintName, boolean nullsNotDistinct, Column<?>... cols) {
    checkModifiable(null);
    List<String> names = Arrays.stream(cols).map(Column::name).toList();
    uniqueColumns.add(Arrays.asList(cols));
    uniques.add(new UniqueModel(constraintName != null ? constraintName : Names.of(name(), names, "key"), names,
        nullsNotDistinct, false, false));
  }

  /**
   * A (composite) UNIQUE constraint that is {@code DEFERRABLE [INITIALLY DEFERRED]}: checked at commit
   * (or when set so) rather than per statement, for swaps of unique values inside one transaction.
   */
  protected final void deferrableUnique(String constraintName, boolean nullsNotDistinct, boolean initiallyDeferred,
      Column<?>... cols) {
    checkModifiable(null);
    List<String> names = Arrays.stream(cols).map(Column::name).toList();
    uniqueColumns.add(Arrays.asList(cols));
    uniques.add(new UniqueModel(constraintName != null ? constraintName : Names.of(name(), names, "key"), names,
        nullsNotDistinct, true, initiallyDeferred));
  }

  /** {@code CONSTRAINT name CHECK (expression)}. */
  protected final void check(String constraintName, String expression) {
    check(constraintName, expression, false);
  }

  /**
   * {@code CONSTRAINT name CHECK (expression) [NOT VALID]}: a NOT VALID check is enforced for new rows
   * only (existing rows are not verified), as a database may hold it after an online migration.
   */
  protected final void check(String constraintName, String expression, boolean notValid) {
    checkModifiable(null);
    checks.add(new CheckModel(constraintName, expression, notValid));
  }

  /** {@code CONSTRAINT name CHECK (condition)} from the DSL. */
  protected final void check(String constraintName, Condition condition) {
    check(constraintName, Column.inlineUnqualified(condition));
  }

  /** An EXCLUDE constraint; add elements to the returned {@link Exclusion}. */
  protected final Exclusion exclude() {
    return exclude(null);
  }

  /** An EXCLUDE constraint with an explicit name. */
  protected final Exclusion exclude(String constraintName) {
    checkModifiable(null);
    Exclusion e = new Exclusion(constraintName);
    exclusions.add(e);
    return e;
  }

  /** An index named after its columns ({@code <table>_<columns>_idx}). */
  protected final Index index() {
    return index(null);
  }

  /** An index with an explicit name. */
  protected final Index index(String indexName) {
    checkModifiable(null);
    Index i = new Index(indexName);
    indexes.add(i);
    return i;
  }

  /** ENABLE ROW LEVEL SECURITY. */
  protected final void enableRowLevelSecurity() {
    checkModifiable(null);
    rlsEnabled = true;
  }

  /** ENABLE and FORCE ROW LEVEL SECURITY (the owner is subject to policies too). */
  protected final void forceRowLevelSecurity() {
    checkModifiable(null);
    rlsEnabled = true;
    rlsForced = true;
  }

  /**
   * ROW LEVEL SECURITY flags set independently: PostgreSQL allows FORCE without ENABLE (the flag then
   * takes effect once enabled), and a pulled schema must keep exactly what the database has.
   */
  protected final void rowLevelSecurity(boolean enabled, boolean forced) {
    checkModifiable(null);
    rlsEnabled = enabled;
    rlsForced = forced;
  }

  /** A row-level security policy; configure it with the returned {@link Policy}. */
  protected final Policy policy(String policyName) {
    checkModifiable(null);
    Policy p = new Policy(policyName);
    policies.add(p);
    return p;
  }

  /** PARTITION BY strategy (keys): column names or parenthesised expressions. */
  protected final void partitionBy(PartitioningModel.Strategy strategy, String... keys) {
    checkModifiable(null);
    partitionStrategy = strategy;
    partitionKeys = List.of(keys);
  }

  /** PARTITION BY strategy (columns). */
  protected final void partitionBy(PartitioningModel.Strategy strategy, Column<?>... keys) {
    partitionBy(strategy, Arrays.stream(keys).map(Column::name).toArray(String[]::new));
  }

  /**
   * A partition of this table: {@code CREATE TABLE name PARTITION OF this bound}, where bound is
   * e.g. {@code FOR VALUES FROM ('2025-01-01') TO ('2025-02-01')}, {@code FOR VALUES IN ('a')},
   * {@code FOR VALUES WITH (MODULUS 4, REMAINDER 0)} or {@code DEFAULT}. The name gets the namespace prefix.
   * The returned partition takes indexes and foreign keys of its own.
   */
  protected final Partition partition(String partitionName, String bound) {
    return partition(partitionName, bound, null);
  }

  /**
   * A partition that is itself partitioned ({@code subPartitioning} holds its strategy, keys and
   * partitions, names as in the database); a null {@code subPartitioning} is a plain partition.
   */
  protected final Partition partition(String partitionName, String bound, PartitioningModel subPartitioning) {
    checkModifiable(null);
    Partition p = new Partition(namespace.tableName(partitionName), bound, subPartitioning, () -> checkModifiable(null));
    partitions.add(p);
    return p;
  }

  /**
   * {@code CREATE UNLOGGED TABLE}: not written to the WAL (faster writes), emptied after a crash and
   * not replicated. Changing it later is {@code ALTER TABLE ... SET LOGGED/UNLOGGED}, which rewrites the table.
   */
  protected final void unlogged() {
    checkModifiable(null);
    unlogged = true;
  }

  /**
   * Table inheritance, {@code CREATE TABLE ... INHERITS (parent, ...)}: e.g. {@code inherits(() -> Event.EVENT)}
   * in the constructor (a supplier, so tables may be declared in any order); call it once per parent, in
   * order. The table has every column and CHECK constraint of its parents without declaring them (declare
   * here only its own columns), and the parent's queries see its rows. This is plain inheritance, not a
   * partition: see {@code partitionBy} for those.
   */
  protected final void inherits(Supplier<? extends Table<?>> parent) {
    checkModifiable(null);
    parents.add(java.util.Objects.requireNonNull(parent, "parent"));
  }

  /**
   * A column this table inherits from a parent (declared there, not here) given a default or NOT NULL
   * of this table's own: {@code inheritedColumn("status").defaultSql("'archived'")}; the name is the
   * column's in the database. Declare it once per column.
   */
  protected final InheritedColumn inheritedColumn(String columnName) {
    checkModifiable(null);
    InheritedColumn c = new InheritedColumn(java.util.Objects.requireNonNull(columnName, "columnName"),
        () -> checkModifiable(null));
    inheritedColumns.add(c);
    return c;
  }

  /** Names of the columns {@code t} declares or inherits, at any depth. */
  private static void columnNames(Table<?> t, java.util.Set<Table<?>> seen, java.util.Set<String> out) {
    if (!seen.add(t)) return;
    for (Column<?> c : t.columns) out.add(c.name());
    for (Supplier<? extends Table<?>> p : t.parents) {
      Table<?> parent = p.get();
      if (parent != null) columnNames(parent, seen, out);
    }
  }

  /**
   * A storage parameter, {@code WITH (name = value)}: e.g. {@code with("fillfactor", "70")},
   * {@code with("autovacuum_enabled", "false")}. Write the value as PostgreSQL stores it in
   * {@code pg_class.reloptions} ({@code false}, not {@code off}) so the model compares equal.
   */
  protected final void with(String parameter, String value) {
    checkModifiable(null);
    Identifiers.check(parameter.replace(".", "_"));
    storage.put(parameter, java.util.Objects.requireNonNull(value, "value"));
  }

  /** {@code REPLICA IDENTITY DEFAULT|FULL|NOTHING}; for USING INDEX see {@link #replicaIdentityUsingIndex(String)}. */
  protected final void replicaIdentity(dev.sluice.schema.model.TableOptions.ReplicaIdentity identity) {
    checkModifiable(null);
    if (identity == dev.sluice.schema.model.TableOptions.ReplicaIdentity.INDEX) {
      throw new SchemaDefinitionException("table " + name() + ": REPLICA IDENTITY USING INDEX needs replicaIdentityUsingIndex(name)");
    }
    replicaIdentity = identity;
    replicaIdentityIndex = null;
  }

  /** {@code REPLICA IDENTITY USING INDEX name}: a unique, non-partial index of this table on NOT NULL columns. */
  protected final void replicaIdentityUsingIndex(String indexName) {
    checkModifiable(null);
    Identifiers.check(indexName);
    replicaIdentity = dev.sluice.schema.model.TableOptions.ReplicaIdentity.INDEX;
    replicaIdentityIndex = indexName;
  }

  /**
   * {@code ALTER TABLE ... CLUSTER ON name}: the index (or primary key) of this table that a plain
   * {@code CLUSTER} of the table reorders its rows by.
   */
  protected final void clusterOn(String indexName) {
    checkModifiable(null);
    Identifiers.check(indexName);
    clusterIndex = indexName;
  }

  /**
   * Citus: spreads this table's rows over shards by the hash of {@code column}
   * ({@code create_distributed_table}). Its primary key and unique constraints must include the column;
   * foreign keys to other distributed tables must include it and the tables be co-located. Returns a
   * handle to set co-location or the shard count.
   */
  protected final Distributed distributedBy(Column<?> column) {
    checkModifiable(null);
    if (distribution != null) throw new SchemaDefinitionException("table " + name() + " is distributed twice");
    distribution = new Distributed(java.util.Objects.requireNonNull(column, "column"));
    return distribution;
  }

  /** Citus: a reference table, its rows copied to every node ({@code create_reference_table}). */
  protected final void reference() {
    checkModifiable(null);
    if (distribution != null) throw new SchemaDefinitionException("table " + name() + " is distributed twice");
    distribution = new Distributed(null);
  }

  /** How {@link #distributedBy(Column)} places the table; set in the constructor. */
  public final class Distributed {
    private final Column<?> column;
    private java.util.function.Supplier<? extends Table<?>> colocateWith;
    private boolean none;
    private Integer shardCount;

    private Distributed(Column<?> column) {
      this.column = column;
    }

    /** Shares shards with hash-distributed {@code other} (a supplier, so tables may refer to each other in any order). */
    public Distributed colocateWith(java.util.function.Supplier<? extends Table<?>> other) {
      checkModifiable(null);
      this.colocateWith = java.util.Objects.requireNonNull(other, "other");
      this.none = false;
      return this;
    }

    /** Starts a co-location group of its own ({@code colocate_with => 'none'}). */
    public Distributed colocateWithNone() {
      checkModifiable(null);
      this.colocateWith = null;
      this.none = true;
      return this;
    }

    /** The number of shards (else {@code citus.shard_count}). */
    public Distributed shardCount(int count) {
      checkModifiable(null);
      this.shardCount = count;
      return this;
    }

    DistributionModel toModel() {
      try {
        if (column == null) return new DistributionModel(schema(), name(), DistributionModel.Method.REFERENCE, null, null, null);
        if (column.table() != Table.this && column.table().definition() != Table.this) {
          throw new SchemaDefinitionException("table " + name() + " is distributed by " + column.name() + ", a column of another table");
        }
        String with = null;
        if (none) {
          with = DistributionModel.NONE;
        } else if (colocateWith != null) {
          Table<?> other = colocateWith.get();
          if (other == null) throw new SchemaDefinitionException("table " + name() + ": colocateWith gave null (a table not yet initialised?)");
          with = other.schema() + "." + other.name();
        }
        return new DistributionModel(schema(), name(), DistributionModel.Method.HASH, column.name(), with, shardCount);
      } catch (IllegalArgumentException e) {
        throw new SchemaDefinitionException(e.getMessage());
      }
    }
  }

  /** The table's Citus placement, or null when it is a plain table. */
  final DistributionModel distribution() {
    return distribution == null ? null : distribution.toModel();
  }

  /** COMMENT ON TABLE. */
  protected final void comment(String text) {
    checkModifiable(null);
    comment = text;
  }

  /**
   * {@code COMMENT ON CONSTRAINT constraintName ON table}: the comment of this table's primary key,
   * unique, check, foreign key or exclusion constraint of that name (default names included, e.g.
   * {@code users_pkey}). A comment changes in place; the constraint is not re-created.
   */
  protected final void constraintComment(String constraintName, String text) {
    checkModifiable(null);
    Identifiers.check(constraintName);
    constraintComments.put(constraintName, text);
  }

  /**
   * Declares that this table used to be called {@code oldName} (in the same schema, namespace prefix
   * applied), so the differ renames it instead of dropping it and creating an empty one. Call it in
   * the constructor; keep it after the migration is generated (an applied hint is skipped).
   */
  protected final void renamedFrom(String oldName) {
    checkModifiable(null);
    String physical = namespace.tableName(oldName);
    Identifiers.check(physical);
    renamedFrom = physical;
  }

  /**
   * Declares that this table used to live in schema {@code oldSchema} as {@code oldName} (namespace
   * prefix applied to the name), so the differ moves it with {@code ALTER TABLE ... SET SCHEMA} (rows,
   * indexes, constraints and owned sequences kept) and renames it if the name changed.
   */
  protected final void movedFrom(String oldSchema, String oldName) {
    checkModifiable(null);
    Identifiers.check(oldSchema);
    String physical = namespace.tableName(oldName);
    Identifiers.check(physical);
    movedFromSchema = oldSchema;
    renamedFrom = physical;
  }

  /**
   * Declares that this table belongs to someone else (Supabase's {@code auth.users}, an extension's
   * table): foreign keys of other tables may reference it, and generate, push and diff never create,
   * alter or drop it. Declare only the columns that are referenced (with their key), for typing.
   */
  protected final void external() {
    checkModifiable(null);
    external = true;
  }

  /** True when the table was declared {@link #external()}. */
  public final boolean isExternal() {
    return external;
  }

  /**
   * An external table (see {@link #external()}) without a class of its own:
   * {@code Table.external("auth", "users")}; give it the referenced key with {@link ExternalTable#key}.
   */
  public static ExternalTable external(String schema, String name) {
    return new ExternalTable(schema, name);
  }

  /** The rename hints of this table and its columns: {@link #renamedFrom(String)} and {@link Column#renamedFrom(String)}. */
  public final List<RenameHint> renames() {
    List<RenameHint> out = new ArrayList<>();
    if (renamedFrom != null && movedFromSchema != null && !movedFromSchema.equals(schema())) {
      out.add(RenameHint.moveTable(movedFromSchema, renamedFrom, schema(), name()));
    } else if (renamedFrom != null) {
      out.add(RenameHint.table(schema(), renamedFrom, name()));
    }
    for (Column<?> c : columns) {
      if (c.renamedFromName() != null) out.add(RenameHint.column(schema(), name(), c.renamedFromName(), c.name()));
    }
    return out;
  }

  // --- model ---------------------------------------------------------------------------------------

  void checkModifiable(Column<?> c) {
    if (model != null) {
      throw new IllegalStateException("table " + name() + " is already built; define "
          + (c == null ? "constraints" : "column " + c.name()) + " in the table class");
    }
  }

  void replaceColumn(Column<?> old, Column<?> replacement) {
    int i = columns.indexOf(old);
    columns.set(i, replacement);
  }

  /** The table's model; built once, after which the definition is frozen. Throws on contradictions. */
  public final TableModel toModel() {
    TableModel m = model;
    if (m == null) {
      synchronized (this) {
        m = model;
        if (m == null) {
          List<String> problems = new ArrayList<>();
          m = buildModel(problems);
          if (!problems.isEmpty()) throw new SchemaDefinitionException(problems);
          model = m;
        }
      }
    }
    return m;
  }

  TableModel buildModel(List<String> problems) {
    String table = name();
    if (columns.isEmpty() && partitions.isEmpty() && parents.isEmpty()) {
      problems.add("table " + table + " has no columns");
    }
    // primary key: column-level or table-level, not both
    List<Column<?>> pkCols = columns.stream().filter(Column::isPrimaryKey).<Column<?>>map(c -> c).toList();
    PrimaryKeyModel pk = null;
    if (!pkCols.isEmpty() && !primaryKeyColumns.isEmpty()) {
      problems.add("table " + table + " declares two primary keys: primaryKey() on column(s) "
          + ForeignKey.names(pkCols) + " and primaryKey(" + ForeignKey.names(primaryKeyColumns) + ")");
    } else if (pkCols.size() > 1) {
      problems.add("table " + table + " declares two primary keys (on columns " + ForeignKey.names(pkCols)
          + "); use primaryKey(a, b) in the constructor for a composite key");
    } else if (!pkCols.isEmpty() || !primaryKeyColumns.isEmpty()) {
      List<Column<?>> cols = primaryKeyColumns.isEmpty() ? pkCols : primaryKeyColumns;
      checkOwn(cols, "primary key", problems);
      pk = new PrimaryKeyModel(primaryKeyName != null ? primaryKeyName : Names.fit(table, "pkey"), ForeignKey.names(cols));
    }
    uniqueColumns.forEach(cols -> checkOwn(cols, "unique constraint", problems));
    List<UniqueModel> us = new ArrayList<>(uniques);
    List<CheckModel> cs = new ArrayList<>(checks);
    List<ForeignKeyModel> fks = new ArrayList<>();
    for (Column<?> c : columns) {
      if (c.uniqueSpec() != null) {
        us.add(new UniqueModel(c.uniqueSpec().name() != null ? c.uniqueSpec().name() : Names.of(table, List.of(c.name()), "key"),
            List.of(c.name()), c.uniqueSpec().nullsNotDistinct(), false, false));
      }
      if (c.checkSql() != null) {
        cs.add(new CheckModel(Names.of(table, List.of(c.name()), "check"), c.checkSql(), false));
      }
      if (c.referenceSpec() != null) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        ForeignKey fk = new ForeignKey(List.of(c), () -> (List) List.of(c.referenceSpec().target().get()));
        c.referenceSpec().options().accept(fk);
        ForeignKeyModel fm = fk.toModel(this, problems);
        if (fm != null) fks.add(fm);
      }
    }
    for (ForeignKey fk : foreignKeys) {
      checkOwn(fk.columns(), "foreign key", problems);
      ForeignKeyModel fm = fk.toModel(this, problems);
      if (fm != null) fks.add(fm);
    }
    List<ExclusionModel> xs = new ArrayList<>();
    for (Exclusion e : exclusions) {
      ExclusionModel x = e.toModel(table, problems);
      if (x != null) xs.add(x);
    }
    List<IndexModel> is = new ArrayList<>();
    for (Index i : indexes) {
      checkOwn(i.columnRefs(), "index", problems);
      IndexModel im = i.toModel(table, problems);
      if (im != null) is.add(im);
    }
    addTenantIndex(table, is, pk, us, problems);
    List<PolicyModel> ps = policies.stream().map(Policy::toModel).toList();
    List<PartitionModel> parts = partitions.stream().map(Partition::toModel).toList();
    PartitionChecks.check(table, columns.stream().<String>map(Column::name).toList(), is, pk, parts, problems);
    PartitioningModel partitioning = partitionStrategy == null ? null
        : new PartitioningModel(partitionStrategy, partitionKeys, parts);
    if (partitionStrategy == null && !partitions.isEmpty()) {
      problems.add("table " + table + " declares partitions but no partitionBy(...)");
    }
    checkDuplicateNames(table, pk, us, cs, fks, xs, is, problems);
    if (!constraintComments.isEmpty()) {
      Set<String> named = new HashSet<>();
      if (pk != null) {
        named.add(pk.name());
        if (constraintComments.containsKey(pk.name())) pk = pk.withComment(constraintComments.get(pk.name()));
      }
      us = commented(us, UniqueModel::name, UniqueModel::withComment, named);
      cs = commented(cs, CheckModel::name, CheckModel::withComment, named);
      fks = commented(fks, ForeignKeyModel::name, ForeignKeyModel::withComment, named);
      xs = commented(xs, ExclusionModel::name, ExclusionModel::withComment, named);
      for (String n : constraintComments.keySet()) {
        if (!named.contains(n)) {
          problems.add("table " + table + ": constraintComment names " + n + ", which is not one of its constraints");
        }
      }
    }
    List<ColumnModel> cms = new ArrayList<>();
    for (Column<?> c : columns) {
      try {
        cms.add(c.toModel());
      } catch (IllegalArgumentException e) {
        problems.add("table " + table + ": " + e.getMessage());
      }
    }
    List<dev.sluice.schema.model.ParentTable> inherits = new ArrayList<>();
    for (Supplier<? extends Table<?>> p : parents) {
      Table<?> parent = p.get();
      if (parent == null) {
        problems.add("table " + table + ": inherits(...) gave null (a table constant not initialized yet?)");
        continue;
      }
      dev.sluice.schema.model.ParentTable ref = new dev.sluice.schema.model.ParentTable(parent.schema(), parent.name());
      if (inherits.contains(ref)) problems.add("table " + table + " inherits " + ref.key() + " twice");
      else if (ref.schema().equals(schema()) && ref.name().equals(table)) problems.add("table " + table + " inherits itself");
      else inherits.add(ref);
    }
    List<dev.sluice.schema.model.InheritedColumnModel> overrides = new ArrayList<>();
    java.util.Set<String> inheritedNames = new java.util.HashSet<>();
    java.util.Set<Table<?>> seen = new java.util.HashSet<>();
    seen.add(this);
    for (Supplier<? extends Table<?>> p : parents) {
      Table<?> parent = p.get();
      if (parent != null) columnNames(parent, seen, inheritedNames);
    }
    java.util.Set<String> overridden = new java.util.HashSet<>();
    for (InheritedColumn c : inheritedColumns) {
      if (!overridden.add(c.name())) problems.add("table " + table + ": inheritedColumn(" + c.name() + ") declared twice");
      if (columns.stream().anyMatch(x -> x.name().equals(c.name()))) {
        problems.add("table " + table + ": inheritedColumn(" + c.name() + ") names a column the table declares itself;"
            + " give that column its default or NOT NULL");
      } else if (!inheritedNames.contains(c.name())) {
        problems.add("table " + table + ": inheritedColumn(" + c.name() + ") names no column of its parents");
      }
      try {
        overrides.add(c.toModel());
      } catch (IllegalArgumentException e) {
        problems.add("table " + table + ": " + e.getMessage());
      }
    }
    if (!inherits.isEmpty() && partitionStrategy != null) {
      problems.add("table " + table + ": a partitioned table cannot inherit (INHERITS and PARTITION BY do not mix)");
    }
    return new TableModel(schema(), table, cms, pk, fks, us, cs, xs, is,
        partitioning, rlsEnabled, rlsForced, ps, comment,
        new dev.sluice.schema.model.TableOptions(unlogged, storage, replicaIdentity, replicaIdentityIndex, clusterIndex),
        inherits, overrides);
  }

  private <M> List<M> commented(List<M> items, java.util.function.Function<M, String> name,
      java.util.function.BiFunction<M, String, M> withComment, Set<String> named) {
    List<M> out = new ArrayList<>();
    for (M m : items) {
      String n = name.apply(m);
      named.add(n);
      out.add(constraintComments.containsKey(n) ? withComment.apply(m, constraintComments.get(n)) : m);
    }
    return out;
  }

  private void checkOwn(List<? extends Column<?>> cols, String what, List<String> problems) {
    for (Column<?> c : cols) {
      if (c == null || (c.table() != this && !inheritsFrom(c.table(), new HashSet<>()))) {
        problems.add("table " + name() + ": " + what + " uses column " + c + " of another table");
      }
    }
  }

  /** True when {@code ancestor} is a parent of this table through {@link #inherits}, at any depth. */
  private boolean inheritsFrom(Table<?> ancestor, Set<Table<?>> seen) {
    if (!seen.add(this)) return false;
    for (Supplier<? extends Table<?>> p : parents) {
      Table<?> parent = p.get();
      if (parent == null) continue;
      if (parent == ancestor || parent.definition() == ancestor || parent.inheritsFrom(ancestor, seen)) return true;
    }
    return false;
  }

  private static void checkDuplicateNames(String table, PrimaryKeyModel pk, List<UniqueModel> us, List<CheckModel> cs,
      List<ForeignKeyModel> fks, List<ExclusionModel> xs, List<IndexModel> is, List<String> problems) {
    Set<String> seen = new HashSet<>();
    List<String> names = new ArrayList<>();
    if (pk != null) names.add(pk.name());
    us.forEach(u -> names.add(u.name()));
    cs.forEach(c -> names.add(c.name()));
    fks.forEach(f -> names.add(f.name()));
    xs.forEach(x -> names.add(x.name()));
    is.forEach(i -> names.add(i.name()));
    for (String n : names) {
      if (!seen.add(n)) problems.add("table " + table + ": two constraints or indexes are named " + n);
    }
  }

  /** Enum types used by this table's columns (so a schema need not list them again). */
  List<PgEnum<?>> usedEnums() {
    return List.copyOf(enums);
  }

  /** Composite types of this table's columns declared with {@link #column(String, CompositeType)}. */
  List<CompositeType<?>> usedComposites() {
    return List.copyOf(composites);
  }

  /** Foreign keys as declared (with live column references), for cross-table validation. */
  List<ForeignKey> declaredForeignKeys() {
    List<ForeignKey> all = new ArrayList<>(foreignKeys);
    for (Column<?> c : columns) {
      if (c.referenceSpec() != null) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        ForeignKey fk = new ForeignKey(List.of(c), () -> (List) List.of(c.referenceSpec().target().get()));
        all.add(fk);
      }
    }
    return all;
  }

  @Override
  public String toString() {
    return alias == null ? schema() + "." + name() : schema() + "." + name() + " AS " + alias;
  }

  // --- soft deletes and change capture (feature: softdelete) ----------------------------------------

  private Column<?> softDeleteColumn;
  private boolean auditChanges;

  /**
   * Makes this a soft-delete table: {@code deleteFrom(T)} sets {@code deletedAt = now()} instead of
   * removing rows, and selects and updates skip rows whose {@code deletedAt} is set (opt out with
   * {@code withDeleted()}; remove rows for good with {@code hardDelete(T)}). Rows that are gone for the
   * application stay for audits, restores and foreign keys, which is why this is a table option rather
   * than something each query must remember. The column must be a nullable {@code timestamptz} or
   * {@code timestamp}.
   */
  protected final void softDelete(Column<?> deletedAt) {
    checkModifiable(null);
    if (deletedAt == null || deletedAt.table() != this) {
      throw new SchemaDefinitionException("table " + name() + ": softDelete(" + deletedAt + ") needs a column of this table");
    }
    String type = deletedAt.dataType().sqlName();
    if (!type.startsWith("timestamp")) {
      throw new SchemaDefinitionException("table " + name() + ": softDelete column " + deletedAt.name()
          + " must be timestamptz or timestamp, not " + type);
    }
    if (deletedAt.notNullDeclared()) {
      throw new SchemaDefinitionException("table " + name() + ": softDelete column " + deletedAt.name()
          + " must be nullable (NULL means live)");
    }
    if (softDeleteColumn != null) {
      throw new SchemaDefinitionException("table " + name() + " declares softDelete twice");
    }
    softDeleteColumn = deletedAt;
  }

  /** Declares {@code deleted_at timestamptz} (nullable) and makes the table soft-delete on it. */
  protected final Column<OffsetDateTime> deletedAt() {
    Column<OffsetDateTime> c = timestamptz("deleted_at");
    softDelete(c);
    return c;
  }

  /**
   * Declares {@code updated_at timestamptz NOT NULL DEFAULT now()} that every UPDATE built with the DSL
   * sets to the current time unless the statement sets it itself (an app-side {@code onUpdate}).
   */
  protected final Column<OffsetDateTime> updatedAt() {
    return timestamptz("updated_at").notNull().defaultNow().onUpdate(OffsetDateTime::now);
  }

  /**
   * The unique-while-live pattern in one call: a partial unique index on {@code cols}
   * {@code WHERE deleted_at IS NULL}, so a soft-deleted row does not block a new live row with the same
   * values. Call after {@link #softDelete}; the index is named {@code <table>_<cols>_live_key}.
   */
  protected final Index uniqueWhileLive(Column<?>... cols) {
    if (softDeleteColumn == null) {
      throw new SchemaDefinitionException("table " + name() + ": uniqueWhileLive(...) needs softDelete(column) first");
    }
    List<String> names = Arrays.stream(cols).map(Column::name).toList();
    return index(Names.of(name(), names, "live_key")).unique().on(cols)
        .where(Identifiers.quote(softDeleteColumn.name()) + " IS NULL");
  }

  /** The soft-delete column, or null when rows of this table are deleted for real. */
  public final Column<?> softDeleteColumn() {
    return softDeleteColumn;
  }

  /**
   * The condition that keeps only live rows ({@code <ref>.deleted_at IS NULL}, referring to this
   * instance, i.e. to its alias when aliased), or null for tables without soft delete. The public hook
   * for every query builder that reads this table (selects, relational queries, subqueries).
   */
  public final Condition softDeleteCondition() {
    return softDeleteColumn == null ? null : softDeleteColumn.isNull();
  }

  /**
   * Opts this table into trigger-based change capture: {@code ChangeCapture.installSql(...)} generates
   * triggers for it so inserts, updates and deletes are logged even when made outside the application.
   */
  protected final void auditChanges() {
    checkModifiable(null);
    auditChanges = true;
  }

  /** Whether the table opted into change capture with {@link #auditChanges()}. */
  public final boolean auditsChanges() {
    return auditChanges;
  }

  // --- relations (relational queries feature): one block, added by the relational branch ----------

  /**
   * A to-one relation: {@code ownKey} (usually this table's foreign key) equals {@code targetKey} of
   * the target; nullable, so it maps to a nullable record or an {@code Optional}. Works with the
   * foreign key on either side: {@code one(() -> PROFILES, id, p -> p.userId)} is a one-relation
   * whose key lives on the other table.
   */
  protected final <R extends Table<R>, V> Relation<R> one(Supplier<R> target, Column<V> ownKey,
      java.util.function.Function<R, Column<V>> targetKey) {
    return new Relation<>(this, Relation.Kind.ONE, () -> ownKey, target, targetKey, null, null, null);
  }

  /** A to-many relation: rows of the target whose {@code targetKey} equals this table's {@code ownKey}. */
  protected final <R extends Table<R>, V> Relation<R> many(Supplier<R> target, Column<V> ownKey,
      java.util.function.Function<R, Column<V>> targetKey) {
    return new Relation<>(this, Relation.Kind.MANY, () -> ownKey, target, targetKey, null, null, null);
  }

  /**
   * A to-many relation inferred from the target's foreign key {@code targetFk}, which must
   * {@code references(...)} a column of this table: {@code many(() -> MEMBERS, m -> m.teamId)}.
   */
  protected final <R extends Table<R>, V> Relation<R> many(Supplier<R> target,
      java.util.function.Function<R, Column<V>> targetFk) {
    return new Relation<>(this, Relation.Kind.MANY, () -> referencedColumnHere(targetFk.apply(target.get())),
        target, targetFk, null, null, null);
  }

  /**
   * A to-one relation inferred from this table's foreign key {@code ownFk}, which must
   * {@code references(...)} a column of the target: {@code one(() -> USERS, authorId)}.
   */
  protected final <R extends Table<R>, V> Relation<R> one(Supplier<R> target, Column<V> ownFk) {
    if (ownFk.referenceSpec() == null) {
      throw new SchemaDefinitionException("table " + name() + ": relation on column " + ownFk.name()
          + " needs the column to reference the target (references(...)) or an explicit target key");
    }
    return new Relation<>(this, Relation.Kind.ONE, () -> ownFk, target, r -> {
      Column<?> referenced = ownFk.referenceSpec().target().get();
      Column<?> c = r.column(referenced.name());
      if (c == null) throw new SchemaDefinitionException("table " + name() + ": column " + ownFk.name()
          + " references " + referenced + ", which is not a column of " + r.name());
      return c;
    }, null, null, null);
  }

  /**
   * A many-to-many relation through a junction table, written along the join path:
   * {@code this.ownKey = junction.junctionOwn} and {@code junction.junctionTarget = target.targetKey}.
   * A query level of this relation may select the junction's columns (its attributes) too.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected final <R extends Table<R>, J extends Table<J>, V, W> Relation<R> manyToMany(Column<V> ownKey,
      Supplier<J> junction, java.util.function.Function<J, Column<V>> junctionOwn,
      java.util.function.Function<J, Column<W>> junctionTarget, Supplier<R> target,
      java.util.function.Function<R, Column<W>> targetKey) {
    return new Relation<>(this, Relation.Kind.MANY, () -> ownKey, target, targetKey, junction,
        (java.util.function.Function) junctionOwn, (java.util.function.Function) junctionTarget);
  }

  private Column<?> referencedColumnHere(Column<?> fk) {
    if (fk.referenceSpec() == null) {
      throw new SchemaDefinitionException("relation of table " + name() + ": column " + fk
          + " does not reference this table; declare references(...) or give both keys");
    }
    Column<?> referenced = fk.referenceSpec().target().get();
    Column<?> own = column(referenced.name());
    if (own == null || !referenced.table().definition().name().equals(definition().name())) {
      throw new SchemaDefinitionException("relation of table " + name() + ": column " + fk + " references "
          + referenced + ", not a column of " + name());
    }
    return own;
  }

  // --- tenancy: row-level security by tenant column ------------------------------------------------

  private Column<?> tenantColumn;

  /** The column named by {@link #tenantColumn(Column)}, or null. */
  public final Column<?> tenantColumn() {
    return tenantColumn;
  }

  /** Adds a policy built elsewhere, e.g. by {@link Policies}. */
  protected final Policy addPolicy(Policy p) {
    checkModifiable(null);
    for (Policy existing : policies) {
      if (existing.toModel().name().equals(p.toModel().name())) {
        throw new IllegalArgumentException("table " + name() + " already has a policy named " + p.toModel().name()
            + "; rename one with Policy.named(...)");
      }
    }
    policies.add(p);
    return p;
  }

  /**
   * Opts this table in to multi-tenancy by {@code column}: ENABLE and FORCE ROW LEVEL SECURITY (so
   * the owner is not exempt either), the {@link Policies#tenantIsolation(Column) tenant isolation}
   * policy, and an index on the column unless an index, primary key or unique constraint already
   * leads with it (every policy check filters on it). Returns the isolation policy, e.g. to restrict
   * it {@code .to("app_user")}.
   */
  protected final Policy tenantColumn(Column<?> column) {
    checkModifiable(null);
    if (column == null || column.table() != this) {
      throw new IllegalArgumentException("table " + name() + ": tenantColumn(" + column + ") must be a column of this table");
    }
    if (tenantColumn != null) {
      throw new IllegalStateException("table " + name() + " already has tenant column " + tenantColumn.name());
    }
    tenantColumn = column;
    rlsEnabled = true;
    rlsForced = true;
    return addPolicy(Policies.tenantIsolation(column));
  }

  private void addTenantIndex(String table, List<IndexModel> is, PrimaryKeyModel pk, List<UniqueModel> us,
      List<String> problems) {
    if (tenantColumn == null) return;
    String col = tenantColumn.name();
    if (pk != null && pk.columns().get(0).equals(col)) return;
    for (UniqueModel u : us) if (u.columns().get(0).equals(col)) return;
    for (IndexModel i : is) {
      if (i.where() == null && !i.elements().isEmpty() && !i.elements().get(0).isExpression()
          && i.elements().get(0).expression().equals(col)) {
        return;
      }
    }
    IndexModel im = new Index(null).on(tenantColumn).toModel(table, problems);
    if (im != null) is.add(im);
  }
}
