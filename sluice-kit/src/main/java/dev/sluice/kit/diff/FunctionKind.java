package dev.sluice.kit.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.kit.diff.DependencyGraph.Slot;
import dev.sluice.schema.model.FunctionModel;
import dev.sluice.schema.model.FunctionModel.Argument;
import dev.sluice.schema.model.FunctionModel.Mode;
import dev.sluice.schema.model.FunctionModel.Parallel;
import dev.sluice.schema.model.FunctionModel.Volatility;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.sql.Identifiers;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Functions and procedures ({@code pg_proc} with {@code prokind} f or p).
 *
 * <p><b>Read</b>: arguments from {@code proallargtypes}/{@code proargmodes}/{@code proargnames}
 * with {@code pg_get_function_arg_default}; the result from {@code pg_get_function_result}; the body
 * is {@code prosrc} (or {@code pg_get_function_sqlbody} for SQL-standard bodies); cost and rows are
 * null when they are the defaults; EXECUTE grantees from {@code aclexplode(proacl)} ({@code [PUBLIC]}
 * for a null ACL). <b>Diff</b>: a changed body, language or attribute is {@code CREATE OR REPLACE};
 * a changed result, argument name or mode, or a removed argument default cannot be replaced, so
 * the function is dropped and created again, and so is everything in the old model that names it
 * (views, policies, checks, indexes, defaults, generated columns, triggers). Bodies are compared
 * without surrounding whitespace; the text itself is PostgreSQL's stored text on both sides (code is
 * compared with a database through a shadow database). String bodies (SQL, PL/pgSQL, any language
 * but {@code BEGIN ATOMIC}) are created with {@code check_function_bodies = off}, as pg_dump does, so
 * they may read tables created later and PL/pgSQL may declare variables of their row types.
 */
final class FunctionKind implements ObjectKind<FunctionModel> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String label() {
    return "function";
  }

  @Override
  public List<FunctionModel> of(SchemaModel m) {
    return m.functions();
  }

  @Override
  public SchemaModel with(SchemaModel m, List<FunctionModel> items) {
    return m.withObjects(items, m.triggers());
  }

  @Override
  public String key(FunctionModel f) {
    return f.signature();
  }

  @Override
  public Object definition(FunctionModel f) {
    return new FunctionModel(f.schema(), f.name(), f.procedure(), f.arguments(), f.returns(), f.language(), f.body().strip(),
        f.atomic(), f.volatility(), f.strict(), f.securityDefiner(), f.leakproof(), f.parallel(), f.cost(), f.rows(), f.config(),
        f.comment(), f.executeGrantees());
  }

  /** The definition without comment and grants, which change in place. */
  private static FunctionModel body(FunctionModel f) {
    return new FunctionModel(f.schema(), f.name(), f.procedure(), f.arguments(), f.returns(), f.language(), f.body().strip(),
        f.atomic(), f.volatility(), f.strict(), f.securityDefiner(), f.leakproof(), f.parallel(), f.cost(), f.rows(), f.config(),
        null, null);
  }

  static String node(FunctionModel f) {
    return "function:" + f.signature();
  }

  // --- introspection -------------------------------------------------------------------------------

  private static String sql(int serverVersion) {
    boolean v14 = serverVersion >= 140000;
    return "SELECT n.nspname, p.proname, p.prokind, l.lanname, p.prosrc,"
        + (v14 ? " p.prosqlbody IS NOT NULL AS atomic, pg_catalog.pg_get_function_sqlbody(p.oid) AS sqlbody,"
            : " false AS atomic, NULL::text AS sqlbody,")
        + " p.provolatile, p.proisstrict, p.prosecdef, p.proleakproof, p.proparallel, p.procost, p.prorows, p.proretset,"
        + " p.proconfig, CASE WHEN p.prokind = 'p' THEN NULL ELSE pg_catalog.pg_get_function_result(p.oid) END AS result,"
        + " pg_catalog.obj_description(p.oid, 'pg_proc') AS comment, p.proacl IS NULL AS default_acl,"
        + " ARRAY(SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(a.grantee)::text END"
        + "   FROM pg_catalog.aclexplode(p.proacl) a WHERE a.privilege_type = 'EXECUTE' AND a.grantee <> p.proowner) AS grantees,"
        + " (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('mode', COALESCE(p.proargmodes[x.i], 'i'),"
        + "   'name', p.proargnames[x.i], 'type', pg_catalog.format_type(x.t, NULL),"
        + "   'default', pg_catalog.pg_get_function_arg_default(p.oid, x.i::int)) ORDER BY x.i)"
        + "   FROM pg_catalog.unnest(COALESCE(p.proallargtypes, p.proargtypes::pg_catalog.oid[])) WITH ORDINALITY AS x(t, i)"
        + "   WHERE COALESCE(p.proargmodes[x.i], 'i') <> 't') AS args"
        + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
        + " JOIN pg_catalog.pg_language l ON l.oid = p.prolang"
        + " WHERE p.prokind IN ('f', 'p') AND n.nspname = ANY (?::text[])"
        + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass"
        + "   AND d.objid = p.oid AND d.deptype = 'e')"
        // functions PostgreSQL made itself as part of another object (range and multirange constructors)
        + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass"
        + "   AND d.objid = p.oid AND d.deptype = 'i')"
        + " ORDER BY 1, 2";
  }

  @Override
  public List<FunctionModel> introspect(Connection c, List<String> schemas, int serverVersion) throws SQLException {
    return ObjectKind.query(c, sql(serverVersion), schemas, FunctionKind::read);
  }

  private static FunctionModel read(ResultSet rs) throws SQLException {
    String language = rs.getString("lanname");
    boolean atomic = rs.getBoolean("atomic");
    boolean procedure = "p".equals(rs.getString("prokind"));
    List<Argument> args = new ArrayList<>();
    String json = rs.getString("args");
    if (json != null) {
      try {
        for (JsonNode a : JSON.readTree(json)) {
          Mode mode = switch (a.get("mode").asText()) {
            case "o" -> Mode.OUT;
            case "b" -> Mode.INOUT;
            case "v" -> Mode.VARIADIC;
            default -> Mode.IN;
          };
          String name = a.get("name").isNull() || a.get("name").asText().isEmpty() ? null : a.get("name").asText();
          String def = a.get("default").isNull() ? null : a.get("default").asText();
          args.add(new Argument(mode, name, a.get("type").asText(), def));
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new SQLException("unreadable argument list of function " + rs.getString("proname") + ": " + e.getMessage(), e);
      }
    }
    Volatility volatility = switch (rs.getString("provolatile")) {
      case "i" -> Volatility.IMMUTABLE;
      case "s" -> Volatility.STABLE;
      default -> Volatility.VOLATILE;
    };
    Parallel parallel = switch (rs.getString("proparallel")) {
      case "s" -> Parallel.SAFE;
      case "r" -> Parallel.RESTRICTED;
      default -> Parallel.UNSAFE;
    };
    double cost = rs.getDouble("procost");
    double defaultCost = language.equals("c") || language.equals("internal") ? 1 : 100;
    double rows = rs.getDouble("prorows");
    boolean retset = rs.getBoolean("proretset");
    Double rowsValue = rows == 0 || (retset && rows == 1000) ? null : rows;
    List<String> config = new ArrayList<>();
    Array cfg = rs.getArray("proconfig");
    if (cfg != null) Collections.addAll(config, (String[]) cfg.getArray());
    List<String> grantees = rs.getBoolean("default_acl") ? FunctionModel.DEFAULT_GRANTEES
        : List.of((String[]) rs.getArray("grantees").getArray());
    String body = atomic ? rs.getString("sqlbody") : rs.getString("prosrc");
    return new FunctionModel(rs.getString("nspname"), rs.getString("proname"), procedure, args,
        procedure ? null : rs.getString("result"), language, body, atomic, procedure ? null : volatility,
        !procedure && rs.getBoolean("proisstrict"), rs.getBoolean("prosecdef"), !procedure && rs.getBoolean("proleakproof"),
        procedure ? null : parallel, procedure || cost == defaultCost ? null : cost, procedure ? null : rowsValue, config,
        rs.getString("comment"), grantees);
  }

  // --- dependency graph ----------------------------------------------------------------------------

  @Override
  public void nodes(SchemaModel m, DependencyGraph g) {
    for (FunctionModel f : m.functions()) g.node(node(f), f.name());
  }

  @Override
  public void edges(SchemaModel m, DependencyGraph g) {
    for (FunctionModel f : m.functions()) {
      String n = node(f);
      for (Argument a : f.arguments()) {
        g.mentions(n, a.type(), "type:", "table:", "view:");
        if (a.defaultExpr() != null) g.mentions(n, a.defaultExpr(), "function:");
      }
      if (f.returns() != null) g.mentions(n, f.returns(), "type:", "table:", "view:");
      // a SQL-standard body is parsed at creation; a string body is not looked at (check_function_bodies = off)
      if (f.atomic()) g.mentions(n, f.body(), "table:", "view:", "function:");
    }
  }

  // --- diff ----------------------------------------------------------------------------------------

  /** CREATE OR REPLACE keeps the identity, result, argument names and modes, and cannot remove a default. */
  static boolean replaceable(FunctionModel o, FunctionModel n) {
    if (o.procedure() != n.procedure() || !Objects.equals(o.returns(), n.returns())) return false;
    if (o.arguments().size() != n.arguments().size()) return false;
    for (int i = 0; i < o.arguments().size(); i++) {
      Argument x = o.arguments().get(i);
      Argument y = n.arguments().get(i);
      if (x.mode() != y.mode() || !Objects.equals(x.name(), y.name()) || !x.type().equals(y.type())) return false;
      if (x.defaultExpr() != null && y.defaultExpr() == null) return false;
    }
    return true;
  }

  @Override
  public Set<String> rebuilt(SchemaModel a, SchemaModel b) {
    Map<String, FunctionModel> after = SchemaDiff.byKey(b.functions(), FunctionModel::signature);
    Set<String> out = new LinkedHashSet<>();
    for (FunctionModel o : a.functions()) {
      FunctionModel n = after.get(o.signature());
      if (n == null || (!body(o).equals(body(n)) && !replaceable(o, n))) out.add(o.name());
    }
    return out;
  }

  @Override
  public void diff(KindDiff ctx) {
    Map<String, FunctionModel> before = SchemaDiff.byKey(ctx.from().functions(), FunctionModel::signature);
    Map<String, FunctionModel> after = SchemaDiff.byKey(ctx.to().functions(), FunctionModel::signature);
    List<FunctionModel> drops = new ArrayList<>();
    Set<String> recreated = new LinkedHashSet<>();
    for (FunctionModel o : ctx.from().functions()) {
      FunctionModel n = after.get(o.signature());
      if (n == null) drops.add(o);
      else if (!body(o).equals(body(n)) && !replaceable(o, n)) {
        drops.add(o);
        recreated.add(o.signature());
      }
    }
    List<FunctionModel> dropOrder = new ArrayList<>(ctx.fromGraph().order(drops, FunctionKind::node));
    Collections.reverse(dropOrder);
    for (FunctionModel o : dropOrder) {
      Set<String> needs = ctx.fromGraph().requires(node(o));
      boolean onView = needs.stream().anyMatch(r -> r.startsWith("view:"));
      boolean onDroppedTable = needs.stream().anyMatch(r -> r.startsWith("table:") && ctx.dropped(
          r.substring(6, r.indexOf('.')), r.substring(r.indexOf('.') + 1)));
      // a function over a range type dropped for good goes before it (range types are dropped before functions)
      boolean onDroppedRange = needs.stream().anyMatch(r -> ctx.fromGraph().isCreatedAfterFunctions(r)
          && RangeTypeKind.droppedForGood(ctx, r));
      ctx.add(onView ? Slot.DROP_FIRST : onDroppedTable || onDroppedRange ? Slot.DROP_BEFORE_TABLES : Slot.DROP_AFTER_TABLES,
          new DropFunction(o));
    }
    // creates and replacements, per slot, in dependency order
    Map<Slot, List<Change>> bySlot = new LinkedHashMap<>();
    Map<Slot, Boolean> unchecked = new LinkedHashMap<>();
    for (FunctionModel n : ctx.toGraph().order(ctx.to().functions(), FunctionKind::node)) {
      FunctionModel o = before.get(n.signature());
      boolean create = o == null || recreated.contains(n.signature());
      boolean replace = !create && !body(o).equals(body(n));
      Slot slot = create || replace ? ctx.toGraph().createSlot(node(n)) : Slot.LAST;
      List<Change> out = bySlot.computeIfAbsent(slot, s -> new ArrayList<>());
      if (create || replace) {
        out.add(new CreateFunction(n, replace));
        if (!n.atomic()) unchecked.put(slot, true);
      }
      String oldComment = create ? null : o.comment();
      if (!Objects.equals(oldComment, n.comment())) out.add(new CommentOnFunction(n, n.comment()));
      List<String> oldGrantees = create ? FunctionModel.DEFAULT_GRANTEES : o.executeGrantees();
      for (String g : oldGrantees) if (!n.executeGrantees().contains(g)) out.add(new ExecuteGrant(n, g, false));
      for (String g : n.executeGrantees()) if (!oldGrantees.contains(g)) out.add(new ExecuteGrant(n, g, true));
    }
    for (Map.Entry<Slot, List<Change>> e : bySlot.entrySet()) {
      if (e.getValue().isEmpty()) continue;
      boolean off = unchecked.getOrDefault(e.getKey(), false);
      if (off) ctx.add(e.getKey(), new CheckFunctionBodies(false));
      e.getValue().forEach(ch -> ctx.add(e.getKey(), ch));
      if (off) ctx.add(e.getKey(), new CheckFunctionBodies(true));
    }
  }

  // --- renames -------------------------------------------------------------------------------------

  @Override
  public FunctionModel renamed(FunctionModel f, UnaryOperator<String> schema, BinaryOperator<String> relation) {
    String s = schema.apply(f.schema());
    if (s.equals(f.schema())) return f;
    return new FunctionModel(s, f.name(), f.procedure(), f.arguments(), f.returns(), f.language(), f.body(), f.atomic(),
        f.volatility(), f.strict(), f.securityDefiner(), f.leakproof(), f.parallel(), f.cost(), f.rows(), f.config(), f.comment(),
        f.executeGrantees());
  }

  // --- DDL -----------------------------------------------------------------------------------------

  /** {@code "schema"."name"(type, type)}: the identity DROP, COMMENT and GRANT take. */
  static String identity(FunctionModel f) {
    return Sql.qualified(f.schema(), f.name()) + "("
        + f.arguments().stream().filter(Argument::input).map(Argument::type).collect(Collectors.joining(", ")) + ")";
  }

  private static String what(FunctionModel f) {
    return f.procedure() ? "PROCEDURE" : "FUNCTION";
  }

  static String createSql(FunctionModel f, boolean orReplace) {
    StringBuilder sb = new StringBuilder("CREATE ");
    if (orReplace) sb.append("OR REPLACE ");
    sb.append(what(f)).append(' ').append(Sql.qualified(f.schema(), f.name())).append('(');
    List<String> args = new ArrayList<>();
    for (Argument a : f.arguments()) {
      StringBuilder x = new StringBuilder();
      if (a.mode() != Mode.IN) x.append(a.mode()).append(' ');
      if (a.name() != null) x.append(Sql.name(a.name())).append(' ');
      x.append(Sql.fragment("argument type", a.type()));
      if (a.defaultExpr() != null) x.append(" DEFAULT ").append(Sql.fragment("argument default", a.defaultExpr()));
      args.add(x.toString());
    }
    sb.append(String.join(", ", args)).append(')');
    if (!f.procedure()) sb.append(" RETURNS ").append(Sql.fragment("result type", f.returns()));
    sb.append("\n LANGUAGE ").append(Identifiers.quote(f.language()));
    if (!f.procedure()) {
      if (f.volatility() != Volatility.VOLATILE) sb.append(' ').append(f.volatility());
      if (f.strict()) sb.append(" STRICT");
    }
    if (f.securityDefiner()) sb.append(" SECURITY DEFINER");
    if (!f.procedure()) {
      if (f.leakproof()) sb.append(" LEAKPROOF");
      if (f.parallel() != Parallel.UNSAFE) sb.append(" PARALLEL ").append(f.parallel());
      if (f.cost() != null) sb.append(" COST ").append(number(f.cost()));
      if (f.rows() != null) sb.append(" ROWS ").append(number(f.rows()));
    }
    for (String entry : f.config()) {
      int eq = entry.indexOf('=');
      if (eq <= 0) throw new IllegalArgumentException("function " + f.signature() + ": setting is not name=value: " + entry);
      String name = entry.substring(0, eq);
      String value = entry.substring(eq + 1);
      sb.append("\n SET ").append(Identifiers.quote(name)).append(" TO ").append(listSetting(name) ? value : Sql.literal(value));
    }
    if (f.atomic()) sb.append('\n').append(Sql.fragment("function body", f.body()));
    else sb.append("\nAS ").append(dollarQuoted(f.body()));
    return sb.toString();
  }

  /** A stand-in with {@code f}'s signature, result and volatility whose PL/pgSQL body returns null (or nothing). */
  static String stubSql(FunctionModel f) {
    String result = f.returns() == null ? "" : f.returns().strip().toLowerCase(java.util.Locale.ROOT);
    boolean bare = f.procedure() || result.startsWith("setof ") || result.startsWith("table(") || result.startsWith("table (")
        || result.equals("void") || result.equals("event_trigger")
        || f.arguments().stream().anyMatch(a -> a.mode() == Mode.OUT || a.mode() == Mode.INOUT);
    FunctionModel stub = new FunctionModel(f.schema(), f.name(), f.procedure(), f.arguments(), f.returns(), "plpgsql",
        bare ? "BEGIN RETURN; END" : "BEGIN RETURN NULL; END", false, f.volatility(), false, false, false, Parallel.UNSAFE,
        null, null, List.of(), null, null);
    return createSql(stub, false);
  }

  /** Settings PostgreSQL stores as a list of (quoted) names, printed without an outer literal. */
  private static boolean listSetting(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "search_path", "temp_tablespaces", "session_preload_libraries", "local_preload_libraries",
          "shared_preload_libraries", "default_text_search_config" -> !name.equals("default_text_search_config");
      default -> false;
    };
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  static String dollarQuoted(String body) {
    if (body.indexOf('\0') >= 0) throw new IllegalArgumentException("a function body cannot contain NUL");
    String tag = "$function$";
    for (int i = 1; body.contains(tag) || body.endsWith("$function"); i++) tag = "$function" + i + "$";
    return tag + body + tag;
  }

  /** {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE ...}. */
  record CreateFunction(FunctionModel function, boolean orReplace) implements Change.ObjectChange {
    @Override
    public String sql() {
      return createSql(function, orReplace);
    }

    @Override
    public String description() {
      return "function " + function.signature() + (orReplace ? ": replace" : "");
    }
  }

  /** {@code DROP FUNCTION|PROCEDURE schema.name(types)}; nothing may still use it (no CASCADE). */
  record DropFunction(FunctionModel function) implements Change.ObjectChange {
    @Override
    public String sql() {
      return "DROP " + what(function) + " " + identity(function);
    }

    @Override
    public String description() {
      return "function " + function.signature() + ": drop";
    }
  }

  /** {@code COMMENT ON FUNCTION ... IS ...}. */
  record CommentOnFunction(FunctionModel function, String comment) implements Change.ObjectChange {
    @Override
    public String sql() {
      return "COMMENT ON " + what(function) + " " + identity(function) + " IS " + (comment == null ? "NULL" : Sql.literal(comment));
    }

    @Override
    public String description() {
      return "function " + function.signature() + ": comment";
    }
  }

  /** {@code GRANT EXECUTE ON FUNCTION ... TO role} or {@code REVOKE EXECUTE ... FROM role}. */
  record ExecuteGrant(FunctionModel function, String grantee, boolean grant) implements Change.ObjectChange {
    @Override
    public String sql() {
      String role = grantee.equals("PUBLIC") ? "PUBLIC" : Identifiers.quote(grantee);
      return (grant ? "GRANT" : "REVOKE") + " EXECUTE ON " + what(function) + " " + identity(function)
          + (grant ? " TO " : " FROM ") + role;
    }

    @Override
    public String description() {
      return "function " + function.signature() + ": " + (grant ? "grant execute to " : "revoke execute from ") + grantee;
    }
  }

  /**
   * {@code SET check_function_bodies = off} before functions with string bodies are created (their
   * bodies may read tables created later, and PL/pgSQL ones declare variables of their row types, as
   * in a pg_dump restore) and {@code RESET} after them.
   */
  record CheckFunctionBodies(boolean on) implements Change.ObjectChange {
    @Override
    public String sql() {
      return on ? "RESET check_function_bodies" : "SET check_function_bodies = off";
    }

    @Override
    public String description() {
      return on ? "session: check function bodies again" : "session: create function bodies unchecked (as pg_dump)";
    }
  }

  // --- pull ----------------------------------------------------------------------------------------

  @Override
  public String javaType() {
    return "dev.sluice.schema.Function";
  }

  @Override
  public String javaName(FunctionModel f) {
    return f.name() + "_function";
  }

  @Override
  public String java(FunctionModel f, ObjectKinds.JavaContext ctx) {
    String fn = ctx.use("dev.sluice.schema.Function");
    String ns = ctx.namespace(f.schema());
    StringBuilder sb = new StringBuilder();
    if (f.procedure()) {
      sb.append(fn).append(".procedure(").append(ctx.string(f.language())).append(", ").append(ns).append(", ");
    } else if (f.language().equals("sql") || f.language().equals("plpgsql")) {
      sb.append(fn).append('.').append(f.language()).append('(').append(ns).append(", ");
    } else {
      sb.append(fn).append(".language(").append(ctx.string(f.language())).append(", ").append(ns).append(", ");
    }
    sb.append(ctx.string(f.name())).append(')');
    List<String> calls = signatureCalls(f, ctx);
    if (f.strict()) calls.add(".strict()");
    if (f.securityDefiner()) calls.add(".securityDefiner()");
    if (f.leakproof()) calls.add(".leakproof()");
    if (f.parallel() != Parallel.UNSAFE) {
      calls.add(".parallel(" + ctx.use("dev.sluice.schema.model.FunctionModel") + ".Parallel." + f.parallel() + ")");
    }
    if (f.cost() != null) calls.add(".cost(" + f.cost() + ")");
    if (f.rows() != null) calls.add(".rows(" + f.rows() + ")");
    for (String entry : f.config()) {
      int eq = entry.indexOf('=');
      calls.add(".set(" + ctx.string(entry.substring(0, eq)) + ", " + ctx.string(entry.substring(eq + 1)) + ")");
    }
    if (f.comment() != null) calls.add(".comment(" + ctx.string(f.comment()) + ")");
    if (!f.executeGrantees().contains("PUBLIC")) calls.add(".revokeExecuteFromPublic()");
    List<String> granted = f.executeGrantees().stream().filter(g -> !g.equals("PUBLIC")).toList();
    if (!granted.isEmpty()) calls.add(".grantExecute(" + granted.stream().map(ctx::string).collect(Collectors.joining(", ")) + ")");
    calls.add((f.atomic() ? ".atomicBody(" : ".body(") + ctx.text(f.body()) + ")");
    return ctx.chain(sb.toString(), calls);
  }

  /** {@code Function.external("auth", "uid").returns("uuid").stable()}: what an external function declares. */
  static String externalJava(FunctionModel f, ObjectKinds.JavaContext ctx) {
    String head = ctx.use("dev.sluice.schema.Function") + ".external(" + ctx.string(f.schema()) + ", " + ctx.string(f.name()) + ")";
    return ctx.chain(head, signatureCalls(f, ctx));
  }

  /** The argument, result and volatility calls of {@code f}'s declaration. */
  private static List<String> signatureCalls(FunctionModel f, ObjectKinds.JavaContext ctx) {
    List<String> calls = new ArrayList<>();
    for (Argument a : f.arguments()) {
      if (a.mode() == Mode.IN && a.name() != null && a.defaultExpr() == null) {
        calls.add(".arg(" + ctx.string(a.name()) + ", " + ctx.string(a.type()) + ")");
      } else {
        calls.add(".arg(" + ctx.use("dev.sluice.schema.model.FunctionModel") + ".Mode." + a.mode() + ", " + ctx.string(a.name())
            + ", " + ctx.string(a.type()) + ", " + ctx.string(a.defaultExpr()) + ")");
      }
    }
    if (f.returns() != null) calls.add(f.returns().equals("trigger") ? ".returnsTrigger()" : ".returns(" + ctx.string(f.returns()) + ")");
    if (!f.procedure() && f.volatility() != Volatility.VOLATILE) calls.add("." + f.volatility().name().toLowerCase(java.util.Locale.ROOT) + "()");
    return calls;
  }
}
