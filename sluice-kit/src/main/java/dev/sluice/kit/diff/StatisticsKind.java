package dev.sluice.kit.diff;

import dev.sluice.kit.diff.DependencyGraph.Slot;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.StatisticsModel;
import dev.sluice.schema.model.StatisticsModel.Kind;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Extended statistics ({@code pg_statistic_ext}).
 *
 * <p><b>Read</b>: kinds from {@code stxkind} (the expression kind {@code e} is implied by the
 * expressions), columns from {@code stxkeys} in attribute order, expressions from
 * {@code pg_get_statisticsobjdef_expressions} (PostgreSQL 14+), the target null when it is the
 * default. <b>Diff</b>: a changed table, kind, column or expression drops and creates the
 * statistics; a changed target is {@code ALTER STATISTICS ... SET STATISTICS}; a comment is
 * {@code COMMENT ON STATISTICS}. Created after everything they could need (tables, functions their
 * expressions call), dropped before anything else; statistics on a dropped table go with it.
 */
final class StatisticsKind implements ObjectKind<StatisticsModel> {
  @Override
  public String label() {
    return "statistics";
  }

  @Override
  public List<StatisticsModel> of(SchemaModel m) {
    return m.statistics();
  }

  @Override
  public SchemaModel with(SchemaModel m, List<StatisticsModel> items) {
    return m.withStatistics(items);
  }

  @Override
  public String key(StatisticsModel s) {
    return s.schema() + "." + s.name();
  }

  static String node(StatisticsModel s) {
    return "statistics:" + s.schema() + "." + s.name();
  }

  /** Everything but the target and the comment, which change in place. */
  private static StatisticsModel shape(StatisticsModel s) {
    return new StatisticsModel(s.schema(), s.name(), s.tableSchema(), s.table(), s.kinds(), s.columns(), s.expressions(), null,
        null);
  }

  // --- introspection -------------------------------------------------------------------------------

  private static String sql(int serverVersion) {
    return "SELECT n.nspname, s.stxname, tn.nspname AS tschema, c.relname, s.stxkind::text[] AS kinds,"
        + " ARRAY(SELECT a.attname::text FROM pg_catalog.unnest(s.stxkeys::pg_catalog.int2[]) WITH ORDINALITY AS u(k, i)"
        + "   JOIN pg_catalog.pg_attribute a ON a.attrelid = s.stxrelid AND a.attnum = u.k ORDER BY u.i) AS cols,"
        + (serverVersion >= 140000 ? " pg_catalog.pg_get_statisticsobjdef_expressions(s.oid) AS exprs,"
            : " NULL::text[] AS exprs,")
        + " s.stxstattarget::int AS target, pg_catalog.obj_description(s.oid, 'pg_statistic_ext') AS comment"
        + " FROM pg_catalog.pg_statistic_ext s JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace"
        + " JOIN pg_catalog.pg_class c ON c.oid = s.stxrelid JOIN pg_catalog.pg_namespace tn ON tn.oid = c.relnamespace"
        + " WHERE n.nspname = ANY (?::text[])"
        + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass"
        + "   AND d.objid = c.oid AND d.deptype = 'e')"
        + " ORDER BY 1, 2";
  }

  @Override
  public List<StatisticsModel> introspect(Connection c, List<String> schemas, int serverVersion) throws SQLException {
    return ObjectKind.query(c, sql(serverVersion), schemas, StatisticsKind::read);
  }

  private static StatisticsModel read(ResultSet rs) throws SQLException {
    List<Kind> kinds = new ArrayList<>();
    for (String k : strings(rs.getArray("kinds"))) {
      switch (k) {
        case "d" -> kinds.add(Kind.NDISTINCT);
        case "f" -> kinds.add(Kind.DEPENDENCIES);
        case "m" -> kinds.add(Kind.MCV);
        case "e" -> { }
        default -> throw new SQLException("statistics " + rs.getString("stxname") + " has an unknown kind " + k);
      }
    }
    Object target = rs.getObject("target");
    Integer t = target == null || ((Number) target).intValue() == -1 ? null : ((Number) target).intValue();
    return new StatisticsModel(rs.getString("nspname"), rs.getString("stxname"), rs.getString("tschema"), rs.getString("relname"),
        kinds, strings(rs.getArray("cols")), strings(rs.getArray("exprs")), t, rs.getString("comment"));
  }

  private static List<String> strings(Array a) throws SQLException {
    return a == null ? List.of() : List.of((String[]) a.getArray());
  }

  // --- dependency graph ----------------------------------------------------------------------------

  @Override
  public void nodes(SchemaModel m, DependencyGraph g) {
    for (StatisticsModel s : m.statistics()) g.node(node(s), s.name());
  }

  @Override
  public void edges(SchemaModel m, DependencyGraph g) {
    for (StatisticsModel s : m.statistics()) {
      String n = node(s);
      g.edge(n, m.view(s.tableSchema(), s.table()).isPresent() ? DependencyGraph.view(s.tableSchema(), s.table())
          : DependencyGraph.table(s.tableSchema(), s.table()));
      for (String e : s.expressions()) g.mentions(n, e, "function:");
    }
  }

  // --- diff ----------------------------------------------------------------------------------------

  @Override
  public void diff(KindDiff ctx) {
    Map<String, StatisticsModel> before = SchemaDiff.byKey(ctx.from().statistics(), this::key);
    Map<String, StatisticsModel> after = SchemaDiff.byKey(ctx.to().statistics(), this::key);
    List<StatisticsModel> creates = new ArrayList<>();
    for (StatisticsModel o : ctx.from().statistics()) {
      StatisticsModel n = after.get(key(o));
      boolean gone = ctx.dropped(o.tableSchema(), o.table()) || ctx.recreated(o.tableSchema(), o.table());
      boolean rebuilt = n != null && (!shape(o).equals(shape(n)) || ctx.recreated(o.tableSchema(), o.table())
          || o.expressions().stream().anyMatch(e -> SqlNames.of(e).stream().anyMatch(ctx.rebuiltNames()::contains)));
      if ((n == null || rebuilt) && !gone) ctx.add(Slot.DROP_FIRST, new DropStatistics(o));
      if (rebuilt) creates.add(n);
    }
    for (StatisticsModel n : ctx.to().statistics()) {
      StatisticsModel o = before.get(key(n));
      if (o == null || creates.contains(n)) {
        ctx.add(Slot.LAST, new CreateStatistics(n));
        if (n.target() != null) ctx.add(Slot.LAST, new AlterStatisticsTarget(n));
        if (n.comment() != null) ctx.add(Slot.LAST, new CommentOnStatistics(n));
      } else {
        if (!Objects.equals(o.target(), n.target())) ctx.add(Slot.LAST, new AlterStatisticsTarget(n));
        if (!Objects.equals(o.comment(), n.comment())) ctx.add(Slot.LAST, new CommentOnStatistics(n));
      }
    }
  }

  @Override
  public StatisticsModel renamed(StatisticsModel s, UnaryOperator<String> schema, BinaryOperator<String> relation) {
    String sc = schema.apply(s.schema());
    String ts = schema.apply(s.tableSchema());
    String t = relation.apply(ts, s.table());
    if (sc.equals(s.schema()) && ts.equals(s.tableSchema()) && t.equals(s.table())) return s;
    return new StatisticsModel(sc, s.name(), ts, t, s.kinds(), s.columns(), s.expressions(), s.target(), s.comment());
  }

  // --- DDL -----------------------------------------------------------------------------------------

  static String createSql(StatisticsModel s) {
    StringBuilder sb = new StringBuilder("CREATE STATISTICS ").append(Sql.qualified(s.schema(), s.name()));
    if (!s.kinds().isEmpty()) {
      sb.append(" (").append(s.kinds().stream().map(k -> k.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")))
          .append(')');
    }
    List<String> elements = new ArrayList<>();
    for (String c : s.columns()) elements.add(Sql.name(c));
    for (String e : s.expressions()) elements.add("(" + Sql.fragment("statistics expression", e) + ")");
    return sb.append(" ON ").append(String.join(", ", elements)).append(" FROM ")
        .append(Sql.qualified(s.tableSchema(), s.table())).toString();
  }

  /** {@code CREATE STATISTICS ...}. */
  record CreateStatistics(StatisticsModel statistics) implements Change.ObjectChange {
    @Override
    public String sql() {
      return createSql(statistics);
    }

    @Override
    public String description() {
      return "statistics " + statistics.schema() + "." + statistics.name();
    }
  }

  /** {@code DROP STATISTICS schema.name}. */
  record DropStatistics(StatisticsModel statistics) implements Change.ObjectChange {
    @Override
    public String sql() {
      return "DROP STATISTICS " + Sql.qualified(statistics.schema(), statistics.name());
    }

    @Override
    public String description() {
      return "statistics " + statistics.schema() + "." + statistics.name() + ": drop";
    }
  }

  /** {@code ALTER STATISTICS schema.name SET STATISTICS n} ({@code -1}: back to the default). */
  record AlterStatisticsTarget(StatisticsModel statistics) implements Change.ObjectChange {
    @Override
    public String sql() {
      return "ALTER STATISTICS " + Sql.qualified(statistics.schema(), statistics.name()) + " SET STATISTICS "
          + (statistics.target() == null ? -1 : statistics.target());
    }

    @Override
    public String description() {
      return "statistics " + statistics.schema() + "." + statistics.name() + ": target "
          + (statistics.target() == null ? "default" : statistics.target());
    }
  }

  /** {@code COMMENT ON STATISTICS schema.name IS ...}. */
  record CommentOnStatistics(StatisticsModel statistics) implements Change.ObjectChange {
    @Override
    public String sql() {
      return "COMMENT ON STATISTICS " + Sql.qualified(statistics.schema(), statistics.name()) + " IS "
          + (statistics.comment() == null ? "NULL" : Sql.literal(statistics.comment()));
    }

    @Override
    public String description() {
      return "statistics " + statistics.schema() + "." + statistics.name() + ": comment";
    }
  }

  // --- pull ----------------------------------------------------------------------------------------

  @Override
  public String javaType() {
    return "dev.sluice.schema.Statistics";
  }

  @Override
  public String javaName(StatisticsModel s) {
    return s.name() + "_statistics";
  }

  @Override
  public String java(StatisticsModel s, ObjectKinds.JavaContext ctx) {
    String st = ctx.use("dev.sluice.schema.Statistics");
    StringBuilder head = new StringBuilder(st).append(".on(").append(ctx.string(s.tableSchema())).append(", ")
        .append(ctx.string(s.table()));
    for (String c : s.columns()) head.append(", ").append(ctx.string(c));
    head.append(')');
    List<String> calls = new ArrayList<>();
    for (String e : s.expressions()) calls.add(".expression(" + ctx.string(e) + ")");
    boolean single = s.columns().isEmpty() && s.expressions().size() == 1;
    if (!single && !s.kinds().equals(List.of(Kind.values()))) {
      String kind = ctx.use("dev.sluice.schema.model.StatisticsModel") + ".Kind.";
      calls.add(".kinds(" + s.kinds().stream().map(k -> kind + k).collect(Collectors.joining(", ")) + ")");
    }
    calls.add(s.schema().equals(s.tableSchema()) ? ".named(" + ctx.string(s.name()) + ")"
        : ".named(" + ctx.namespace(s.schema()) + ", " + ctx.string(s.name()) + ")");
    if (s.target() != null) calls.add(".target(" + s.target() + ")");
    if (s.comment() != null) calls.add(".comment(" + ctx.string(s.comment()) + ")");
    return ctx.chain(head.toString(), calls);
  }
}
