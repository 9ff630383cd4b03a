package dev.sluice.kit.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.kit.diff.DependencyGraph.Slot;
import dev.sluice.schema.model.AggregateModel;
import dev.sluice.schema.model.AggregateModel.Modify;
import dev.sluice.schema.model.FunctionModel.Argument;
import dev.sluice.schema.model.FunctionModel.Mode;
import dev.sluice.schema.model.FunctionModel.Parallel;
import dev.sluice.schema.model.SchemaModel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Aggregates ({@code pg_proc} with {@code prokind} a, {@code pg_aggregate} with {@code aggkind} n).
 *
 * <p><b>Read</b>: function references as {@code regproc} text (search_path empty, so qualified
 * outside pg_catalog), the state type with {@code format_type}, {@code SSPACE} null when 0. Ordered-set
 * and hypothetical aggregates, moving-aggregate mode, {@code SORTOP} and aggregates with an ACL are
 * not read (they stay in {@code UnmodeledObjects}). <b>Graph</b>: an aggregate is a
 * {@code function:} node, so views, policies, defaults, checks and indexes calling it are ordered
 * after it exactly as for a function; it needs its state, final, combine and (de)serial functions and
 * its argument and state types. <b>Diff</b>: a change keeping the state type and final function is
 * {@code CREATE OR REPLACE AGGREGATE}; any other, or a function it uses being dropped and re-created,
 * drops and creates the aggregate and everything calling it; the comment changes in place.
 */
final class AggregateKind implements ObjectKind<AggregateModel> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String label() {
    return "aggregate";
  }

  @Override
  public List<AggregateModel> of(SchemaModel m) {
    return m.aggregates();
  }

  @Override
  public SchemaModel with(SchemaModel m, List<AggregateModel> items) {
    return m.withAggregates(items);
  }

  @Override
  public String key(AggregateModel a) {
    return a.signature();
  }

  static String node(AggregateModel a) {
    return "function:" + a.signature();
  }

  private static AggregateModel uncommented(AggregateModel a) {
    return new AggregateModel(a.schema(), a.name(), a.arguments(), a.stateFunction(), a.stateType(), a.stateSpace(),
        a.finalFunction(), a.finalExtra(), a.finalModify(), a.combineFunction(), a.serialFunction(), a.deserialFunction(),
        a.initialCondition(), a.parallel(), null);
  }

  private static Stream<String> functionsUsed(AggregateModel a) {
    return Stream.of(a.stateFunction(), a.finalFunction(), a.combineFunction(), a.serialFunction(), a.deserialFunction())
        .filter(Objects::nonNull);
  }

  // --- introspection -------------------------------------------------------------------------------

  /** The condition (on {@code g} = pg_aggregate, {@code p} = pg_proc) of the aggregates the model holds. */
  static final String MODELLED = "(g.aggkind = 'n' AND g.aggmtransfn::pg_catalog.oid = 0"
      + " AND g.aggsortop::pg_catalog.oid = 0 AND p.proacl IS NULL)";

  private static final String SQL = "SELECT n.nspname, p.proname, g.aggtransfn::pg_catalog.text AS sfunc,"
      + " pg_catalog.format_type(g.aggtranstype, NULL) AS stype, g.aggtransspace,"
      + " CASE WHEN g.aggfinalfn::pg_catalog.oid = 0 THEN NULL ELSE g.aggfinalfn::pg_catalog.text END AS ffunc,"
      + " g.aggfinalextra, g.aggfinalmodify,"
      + " CASE WHEN g.aggcombinefn::pg_catalog.oid = 0 THEN NULL ELSE g.aggcombinefn::pg_catalog.text END AS cfunc,"
      + " CASE WHEN g.aggserialfn::pg_catalog.oid = 0 THEN NULL ELSE g.aggserialfn::pg_catalog.text END AS serfunc,"
      + " CASE WHEN g.aggdeserialfn::pg_catalog.oid = 0 THEN NULL ELSE g.aggdeserialfn::pg_catalog.text END AS defunc,"
      + " g.agginitval, p.proparallel, pg_catalog.obj_description(p.oid, 'pg_proc') AS comment,"
      + " (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('mode', COALESCE(p.proargmodes[x.i], 'i'),"
      + "   'name', p.proargnames[x.i], 'type', pg_catalog.format_type(x.t, NULL)) ORDER BY x.i)"
      + "   FROM pg_catalog.unnest(p.proargtypes::pg_catalog.oid[]) WITH ORDINALITY AS x(t, i)) AS args"
      + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
      + " JOIN pg_catalog.pg_aggregate g ON g.aggfnoid = p.oid"
      + " WHERE p.prokind = 'a' AND " + MODELLED + " AND n.nspname = ANY (?::text[])"
      + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass"
      + "   AND d.objid = p.oid AND d.deptype = 'e')"
      + " ORDER BY 1, 2";

  @Override
  public List<AggregateModel> introspect(Connection c, List<String> schemas, int serverVersion) throws SQLException {
    return ObjectKind.query(c, SQL, schemas, AggregateKind::read);
  }

  private static AggregateModel read(ResultSet rs) throws SQLException {
    List<Argument> args = new ArrayList<>();
    String json = rs.getString("args");
    if (json != null) {
      try {
        for (JsonNode a : JSON.readTree(json)) {
          Mode mode = a.get("mode").asText().equals("v") ? Mode.VARIADIC : Mode.IN;
          String name = a.get("name").isNull() || a.get("name").asText().isEmpty() ? null : a.get("name").asText();
          args.add(new Argument(mode, name, a.get("type").asText(), null));
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new SQLException("unreadable argument list of aggregate " + rs.getString("proname") + ": " + e.getMessage(), e);
      }
    }
    Modify modify = switch (rs.getString("aggfinalmodify")) {
      case "s" -> Modify.SHAREABLE;
      case "w" -> Modify.READ_WRITE;
      default -> Modify.READ_ONLY;
    };
    Parallel parallel = switch (rs.getString("proparallel")) {
      case "s" -> Parallel.SAFE;
      case "r" -> Parallel.RESTRICTED;
      default -> Parallel.UNSAFE;
    };
    int space = rs.getInt("aggtransspace");
    return new AggregateModel(rs.getString("nspname"), rs.getString("proname"), args, rs.getString("sfunc"), rs.getString("stype"),
        space == 0 ? null : space, rs.getString("ffunc"), rs.getBoolean("aggfinalextra"), modify, rs.getString("cfunc"),
        rs.getString("serfunc"), rs.getString("defunc"), rs.getString("agginitval"), parallel, rs.getString("comment"));
  }

  // --- dependency graph ----------------------------------------------------------------------------

  @Override
  public void nodes(SchemaModel m, DependencyGraph g) {
    for (AggregateModel a : m.aggregates()) g.node(node(a), a.name());
  }

  @Override
  public void edges(SchemaModel m, DependencyGraph g) {
    for (AggregateModel a : m.aggregates()) {
      String n = node(a);
      for (Argument x : a.arguments()) g.mentions(n, x.type(), "type:", "table:", "view:");
      g.mentions(n, a.stateType(), "type:", "table:", "view:");
      functionsUsed(a).forEach(f -> {
        for (String to : g.named(bareName(f))) if (to.startsWith("function:") && !to.equals(n)) g.edge(n, to);
      });
    }
  }

  /** The unqualified, unquoted name of a {@code regproc} text. */
  static String bareName(String regproc) {
    List<String> parts = splitQualified(regproc);
    return parts.get(parts.size() - 1);
  }

  /** {@code "a"."b"} or {@code a.b} or {@code b} into unquoted parts. */
  static List<String> splitQualified(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cur.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == '.') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(Character.toLowerCase(ch));
      }
    }
    out.add(cur.toString());
    return out;
  }

  // --- diff ----------------------------------------------------------------------------------------

  private static boolean replaceable(AggregateModel o, AggregateModel n) {
    return o.stateType().equals(n.stateType()) && Objects.equals(o.finalFunction(), n.finalFunction())
        && o.finalExtra() == n.finalExtra() && o.arguments().equals(n.arguments());
  }

  private static boolean usesRebuilt(AggregateModel a, Set<String> rebuiltFunctionNames) {
    return functionsUsed(a).anyMatch(f -> rebuiltFunctionNames.contains(bareName(f)));
  }

  @Override
  public Set<String> rebuilt(SchemaModel a, SchemaModel b) {
    Set<String> functions = new FunctionKind().rebuilt(a, b);
    Map<String, AggregateModel> after = SchemaDiff.byKey(b.aggregates(), AggregateModel::signature);
    Set<String> out = new LinkedHashSet<>();
    for (AggregateModel o : a.aggregates()) {
      AggregateModel n = after.get(o.signature());
      if (n == null || usesRebuilt(o, functions) || (!uncommented(o).equals(uncommented(n)) && !replaceable(o, n))) out.add(o.name());
    }
    return out;
  }

  @Override
  public void diff(KindDiff ctx) {
    Map<String, AggregateModel> before = SchemaDiff.byKey(ctx.from().aggregates(), AggregateModel::signature);
    Map<String, AggregateModel> after = SchemaDiff.byKey(ctx.to().aggregates(), AggregateModel::signature);
    Set<String> recreated = new LinkedHashSet<>();
    for (AggregateModel o : ctx.from().aggregates()) {
      AggregateModel n = after.get(o.signature());
      boolean rebuild = n != null && (usesRebuilt(o, ctx.rebuiltNames())
          || (!uncommented(o).equals(uncommented(n)) && !replaceable(o, n)));
      if (n == null || rebuild) {
        drop(ctx, o);
        if (rebuild) recreated.add(o.signature());
      }
    }
    for (AggregateModel n : ctx.to().aggregates()) {
      AggregateModel o = before.get(n.signature());
      boolean create = o == null || recreated.contains(n.signature());
      boolean replace = !create && !uncommented(o).equals(uncommented(n));
      Slot slot = ctx.toGraph().createSlot(node(n));
      if (create || replace) ctx.add(slot, new CreateAggregate(n, replace));
      String oldComment = create ? null : o.comment();
      if (!Objects.equals(oldComment, n.comment())) ctx.add(slot, new CommentOnAggregate(n));
    }
  }

  /**
   * Drops go first in the earliest slot that drops one of the functions the aggregate uses (an
   * aggregate must go before them), else with the functions dropped after the tables (by then the
   * views calling it are gone).
   */
  private static void drop(KindDiff ctx, AggregateModel o) {
    Set<String> used = functionsUsed(o).map(AggregateKind::bareName).collect(Collectors.toSet());
    Slot slot = Slot.DROP_AFTER_TABLES;
    for (Slot s : List.of(Slot.DROP_FIRST, Slot.DROP_BEFORE_TABLES, Slot.DROP_AFTER_TABLES)) {
      boolean dropsUsed = ctx.slot(s).stream().anyMatch(ch -> ch instanceof FunctionKind.DropFunction d
          && used.contains(d.function().name()));
      if (dropsUsed) {
        slot = s;
        break;
      }
    }
    ctx.slot(slot).add(0, new DropAggregate(o));
  }

  // --- renames -------------------------------------------------------------------------------------

  @Override
  public AggregateModel renamed(AggregateModel a, UnaryOperator<String> schema, BinaryOperator<String> relation) {
    String s = schema.apply(a.schema());
    if (s.equals(a.schema())) return a;
    return new AggregateModel(s, a.name(), a.arguments(), a.stateFunction(), a.stateType(), a.stateSpace(), a.finalFunction(),
        a.finalExtra(), a.finalModify(), a.combineFunction(), a.serialFunction(), a.deserialFunction(), a.initialCondition(),
        a.parallel(), a.comment());
  }

  // --- DDL -----------------------------------------------------------------------------------------

  /** {@code "schema"."name"(type, type)} or {@code name(*)}: the identity DROP and COMMENT take. */
  static String identity(AggregateModel a) {
    return Sql.qualified(a.schema(), a.name()) + "("
        + (a.arguments().isEmpty() ? "*" : a.arguments().stream().map(Argument::type).collect(Collectors.joining(", "))) + ")";
  }

  static String createSql(AggregateModel a, boolean orReplace) {
    StringBuilder sb = new StringBuilder("CREATE ");
    if (orReplace) sb.append("OR REPLACE ");
    sb.append("AGGREGATE ").append(Sql.qualified(a.schema(), a.name())).append('(');
    if (a.arguments().isEmpty()) sb.append('*');
    List<String> args = new ArrayList<>();
    for (Argument x : a.arguments()) {
      StringBuilder y = new StringBuilder();
      if (x.mode() == Mode.VARIADIC) y.append("VARIADIC ");
      if (x.name() != null) y.append(Sql.name(x.name())).append(' ');
      y.append(Sql.fragment("argument type", x.type()));
      args.add(y.toString());
    }
    sb.append(String.join(", ", args)).append(") (\n    SFUNC = ").append(Sql.fragment("state function", a.stateFunction()))
        .append(",\n    STYPE = ").append(Sql.fragment("state type", a.stateType()));
    if (a.stateSpace() != null) sb.append(",\n    SSPACE = ").append(a.stateSpace());
    if (a.finalFunction() != null) sb.append(",\n    FINALFUNC = ").append(Sql.fragment("final function", a.finalFunction()));
    if (a.finalExtra()) sb.append(",\n    FINALFUNC_EXTRA");
    if (a.finalModify() != Modify.READ_ONLY) sb.append(",\n    FINALFUNC_MODIFY = ").append(a.finalModify());
    if (a.combineFunction() != null) sb.append(",\n    COMBINEFUNC = ").append(Sql.fragment("combine function", a.combineFunction()));
    if (a.serialFunction() != null) sb.append(",\n    SERIALFUNC = ").append(Sql.fragment("serial function", a.serialFunction()));
    if (a.deserialFunction() != null) {
      sb.append(",\n    DESERIALFUNC = ").append(Sql.fragment("deserial function", a.deserialFunction()));
    }
    if (a.initialCondition() != null) sb.append(",\n    INITCOND = ").append(Sql.literal(a.initialCondition()));
    if (a.parallel() != Parallel.UNSAFE) sb.append(",\n    PARALLEL = ").append(a.parallel());
    return sb.append("\n)").toString();
  }

  /** {@code CREATE [OR REPLACE] AGGREGATE ...}. */
  record CreateAggregate(AggregateModel aggregate, boolean orReplace) implements Change.ObjectChange {
    @Override
    public String sql() {
      return createSql(aggregate, orReplace);
    }

    @Override
    public String description() {
      return "aggregate " + aggregate.signature() + (orReplace ? ": replace" : "");
    }
  }

  /** {@code DROP AGGREGATE schema.name(types)}; nothing may still use it (no CASCADE). */
  record DropAggregate(AggregateModel aggregate) implements Change.ObjectChange {
    @Override
    public String sql() {
      return "DROP AGGREGATE " + identity(aggregate);
    }

    @Override
    public String description() {
      return "aggregate " + aggregate.signature() + ": drop";
    }
  }

  /** {@code COMMENT ON AGGREGATE ... IS ...}. */
  record CommentOnAggregate(AggregateModel aggregate) implements Change.ObjectChange {
    @Override
    public String sql() {
      return "COMMENT ON AGGREGATE " + identity(aggregate) + " IS "
          + (aggregate.comment() == null ? "NULL" : Sql.literal(aggregate.comment()));
    }

    @Override
    public String description() {
      return "aggregate " + aggregate.signature() + ": comment";
    }
  }

  // --- pull ----------------------------------------------------------------------------------------

  @Override
  public String javaType() {
    return "dev.sluice.schema.Aggregate";
  }

  @Override
  public String javaName(AggregateModel a) {
    return a.name() + "_aggregate";
  }

  /** The Java constant of a function the aggregate uses, when the generator declared it with signature {@code types}. */
  private static String function(ObjectKinds.JavaContext ctx, String regproc, List<String> types) {
    List<String> parts = splitQualified(regproc);
    if (parts.size() != 2) return null;
    return ctx.function(parts.get(0) + "." + parts.get(1) + "(" + String.join(", ", types) + ")");
  }

  @Override
  public String java(AggregateModel a, ObjectKinds.JavaContext ctx) {
    String ag = ctx.use("dev.sluice.schema.Aggregate");
    String head = ag + ".of(" + ctx.namespace(a.schema()) + ", " + ctx.string(a.name()) + ")";
    List<String> calls = new ArrayList<>();
    List<String> argTypes = a.arguments().stream().map(Argument::type).toList();
    for (Argument x : a.arguments()) {
      if (x.mode() == Mode.VARIADIC) calls.add(".variadic(" + ctx.string(x.name()) + ", " + ctx.string(x.type()) + ")");
      else if (x.name() == null) calls.add(".arg(" + ctx.string(x.type()) + ")");
      else calls.add(".arg(" + ctx.string(x.name()) + ", " + ctx.string(x.type()) + ")");
    }
    List<String> sfuncTypes = new ArrayList<>(List.of(a.stateType()));
    sfuncTypes.addAll(argTypes);
    String sf = function(ctx, a.stateFunction(), sfuncTypes);
    calls.add(".stateFunction(" + (sf != null ? sf : ctx.string(a.stateFunction())) + ")");
    calls.add(".stateType(" + ctx.string(a.stateType()) + ")");
    if (a.stateSpace() != null) calls.add(".stateSpace(" + a.stateSpace() + ")");
    if (a.finalFunction() != null) {
      List<String> ft = new ArrayList<>(List.of(a.stateType()));
      if (a.finalExtra()) ft.addAll(argTypes);
      String ff = function(ctx, a.finalFunction(), ft);
      calls.add(".finalFunction(" + (ff != null ? ff : ctx.string(a.finalFunction())) + ")");
    }
    if (a.finalExtra()) calls.add(".finalExtra()");
    if (a.finalModify() != Modify.READ_ONLY) {
      calls.add(".finalModify(" + ctx.use("dev.sluice.schema.model.AggregateModel") + ".Modify." + a.finalModify() + ")");
    }
    if (a.combineFunction() != null) {
      String cf = function(ctx, a.combineFunction(), List.of(a.stateType(), a.stateType()));
      calls.add(".combineFunction(" + (cf != null ? cf : ctx.string(a.combineFunction())) + ")");
    }
    if (a.serialFunction() != null) {
      calls.add(".serialization(" + ctx.string(a.serialFunction()) + ", " + ctx.string(a.deserialFunction()) + ")");
    }
    if (a.initialCondition() != null) calls.add(".initialCondition(" + ctx.string(a.initialCondition()) + ")");
    if (a.parallel() != Parallel.UNSAFE) {
      calls.add(".parallel(" + ctx.use("dev.sluice.schema.model.FunctionModel") + ".Parallel." + a.parallel() + ")");
    }
    if (a.comment() != null) calls.add(".comment(" + ctx.string(a.comment()) + ")");
    return ctx.chain(head, calls);
  }
}
