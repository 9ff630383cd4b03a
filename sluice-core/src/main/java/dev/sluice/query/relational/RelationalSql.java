package dev.sluice.query.relational;

import dev.sluice.query.Condition;
import dev.sluice.query.Field;
import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.sql.QueryPart;
import dev.sluice.sql.RenderContext;
import dev.sluice.types.DataType;
import dev.sluice.types.PgTypes;
import java.util.List;
import java.util.Set;

/**
 * Renders a relational query as ONE statement, in the shape Drizzle uses: the root is a plain
 * SELECT of its columns; each relation is a {@code LEFT JOIN LATERAL} subquery correlated to its
 * parent row that returns one json value: {@code json_build_array(...)} of the related row for a
 * one-relation, {@code coalesce(json_agg(...), '[]')} of such arrays for a many-relation (ordered
 * by a {@code row_number()} over the level's ORDER BY, so the order survives aggregation). Rows are
 * positional arrays, not objects: smaller, and the mapper knows the positions from the shape.
 *
 * <p>Each level reads its table under its own name, so conditions and columns written against the
 * table constants resolve to the nearest level. When a child level's table has the same name as its
 * parent (self-reference), the parent key is first exposed through a one-column lateral
 * ({@code "rN_k"}) so the child can still reach it.
 *
 * <p>Values nested in json are sent as PostgreSQL text ({@code ::text}) unless json carries them
 * exactly (integers, booleans, text-like types, uuid, json itself), so {@code Codec.fromText}
 * decodes them to the same Java values as the flat path. A level holds at most 100 values
 * (PostgreSQL's limit on function arguments).
 */
final class RelationalSql {
  private static final Set<String> JSON_NATIVE = Set.of("smallint", "integer", "bigint", "smallserial", "serial",
      "bigserial", "boolean", "text", "character varying", "uuid", "json", "jsonb",
      // their casts to text are not their output functions (bpchar::text trims, inet::text adds /32),
      // while json carries the output text exactly
      "character", "bpchar", "inet", "cidr", "macaddr");

  private int aliases;

  static RenderContext render(LevelSpec root, boolean first) {
    RenderContext ctx = new RenderContext(RenderContext.Mode.BIND);
    new RelationalSql().root(ctx, root, first);
    return ctx;
  }

  private String nextAlias() {
    return "r" + (aliases++);
  }

  private void root(RenderContext ctx, LevelSpec spec, boolean first) {
    String[] childAliases = childAliases(spec);
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
    for (int i = 0; i < spec.children.size(); i++) {
      if (comma) ctx.sql(", ");
      ctx.id(childAliases[i]).sql('.').id("data").sql(" AS ").id(spec.children.get(i).relation().name());
      comma = true;
    }
    if (!comma) ctx.sql("1");
    Long limit = first ? Long.valueOf(spec.limit == null ? 1 : Math.min(1, spec.limit)) : spec.limit;
    ctx.sql(" FROM ");
    if (pageFirst(spec, limit)) {
      // page the root rows before the laterals run, so relations are read for the page only
      ctx.sql('(');
      pagedRows(ctx, spec, null, limit);
      ctx.sql(") AS ").id(spec.table.alias() != null ? spec.table.alias() : spec.table.name());
      joins(ctx, spec, childAliases);
      if (!spec.orderBy.isEmpty()) ctx.sql(" ORDER BY ").visitAll(spec.orderBy, ", ");
      return;
    }
    ctx.visit(spec.table);
    joins(ctx, spec, childAliases);
    Condition where = spec.effectiveWhere(spec.table);
    if (where != null) ctx.sql(" WHERE ").visit(where);
    if (!spec.orderBy.isEmpty()) ctx.sql(" ORDER BY ").visitAll(spec.orderBy, ", ");
    if (limit != null) ctx.sql(" LIMIT ").value(PgTypes.BIGINT, limit);
    if (spec.offset != null) ctx.sql(" OFFSET ").value(PgTypes.BIGINT, spec.offset);
  }

  /**
   * True when the level's rows are paged in a derived table of the same name before its relations
   * are joined: without it, an ORDER BY that no index serves sorts the joined rows, so every
   * candidate row's relations would be read before LIMIT discards most of them. Needs a bare
   * reference name (public schema or an alias) and no junction table.
   */
  private static boolean pageFirst(LevelSpec spec, Long limit) {
    boolean paged = limit != null || spec.offset != null;
    boolean bare = spec.table.alias() != null || spec.table.schema().equals("public");
    return paged && !spec.children.isEmpty() && bare && (spec.relation == null || !spec.relation.isThrough());
  }

  /** {@code SELECT t.* FROM t WHERE [correlation AND] where ORDER BY ... LIMIT ? OFFSET ?}. */
  private void pagedRows(RenderContext ctx, LevelSpec spec, Condition correlation, Long limit) {
    ctx.sql("SELECT ");
    spec.table.renderReference(ctx);
    ctx.sql(".* FROM ").visit(spec.table);
    if (correlation != null) ctx.sql(" WHERE ").visit(correlation);
    Condition where = spec.effectiveWhere(spec.table);
    if (where != null) ctx.sql(correlation == null ? " WHERE (" : " AND (").visit(where).sql(")");
    if (!spec.orderBy.isEmpty()) ctx.sql(" ORDER BY ").visitAll(spec.orderBy, ", ");
    if (limit != null) ctx.sql(" LIMIT ").value(PgTypes.BIGINT, limit);
    if (spec.offset != null) ctx.sql(" OFFSET ").value(PgTypes.BIGINT, spec.offset);
  }

  private String[] childAliases(LevelSpec spec) {
    String[] a = new String[spec.children.size()];
    for (int i = 0; i < a.length; i++) a[i] = nextAlias();
    return a;
  }

  /** The LEFT JOIN LATERAL of each child of {@code spec}, written in {@code spec}'s FROM clause. */
  private void joins(RenderContext ctx, LevelSpec spec, String[] childAliases) {
    for (int i = 0; i < spec.children.size(); i++) {
      LevelSpec.Child child = spec.children.get(i);
      Relation<?> r = child.relation();
      String alias = childAliases[i];
      // the key as a column of this level's table instance (an alias of the relation's table renders its alias)
      QueryPart parentKey = spec.table.column(r.sourceKey().name());
      if (collides(spec.table, child.spec())) {
        String k = alias + "_k";
        ctx.sql(" LEFT JOIN LATERAL (SELECT ").visit(parentKey).sql(" AS ").id("k").sql(") AS ").id(k).sql(" ON TRUE");
        parentKey = c -> c.id(k).sql('.').id("k");
      }
      ctx.sql(" LEFT JOIN LATERAL (");
      nested(ctx, child.spec(), r, parentKey);
      ctx.sql(") AS ").id(alias).sql(" ON TRUE");
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void nested(RenderContext ctx, LevelSpec spec, Relation r, QueryPart parentKey) {
    String[] childAliases = childAliases(spec);
    boolean many = r.kind() == Relation.Kind.MANY;
    boolean ordered = many && !spec.orderBy.isEmpty();
    if (many) {
      ctx.sql("SELECT coalesce(json_agg(").id("s").sql('.').id("r");
      if (ordered) ctx.sql(" ORDER BY ").id("s").sql('.').id("o");
      ctx.sql("), '[]'::json) AS ").id("data").sql(" FROM (");
    }
    ctx.sql("SELECT json_build_array(");
    boolean comma = false;
    for (Field<?> f : spec.selectedColumns()) {
      if (comma) ctx.sql(", ");
      jsonValue(ctx, f, f.dataType());
      comma = true;
    }
    for (LevelSpec.Extra e : spec.extras) {
      if (comma) ctx.sql(", ");
      jsonValue(ctx, e.value(), e.value().dataType());
      comma = true;
    }
    for (int i = 0; i < spec.children.size(); i++) {
      if (comma) ctx.sql(", ");
      ctx.id(childAliases[i]).sql('.').id("data");
      comma = true;
    }
    ctx.sql(") AS ").id(many ? "r" : "data");
    if (ordered) ctx.sql(", row_number() OVER (ORDER BY ").visitAll(spec.orderBy, ", ").sql(") AS ").id("o");
    Table target = r.target();
    Condition correlation;
    if (many && pageFirst(spec, spec.limit)) {
      ctx.sql(" FROM (");
      pagedRows(ctx, spec, eq(r.targetKey(target), parentKey), spec.limit);
      ctx.sql(") AS ").id(target.alias() != null ? target.alias() : target.name());
      joins(ctx, spec, childAliases);
      ctx.sql(") AS ").id("s");
      return;
    }
    ctx.sql(" FROM ").visit(target);
    Table<?> junction = null;
    if (r.isThrough()) {
      junction = r.junction();
      ctx.sql(" JOIN ").visit(junction).sql(" ON ").visit(eq(r.junctionTargetKey(junction), r.targetKey(target)));
      correlation = eq(r.junctionSourceKey(junction), parentKey);
    } else {
      correlation = eq(r.targetKey(target), parentKey);
    }
    joins(ctx, spec, childAliases);
    ctx.sql(" WHERE ").visit(correlation);
    Condition where = spec.effectiveWhere(target, junction);
    if (where != null) ctx.sql(" AND (").visit(where).sql(")");
    if (!spec.orderBy.isEmpty()) ctx.sql(" ORDER BY ").visitAll(spec.orderBy, ", ");
    Long limit = many ? spec.limit : Long.valueOf(1);
    if (limit != null) ctx.sql(" LIMIT ").value(PgTypes.BIGINT, limit);
    if (many && spec.offset != null) ctx.sql(" OFFSET ").value(PgTypes.BIGINT, spec.offset);
    if (many) ctx.sql(") AS ").id("s");
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

  static boolean isJsonNative(DataType<?> type) {
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
    RenderContext c = new RenderContext(RenderContext.Mode.INLINE);
    t.renderReference(c);
    return c.sql();
  }

}
