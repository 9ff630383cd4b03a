package dev.sluice.query.relational;

import dev.sluice.query.Condition;
import dev.sluice.query.Field;
import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.schema.model.UniqueModel;
import dev.sluice.sql.QueryPart;
import dev.sluice.sql.RenderContext;
import dev.sluice.types.DataType;
import dev.sluice.types.PgTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a relational query as ONE statement. The root is a plain SELECT of its columns; each
 * related level is a positional json array ({@code json_build_array(...)}): rows are arrays, not
 * objects, since the mapper knows the positions from the shape.
 *
 * <ul>
 *   <li>A one-relation whose target key is unique (primary key, or a non-deferrable unique
 *       constraint or full unique index on that one column) is a plain {@code LEFT JOIN} in its
 *       parent's FROM, and its value is {@code CASE WHEN key IS NULL THEN NULL ELSE
 *       json_build_array(...) END}: the planner sees one join tree, as in a hand-written query.
 *       When its table's name is already in use in that FROM (a self-reference), it joins under an
 *       alias if the level has no filter, extras or relations of its own (they are written against
 *       the unaliased table); otherwise it is read like a non-unique one-relation.
 *   <li>Any other one-relation is a {@code LEFT JOIN LATERAL} subquery with {@code LIMIT 1}.
 *   <li>A many-relation is a {@code LEFT JOIN LATERAL} aggregating its rows with
 *       {@code coalesce(json_agg(row ORDER BY ...), '[]')}; with a per-level limit or offset the
 *       rows are paged in an inner subquery first and keep their order through a
 *       {@code row_number()}.
 * </ul>
 *
 * <p>Each level reads its table under its own name, so conditions and columns written against the
 * table constants resolve to the nearest level. When a lateral level's table has the same name as
 * its parent (self-reference), the parent key is first exposed through a one-column lateral
 * ({@code "rN_k"}) so the child can still reach it.
 *
 * <p>Nested values travel as json numbers and strings where json carries PostgreSQL's output text
 * exactly (integers, floating point and numeric, booleans, text-like types, uuid, json itself), and
 * as PostgreSQL text ({@code ::text}) otherwise, so {@code Codec.fromText} decodes them to the same
 * Java values as the flat path. A level holds at most 100 values (PostgreSQL's limit on function
 * arguments).
 */
final class RelationalSql {
  private static final Set<String> JSON_NATIVE = Set.of("smallint", "integer", "bigint", "smallserial", "serial",
      "bigserial", "boolean", "text", "character varying", "uuid", "json", "jsonb",
      // json writes float4/float8/numeric with their output functions (shortest exact digits under
      // pgjdbc's extra_float_digits), quoting NaN and the infinities
      "double precision", "real", "numeric",
      // their casts to text are not their output functions (bpchar::text trims, inet::text adds /32),
      // while json carries the output text exactly
      "character", "bpchar", "inet", "cidr", "macaddr");

  /** Whether a one-relation's target key is unique, per relation (relations live as long as their tables). */
  private static final Map<Relation<?>, Boolean> UNIQUE_TARGET = new ConcurrentHashMap<>();
  /** Aliased instances of table classes, reused across queries (aliasing builds a table instance). */
  private static final Map<AliasKey, Table<?>> ALIASED = new ConcurrentHashMap<>();

  private record AliasKey(Table<?> definition, String alias) {}

  private int aliases;
  /** Child levels joined in their parent's FROM, with the table instance they are read through. */
  private final Map<LevelSpec, Table<?>> joined = new IdentityHashMap<>();
  /** Child levels read by a lateral subquery, with its alias. */
  private final Map<LevelSpec, String> lateral = new IdentityHashMap<>();

  /**
   * The statement and the shape its rows have. {@code identity} holds the types of the root's
   * primary key, appended after every other column, when a many-relation is join-fetched (several
   * result rows per root row, grouped by that key); otherwise it is empty.
   */
  record Result(RenderContext ctx, Shape shape, List<DataType<?>> identity) {}

  /** The many-relation of the root read by a plain LEFT JOIN (rows grouped in Java), or null. */
  private LevelSpec manyJoin;

  static Result render(LevelSpec root, boolean first) {
    RenderContext ctx = new RenderContext(RenderContext.Mode.BIND);
    RelationalSql r = joinFetch(root);
    if (r == null) {
      r = new RelationalSql();
      r.plan(root, rootScope(root));
    }
    r.collectFlat(root);
    r.root(ctx, root, first);
    List<DataType<?>> identity = new ArrayList<>();
    if (r.manyJoin != null) for (Column<?> c : root.table.primaryKey()) identity.add(c.dataType());
    return new Result(ctx, root.shape(r::flat), List.copyOf(identity));
  }

  private static Set<String> rootScope(LevelSpec root) {
    Set<String> scope = new HashSet<>();
    scope.add(reference(root.table));
    return scope;
  }

  /**
   * A planner that reads the root's one many-relation with a plain {@code LEFT JOIN}, the way a
   * hand-written query does, when the result stays a simple join: the root has a primary key (to
   * group rows by) and no other relation but unique one-relations without relations of their own;
   * the many level has no limit or offset, no junction, and only such one-relations. Null otherwise
   * (the json form is general; this one avoids building and parsing json for the common case).
   */
  private static RelationalSql joinFetch(LevelSpec root) {
    if (root.table.primaryKey().isEmpty() || root.table.alias() == null && !root.table.schema().equals("public")) {
      return null;
    }
    LevelSpec many = null;
    for (LevelSpec.Child c : root.children) {
      if (c.relation().kind() == Relation.Kind.MANY) {
        if (many != null || c.relation().isThrough() || c.spec().limit != null || c.spec().offset != null) return null;
        many = c.spec();
      } else if (!c.spec().children.isEmpty()) {
        return null;
      }
    }
    if (many == null) return null;
    for (LevelSpec.Child c : many.children) {
      if (c.relation().kind() != Relation.Kind.ONE || !c.spec().children.isEmpty()) return null;
    }
    RelationalSql r = new RelationalSql();
    r.manyJoin = many;
    r.plan(root, rootScope(root));
    for (LevelSpec.Child c : root.children) if (!r.joined.containsKey(c.spec())) return null;
    for (LevelSpec.Child c : many.children) if (!r.joined.containsKey(c.spec())) return null;
    return r;
  }

  /**
   * True for a level sent as plain columns (its key, then its values and extras): a joined
   * one-relation of the root without relations of its own, or the join-fetched many-relation and
   * its one-relations. Its rows need no json at all.
   */
  private boolean flat(LevelSpec level) {
    return flat.contains(level);
  }

  /** The levels {@link #flat} accepts, collected once the root's children are planned. */
  private final Set<LevelSpec> flat = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  private void collectFlat(LevelSpec root) {
    for (LevelSpec.Child c : root.children) {
      LevelSpec cs = c.spec();
      if (!joined.containsKey(cs)) continue;
      if (cs == manyJoin) {
        flat.add(cs);
        for (LevelSpec.Child g : cs.children) flat.add(g.spec());
      } else if (cs.children.isEmpty()) {
        flat.add(cs);
      }
    }
  }

  private String nextAlias() {
    return "r" + (aliases++);
  }

  // --- planning ----------------------------------------------------------------------------------

  /**
   * Decides, for each child of {@code spec}, whether it joins into the current FROM ({@code scope}
   * holds the reference names visible there, which a join must not shadow) or reads through a
   * lateral subquery (a new scope that starts with every name visible outside it).
   */
  private void plan(LevelSpec spec, Set<String> scope) {
    for (LevelSpec.Child child : spec.children) {
      LevelSpec cs = child.spec();
      Table<?> t = cs == manyJoin ? (scope.contains(reference(cs.table)) ? null : cs.table)
          : joinable(child.relation(), cs, scope);
      if (t != null) {
        joined.put(cs, t);
        scope.add(reference(t));
        plan(cs, scope);
      } else {
        String a = nextAlias();
        lateral.put(cs, a);
        scope.add(a);
        scope.add(a + "_k");
        Set<String> inner = new HashSet<>(scope);
        inner.add(reference(cs.table));
        if (child.relation().isThrough()) inner.add(reference(child.relation().junction()));
        plan(cs, inner);
      }
    }
  }

  /** The table instance to join a one-relation level through, or null when it must be a lateral. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Table<?> joinable(Relation<?> r, LevelSpec cs, Set<String> scope) {
    if (r.kind() != Relation.Kind.ONE || r.isThrough() || !uniqueTarget(r)) return null;
    if (!scope.contains(reference(cs.table))) return cs.table;
    if (cs.where != null || !cs.extras.isEmpty() || !cs.children.isEmpty()) return null;
    Table<?> definition = cs.table.definition();
    if (cs.columns != null) {
      for (Field<?> f : cs.columns) {
        if (!(f instanceof Column<?> c) || c.table().definition() != definition) return null;
      }
    }
    String a = nextAlias();
    if (scope.contains(a)) return null;
    try {
      return aliased(definition, a);
    } catch (IllegalStateException noDefaultConstructor) {
      return null;
    }
  }

  /**
   * {@code table.as(alias)}, built once per table and alias: aliasing constructs a table instance,
   * too costly for every rendering. Throws IllegalStateException when the class cannot be aliased.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Table<?> aliased(Table<?> table, String alias) {
    return ALIASED.computeIfAbsent(new AliasKey(table.definition(), alias), k -> (Table<?>) ((Table) k.definition()).as(k.alias()));
  }

  /** True when at most one target row can match a key: a single-column PK or non-deferrable unique. */
  static boolean uniqueTarget(Relation<?> r) {
    return UNIQUE_TARGET.computeIfAbsent(r, RelationalSql::computeUniqueTarget);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static boolean computeUniqueTarget(Relation r) {
    Table target = r.target();
    String key = r.targetKey(target).name();
    TableModel m = target.definition().toModel();
    if (m.primaryKey() != null && m.primaryKey().columns().equals(List.of(key))) return true;
    for (UniqueModel u : m.uniques()) {
      if (!u.deferrable() && u.columns().equals(List.of(key))) return true;
    }
    for (IndexModel i : m.indexes()) {
      if (i.unique() && i.where() == null && i.elements().size() == 1 && !i.elements().get(0).isExpression()
          && i.elements().get(0).expression().equals(key)) {
        return true;
      }
    }
    return false;
  }

  // --- rendering ---------------------------------------------------------------------------------

  private void root(RenderContext ctx, LevelSpec spec, boolean first) {
    ctx.sql("SELECT ");
    boolean comma = false;
    for (Field<?> f : spec.selectedColumns()) {
      if (comma) ctx.sql(", ");
      ctx.visit(f);
      comma = true;
    }
    for (LevelSpec.Extra e : spec.extras) {
      if (comma) ctx.sql(", ");
      ctx.sql('(').visit(e.value()).sql(") AS ").id(e.name());
      comma = true;
    }
    for (LevelSpec.Child child : spec.children) {
      if (comma) ctx.sql(", ");
      if (flat(child.spec())) {
        flatColumns(ctx, child);
        for (LevelSpec.Child grandchild : child.spec().children) {
          ctx.sql(", ");
          flatColumns(ctx, grandchild);
        }
      } else {
        childValue(ctx, child);
        ctx.sql(" AS ").id(child.relation().name());
      }
      comma = true;
    }
    if (!comma) ctx.sql("1");
    Long limit = first ? Long.valueOf(spec.limit == null ? 1 : Math.min(1, spec.limit)) : spec.limit;
    if (manyJoin != null) {
      joinFetchTail(ctx, spec, limit);
      return;
    }
    ctx.sql(" FROM ");
    if (pageFirst(spec, limit)) {
      // page the root rows before the relations are read, so they are read for the page only
      ctx.sql('(');
      pagedRows(ctx, spec, null, limit);
      ctx.sql(") AS ").id(spec.table.alias() != null ? spec.table.alias() : spec.table.name());
      joins(ctx, spec, spec.table);
      if (!spec.orderBy.isEmpty()) ctx.sql(" ORDER BY ").visitAll(spec.orderBy, ", ");
      return;
    }
    ctx.visit(spec.table);
    joins(ctx, spec, spec.table);
    Condition where = spec.effectiveWhere(spec.table);
    if (where != null) ctx.sql(" WHERE ").visit(where);
    if (!spec.orderBy.isEmpty()) ctx.sql(" ORDER BY ").visitAll(spec.orderBy, ", ");
    if (limit != null) ctx.sql(" LIMIT ").value(PgTypes.BIGINT, limit);
    if (spec.offset != null) ctx.sql(" OFFSET ").value(PgTypes.BIGINT, spec.offset);
  }

  /**
   * The rest of a join-fetch: the root's key columns (to group by), FROM the root (paged first in a
   * derived table when it has a limit or offset, so the page counts root rows), the joins, and an
   * ORDER BY that keeps each root row's result rows together and the many level's rows in order.
   */
  private void joinFetchTail(RenderContext ctx, LevelSpec spec, Long limit) {
    List<Column<?>> key = spec.table.primaryKey();
    for (Column<?> c : key) ctx.sql(", ").visit(spec.table.column(c.name()));
    ctx.sql(" FROM ");
    Condition where = null;
    if (limit != null || spec.offset != null) {
      ctx.sql('(');
      pagedRows(ctx, spec, null, limit);
      ctx.sql(") AS ").id(spec.table.alias() != null ? spec.table.alias() : spec.table.name());
    } else {
      ctx.visit(spec.table);
      where = spec.effectiveWhere(spec.table);
    }
    joins(ctx, spec, spec.table);
    if (where != null) ctx.sql(" WHERE ").visit(where);
    List<QueryPart> order = new ArrayList<>(spec.orderBy);
    for (Column<?> c : key) order.add(spec.table.column(c.name()));
    order.addAll(manyJoin.orderBy);
    ctx.sql(" ORDER BY ").visitAll(order, ", ");
  }

  /**
   * True when the level's rows are paged in a derived table of the same name before its relations
   * are joined: without it, an ORDER BY that no index serves sorts the joined rows, so every
   * candidate row's relations would be read before LIMIT discards most of them (without an ORDER BY
   * the rows stream and LIMIT stops the joins early anyway). Needs a bare
   * reference name (public schema or an alias) and no junction table.
   */
  private static boolean pageFirst(LevelSpec spec, Long limit) {
    boolean paged = (limit != null || spec.offset != null) && !spec.orderBy.isEmpty();
    boolean bare = spec.table.alias() != null || spec.table.schema().equals("public");
    return paged && !spec.children.isEmpty() && bare && (spec.relation == null || !spec.relation.isThrough());
  }

  /**
   * {@code SELECT t.c1, t.c2... FROM t WHERE [correlation AND] where ORDER BY ... LIMIT ? OFFSET ?}:
   * the declared columns by name, never {@code t.*} (the physical order may differ from the class).
   */
  private void pagedRows(RenderContext ctx, LevelSpec spec, Condition correlation, Long limit) {
    ctx.sql("SELECT ").visitAll(spec.table.fields(), ", ");
    ctx.sql(" FROM ").visit(spec.table);
    if (correlation != null) ctx.sql(" WHERE ").visit(correlation);
    Condition where = spec.effectiveWhere(spec.table);
    if (where != null) ctx.sql(correlation == null ? " WHERE (" : " AND (").visit(where).sql(")");
    if (!spec.orderBy.isEmpty()) ctx.sql(" ORDER BY ").visitAll(spec.orderBy, ", ");
    if (limit != null) ctx.sql(" LIMIT ").value(PgTypes.BIGINT, limit);
    if (spec.offset != null) ctx.sql(" OFFSET ").value(PgTypes.BIGINT, spec.offset);
  }

  /** The value of a child level in its parent's row: a joined level's json, or the lateral's column. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void childValue(RenderContext ctx, LevelSpec.Child child) {
    LevelSpec cs = child.spec();
    Table t = joined.get(cs);
    if (t == null) {
      ctx.id(lateral.get(cs)).sql('.').id("data");
      return;
    }
    Relation r = child.relation();
    ctx.sql("CASE WHEN ").visit(r.targetKey(t)).sql(" IS NULL THEN NULL ELSE ");
    jsonRow(ctx, cs, t);
    ctx.sql(" END");
  }

  /** A flat child's columns: its key (null when no row matched), its values, its extras. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void flatColumns(RenderContext ctx, LevelSpec.Child child) {
    LevelSpec cs = child.spec();
    Table t = joined.get(cs);
    Relation r = child.relation();
    ctx.visit(r.targetKey(t));
    for (Field<?> f : cs.selectedColumns()) {
      ctx.sql(", ").visit(t == cs.table ? f : t.column(f.name()));
    }
    for (LevelSpec.Extra e : cs.extras) {
      ctx.sql(", (").visit(e.value()).sql(")");
    }
  }

  /** {@code json_build_array(values..., extras..., children...)} of one row of {@code spec}. */
  private void jsonRow(RenderContext ctx, LevelSpec spec, Table<?> instance) {
    ctx.sql("json_build_array(");
    boolean comma = false;
    for (Field<?> f : spec.selectedColumns()) {
      if (comma) ctx.sql(", ");
      Field<?> v = instance == spec.table ? f : instance.column(f.name());
      jsonValue(ctx, v, v.dataType());
      comma = true;
    }
    for (LevelSpec.Extra e : spec.extras) {
      if (comma) ctx.sql(", ");
      jsonValue(ctx, e.value(), e.value().dataType());
      comma = true;
    }
    for (LevelSpec.Child child : spec.children) {
      if (comma) ctx.sql(", ");
      childValue(ctx, child);
      comma = true;
    }
    ctx.sql(")");
  }

  /** The joins of each child of {@code spec} (read through {@code instance}), written in its FROM. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void joins(RenderContext ctx, LevelSpec spec, Table<?> instance) {
    for (LevelSpec.Child child : spec.children) {
      Relation r = child.relation();
      LevelSpec cs = child.spec();
      // the key as a column of this level's table instance (an alias renders its alias)
      QueryPart parentKey = instance.column(r.sourceKey().name());
      Table t = joined.get(cs);
      if (t != null) {
        ctx.sql(" LEFT JOIN ").visit(t).sql(" ON ").visit(eq(r.targetKey(t), parentKey));
        Condition where = cs.effectiveWhere(t);
        if (where != null) ctx.sql(" AND (").visit(where).sql(")");
        joins(ctx, cs, t);
        continue;
      }
      String alias = lateral.get(cs);
      if (collides(instance, cs)) {
        String k = alias + "_k";
        ctx.sql(" LEFT JOIN LATERAL (SELECT ").visit(parentKey).sql(" AS ").id("k").sql(") AS ").id(k).sql(" ON TRUE");
        parentKey = c -> c.id(k).sql('.').id("k");
      }
      ctx.sql(" LEFT JOIN LATERAL (");
      nested(ctx, cs, r, parentKey);
      ctx.sql(") AS ").id(alias).sql(" ON TRUE");
    }
  }

  /** The lateral subquery of a child level: one row with its json value in column {@code data}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void nested(RenderContext ctx, LevelSpec spec, Relation r, QueryPart parentKey) {
    boolean many = r.kind() == Relation.Kind.MANY;
    Table target = r.target();
    if (many && spec.limit == null && spec.offset == null) {
      // aggregate the level's rows directly, ordered inside the aggregate
      ctx.sql("SELECT coalesce(json_agg(");
      jsonRow(ctx, spec, spec.table);
      if (!spec.orderBy.isEmpty()) ctx.sql(" ORDER BY ").visitAll(spec.orderBy, ", ");
      ctx.sql("), '[]'::json) AS ").id("data");
      from(ctx, spec, r, target, parentKey);
      return;
    }
    boolean ordered = many && !spec.orderBy.isEmpty();
    if (many) {
      ctx.sql("SELECT coalesce(json_agg(").id("s").sql('.').id("r");
      if (ordered) ctx.sql(" ORDER BY ").id("s").sql('.').id("o");
      ctx.sql("), '[]'::json) AS ").id("data").sql(" FROM (");
    }
    ctx.sql("SELECT ");
    jsonRow(ctx, spec, spec.table);
    ctx.sql(" AS ").id(many ? "r" : "data");
    if (ordered) ctx.sql(", row_number() OVER (ORDER BY ").visitAll(spec.orderBy, ", ").sql(") AS ").id("o");
    if (many && pageFirst(spec, spec.limit)) {
      ctx.sql(" FROM (");
      pagedRows(ctx, spec, eq(r.targetKey(target), parentKey), spec.limit);
      ctx.sql(") AS ").id(target.alias() != null ? target.alias() : target.name());
      joins(ctx, spec, spec.table);
      ctx.sql(") AS ").id("s");
      return;
    }
    from(ctx, spec, r, target, parentKey);
    if (!spec.orderBy.isEmpty()) ctx.sql(" ORDER BY ").visitAll(spec.orderBy, ", ");
    Long limit = many ? spec.limit : Long.valueOf(1);
    if (limit != null) ctx.sql(" LIMIT ").value(PgTypes.BIGINT, limit);
    if (many && spec.offset != null) ctx.sql(" OFFSET ").value(PgTypes.BIGINT, spec.offset);
    if (many) ctx.sql(") AS ").id("s");
  }

  /** {@code FROM target [JOIN junction] joins WHERE correlation [AND (where)]} of a lateral level. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void from(RenderContext ctx, LevelSpec spec, Relation r, Table target, QueryPart parentKey) {
    ctx.sql(" FROM ").visit(target);
    Table<?> junction = null;
    Condition correlation;
    if (r.isThrough()) {
      junction = r.junction();
      ctx.sql(" JOIN ").visit(junction).sql(" ON ").visit(eq(r.junctionTargetKey(junction), r.targetKey(target)));
      correlation = eq(r.junctionSourceKey(junction), parentKey);
    } else {
      correlation = eq(r.targetKey(target), parentKey);
    }
    joins(ctx, spec, spec.table);
    ctx.sql(" WHERE ").visit(correlation);
    Condition where = spec.effectiveWhere(target, junction);
    if (where != null) ctx.sql(" AND (").visit(where).sql(")");
  }

  static Condition eq(QueryPart left, QueryPart right) {
    return c -> c.visit(left).sql(" = ").visit(right);
  }

  private static void jsonValue(RenderContext ctx, QueryPart value, DataType<?> type) {
    if (isJsonNative(type)) {
      ctx.visit(value);
    } else {
      ctx.sql('(').visit(value).sql(")::text");
    }
  }

  private static final Map<DataType<?>, Boolean> NATIVE = new ConcurrentHashMap<>();

  static boolean isJsonNative(DataType<?> type) {
    Boolean cached = NATIVE.get(type);
    if (cached == null) NATIVE.put(type, cached = computeJsonNative(type));
    return cached;
  }

  private static boolean computeJsonNative(DataType<?> type) {
    String n = type.sqlName();
    int paren = n.indexOf('(');
    return JSON_NATIVE.contains(paren < 0 ? n : n.substring(0, paren)) && type.elementType() == null;
  }

  /** True when a FROM item of the child level has the reference name of the parent's table. */
  static boolean collides(Table<?> parent, LevelSpec child) {
    String p = reference(parent);
    if (reference(child.table).equals(p)) return true;
    Relation<?> r = child.relation;
    return r.isThrough() && reference(r.junction()).equals(p);
  }

  static String reference(Table<?> t) {
    return t.referenceSql();
  }
}
