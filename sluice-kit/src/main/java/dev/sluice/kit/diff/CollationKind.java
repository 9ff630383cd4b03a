package dev.sluice.kit.diff;

import dev.sluice.kit.diff.DependencyGraph.Slot;
import dev.sluice.schema.model.CollationModel;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.CompositeTypeModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.IndexModel;
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
 * Collations ({@code pg_collation}).
 *
 * <p><b>Read</b>: provider, locale (ICU's and the builtin provider's from {@code colliculocale} /
 * {@code colllocale}, libc's from {@code collcollate} and {@code collctype}, one locale when they are
 * equal), determinism, comment; the recorded version is not read. Columns, index keys, domains,
 * composite attributes and range types name a collation of another schema than {@code pg_catalog}
 * as {@code schema.name}. <b>Diff</b>: PostgreSQL cannot alter a collation (only {@code REFRESH
 * VERSION} and rename), so a changed one is dropped and created again when nothing in the old model
 * uses it, and refused with the users named otherwise; the comment is {@code COMMENT ON COLLATION}.
 * Created right after schemas and extensions (before the domains, tables and indexes using them),
 * dropped after everything else but schemas.
 */
final class CollationKind implements ObjectKind<CollationModel> {
  @Override
  public String label() {
    return "collation";
  }

  @Override
  public List<CollationModel> of(SchemaModel m) {
    return m.collations();
  }

  @Override
  public SchemaModel with(SchemaModel m, List<CollationModel> items) {
    return m.withCollations(items);
  }

  @Override
  public String key(CollationModel c) {
    return c.schema() + "." + c.name();
  }

  private static CollationModel shape(CollationModel c) {
    return new CollationModel(c.schema(), c.name(), c.provider(), c.locale(), c.lcCollate(), c.lcCtype(), c.deterministic(), null);
  }

  // --- introspection -------------------------------------------------------------------------------

  private static String sql(int serverVersion) {
    String locale = serverVersion >= 170000 ? "c.colllocale" : serverVersion >= 150000 ? "c.colliculocale" : "NULL::text";
    return "SELECT n.nspname, c.collname, c.collprovider::text AS provider, c.collisdeterministic AS det,"
        + " c.collcollate AS lc_collate, c.collctype AS lc_ctype, " + locale + " AS locale,"
        + " pg_catalog.obj_description(c.oid, 'pg_collation') AS comment"
        + " FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace"
        + " WHERE n.nspname = ANY (?::text[])"
        + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_collation'::pg_catalog.regclass"
        + "   AND d.objid = c.oid AND d.deptype = 'e')"
        + " ORDER BY 1, 2";
  }

  @Override
  public List<CollationModel> introspect(Connection c, List<String> schemas, int serverVersion) throws SQLException {
    return ObjectKind.query(c, sql(serverVersion), schemas, CollationKind::read);
  }

  private static CollationModel read(ResultSet rs) throws SQLException {
    String name = rs.getString("collname");
    String provider = switch (rs.getString("provider")) {
      case "i" -> "icu";
      case "c" -> "libc";
      case "b" -> "builtin";
      default -> throw new SQLException("collation " + name + " has the unknown provider " + rs.getString("provider"));
    };
    String collate = rs.getString("lc_collate");
    String ctype = rs.getString("lc_ctype");
    String locale = rs.getString("locale");
    if (!provider.equals("libc")) {
      return new CollationModel(rs.getString("nspname"), name, provider, locale != null ? locale : collate, null, null,
          rs.getBoolean("det"), rs.getString("comment"));
    }
    boolean same = Objects.equals(collate, ctype);
    return new CollationModel(rs.getString("nspname"), name, provider, same ? collate : null, same ? null : collate,
        same ? null : ctype, rs.getBoolean("det"), rs.getString("comment"));
  }

  // --- dependency graph: collations are created before every type and table, dropped after them ---

  @Override
  public void nodes(SchemaModel m, DependencyGraph g) {}

  @Override
  public void edges(SchemaModel m, DependencyGraph g) {}

  // --- diff ----------------------------------------------------------------------------------------

  /** What in {@code m} uses collation {@code ref}: {@code column public.t.c}, {@code index ...}, {@code domain ...}. */
  static List<String> users(SchemaModel m, String ref) {
    List<String> out = new ArrayList<>();
    for (TableModel t : m.tables()) {
      for (ColumnModel c : t.columns()) if (ref.equals(c.collation())) out.add("column " + t.schema() + "." + t.name() + "." + c.name());
      for (IndexModel i : t.indexes()) {
        if (i.elements().stream().anyMatch(e -> ref.equals(e.collation()))) out.add("index " + t.schema() + "." + i.name());
      }
    }
    for (DomainModel d : m.domains()) if (ref.equals(d.collation())) out.add("domain " + d.schema() + "." + d.name());
    for (CompositeTypeModel ct : m.compositeTypes()) {
      if (ct.attributes().stream().anyMatch(a -> ref.equals(a.collation()))) out.add("composite type " + ct.schema() + "." + ct.name());
    }
    for (RangeTypeModel r : m.rangeTypes()) if (ref.equals(r.collation())) out.add("range type " + r.schema() + "." + r.name());
    return out;
  }

  @Override
  public void diff(KindDiff ctx) {
    Map<String, CollationModel> before = SchemaDiff.byKey(ctx.from().collations(), this::key);
    Map<String, CollationModel> after = SchemaDiff.byKey(ctx.to().collations(), this::key);
    for (CollationModel o : ctx.from().collations()) {
      if (!after.containsKey(key(o))) ctx.add(Slot.DROP_LAST, new DropCollation(o));
    }
    for (CollationModel n : ctx.to().collations()) {
      CollationModel o = before.get(key(n));
      boolean create = o == null;
      if (o != null && !shape(o).equals(shape(n))) {
        List<String> users = users(ctx.from(), o.reference());
        if (!users.isEmpty()) {
          throw new UnsupportedChangeException("collation " + key(n), "changed (" + Differences.describe(shape(o), shape(n))
              + ") while " + String.join(", ", users) + " use it; PostgreSQL cannot alter a collation: create a new collation,"
              + " move its users to it, then drop this one");
        }
        ctx.add(Slot.DROP_TYPES, new DropCollation(o));
        create = true;
      }
      if (create) ctx.add(Slot.BEFORE_TYPES, new CreateCollation(n));
      if (!Objects.equals(create ? null : o.comment(), n.comment())) ctx.add(Slot.BEFORE_TYPES, new CommentOnCollation(n));
    }
  }

  @Override
  public CollationModel renamed(CollationModel c, UnaryOperator<String> schema, BinaryOperator<String> relation) {
    String s = schema.apply(c.schema());
    if (s.equals(c.schema())) return c;
    return new CollationModel(s, c.name(), c.provider(), c.locale(), c.lcCollate(), c.lcCtype(), c.deterministic(), c.comment());
  }

  // --- DDL -----------------------------------------------------------------------------------------

  static String createSql(CollationModel c) {
    StringBuilder sb = new StringBuilder("CREATE COLLATION ").append(Sql.qualified(c.schema(), c.name()))
        .append(" (provider = ").append(Sql.optionValue(c.provider()));
    if (c.locale() != null) sb.append(", locale = ").append(Sql.literal(c.locale()));
    else sb.append(", lc_collate = ").append(Sql.literal(c.lcCollate())).append(", lc_ctype = ").append(Sql.literal(c.lcCtype()));
    if (!c.deterministic()) sb.append(", deterministic = false");
    return sb.append(')').toString();
  }

  /** {@code CREATE COLLATION schema.name (provider = ..., locale = '...')}. */
  record CreateCollation(CollationModel collation) implements Change.ObjectChange {
    @Override
    public String sql() {
      return createSql(collation);
    }

    @Override
    public String description() {
      return "collation " + collation.schema() + "." + collation.name();
    }
  }

  /** {@code DROP COLLATION schema.name}. */
  record DropCollation(CollationModel collation) implements Change.ObjectChange {
    @Override
    public String sql() {
      return "DROP COLLATION " + Sql.qualified(collation.schema(), collation.name());
    }

    @Override
    public String description() {
      return "collation " + collation.schema() + "." + collation.name() + ": drop";
    }
  }

  /** {@code COMMENT ON COLLATION schema.name IS ...}. */
  record CommentOnCollation(CollationModel collation) implements Change.ObjectChange {
    @Override
    public String sql() {
      return "COMMENT ON COLLATION " + Sql.qualified(collation.schema(), collation.name()) + " IS "
          + (collation.comment() == null ? "NULL" : Sql.literal(collation.comment()));
    }

    @Override
    public String description() {
      return "collation " + collation.schema() + "." + collation.name() + ": comment";
    }
  }

  // --- pull ----------------------------------------------------------------------------------------

  @Override
  public String javaType() {
    return "dev.sluice.schema.Collation";
  }

  @Override
  public String javaName(CollationModel c) {
    return c.name() + "_collation";
  }

  @Override
  public String java(CollationModel c, ObjectKinds.JavaContext ctx) {
    String co = ctx.use("dev.sluice.schema.Collation");
    String ns = ctx.namespace(c.schema());
    String head;
    if (c.provider().equals("libc") && c.locale() == null) {
      head = co + ".libc(" + ns + ", " + ctx.string(c.name()) + ", " + ctx.string(c.lcCollate()) + ", " + ctx.string(c.lcCtype()) + ")";
    } else if (c.provider().equals("libc") || c.provider().equals("icu")) {
      head = co + "." + c.provider() + "(" + ns + ", " + ctx.string(c.name()) + ", " + ctx.string(c.locale()) + ")";
    } else {
      head = co + ".of(" + ns + ", " + ctx.string(c.name()) + ", " + ctx.string(c.provider()) + ", " + ctx.string(c.locale()) + ")";
    }
    List<String> calls = new ArrayList<>();
    if (!c.deterministic()) calls.add(".nondeterministic()");
    if (c.comment() != null) calls.add(".comment(" + ctx.string(c.comment()) + ")");
    return ctx.chain(head, calls);
  }
}
