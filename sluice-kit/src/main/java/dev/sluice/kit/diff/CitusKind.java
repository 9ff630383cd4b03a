package dev.sluice.kit.diff;

import dev.sluice.kit.diff.DependencyGraph.Slot;
import dev.sluice.schema.model.Colocation;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.DistributionModel;
import dev.sluice.schema.model.DistributionModel.Method;
import dev.sluice.schema.model.SchemaModel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Citus placement of tables and schemas: hash-distributed tables, reference tables, distributed
 * schemas.
 *
 * <p><b>Read</b> from {@code pg_dist_partition} and {@code pg_dist_schema} when the Citus extension is
 * installed (else nothing): hash tables with their column ({@code column_to_column_name}); reference
 * tables ({@code partmethod 'n'}, {@code repmodel 't'}); tables of distributed schemas belong to their
 * schema and Citus-local tables are plain tables. A co-location group is read as every member but the
 * first (by name) co-located with the first; a group of one is {@code none} when another group has the
 * same column type and shard count (so Citus' default would have joined them), else the default; the
 * shard count is kept when it differs from {@code citus.shard_count}.
 *
 * <p><b>Diff</b>: co-location is compared by group (who shares shards with whom), never by how it was
 * written. New placements are {@code create_distributed_table} / {@code create_reference_table} /
 * {@code citus_schema_distribute}, after the table is created and before its foreign keys and indexes
 * are added (co-located tables after the table they join); a changed column, shard count or group
 * is {@code alter_distributed_table}; a removed one {@code undistribute_table} /
 * {@code citus_schema_undistribute} (after foreign keys are dropped); hash ↔ reference is undistribute
 * then create. Changing the type of a distribution column is refused, as Citus refuses it.
 */
final class CitusKind implements ObjectKind<DistributionModel> {
  @Override
  public String label() {
    return "distribution";
  }

  @Override
  public List<DistributionModel> of(SchemaModel m) {
    return m.distributions();
  }

  @Override
  public SchemaModel with(SchemaModel m, List<DistributionModel> items) {
    return m.withDistributions(items);
  }

  @Override
  public String key(DistributionModel d) {
    return d.key();
  }

  /** Co-location and shard count are compared by group in {@link #diff}, not as written. */
  @Override
  public Object definition(DistributionModel d) {
    return List.of(d.method(), Objects.toString(d.column(), ""));
  }

  static String node(DistributionModel d) {
    return "distribution:" + d.key();
  }

  // --- introspection -------------------------------------------------------------------------------

  @Override
  public List<DistributionModel> introspect(Connection c, List<String> schemas, int serverVersion) throws SQLException {
    boolean citus;
    boolean schemaSharding;
    int defaultShards = 32;
    try (Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL,"
             + " pg_catalog.to_regclass('pg_catalog.pg_dist_schema') IS NOT NULL,"
             + " pg_catalog.current_setting('citus.shard_count', true)")) {
      rs.next();
      citus = rs.getBoolean(1);
      schemaSharding = rs.getBoolean(2);
      if (rs.getString(3) != null) defaultShards = Integer.parseInt(rs.getString(3));
    }
    if (!citus) return List.of();
    List<DistributionModel> out = new ArrayList<>();
    if (schemaSharding) {
      out.addAll(ObjectKind.query(c, "SELECT n.nspname FROM pg_catalog.pg_dist_schema s"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = s.schemaid WHERE n.nspname = ANY (?::text[])", schemas,
          rs -> new DistributionModel(rs.getString(1), null, Method.SCHEMA, null, null, null)));
    }
    record Row(String schema, String table, String method, String column, int group, int shards) {}
    List<Row> rows = ObjectKind.query(c, "SELECT n.nspname, k.relname, p.partmethod::text || p.repmodel::text,"
        + " CASE WHEN p.partmethod = 'h' THEN pg_catalog.column_to_column_name(p.logicalrelid, p.partkey) END,"
        + " p.colocationid, (SELECT pg_catalog.count(*) FROM pg_catalog.pg_dist_shard s WHERE s.logicalrelid = p.logicalrelid)::int"
        + " FROM pg_catalog.pg_dist_partition p JOIN pg_catalog.pg_class k ON k.oid = p.logicalrelid"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = k.relnamespace WHERE n.nspname = ANY (?::text[])"
        + (schemaSharding ? " AND k.relnamespace NOT IN (SELECT schemaid FROM pg_catalog.pg_dist_schema)" : "")
        + " ORDER BY 1, 2", schemas,
        rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6)));
    Map<Integer, List<Row>> groups = new HashMap<>();
    for (Row r : rows) if (r.method().startsWith("h")) groups.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
    for (Row r : rows) {
      if (r.method().equals("nt")) {
        out.add(new DistributionModel(r.schema(), r.table(), Method.REFERENCE, null, null, null));
      } else if (r.method().startsWith("h")) {
        List<Row> group = groups.get(r.group());
        Row first = group.get(0);
        Integer shards = r.shards() == defaultShards ? null : r.shards();
        if (first != r) {
          out.add(new DistributionModel(r.schema(), r.table(), Method.HASH, r.column(), first.schema() + "." + first.table(), null));
        } else {
          boolean alone = group.size() == 1;
          boolean rival = alone && groups.values().stream().anyMatch(g -> g != group && g.get(0).shards() == r.shards());
          out.add(new DistributionModel(r.schema(), r.table(), Method.HASH, r.column(), rival ? DistributionModel.NONE : null, shards));
        }
      }
      // "ns": a Citus-local table (on the coordinator only), a plain table to the model
    }
    return out;
  }

  // --- dependency graph ----------------------------------------------------------------------------

  @Override
  public void nodes(SchemaModel m, DependencyGraph g) {
    for (DistributionModel d : m.distributions()) g.node(node(d), "distribution " + d.key());
  }

  @Override
  public void edges(SchemaModel m, DependencyGraph g) {
    for (DistributionModel d : m.distributions()) {
      if (d.table() != null) g.edge(node(d), DependencyGraph.table(d.schema(), d.table()));
      if (d.colocateWith() != null && !DistributionModel.NONE.equals(d.colocateWith())) {
        g.edge(node(d), "distribution:" + d.colocateWith());
      }
    }
  }

  // --- diff ----------------------------------------------------------------------------------------

  @Override
  public void diff(KindDiff ctx) {
    SchemaModel a = ctx.from();
    SchemaModel b = ctx.to();
    Map<String, DistributionModel> before = new HashMap<>();
    for (DistributionModel d : a.distributions()) before.put(d.key(), d);
    Map<String, DistributionModel> after = new HashMap<>();
    for (DistributionModel d : b.distributions()) after.put(d.key(), d);
    Colocation groupsA = Colocation.of(a);
    Colocation groupsB = Colocation.of(b);
    for (DistributionModel o : a.distributions()) {
      DistributionModel n = after.get(o.key());
      boolean gone = o.table() != null && ctx.dropped(o.schema(), o.table());
      if (gone) continue;
      if (n == null || n.method() != o.method()) ctx.add(Slot.DROP_BEFORE_TABLES, new Undistribute(o));
    }
    // co-location as it is now, for the tables hash-distributed on both sides; updated as alters are planned
    Map<String, String> current = new HashMap<>();
    for (DistributionModel o : a.distributions()) {
      DistributionModel n = after.get(o.key());
      if (o.method() == Method.HASH && n != null && n.method() == Method.HASH) current.put(o.key(), groupOf(a.distributions(), groupsA, o));
    }
    List<DistributionModel> ordered = new ArrayList<>(ctx.toGraph().order(b.distributions(), CitusKind::node));
    // a table whose own declaration changed moves first, so the table the user edited is the one altered
    ordered.sort(java.util.Comparator.comparing(n -> before.get(n.key()) != null
        && Objects.equals(before.get(n.key()).colocateWith(), n.colocateWith())));
    for (DistributionModel n : ordered) {
      DistributionModel o = before.get(n.key());
      if (o != null && o.table() != null && ctx.dropped(o.schema(), o.table())) o = null;
      if (o == null || o.method() != n.method()) {
        ctx.add(Slot.AFTER_TABLES, new Distribute(n));
        continue;
      }
      if (n.method() != Method.HASH) continue;
      checkColumnType(a, b, n);
      String column = Objects.equals(o.column(), n.column()) ? null : n.column();
      Integer shards = Objects.equals(o.shardCount(), n.shardCount()) ? null : n.shardCount();
      String colocate = null;
      TreeSet<String> desired = partners(b.distributions(), groupsB, n.key(), before);
      TreeSet<String> actual = new TreeSet<>();
      for (Map.Entry<String, String> e : current.entrySet()) {
        if (!e.getKey().equals(n.key()) && e.getValue().equals(current.get(n.key()))) actual.add(e.getKey());
      }
      if (!desired.equals(actual)) {
        colocate = desired.isEmpty() ? DistributionModel.NONE : desired.first();
        current.put(n.key(), desired.isEmpty() ? "alone:" + n.key() : current.get(desired.first()));
      }
      if (shards != null && colocate != null && !DistributionModel.NONE.equals(colocate)) shards = null;
      boolean backToDefault = n.shardCount() == null && o.shardCount() != null
          && (colocate == null || DistributionModel.NONE.equals(colocate));
      if (column != null || shards != null || colocate != null || backToDefault) {
        ctx.add(Slot.AFTER_TABLES, new AlterDistribution(n, column, shards, colocate, backToDefault));
      }
    }
  }

  /** A name for {@code d}'s co-location group in {@code all}: its first member. */
  private static String groupOf(List<DistributionModel> all, Colocation groups, DistributionModel d) {
    for (DistributionModel x : all) if (x.method() == Method.HASH && groups.together(x.key(), d.key())) return x.key();
    return d.key();
  }

  /** The members of {@code key}'s group in {@code m} that are also hash-distributed on the other side. */
  private static TreeSet<String> partners(List<DistributionModel> all, Colocation groups, String key,
      Map<String, DistributionModel> otherSide) {
    TreeSet<String> out = new TreeSet<>();
    for (DistributionModel d : all) {
      if (d.method() != Method.HASH || d.key().equals(key)) continue;
      DistributionModel other = otherSide.get(d.key());
      if (other != null && other.method() == Method.HASH && groups.together(key, d.key())) out.add(d.key());
    }
    return out;
  }

  private static void checkColumnType(SchemaModel a, SchemaModel b, DistributionModel n) {
    Optional<String> was = type(a, n);
    Optional<String> now = type(b, n);
    if (was.isPresent() && now.isPresent() && !was.get().equals(now.get())) {
      throw new UnsupportedChangeException("table " + n.key(), "the type of distribution column " + n.column() + " changes ("
          + was.get() + " to " + now.get() + "), which Citus refuses; undistribute the table in one migration, change the type,"
          + " and distribute it again in the next");
    }
  }

  private static Optional<String> type(SchemaModel m, DistributionModel d) {
    return m.table(d.schema(), d.table()).flatMap(t -> t.columns().stream().filter(c -> c.name().equals(d.column())).findFirst())
        .map(ColumnModel::type);
  }

  @Override
  public DistributionModel renamed(DistributionModel d, UnaryOperator<String> schema, BinaryOperator<String> relation) {
    String s = schema.apply(d.schema());
    String t = d.table() == null ? null : relation.apply(s, d.table());
    String with = d.colocateWith();
    if (with != null && !DistributionModel.NONE.equals(with)) {
      int dot = with.indexOf('.');
      String ws = schema.apply(with.substring(0, dot));
      with = ws + "." + relation.apply(ws, with.substring(dot + 1));
    }
    return new DistributionModel(s, t, d.method(), d.column(), with, d.shardCount());
  }

  // --- DDL -----------------------------------------------------------------------------------------

  /** {@code 'schema.table'} as Citus reads a regclass or a table name given as text. */
  static String relation(String schema, String table) {
    return Sql.literal(Sql.qualified(schema, table));
  }

  static String relation(String qualified) {
    int dot = qualified.indexOf('.');
    return relation(qualified.substring(0, dot), qualified.substring(dot + 1));
  }

  /** {@code create_distributed_table}, {@code create_reference_table} or {@code citus_schema_distribute}. */
  record Distribute(DistributionModel d) implements Change.ObjectChange {
    @Override
    public String sql() {
      return switch (d.method()) {
        case HASH -> {
          StringBuilder sb = new StringBuilder("SELECT create_distributed_table(").append(relation(d.schema(), d.table()))
              .append(", ").append(Sql.literal(d.column()));
          if (d.colocateWith() != null) {
            sb.append(", colocate_with => ").append(DistributionModel.NONE.equals(d.colocateWith())
                ? "'none'" : relation(d.colocateWith()));
          }
          if (d.shardCount() != null) sb.append(", shard_count => ").append(d.shardCount());
          yield sb.append(')').toString();
        }
        case REFERENCE -> "SELECT create_reference_table(" + relation(d.schema(), d.table()) + ")";
        case SCHEMA -> "SELECT citus_schema_distribute(" + Sql.literal(Sql.name(d.schema())) + ")";
      };
    }

    @Override
    public String description() {
      return switch (d.method()) {
        case HASH -> "table " + d.key() + ": distribute by " + d.column();
        case REFERENCE -> "table " + d.key() + ": reference table";
        case SCHEMA -> "schema " + d.schema() + ": distribute";
      };
    }
  }

  /** {@code undistribute_table} or {@code citus_schema_undistribute}. */
  record Undistribute(DistributionModel d) implements Change.ObjectChange {
    @Override
    public String sql() {
      return d.method() == Method.SCHEMA ? "SELECT citus_schema_undistribute(" + Sql.literal(Sql.name(d.schema())) + ")"
          : "SELECT undistribute_table(" + relation(d.schema(), d.table()) + ")";
    }

    @Override
    public String description() {
      return (d.table() == null ? "schema " : "table ") + d.key() + ": undistribute";
    }
  }

  /** {@code alter_distributed_table} with what changes. */
  record AlterDistribution(DistributionModel d, String column, Integer shardCount, String colocateWith, boolean defaultShardCount)
      implements Change.ObjectChange {
    @Override
    public String sql() {
      StringBuilder sb = new StringBuilder("SELECT alter_distributed_table(").append(relation(d.schema(), d.table()));
      if (column != null) sb.append(", distribution_column => ").append(Sql.literal(column));
      if (shardCount != null) sb.append(", shard_count => ").append(shardCount);
      // alter_distributed_table has no "default": the setting's value, read when the migration runs
      if (defaultShardCount) sb.append(", shard_count => pg_catalog.current_setting('citus.shard_count')::int");
      if (colocateWith != null) {
        sb.append(", colocate_with => ").append(DistributionModel.NONE.equals(colocateWith) ? "'none'" : relation(colocateWith));
      }
      return sb.append(')').toString();
    }

    @Override
    public String description() {
      List<String> what = new ArrayList<>();
      if (column != null) what.add("distribute by " + column);
      if (shardCount != null) what.add(shardCount + " shards");
      if (defaultShardCount) what.add("the default shard count");
      if (colocateWith != null) what.add("co-locate with " + colocateWith);
      return "table " + d.key() + ": " + String.join(", ", what);
    }
  }

  // --- pull ----------------------------------------------------------------------------------------

  @Override
  public String javaType() {
    return "dev.sluice.schema.Distribution";
  }

  @Override
  public String javaName(DistributionModel d) {
    return (d.table() == null ? d.schema() : d.table()) + "_distribution";
  }

  @Override
  public String java(DistributionModel d, ObjectKinds.JavaContext ctx) {
    String dist = ctx.use("dev.sluice.schema.Distribution");
    String head = switch (d.method()) {
      case HASH -> dist + ".hash(" + ctx.string(d.schema()) + ", " + ctx.string(d.table()) + ", " + ctx.string(d.column()) + ")";
      case REFERENCE -> dist + ".reference(" + ctx.string(d.schema()) + ", " + ctx.string(d.table()) + ")";
      case SCHEMA -> dist + ".schema(" + ctx.string(d.schema()) + ")";
    };
    List<String> calls = new ArrayList<>();
    if (DistributionModel.NONE.equals(d.colocateWith())) {
      calls.add(".colocateWithNone()");
    } else if (d.colocateWith() != null) {
      int dot = d.colocateWith().indexOf('.');
      calls.add(".colocateWith(" + ctx.string(d.colocateWith().substring(0, dot)) + ", "
          + ctx.string(d.colocateWith().substring(dot + 1)) + ")");
    }
    if (d.shardCount() != null) calls.add(".shardCount(" + d.shardCount() + ")");
    return ctx.chain(head, calls);
  }
}
