package dev.sluice.kit.diff;

import dev.sluice.kit.diff.DependencyGraph.Slot;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.CompositeTypeModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.FunctionModel;
import dev.sluice.schema.model.RangeTypeModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Range types ({@code pg_range}).
 *
 * <p><b>Read</b>: the subtype ({@code format_type}), a non-default b-tree operator class, a collation
 * other than the subtype's, the canonical and subtype-difference functions ({@code regproc}, so
 * {@code pg_catalog}'s bare), the multirange type's name (PostgreSQL 14+) when it is not the one
 * PostgreSQL derives, the comment. Each is a {@code type:} node of the dependency graph, so columns,
 * domains and functions naming it depend on it. <b>Diff</b>: PostgreSQL cannot alter a range type, so
 * a changed one is dropped and created again when nothing in the old model uses it (no column stores
 * it, no domain, composite type or function names it), and refused with the users named otherwise;
 * the comment is {@code COMMENT ON TYPE}. Created after enums, domains, composite types and the
 * functions created before the tables (a subtype-difference function among them), before the
 * tables; a function taking or returning a range type is created after the tables. Dropped after the
 * tables, before functions.
 */
final class RangeTypeKind implements ObjectKind<RangeTypeModel> {
  @Override
  public String label() {
    return "range type";
  }

  @Override
  public List<RangeTypeModel> of(SchemaModel m) {
    return m.rangeTypes();
  }

  @Override
  public SchemaModel with(SchemaModel m, List<RangeTypeModel> items) {
    return m.withRangeTypes(items);
  }

  @Override
  public String key(RangeTypeModel r) {
    return r.schema() + "." + r.name();
  }

  private static RangeTypeModel shape(RangeTypeModel r) {
    return new RangeTypeModel(r.schema(), r.name(), r.subtype(), r.subtypeOpclass(), r.collation(), r.canonical(), r.subtypeDiff(),
        r.multirange(), null);
  }

  // --- introspection -------------------------------------------------------------------------------

  private static String sql(int serverVersion) {
    return "SELECT n.nspname, t.typname, pg_catalog.format_type(r.rngsubtype, NULL) AS subtype,"
        + " CASE WHEN NOT oc.opcdefault THEN pg_catalog.quote_ident(ocn.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) END"
        + "   AS opclass,"
        + " (SELECT " + ObjectKinds.COLLATION_NAME_SQL + " FROM pg_catalog.pg_collation co"
        + "   WHERE co.oid = r.rngcollation AND r.rngcollation <> st.typcollation) AS collation,"
        + " CASE WHEN r.rngcanonical <> 0 THEN r.rngcanonical::pg_catalog.regproc::text END AS canonical,"
        + " CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::pg_catalog.regproc::text END AS subdiff,"
        + (serverVersion >= 140000 ? " (SELECT m.typname::text FROM pg_catalog.pg_type m WHERE m.oid = r.rngmultitypid) AS multirange,"
            : " NULL::text AS multirange,")
        + " pg_catalog.obj_description(t.oid, 'pg_type') AS comment"
        + " FROM pg_catalog.pg_range r JOIN pg_catalog.pg_type t ON t.oid = r.rngtypid"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype"
        + " JOIN pg_catalog.pg_opclass oc ON oc.oid = r.rngsubopc JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace"
        + " WHERE n.nspname = ANY (?::text[])"
        + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass"
        + "   AND d.objid = t.oid AND d.deptype = 'e')"
        + " ORDER BY 1, 2";
  }

  @Override
  public List<RangeTypeModel> introspect(Connection c, List<String> schemas, int serverVersion) throws SQLException {
    return ObjectKind.query(c, sql(serverVersion), schemas, RangeTypeKind::read);
  }

  private static RangeTypeModel read(ResultSet rs) throws SQLException {
    return new RangeTypeModel(rs.getString("nspname"), rs.getString("typname"), rs.getString("subtype"), rs.getString("opclass"),
        rs.getString("collation"), rs.getString("canonical"), rs.getString("subdiff"), rs.getString("multirange"),
        rs.getString("comment"));
  }

  // --- dependency graph ----------------------------------------------------------------------------

  static String node(RangeTypeModel r) {
    return DependencyGraph.type(r.schema(), r.name());
  }

  @Override
  public void nodes(SchemaModel m, DependencyGraph g) {
    for (RangeTypeModel r : m.rangeTypes()) {
      g.node(node(r), r.name());
      g.createdAfterFunctions(node(r));
    }
  }

  @Override
  public void edges(SchemaModel m, DependencyGraph g) {
    for (RangeTypeModel r : m.rangeTypes()) {
      String n = node(r);
      g.mentions(n, r.subtype(), "type:");
      if (r.canonical() != null) g.mentions(n, r.canonical(), "function:");
      if (r.subtypeDiff() != null) g.mentions(n, r.subtypeDiff(), "function:");
    }
  }

  // --- diff ----------------------------------------------------------------------------------------

  private static boolean names(String type, String typeName) {
    return type.equals(typeName) || type.startsWith(typeName + "[");
  }

  /** What in {@code m} uses range type {@code r}: columns storing it, domains, composite types and functions naming it. */
  static List<String> users(SchemaModel m, RangeTypeModel r) {
    String t = r.typeName();
    List<String> out = new ArrayList<>();
    for (TableModel x : m.tables()) {
      for (ColumnModel c : x.columns()) if (names(c.type(), t)) out.add("column " + x.schema() + "." + x.name() + "." + c.name());
    }
    for (DomainModel d : m.domains()) if (names(d.baseType(), t)) out.add("domain " + d.schema() + "." + d.name());
    for (CompositeTypeModel ct : m.compositeTypes()) {
      if (ct.attributes().stream().anyMatch(a -> names(a.type(), t))) out.add("composite type " + ct.schema() + "." + ct.name());
    }
    for (FunctionModel f : m.functions()) {
      boolean uses = (f.returns() != null && f.returns().contains(t)) || f.arguments().stream().anyMatch(a -> a.type().contains(t));
      if (uses) out.add("function " + f.signature());
    }
    return out;
  }

  /** True when {@code node} is a range type of {@code ctx.from()} this diff drops and does not create again. */
  static boolean droppedForGood(KindDiff ctx, String node) {
    return ctx.from().rangeTypes().stream().anyMatch(r -> node(r).equals(node))
        && ctx.to().rangeTypes().stream().noneMatch(r -> node(r).equals(node));
  }

  @Override
  public void diff(KindDiff ctx) {
    Map<String, RangeTypeModel> before = SchemaDiff.byKey(ctx.from().rangeTypes(), this::key);
    Map<String, RangeTypeModel> after = SchemaDiff.byKey(ctx.to().rangeTypes(), this::key);
    for (RangeTypeModel o : ctx.from().rangeTypes()) {
      if (!after.containsKey(key(o))) ctx.add(Slot.DROP_TYPES, new DropRangeType(o));
    }
    for (RangeTypeModel n : ctx.toGraph().order(ctx.to().rangeTypes(), RangeTypeKind::node)) {
      RangeTypeModel o = before.get(key(n));
      boolean create = o == null;
      if (o != null && !shape(o).equals(shape(n))) {
        List<String> users = users(ctx.from(), o);
        if (!users.isEmpty()) {
          throw new UnsupportedChangeException("range type " + key(n), "changed (" + Differences.describe(shape(o), shape(n))
              + ") while " + String.join(", ", users) + " use it; PostgreSQL cannot alter a range type: create a new range"
              + " type, move the columns to it (ALTER COLUMN ... TYPE ... USING), then drop this one");
        }
        ctx.add(Slot.DROP_TYPES, new DropRangeType(o));
        create = true;
      }
      if (create) ctx.add(Slot.AFTER_TYPES, new CreateRangeType(n));
      if (!Objects.equals(create ? null : o.comment(), n.comment())) ctx.add(Slot.AFTER_TYPES, new CommentOnRangeType(n));
    }
  }

  @Override
  public RangeTypeModel renamed(RangeTypeModel r, UnaryOperator<String> schema, BinaryOperator<String> relation) {
    String s = schema.apply(r.schema());
    if (s.equals(r.schema())) return r;
    return new RangeTypeModel(s, r.name(), r.subtype(), r.subtypeOpclass(), r.collation(), r.canonical(), r.subtypeDiff(),
        r.multirange(), r.comment());
  }

  // --- DDL -----------------------------------------------------------------------------------------

  static String createSql(RangeTypeModel r) {
    StringBuilder sb = new StringBuilder("CREATE TYPE ").append(Sql.qualified(r.schema(), r.name())).append(" AS RANGE (SUBTYPE = ")
        .append(Sql.fragment("range subtype", r.subtype()));
    if (r.subtypeOpclass() != null) sb.append(", SUBTYPE_OPCLASS = ").append(Sql.fragment("range operator class", r.subtypeOpclass()));
    if (r.collation() != null) sb.append(", COLLATION = ").append(Sql.collation(r.collation()));
    if (r.canonical() != null) sb.append(", CANONICAL = ").append(Sql.fragment("range canonical function", r.canonical()));
    if (r.subtypeDiff() != null) sb.append(", SUBTYPE_DIFF = ").append(Sql.fragment("range subtype_diff function", r.subtypeDiff()));
    if (r.multirange() != null) sb.append(", MULTIRANGE_TYPE_NAME = ").append(Sql.qualified(r.schema(), r.multirange()));
    return sb.append(')').toString();
  }

  /** {@code CREATE TYPE schema.name AS RANGE (...)}. */
  record CreateRangeType(RangeTypeModel range) implements Change.ObjectChange {
    @Override
    public String sql() {
      return createSql(range);
    }

    @Override
    public String description() {
      return "range type " + range.schema() + "." + range.name();
    }
  }

  /** {@code DROP TYPE schema.name} (its multirange type goes with it). */
  record DropRangeType(RangeTypeModel range) implements Change.ObjectChange {
    @Override
    public String sql() {
      return "DROP TYPE " + Sql.qualified(range.schema(), range.name());
    }

    @Override
    public String description() {
      return "range type " + range.schema() + "." + range.name() + ": drop";
    }
  }

  /** {@code COMMENT ON TYPE schema.name IS ...}. */
  record CommentOnRangeType(RangeTypeModel range) implements Change.ObjectChange {
    @Override
    public String sql() {
      return "COMMENT ON TYPE " + Sql.qualified(range.schema(), range.name()) + " IS "
          + (range.comment() == null ? "NULL" : Sql.literal(range.comment()));
    }

    @Override
    public String description() {
      return "range type " + range.schema() + "." + range.name() + ": comment";
    }
  }

  // --- pull ----------------------------------------------------------------------------------------

  @Override
  public String javaType() {
    return "dev.sluice.schema.RangeType";
  }

  @Override
  public String javaName(RangeTypeModel r) {
    return r.name();
  }

  @Override
  public String java(RangeTypeModel r, ObjectKinds.JavaContext ctx) {
    String rt = ctx.use("dev.sluice.schema.RangeType");
    String head = rt + ".of(" + ctx.namespace(r.schema()) + ", " + ctx.string(r.name()) + ", " + ctx.string(r.subtype()) + ")";
    List<String> calls = new ArrayList<>();
    if (r.subtypeOpclass() != null) calls.add(".subtypeOpclass(" + ctx.string(r.subtypeOpclass()) + ")");
    if (r.collation() != null) calls.add(".collation(" + ctx.string(r.collation()) + ")");
    if (r.canonical() != null) calls.add(".canonical(" + ctx.string(r.canonical()) + ")");
    if (r.subtypeDiff() != null) calls.add(".subtypeDiff(" + ctx.string(r.subtypeDiff()) + ")");
    if (r.multirange() != null) calls.add(".multirange(" + ctx.string(r.multirange()) + ")");
    if (r.comment() != null) calls.add(".comment(" + ctx.string(r.comment()) + ")");
    return ctx.chain(head, calls);
  }
}
