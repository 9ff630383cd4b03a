package dev.sluice.kit.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.kit.diff.DependencyGraph.Slot;
import dev.sluice.schema.model.AggregateModel;
import dev.sluice.schema.model.AggregateModel.Kind;
import dev.sluice.schema.model.AggregateModel.Modify;
import dev.sluice.schema.model.AggregateModel.Moving;
import dev.sluice.schema.model.FunctionModel;
import dev.sluice.schema.model.FunctionModel.Argument;
import dev.sluice.schema.model.FunctionModel.Mode;
import dev.sluice.schema.model.FunctionModel.Parallel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.sql.Identifiers;
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
 * Aggregates ({@code pg_proc} with {@code prokind} a, {@code pg_aggregate}): normal, ordered-set and
 * hypothetical-set, with moving-aggregate mode, {@code SORTOP} and {@code EXECUTE} grants.
 *
 * <p><b>Read</b>: function references as {@code regproc} text (search_path empty, so qualified
 * outside pg_catalog), the state types with {@code format_type}, {@code SSPACE}/{@code MSSPACE} null when 0,
 * the direct arguments counted by {@code aggnumdirectargs}, {@code SORTOP} as {@code schema.operator}, EXECUTE
 * grantees from {@code aclexplode(proacl)} as for a function. An ACL the model cannot hold (a grant option, the
 * owner's own EXECUTE revoked) stays in {@code UnmodeledObjects}. <b>Graph</b>: an aggregate is a
 * {@code function:} node, so views, policies, defaults, checks and indexes calling it are ordered
 * after it exactly as for a function; it needs all the functions it names (plain and moving mode) and
 * its argument and state types. <b>Diff</b>: a change keeping the arguments, kind, number of direct arguments,
 * state type and final function is {@code CREATE OR REPLACE AGGREGATE}; any other, or a function it uses being
 * dropped and re-created, drops and creates the aggregate and everything calling it; the comment and the
 * EXECUTE grants change in place (and are given again after a re-create).
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

  /** The definition without comment and grants, which change in place. */
  private static AggregateModel uncommented(AggregateModel a) {
    return a.withComment(null).withExecuteGrantees(null);
  }

  private static Stream<String> functionsUsed(AggregateModel a) {
    Moving m = a.moving();
    return Stream.of(a.stateFunction(), a.finalFunction(), a.combineFunction(), a.serialFunction(), a.deserialFunction(),
        m == null ? null : m.stateFunction(), m == null ? null : m.inverseFunction(), m == null ? null : m.finalFunction())
        .filter(Objects::nonNull);
  }

  // --- introspection -------------------------------------------------------------------------------

  /**
   * The condition (on {@code p} = pg_proc) of the aggregates the model holds: all but those whose ACL holds
   * more than EXECUTE grantees (a grant option, or the owner's own EXECUTE revoked).
   */
  static final String MODELLED = "(p.proacl IS NULL OR (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(p.proacl) x"
      + " WHERE x.grantee <> p.proowner AND x.is_grantable) AND EXISTS (SELECT 1 FROM pg_catalog.aclexplode(p.proacl) x"
      + " WHERE x.grantee = p.proowner AND x.privilege_type = 'EXECUTE')))";

  private static String regproc(String column, String alias) {
    return " CASE WHEN g." + column + "::pg_catalog.oid = 0 THEN NULL ELSE g." + column + "::pg_catalog.text END AS " + alias + ",";
  }

  private static final String SQL = "SELECT n.nspname, p.proname, g.aggtransfn::pg_catalog.text AS sfunc,"
      + " pg_catalog.format_type(g.aggtranstype, NULL) AS stype, g.aggtransspace,"
      + regproc("aggfinalfn", "ffunc") + " g.aggfinalextra, g.aggfinalmodify,"
      + regproc("aggcombinefn", "cfunc") + regproc("aggserialfn", "serfunc") + regproc("aggdeserialfn", "defunc")
      + " g.agginitval, p.proparallel, pg_catalog.obj_description(p.oid, 'pg_proc') AS comment,"
      + " g.aggkind, g.aggnumdirectargs,"
      + " (SELECT pg_catalog.quote_ident(o.nspname) || '.' || op.oprname FROM pg_catalog.pg_operator op"
      + "   JOIN pg_catalog.pg_namespace o ON o.oid = op.oprnamespace WHERE op.oid = g.aggsortop) AS sortop,"
      + regproc("aggmtransfn", "msfunc") + regproc("aggminvtransfn", "minvfunc") + regproc("aggmfinalfn", "mffunc")
      + " CASE WHEN g.aggmtranstype = 0 THEN NULL ELSE pg_catalog.format_type(g.aggmtranstype, NULL) END AS mstype,"
      + " g.aggmtransspace, g.aggmfinalextra, g.aggmfinalmodify, g.aggminitval,"
      + " p.proacl IS NULL AS default_acl,"
      + " ARRAY(SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(a.grantee)::text END"
      + "   FROM pg_catalog.aclexplode(p.proacl) a WHERE a.privilege_type = 'EXECUTE' AND a.grantee <> p.proowner) AS grantees,"
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
    Modify modify = modify(rs.getString("aggfinalmodify"));
    Parallel parallel = switch (rs.getString("proparallel")) {
      case "s" -> Parallel.SAFE;
      case "r" -> Parallel.RESTRICTED;
      default -> Parallel.UNSAFE;
    };
    int space = rs.getInt("aggtransspace");
    Kind kind = switch (rs.getString("aggkind")) {
      case "o" -> Kind.ORDERED_SET;
      case "h" -> Kind.HYPOTHETICAL;
      default -> Kind.NORMAL;
    };
    Moving moving = null;
    if (rs.getString("msfunc") != null) {
      int mspace = rs.getInt("aggmtransspace");
      moving = new Moving(rs.getString("msfunc"), rs.getString("minvfunc"), rs.getString("mstype"), mspace == 0 ? null : mspace,
          rs.getString("mffunc"), rs.getBoolean("aggmfinalextra"), modify(rs.getString("aggmfinalmodify")), rs.getString("aggminitval"));
    }
    List<String> grantees = rs.getBoolean("default_acl") ? FunctionModel.DEFAULT_GRANTEES
        : List.of((String[]) rs.getArray("grantees").getArray());
    return new AggregateModel(rs.getString("nspname"), rs.getString("proname"), args, rs.getString("sfunc"), rs.getString("stype"),
        space == 0 ? null : space, rs.getString("ffunc"), rs.getBoolean("aggfinalextra"), modify, rs.getString("cfunc"),
        rs.getString("serfunc"), rs.getString("defunc"), rs.getString("agginitval"), parallel, rs.getString("comment"), kind,
        rs.getInt("aggnumdirectargs"), rs.getString("sortop"), moving, grantees);
  }

  private static Modify modify(String code) {
    return switch (code) {
      case "s" -> Modify.SHAREABLE;
      case "w" -> Modify.READ_WRITE;
      default -> Modify.READ_ONLY;
    };
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
      if (a.moving() != null) g.mentions(n, a.moving().stateType(), "type:", "table:", "view:");
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
        && o.finalExtra() == n.finalExtra() && o.arguments().equals(n.arguments()) && o.kind() == n.kind()
        && o.directArguments() == n.directArguments();
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
      List<String> oldGrantees = create ? FunctionModel.DEFAULT_GRANTEES : o.executeGrantees();
      for (String g : oldGrantees) if (!n.executeGrantees().contains(g)) ctx.add(slot, new ExecuteGrant(n, g, false));
      for (String g : n.executeGrantees()) if (!oldGrantees.contains(g)) ctx.add(slot, new ExecuteGrant(n, g, true));
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
    return a.withSchema(s);
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
    if (a.kind() == Kind.NORMAL) {
      sb.append(arguments(a.arguments()));
    } else {
      sb.append(arguments(a.directArgumentList())).append(a.directArguments() == 0 ? "" : " ")
          .append("ORDER BY ").append(arguments(a.aggregatedArguments()));
    }
    sb.append(") (\n    SFUNC = ").append(Sql.fragment("state function", a.stateFunction()))
        .append(",\n    STYPE = ").append(Sql.fragment("state type", a.stateType()));
    if (a.stateSpace() != null) sb.append(",\n    SSPACE = ").append(a.stateSpace());
    if (a.finalFunction() != null) sb.append(",\n    FINALFUNC = ").append(Sql.fragment("final function", a.finalFunction()));
    if (a.finalExtra()) sb.append(",\n    FINALFUNC_EXTRA");
    if (a.finalModify() != a.kind().defaultModify()) sb.append(",\n    FINALFUNC_MODIFY = ").append(a.finalModify());
    if (a.combineFunction() != null) sb.append(",\n    COMBINEFUNC = ").append(Sql.fragment("combine function", a.combineFunction()));
    if (a.serialFunction() != null) sb.append(",\n    SERIALFUNC = ").append(Sql.fragment("serial function", a.serialFunction()));
    if (a.deserialFunction() != null) {
      sb.append(",\n    DESERIALFUNC = ").append(Sql.fragment("deserial function", a.deserialFunction()));
    }
    if (a.initialCondition() != null) sb.append(",\n    INITCOND = ").append(Sql.literal(a.initialCondition()));
    Moving m = a.moving();
    if (m != null) {
      sb.append(",\n    MSFUNC = ").append(Sql.fragment("moving state function", m.stateFunction()))
          .append(",\n    MINVFUNC = ").append(Sql.fragment("moving inverse function", m.inverseFunction()))
          .append(",\n    MSTYPE = ").append(Sql.fragment("moving state type", m.stateType()));
      if (m.stateSpace() != null) sb.append(",\n    MSSPACE = ").append(m.stateSpace());
      if (m.finalFunction() != null) sb.append(",\n    MFINALFUNC = ").append(Sql.fragment("moving final function", m.finalFunction()));
      if (m.finalExtra()) sb.append(",\n    MFINALFUNC_EXTRA");
      if (m.finalModify() != a.kind().defaultModify()) sb.append(",\n    MFINALFUNC_MODIFY = ").append(m.finalModify());
      if (m.initialCondition() != null) sb.append(",\n    MINITCOND = ").append(Sql.literal(m.initialCondition()));
    }
    if (a.sortOperator() != null) sb.append(",\n    SORTOP = ").append(operator(a.sortOperator()));
    if (a.kind() == Kind.HYPOTHETICAL) sb.append(",\n    HYPOTHETICAL");
    if (a.parallel() != Parallel.UNSAFE) sb.append(",\n    PARALLEL = ").append(a.parallel());
    return sb.append("\n)").toString();
  }

  private static String arguments(List<Argument> arguments) {
    List<String> args = new ArrayList<>();
    for (Argument x : arguments) {
      StringBuilder y = new StringBuilder();
      if (x.mode() == Mode.VARIADIC) y.append("VARIADIC ");
      if (x.name() != null) y.append(Sql.name(x.name())).append(' ');
      y.append(Sql.fragment("argument type", x.type()));
      args.add(y.toString());
    }
    return String.join(", ", args);
  }

  /** {@code OPERATOR(schema.op)} of a {@code schema.op} text; the operator must be only operator characters. */
  static String operator(String qualified) {
    int dot = qualified.lastIndexOf('.');
    String op = qualified.substring(dot + 1);
    if (op.isEmpty() || !op.chars().allMatch(ch -> "+-*/<>=~!@#%^&|`?".indexOf(ch) >= 0)) {
      throw new IllegalArgumentException("sort operator " + qualified + " is not an operator name");
    }
    if (dot < 0) return "OPERATOR(pg_catalog." + op + ")";
    List<String> schema = splitQualified(qualified.substring(0, dot));
    return "OPERATOR(" + Identifiers.quote(schema.get(schema.size() - 1)) + "." + op + ")";
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

  /** {@code GRANT EXECUTE ON FUNCTION agg(types) TO role} or {@code REVOKE EXECUTE ... FROM role} (an aggregate is a function to GRANT). */
  record ExecuteGrant(AggregateModel aggregate, String grantee, boolean grant) implements Change.ObjectChange {
    @Override
    public String sql() {
      String role = grantee.equals("PUBLIC") ? "PUBLIC" : Identifiers.quote(grantee);
      return (grant ? "GRANT" : "REVOKE") + " EXECUTE ON FUNCTION " + Sql.qualified(aggregate.schema(), aggregate.name()) + "("
          + aggregate.arguments().stream().map(Argument::type).collect(Collectors.joining(", ")) + ")"
          + (grant ? " TO " : " FROM ") + role;
    }

    @Override
    public String description() {
      return "aggregate " + aggregate.signature() + ": " + (grant ? "grant execute to " : "revoke execute from ") + grantee;
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
    if (a.kind() == Kind.NORMAL) {
      for (Argument x : a.arguments()) calls.add(argument(x, "", ctx));
    } else {
      for (Argument x : a.directArgumentList()) calls.add(argument(x, "", ctx));
      for (Argument x : a.aggregatedArguments()) calls.add(argument(x, "orderBy", ctx));
      if (a.kind() == Kind.HYPOTHETICAL) calls.add(".hypothetical()");
    }
    List<String> direct = a.directArgumentList().stream().map(Argument::type).toList();
    List<String> aggregated = a.aggregatedArguments().stream().map(Argument::type).toList();
    String sf = function(ctx, a.stateFunction(), types(a.stateType(), aggregated));
    calls.add(".stateFunction(" + (sf != null ? sf : ctx.string(a.stateFunction())) + ")");
    calls.add(".stateType(" + ctx.string(a.stateType()) + ")");
    if (a.stateSpace() != null) calls.add(".stateSpace(" + a.stateSpace() + ")");
    if (a.finalFunction() != null) {
      List<String> ft = types(a.stateType(), direct);
      if (a.finalExtra()) ft.addAll(aggregated);
      String ff = function(ctx, a.finalFunction(), ft);
      calls.add(".finalFunction(" + (ff != null ? ff : ctx.string(a.finalFunction())) + ")");
    }
    if (a.finalExtra()) calls.add(".finalExtra()");
    if (a.finalModify() != a.kind().defaultModify()) {
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
    Moving m = a.moving();
    if (m != null) {
      String ms = function(ctx, m.stateFunction(), types(m.stateType(), aggregated));
      String mi = function(ctx, m.inverseFunction(), types(m.stateType(), aggregated));
      if (ms != null && mi != null) {
        calls.add(".movingState(" + ms + ", " + mi + ", " + ctx.string(m.stateType()) + ")");
      } else {
        calls.add(".movingState(" + ctx.string(m.stateFunction()) + ", " + ctx.string(m.inverseFunction()) + ", "
            + ctx.string(m.stateType()) + ")");
      }
      if (m.stateSpace() != null) calls.add(".movingStateSpace(" + m.stateSpace() + ")");
      if (m.finalFunction() != null) {
        List<String> ft = types(m.stateType(), direct);
        if (m.finalExtra()) ft.addAll(aggregated);
        String mf = function(ctx, m.finalFunction(), ft);
        calls.add(".movingFinalFunction(" + (mf != null ? mf : ctx.string(m.finalFunction())) + ")");
      }
      if (m.finalExtra()) calls.add(".movingFinalExtra()");
      if (m.finalModify() != a.kind().defaultModify()) {
        calls.add(".movingFinalModify(" + ctx.use("dev.sluice.schema.model.AggregateModel") + ".Modify." + m.finalModify() + ")");
      }
      if (m.initialCondition() != null) calls.add(".movingInitialCondition(" + ctx.string(m.initialCondition()) + ")");
    }
    if (a.sortOperator() != null) {
      String op = a.sortOperator();
      calls.add(".sortOperator(" + ctx.string(op.startsWith("pg_catalog.") ? op.substring("pg_catalog.".length()) : op) + ")");
    }
    if (a.parallel() != Parallel.UNSAFE) {
      calls.add(".parallel(" + ctx.use("dev.sluice.schema.model.FunctionModel") + ".Parallel." + a.parallel() + ")");
    }
    if (a.comment() != null) calls.add(".comment(" + ctx.string(a.comment()) + ")");
    if (!a.executeGrantees().contains("PUBLIC")) calls.add(".revokeExecuteFromPublic()");
    List<String> granted = a.executeGrantees().stream().filter(g -> !g.equals("PUBLIC")).toList();
    if (!granted.isEmpty()) calls.add(".grantExecute(" + granted.stream().map(ctx::string).collect(Collectors.joining(", ")) + ")");
    return ctx.chain(head, calls);
  }

  /** {@code .arg(...)}, {@code .variadic(...)}, {@code .orderBy(...)} or {@code .orderByVariadic(...)}. */
  private static String argument(Argument x, String orderBy, ObjectKinds.JavaContext ctx) {
    boolean ordered = !orderBy.isEmpty();
    if (x.mode() == Mode.VARIADIC) {
      return "." + (ordered ? "orderByVariadic" : "variadic") + "(" + ctx.string(x.name()) + ", " + ctx.string(x.type()) + ")";
    }
    String method = ordered ? "orderBy" : "arg";
    if (x.name() == null) return "." + method + "(" + ctx.string(x.type()) + ")";
    return "." + method + "(" + ctx.string(x.name()) + ", " + ctx.string(x.type()) + ")";
  }

  private static List<String> types(String first, List<String> rest) {
    List<String> out = new ArrayList<>(List.of(first));
    out.addAll(rest);
    return out;
  }
}
