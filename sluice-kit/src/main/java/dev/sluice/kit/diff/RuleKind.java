package dev.sluice.kit.diff;

import dev.sluice.kit.diff.DependencyGraph.Slot;
import dev.sluice.schema.model.RuleModel;
import dev.sluice.schema.model.RuleModel.Event;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TriggerModel.Enabled;
import dev.sluice.schema.model.ViewModel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Rewrite rules ({@code pg_rewrite}, views' own {@code _RETURN} rules excluded).
 *
 * <p><b>Read</b>: event, {@code INSTEAD} and firing state from the catalog; the condition and the
 * actions cut out of {@code pg_get_ruledef}, so both are PostgreSQL's printed text. <b>Diff</b>: a
 * changed event, condition or actions is {@code CREATE OR REPLACE RULE}; a rule whose table or view
 * is recreated, or whose text names a view recreated or a function dropped and re-created, is
 * dropped first and created again; the firing state is {@code ALTER TABLE ... ENABLE|DISABLE RULE};
 * the comment {@code COMMENT ON RULE}. Rules are created after everything they could name and dropped
 * before anything else; a rule on a dropped table goes with it.
 */
final class RuleKind implements ObjectKind<RuleModel> {
  @Override
  public String label() {
    return "rule";
  }

  @Override
  public List<RuleModel> of(SchemaModel m) {
    return m.rules();
  }

  @Override
  public SchemaModel with(SchemaModel m, List<RuleModel> items) {
    return m.withRules(items);
  }

  @Override
  public String key(RuleModel r) {
    return r.schema() + "." + r.table() + "." + r.name();
  }

  static String node(RuleModel r) {
    return "rule:" + r.schema() + "." + r.table() + "." + r.name();
  }

  private static RuleModel body(RuleModel r) {
    return new RuleModel(r.schema(), r.table(), r.name(), r.event(), r.instead(), r.where(), r.actions().strip(), null, null);
  }

  // --- introspection -------------------------------------------------------------------------------

  private static final String SQL = "SELECT n.nspname, c.relname, r.rulename, r.ev_type, r.is_instead, r.ev_enabled,"
      + " pg_catalog.pg_get_ruledef(r.oid) AS def, pg_catalog.quote_ident(r.rulename) AS qname, c.oid::pg_catalog.regclass::text AS tbl,"
      + " pg_catalog.obj_description(r.oid, 'pg_rewrite') AS comment"
      + " FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class"
      + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
      + " WHERE r.rulename <> '_RETURN' AND n.nspname = ANY (?::text[])"
      + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass"
      + "   AND d.objid = c.oid AND d.deptype = 'e')"
      + " ORDER BY 1, 2, 3";

  @Override
  public List<RuleModel> introspect(Connection c, List<String> schemas, int serverVersion) throws SQLException {
    return ObjectKind.query(c, SQL, schemas, RuleKind::read);
  }

  private static RuleModel read(ResultSet rs) throws SQLException {
    String name = rs.getString("rulename");
    Event event = switch (rs.getString("ev_type")) {
      case "2" -> Event.UPDATE;
      case "3" -> Event.INSERT;
      case "4" -> Event.DELETE;
      default -> throw new SQLException("rule " + name + " on " + rs.getString("tbl") + " has event type " + rs.getString("ev_type")
          + ", which the model cannot hold");
    };
    Enabled enabled = switch (rs.getString("ev_enabled")) {
      case "D" -> Enabled.DISABLED;
      case "R" -> Enabled.REPLICA;
      case "A" -> Enabled.ALWAYS;
      default -> Enabled.ORIGIN;
    };
    boolean instead = rs.getBoolean("is_instead");
    String def = rs.getString("def");
    String header = "CREATE RULE " + rs.getString("qname") + " AS\n    ON " + event + " TO " + rs.getString("tbl");
    Parsed p = parse(def, header, instead);
    return new RuleModel(rs.getString("nspname"), rs.getString("relname"), name, event, instead, p.where(), p.actions(), enabled,
        rs.getString("comment"));
  }

  record Parsed(String where, String actions) {}

  /** The condition and actions of a {@code pg_get_ruledef} text starting with {@code header}. */
  static Parsed parse(String def, String header, boolean instead) throws SQLException {
    if (!def.startsWith(header)) throw new SQLException("unexpected rule definition (expected it to start with " + header + "): " + def);
    String rest = def.substring(header.length());
    if (rest.endsWith(";")) rest = rest.substring(0, rest.length() - 1);
    String where = null;
    int at;
    if (rest.startsWith("\n   WHERE ")) {
      int start = "\n   WHERE ".length();
      at = topLevelDo(rest, start);
      if (at < 0) throw new SQLException("unexpected rule definition (no DO after WHERE): " + def);
      where = rest.substring(start, at);
    } else if (rest.startsWith(" DO ")) {
      at = 0;
    } else {
      throw new SQLException("unexpected rule definition: " + def);
    }
    String actions = rest.substring(at + " DO ".length());
    if (instead) {
      if (!actions.startsWith("INSTEAD ")) throw new SQLException("unexpected rule definition (no INSTEAD): " + def);
      actions = actions.substring("INSTEAD ".length());
    }
    return new Parsed(where, actions.strip());
  }

  /** The index of the first {@code " DO "} at parenthesis depth 0 outside quotes, from {@code start}. */
  private static int topLevelDo(String s, int start) {
    int depth = 0;
    char quote = 0;
    for (int i = start; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (quote != 0) {
        if (ch == quote) quote = 0;
        continue;
      }
      if (ch == '\'' || ch == '"') quote = ch;
      else if (ch == '(') depth++;
      else if (ch == ')') depth--;
      else if (depth == 0 && s.startsWith(" DO ", i)) return i;
    }
    return -1;
  }

  // --- dependency graph ----------------------------------------------------------------------------

  @Override
  public void nodes(SchemaModel m, DependencyGraph g) {
    for (RuleModel r : m.rules()) g.node(node(r), r.name());
  }

  @Override
  public void edges(SchemaModel m, DependencyGraph g) {
    for (RuleModel r : m.rules()) {
      String n = node(r);
      g.edge(n, m.view(r.schema(), r.table()).isPresent() ? DependencyGraph.view(r.schema(), r.table())
          : DependencyGraph.table(r.schema(), r.table()));
      g.mentions(n, r.where(), "table:", "view:", "function:");
      g.mentions(n, r.actions(), "table:", "view:", "function:");
    }
  }

  // --- diff ----------------------------------------------------------------------------------------

  private static boolean names(RuleModel r, Set<String> bareNames) {
    String text = (r.where() == null ? "" : r.where() + " ") + r.actions();
    return SqlNames.of(text).stream().anyMatch(bareNames::contains);
  }

  @Override
  public void diff(KindDiff ctx) {
    Map<String, RuleModel> before = SchemaDiff.byKey(ctx.from().rules(), this::key);
    Map<String, RuleModel> after = SchemaDiff.byKey(ctx.to().rules(), this::key);
    Set<String> recreatedViews = new java.util.HashSet<>();
    for (ViewModel v : ctx.from().views()) if (ctx.recreated(v.schema(), v.name())) recreatedViews.add(v.name());
    List<RuleModel> creates = new ArrayList<>();
    for (RuleModel o : ctx.from().rules()) {
      RuleModel n = after.get(key(o));
      boolean gone = ctx.dropped(o.schema(), o.table()) || ctx.recreated(o.schema(), o.table());
      boolean rebuilt = n != null && (ctx.recreated(o.schema(), o.table()) || names(o, ctx.rebuiltNames())
          || names(o, recreatedViews));
      if ((n == null || rebuilt) && !gone) ctx.add(Slot.DROP_FIRST, new DropRule(o));
      if (rebuilt) creates.add(n);
    }
    for (RuleModel n : ctx.toGraph().order(ctx.to().rules(), RuleKind::node)) {
      RuleModel o = before.get(key(n));
      if (o == null || creates.contains(n)) {
        ctx.add(Slot.LAST, new CreateRule(n, false));
        if (n.enabled() != Enabled.ORIGIN) ctx.add(Slot.LAST, new AlterRuleEnabled(n));
        if (n.comment() != null) ctx.add(Slot.LAST, new CommentOnRule(n));
      } else {
        if (!body(o).equals(body(n))) ctx.add(Slot.LAST, new CreateRule(n, true));
        if (o.enabled() != n.enabled()) ctx.add(Slot.LAST, new AlterRuleEnabled(n));
        if (!Objects.equals(o.comment(), n.comment())) ctx.add(Slot.LAST, new CommentOnRule(n));
      }
    }
  }

  @Override
  public RuleModel renamed(RuleModel r, UnaryOperator<String> schema, BinaryOperator<String> relation) {
    String s = schema.apply(r.schema());
    String t = relation.apply(s, r.table());
    if (s.equals(r.schema()) && t.equals(r.table())) return r;
    return new RuleModel(s, t, r.name(), r.event(), r.instead(), r.where(), r.actions(), r.enabled(), r.comment());
  }

  // --- DDL -----------------------------------------------------------------------------------------

  static String createSql(RuleModel r, boolean orReplace) {
    StringBuilder sb = new StringBuilder("CREATE ");
    if (orReplace) sb.append("OR REPLACE ");
    sb.append("RULE ").append(Sql.name(r.name())).append(" AS\n    ON ").append(r.event()).append(" TO ")
        .append(Sql.qualified(r.schema(), r.table()));
    if (r.where() != null) sb.append("\n   WHERE ").append(Sql.fragment("rule condition", r.where()));
    sb.append(" DO ").append(r.instead() ? "INSTEAD " : "ALSO ").append(Sql.fragment("rule actions", r.actions()));
    return sb.toString();
  }

  private static String on(RuleModel r) {
    return Sql.name(r.name()) + " ON " + Sql.qualified(r.schema(), r.table());
  }

  private static String describe(RuleModel r) {
    return "rule " + r.schema() + "." + r.table() + "." + r.name();
  }

  /** {@code CREATE [OR REPLACE] RULE ...}. */
  record CreateRule(RuleModel rule, boolean orReplace) implements Change.ObjectChange {
    @Override
    public String sql() {
      return createSql(rule, orReplace);
    }

    @Override
    public String description() {
      return describe(rule) + (orReplace ? ": replace" : "");
    }
  }

  /** {@code DROP RULE name ON schema.table}. */
  record DropRule(RuleModel rule) implements Change.ObjectChange {
    @Override
    public String sql() {
      return "DROP RULE " + on(rule);
    }

    @Override
    public String description() {
      return describe(rule) + ": drop";
    }
  }

  /** {@code ALTER TABLE ... ENABLE | DISABLE | ENABLE REPLICA | ENABLE ALWAYS RULE name}. */
  record AlterRuleEnabled(RuleModel rule) implements Change.ObjectChange {
    @Override
    public String sql() {
      String state = switch (rule.enabled()) {
        case ORIGIN -> "ENABLE";
        case DISABLED -> "DISABLE";
        case REPLICA -> "ENABLE REPLICA";
        case ALWAYS -> "ENABLE ALWAYS";
      };
      return "ALTER TABLE " + Sql.qualified(rule.schema(), rule.table()) + " " + state + " RULE " + Sql.name(rule.name());
    }

    @Override
    public String description() {
      return describe(rule) + ": " + rule.enabled();
    }
  }

  /** {@code COMMENT ON RULE name ON schema.table IS ...}. */
  record CommentOnRule(RuleModel rule) implements Change.ObjectChange {
    @Override
    public String sql() {
      return "COMMENT ON RULE " + on(rule) + " IS " + (rule.comment() == null ? "NULL" : Sql.literal(rule.comment()));
    }

    @Override
    public String description() {
      return describe(rule) + ": comment";
    }
  }

  // --- pull ----------------------------------------------------------------------------------------

  @Override
  public String javaType() {
    return "dev.sluice.schema.Rule";
  }

  @Override
  public String javaName(RuleModel r) {
    return r.name() + "_rule";
  }

  @Override
  public String java(RuleModel r, ObjectKinds.JavaContext ctx) {
    String ru = ctx.use("dev.sluice.schema.Rule");
    String rel = ctx.relation(r.schema(), r.table());
    String head = ru + (rel != null ? ".on(" + rel + ", " : ".on(" + ctx.string(r.schema()) + ", " + ctx.string(r.table()) + ", ")
        + ctx.string(r.name()) + ")";
    List<String> calls = new ArrayList<>();
    calls.add(switch (r.event()) {
      case INSERT -> ".onInsert()";
      case UPDATE -> ".onUpdate()";
      case DELETE -> ".onDelete()";
    });
    if (r.where() != null) calls.add(".where(" + ctx.string(r.where()) + ")");
    calls.add((r.instead() ? ".doInstead(" : ".doAlso(") + ctx.text(r.actions()) + ")");
    if (r.enabled() == Enabled.DISABLED) calls.add(".disabled()");
    else if (r.enabled() != Enabled.ORIGIN) {
      calls.add(".enabled(" + ctx.use("dev.sluice.schema.model.TriggerModel") + ".Enabled." + r.enabled() + ")");
    }
    if (r.comment() != null) calls.add(".comment(" + ctx.string(r.comment()) + ")");
    return ctx.chain(head, calls);
  }
}
