package dev.sluice.kit.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.kit.diff.DependencyGraph.Slot;
import dev.sluice.schema.model.PublicationModel;
import dev.sluice.schema.model.PublicationModel.Member;
import dev.sluice.schema.model.PublicationModel.Operation;
import dev.sluice.schema.model.SchemaModel;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Publications ({@code pg_publication}, {@code pg_publication_rel}, {@code pg_publication_namespace}).
 *
 * <p><b>Read</b>: every publication of the database (they have no schema; the introspector keeps
 * them only when no schema filter is given); column lists from {@code prattrs} and row filters with
 * {@code pg_get_expr(prqual)} on PostgreSQL 15+. <b>Diff</b>: {@code FOR ALL TABLES} switched on or
 * off drops and creates the publication; tables and schemas are {@code ALTER PUBLICATION ... ADD|DROP}
 * (a table whose column list or row filter changes is dropped from it and added again); options are
 * {@code ALTER PUBLICATION ... SET (...)}; the comment is {@code COMMENT ON PUBLICATION}. Memberships
 * are dropped before anything else and added after everything else.
 */
final class PublicationKind implements ObjectKind<PublicationModel> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String label() {
    return "publication";
  }

  @Override
  public List<PublicationModel> of(SchemaModel m) {
    return m.publications();
  }

  @Override
  public SchemaModel with(SchemaModel m, List<PublicationModel> items) {
    return m.withPublications(items);
  }

  @Override
  public String key(PublicationModel p) {
    return p.name();
  }

  static String node(PublicationModel p) {
    return "publication:" + p.name();
  }

  // --- introspection -------------------------------------------------------------------------------

  private static String sql(int v) {
    boolean v15 = v >= 150000;
    return "SELECT p.pubname, p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete, p.pubtruncate,"
        + (v >= 130000 ? " p.pubviaroot," : " false AS pubviaroot,")
        + " pg_catalog.obj_description(p.oid, 'pg_publication') AS comment,"
        + " (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('schema', n.nspname, 'table', c.relname, 'columns', "
        + (v15 ? "CASE WHEN r.prattrs IS NULL THEN NULL ELSE ARRAY(SELECT a.attname FROM"
            + " pg_catalog.unnest(r.prattrs::pg_catalog.int2[]) WITH ORDINALITY AS u(k, i) JOIN pg_catalog.pg_attribute a"
            + " ON a.attrelid = r.prrelid AND a.attnum = u.k ORDER BY a.attnum) END" : "NULL")
        + ", 'where', " + (v15 ? "pg_catalog.pg_get_expr(r.prqual, r.prrelid)" : "NULL")
        + ") ORDER BY n.nspname, c.relname) FROM pg_catalog.pg_publication_rel r JOIN pg_catalog.pg_class c ON c.oid = r.prrelid"
        + "   JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE r.prpubid = p.oid) AS tables,"
        + (v15 ? " ARRAY(SELECT n.nspname::text FROM pg_catalog.pg_publication_namespace pn JOIN pg_catalog.pg_namespace n"
            + " ON n.oid = pn.pnnspid WHERE pn.pnpubid = p.oid ORDER BY 1) AS schemas" : " ARRAY[]::text[] AS schemas")
        + " FROM pg_catalog.pg_publication p WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d"
        + "   WHERE d.classid = 'pg_catalog.pg_publication'::pg_catalog.regclass AND d.objid = p.oid AND d.deptype = 'e')"
        + " ORDER BY 1";
  }

  @Override
  public List<PublicationModel> introspect(Connection c, List<String> schemas, int serverVersion) throws SQLException {
    List<PublicationModel> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql(serverVersion))) {
      while (rs.next()) out.add(read(rs));
    }
    return out;
  }

  private static PublicationModel read(ResultSet rs) throws SQLException {
    List<Member> members = new ArrayList<>();
    String json = rs.getString("tables");
    if (json != null) {
      try {
        for (JsonNode m : JSON.readTree(json)) {
          List<String> cols = new ArrayList<>();
          if (m.get("columns").isArray()) for (JsonNode col : m.get("columns")) cols.add(col.asText());
          members.add(new Member(m.get("schema").asText(), m.get("table").asText(), cols,
              m.get("where").isNull() ? null : m.get("where").asText()));
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new SQLException("unreadable table list of publication " + rs.getString("pubname") + ": " + e.getMessage(), e);
      }
    }
    List<Operation> publish = new ArrayList<>();
    if (rs.getBoolean("pubinsert")) publish.add(Operation.INSERT);
    if (rs.getBoolean("pubupdate")) publish.add(Operation.UPDATE);
    if (rs.getBoolean("pubdelete")) publish.add(Operation.DELETE);
    if (rs.getBoolean("pubtruncate")) publish.add(Operation.TRUNCATE);
    Array schemas = rs.getArray("schemas");
    return new PublicationModel(rs.getString("pubname"), rs.getBoolean("puballtables"), members,
        schemas == null ? List.of() : List.of((String[]) schemas.getArray()), publish, rs.getBoolean("pubviaroot"),
        rs.getString("comment"));
  }

  // --- dependency graph ----------------------------------------------------------------------------

  @Override
  public void nodes(SchemaModel m, DependencyGraph g) {
    for (PublicationModel p : m.publications()) g.node(node(p), p.name());
  }

  @Override
  public void edges(SchemaModel m, DependencyGraph g) {
    for (PublicationModel p : m.publications()) {
      for (Member t : p.tables()) {
        g.edge(node(p), DependencyGraph.table(t.schema(), t.table()));
        g.mentions(node(p), t.where(), "function:");
      }
    }
  }

  // --- diff ----------------------------------------------------------------------------------------

  @Override
  public void diff(KindDiff ctx) {
    Map<String, PublicationModel> before = SchemaDiff.byKey(ctx.from().publications(), PublicationModel::name);
    Map<String, PublicationModel> after = SchemaDiff.byKey(ctx.to().publications(), PublicationModel::name);
    for (PublicationModel o : ctx.from().publications()) {
      PublicationModel n = after.get(o.name());
      if (n == null || n.allTables() != o.allTables()) {
        ctx.add(Slot.DROP_FIRST, new DropPublication(o));
        continue;
      }
      Map<String, Member> now = SchemaDiff.byKey(n.tables(), m -> m.schema() + "." + m.table());
      for (Member m : o.tables()) {
        if (!m.equals(now.get(m.schema() + "." + m.table())) && !ctx.dropped(m.schema(), m.table())) {
          ctx.add(Slot.DROP_FIRST, new AlterPublication(o, "DROP TABLE " + Sql.qualified(m.schema(), m.table())));
        }
      }
      for (String s : o.schemas()) {
        if (!n.schemas().contains(s)) ctx.add(Slot.DROP_FIRST, new AlterPublication(o, "DROP TABLES IN SCHEMA " + Sql.name(s)));
      }
    }
    for (PublicationModel n : ctx.to().publications()) {
      PublicationModel o = before.get(n.name());
      if (o == null || o.allTables() != n.allTables()) {
        ctx.add(Slot.LAST, new CreatePublication(n));
        if (n.comment() != null) ctx.add(Slot.LAST, new CommentOnPublication(n));
        continue;
      }
      Map<String, Member> was = SchemaDiff.byKey(o.tables(), m -> m.schema() + "." + m.table());
      for (Member m : n.tables()) {
        if (!m.equals(was.get(m.schema() + "." + m.table()))) ctx.add(Slot.LAST, new AlterPublication(n, "ADD " + member(m)));
      }
      for (String s : n.schemas()) {
        if (!o.schemas().contains(s)) ctx.add(Slot.LAST, new AlterPublication(n, "ADD TABLES IN SCHEMA " + Sql.name(s)));
      }
      if (!o.publish().equals(n.publish()) || o.viaRoot() != n.viaRoot()) {
        ctx.add(Slot.LAST, new AlterPublication(n, "SET (" + options(n) + ")"));
      }
      if (!Objects.equals(o.comment(), n.comment())) ctx.add(Slot.LAST, new CommentOnPublication(n));
    }
  }

  @Override
  public PublicationModel renamed(PublicationModel p, UnaryOperator<String> schema, BinaryOperator<String> relation) {
    List<Member> tables = p.tables().stream().map(m -> {
      String s = schema.apply(m.schema());
      return new Member(s, relation.apply(s, m.table()), m.columns(), m.where());
    }).toList();
    return new PublicationModel(p.name(), p.allTables(), tables, p.schemas().stream().map(schema).toList(), p.publish(),
        p.viaRoot(), p.comment());
  }

  // --- DDL -----------------------------------------------------------------------------------------

  private static String member(Member m) {
    StringBuilder sb = new StringBuilder("TABLE ").append(Sql.qualified(m.schema(), m.table()));
    if (!m.columns().isEmpty()) sb.append(" (").append(Sql.names(m.columns())).append(')');
    if (m.where() != null) sb.append(" WHERE (").append(Sql.fragment("publication row filter", m.where())).append(')');
    return sb.toString();
  }

  private static String options(PublicationModel p) {
    return "publish = " + Sql.literal(p.publish().stream().map(o -> o.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "))) + ", publish_via_partition_root = " + p.viaRoot();
  }

  static String createSql(PublicationModel p) {
    StringBuilder sb = new StringBuilder("CREATE PUBLICATION ").append(Sql.name(p.name()));
    List<String> targets = new ArrayList<>();
    for (Member m : p.tables()) targets.add(member(m));
    for (String s : p.schemas()) targets.add("TABLES IN SCHEMA " + Sql.name(s));
    if (p.allTables()) sb.append(" FOR ALL TABLES");
    else if (!targets.isEmpty()) sb.append(" FOR ").append(String.join(", ", targets));
    return sb.append(" WITH (").append(options(p)).append(')').toString();
  }

  /** {@code CREATE PUBLICATION ...}. */
  record CreatePublication(PublicationModel publication) implements Change.ObjectChange {
    @Override
    public String sql() {
      return createSql(publication);
    }

    @Override
    public String description() {
      return "publication " + publication.name();
    }
  }

  /** {@code DROP PUBLICATION name}. */
  record DropPublication(PublicationModel publication) implements Change.ObjectChange {
    @Override
    public String sql() {
      return "DROP PUBLICATION " + Sql.name(publication.name());
    }

    @Override
    public String description() {
      return "publication " + publication.name() + ": drop";
    }
  }

  /** {@code ALTER PUBLICATION name ADD|DROP|SET ...}. */
  record AlterPublication(PublicationModel publication, String action) implements Change.ObjectChange {
    @Override
    public String sql() {
      return "ALTER PUBLICATION " + Sql.name(publication.name()) + " " + action;
    }

    @Override
    public String description() {
      return "publication " + publication.name() + ": " + action;
    }
  }

  /** {@code COMMENT ON PUBLICATION name IS ...}. */
  record CommentOnPublication(PublicationModel publication) implements Change.ObjectChange {
    @Override
    public String sql() {
      return "COMMENT ON PUBLICATION " + Sql.name(publication.name()) + " IS "
          + (publication.comment() == null ? "NULL" : Sql.literal(publication.comment()));
    }

    @Override
    public String description() {
      return "publication " + publication.name() + ": comment";
    }
  }

  // --- pull ----------------------------------------------------------------------------------------

  @Override
  public String javaType() {
    return "dev.sluice.schema.Publication";
  }

  @Override
  public String javaName(PublicationModel p) {
    return p.name() + "_publication";
  }

  @Override
  public String java(PublicationModel p, ObjectKinds.JavaContext ctx) {
    String pu = ctx.use("dev.sluice.schema.Publication");
    String head = pu + ".of(" + ctx.string(p.name()) + ")";
    List<String> calls = new ArrayList<>();
    if (p.allTables()) calls.add(".allTables()");
    for (Member m : p.tables()) {
      String cols = ctx.use("java.util.List") + ".of(" + m.columns().stream().map(ctx::string).collect(Collectors.joining(", ")) + ")";
      calls.add(".table(" + ctx.string(m.schema()) + ", " + ctx.string(m.table()) + ", " + cols + ", " + ctx.string(m.where()) + ")");
    }
    for (String s : p.schemas()) calls.add(".tablesInSchema(" + ctx.namespace(s) + ")");
    if (!p.publish().equals(List.of(Operation.values()))) {
      String op = ctx.use("dev.sluice.schema.model.PublicationModel") + ".Operation.";
      calls.add(".publish(" + p.publish().stream().map(o -> op + o).collect(Collectors.joining(", ")) + ")");
    }
    if (p.viaRoot()) calls.add(".viaPartitionRoot()");
    if (p.comment() != null) calls.add(".comment(" + ctx.string(p.comment()) + ")");
    return ctx.chain(head, calls);
  }
}
