package dev.sluice.kit.diff;

import dev.sluice.kit.diff.DependencyGraph.Slot;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TriggerModel;
import dev.sluice.schema.model.TriggerModel.Enabled;
import dev.sluice.schema.model.TriggerModel.Event;
import dev.sluice.schema.model.TriggerModel.Timing;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Triggers ({@code pg_trigger}, not internal, not clones on partitions).
 *
 * <p><b>Read</b>: timing, level and events from {@code tgtype}; {@code UPDATE OF} columns from
 * {@code tgattr}; transition tables from {@code tgoldtable}/{@code tgnewtable}; arguments from
 * {@code tgargs}; the {@code WHEN} condition as {@code pg_get_triggerdef} prints it. <b>Diff</b>: a
 * changed definition (or a trigger function dropped and re-created, or a view recreated under it)
 * drops and creates the trigger; a changed firing state is {@code ALTER TABLE ... ENABLE|DISABLE
 * TRIGGER}; a comment is {@code COMMENT ON TRIGGER}. Triggers are created after everything they
 * could need (tables, views, functions, policies) and dropped before anything else; a trigger on a
 * table or view that is dropped goes with it.
 */
final class TriggerKind implements ObjectKind<TriggerModel> {
  @Override
  public String label() {
    return "trigger";
  }

  @Override
  public List<TriggerModel> of(SchemaModel m) {
    return m.triggers();
  }

  @Override
  public SchemaModel with(SchemaModel m, List<TriggerModel> items) {
    return m.withObjects(m.functions(), items);
  }

  @Override
  public String key(TriggerModel t) {
    return t.schema() + "." + t.table() + "." + t.name();
  }

  static String node(TriggerModel t) {
    return "trigger:" + t.schema() + "." + t.table() + "." + t.name();
  }

  /** Everything but the firing state and the comment, which change in place. */
  private static TriggerModel definition0(TriggerModel t) {
    return new TriggerModel(t.schema(), t.table(), t.name(), t.timing(), t.events(), t.updateColumns(), t.forEachRow(), t.when(),
        t.oldTable(), t.newTable(), t.constraint(), t.deferrable(), t.initiallyDeferred(), t.functionSchema(), t.function(),
        t.arguments(), null, null);
  }

  // --- introspection -------------------------------------------------------------------------------

  private static String sql(int serverVersion) {
    return "SELECT n.nspname, c.relname, t.tgname, t.tgtype, t.tgenabled, t.tgconstraint <> 0 AS isconstraint,"
        + " t.tgdeferrable, t.tginitdeferred, fn.nspname AS fschema, p.proname AS fname, t.tgnargs, t.tgargs,"
        + " t.tgoldtable, t.tgnewtable,"
        + " ARRAY(SELECT a.attname::text FROM pg_catalog.unnest(t.tgattr::pg_catalog.int2[]) WITH ORDINALITY AS u(k, i)"
        + "   JOIN pg_catalog.pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = u.k ORDER BY u.i) AS cols,"
        + " pg_catalog.pg_get_triggerdef(t.oid) AS def, pg_catalog.obj_description(t.oid, 'pg_trigger') AS comment"
        + " FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        + " JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid JOIN pg_catalog.pg_namespace fn ON fn.oid = p.pronamespace"
        + " WHERE NOT t.tgisinternal AND n.nspname = ANY (?::text[])"
        + (serverVersion >= 130000 ? " AND t.tgparentid = 0" : "")
        + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass"
        + "   AND d.objid = c.oid AND d.deptype = 'e')"
        + " ORDER BY 1, 2, 3";
  }

  @Override
  public List<TriggerModel> introspect(Connection c, List<String> schemas, int serverVersion) throws SQLException {
    return ObjectKind.query(c, sql(serverVersion), schemas, TriggerKind::read);
  }

  private static TriggerModel read(ResultSet rs) throws SQLException {
    int type = rs.getInt("tgtype");
    boolean row = (type & 1) != 0;
    Timing timing = (type & 64) != 0 ? Timing.INSTEAD_OF : (type & 2) != 0 ? Timing.BEFORE : Timing.AFTER;
    List<Event> events = new ArrayList<>();
    if ((type & 4) != 0) events.add(Event.INSERT);
    if ((type & 16) != 0) events.add(Event.UPDATE);
    if ((type & 8) != 0) events.add(Event.DELETE);
    if ((type & 32) != 0) events.add(Event.TRUNCATE);
    Enabled enabled = switch (rs.getString("tgenabled")) {
      case "D" -> Enabled.DISABLED;
      case "R" -> Enabled.REPLICA;
      case "A" -> Enabled.ALWAYS;
      default -> Enabled.ORIGIN;
    };
    List<String> args = new ArrayList<>();
    byte[] raw = rs.getBytes("tgargs");
    int count = rs.getInt("tgnargs");
    if (raw != null) {
      int start = 0;
      for (int i = 0; i < raw.length && args.size() < count; i++) {
        if (raw[i] == 0) {
          args.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
          start = i + 1;
        }
      }
    }
    Array cols = rs.getArray("cols");
    List<String> columns = cols == null ? List.of() : List.of((String[]) cols.getArray());
    return new TriggerModel(rs.getString("nspname"), rs.getString("relname"), rs.getString("tgname"), timing, events, columns, row,
        when(rs.getString("def")), rs.getString("tgoldtable"), rs.getString("tgnewtable"), rs.getBoolean("isconstraint"),
        rs.getBoolean("tgdeferrable"), rs.getBoolean("tginitdeferred"), rs.getString("fschema"), rs.getString("fname"), args,
        enabled, rs.getString("comment"));
  }

  /** The condition inside {@code WHEN (...)} of a {@code pg_get_triggerdef} text, or null. */
  static String when(String def) {
    int at = def.indexOf(" FOR EACH ROW WHEN (");
    int skip = " FOR EACH ROW WHEN ".length();
    if (at < 0) {
      at = def.indexOf(" FOR EACH STATEMENT WHEN (");
      skip = " FOR EACH STATEMENT WHEN ".length();
    }
    if (at < 0) return null;
    int open = at + skip;
    int depth = 0;
    char quote = 0;
    for (int i = open; i < def.length(); i++) {
      char ch = def.charAt(i);
      if (quote != 0) {
        if (ch == quote) quote = 0;
        continue;
      }
      if (ch == '\'' || ch == '"') quote = ch;
      else if (ch == '(') depth++;
      else if (ch == ')' && --depth == 0) return def.substring(open + 1, i);
    }
    throw new IllegalStateException("unbalanced WHEN clause in trigger definition: " + def);
  }

  // --- dependency graph ----------------------------------------------------------------------------

  @Override
  public void nodes(SchemaModel m, DependencyGraph g) {
    for (TriggerModel t : m.triggers()) g.node(node(t), t.name());
  }

  @Override
  public void edges(SchemaModel m, DependencyGraph g) {
    for (TriggerModel t : m.triggers()) {
      String n = node(t);
      g.edge(n, m.view(t.schema(), t.table()).isPresent() ? DependencyGraph.view(t.schema(), t.table())
          : DependencyGraph.table(t.schema(), t.table()));
      g.edge(n, "function:" + t.functionSchema() + "." + t.function() + "()");
      if (t.when() != null) g.mentions(n, t.when(), "function:");
    }
  }

  // --- diff ----------------------------------------------------------------------------------------

  @Override
  public void diff(KindDiff ctx) {
    Map<String, TriggerModel> before = SchemaDiff.byKey(ctx.from().triggers(), this::key);
    Map<String, TriggerModel> after = SchemaDiff.byKey(ctx.to().triggers(), this::key);
    List<TriggerModel> drops = new ArrayList<>();
    List<TriggerModel> creates = new ArrayList<>();
    for (TriggerModel o : ctx.from().triggers()) {
      TriggerModel n = after.get(key(o));
      boolean gone = ctx.dropped(o.schema(), o.table()) || ctx.recreated(o.schema(), o.table());
      boolean rebuilt = n != null && (!definition0(o).equals(definition0(n)) || ctx.recreated(o.schema(), o.table())
          || ctx.rebuiltNames().contains(o.function())
          || (o.when() != null && SqlNames.of(o.when()).stream().anyMatch(ctx.rebuiltNames()::contains)));
      if ((n == null || rebuilt) && !gone) drops.add(o);
      if (rebuilt) creates.add(n);
    }
    for (TriggerModel n : ctx.to().triggers()) if (!before.containsKey(key(n))) creates.add(n);
    for (TriggerModel o : drops) ctx.add(Slot.DROP_FIRST, new DropTrigger(o));
    for (TriggerModel n : ctx.toGraph().order(ctx.to().triggers(), TriggerKind::node)) {
      TriggerModel o = before.get(key(n));
      if (creates.contains(n)) {
        ctx.add(Slot.LAST, new CreateTrigger(n));
        if (n.enabled() != Enabled.ORIGIN) ctx.add(Slot.LAST, new AlterTriggerEnabled(n));
        if (n.comment() != null) ctx.add(Slot.LAST, new CommentOnTrigger(n));
      } else {
        if (o.enabled() != n.enabled()) ctx.add(Slot.LAST, new AlterTriggerEnabled(n));
        if (!Objects.equals(o.comment(), n.comment())) ctx.add(Slot.LAST, new CommentOnTrigger(n));
      }
    }
  }

  @Override
  public TriggerModel renamed(TriggerModel t, UnaryOperator<String> schema, BinaryOperator<String> relation) {
    String s = schema.apply(t.schema());
    String r = relation.apply(s, t.table());
    String fs = schema.apply(t.functionSchema());
    if (s.equals(t.schema()) && r.equals(t.table()) && fs.equals(t.functionSchema())) return t;
    return new TriggerModel(s, r, t.name(), t.timing(), t.events(), t.updateColumns(), t.forEachRow(), t.when(), t.oldTable(),
        t.newTable(), t.constraint(), t.deferrable(), t.initiallyDeferred(), fs, t.function(), t.arguments(), t.enabled(),
        t.comment());
  }

  // --- DDL -----------------------------------------------------------------------------------------

  static String createSql(TriggerModel t) {
    StringBuilder sb = new StringBuilder("CREATE ");
    if (t.constraint()) sb.append("CONSTRAINT ");
    sb.append("TRIGGER ").append(Sql.name(t.name())).append(' ').append(t.timing().sql()).append(' ');
    List<String> events = new ArrayList<>();
    for (Event e : t.events()) {
      if (e == Event.UPDATE && !t.updateColumns().isEmpty()) events.add("UPDATE OF " + Sql.names(t.updateColumns()));
      else events.add(e.name());
    }
    sb.append(String.join(" OR ", events)).append(" ON ").append(Sql.qualified(t.schema(), t.table()));
    if (t.constraint()) sb.append(t.deferrable() ? Sql.deferrable(true, t.initiallyDeferred()) : " NOT DEFERRABLE INITIALLY IMMEDIATE");
    if (t.oldTable() != null || t.newTable() != null) {
      sb.append(" REFERENCING");
      if (t.oldTable() != null) sb.append(" OLD TABLE AS ").append(Sql.name(t.oldTable()));
      if (t.newTable() != null) sb.append(" NEW TABLE AS ").append(Sql.name(t.newTable()));
    }
    sb.append(t.forEachRow() ? " FOR EACH ROW" : " FOR EACH STATEMENT");
    if (t.when() != null) sb.append(" WHEN (").append(Sql.fragment("trigger condition", t.when())).append(')');
    sb.append(" EXECUTE FUNCTION ").append(Sql.qualified(t.functionSchema(), t.function())).append('(')
        .append(t.arguments().stream().map(Sql::literal).collect(Collectors.joining(", "))).append(')');
    return sb.toString();
  }

  /** {@code CREATE [CONSTRAINT] TRIGGER ...}. */
  record CreateTrigger(TriggerModel trigger) implements Change.ObjectChange {
    @Override
    public String sql() {
      return createSql(trigger);
    }

    @Override
    public String description() {
      return "trigger " + trigger.schema() + "." + trigger.table() + "." + trigger.name();
    }
  }

  /** {@code DROP TRIGGER name ON schema.table}. */
  record DropTrigger(TriggerModel trigger) implements Change.ObjectChange {
    @Override
    public String sql() {
      return "DROP TRIGGER " + Sql.name(trigger.name()) + " ON " + Sql.qualified(trigger.schema(), trigger.table());
    }

    @Override
    public String description() {
      return "trigger " + trigger.schema() + "." + trigger.table() + "." + trigger.name() + ": drop";
    }
  }

  /** {@code ALTER TABLE ... ENABLE | DISABLE | ENABLE REPLICA | ENABLE ALWAYS TRIGGER name}. */
  record AlterTriggerEnabled(TriggerModel trigger) implements Change.ObjectChange {
    @Override
    public String sql() {
      String state = switch (trigger.enabled()) {
        case ORIGIN -> "ENABLE";
        case DISABLED -> "DISABLE";
        case REPLICA -> "ENABLE REPLICA";
        case ALWAYS -> "ENABLE ALWAYS";
      };
      return "ALTER TABLE " + Sql.qualified(trigger.schema(), trigger.table()) + " " + state + " TRIGGER " + Sql.name(trigger.name());
    }

    @Override
    public String description() {
      return "trigger " + trigger.schema() + "." + trigger.table() + "." + trigger.name() + ": " + trigger.enabled();
    }
  }

  /** {@code COMMENT ON TRIGGER name ON schema.table IS ...}. */
  record CommentOnTrigger(TriggerModel trigger) implements Change.ObjectChange {
    @Override
    public String sql() {
      return "COMMENT ON TRIGGER " + Sql.name(trigger.name()) + " ON " + Sql.qualified(trigger.schema(), trigger.table()) + " IS "
          + (trigger.comment() == null ? "NULL" : Sql.literal(trigger.comment()));
    }

    @Override
    public String description() {
      return "trigger " + trigger.schema() + "." + trigger.table() + "." + trigger.name() + ": comment";
    }
  }

  // --- pull ----------------------------------------------------------------------------------------

  @Override
  public String javaType() {
    return "dev.sluice.schema.Trigger";
  }

  @Override
  public String javaName(TriggerModel t) {
    return t.name() + "_trigger";
  }

  @Override
  public String java(TriggerModel t, ObjectKinds.JavaContext ctx) {
    String tr = ctx.use("dev.sluice.schema.Trigger");
    String factory = switch (t.timing()) {
      case BEFORE -> "before";
      case AFTER -> "after";
      case INSTEAD_OF -> "insteadOf";
    };
    String head = tr + "." + factory + "(" + t.events().stream().map(e -> tr + "." + e).collect(Collectors.joining(", ")) + ")";
    List<String> calls = new ArrayList<>();
    String rel = ctx.relation(t.schema(), t.table());
    calls.add(rel != null ? ".on(" + rel + ")" : ".on(" + ctx.string(t.schema()) + ", " + ctx.string(t.table()) + ")");
    if (!t.updateColumns().isEmpty()) {
      calls.add(".updateOf(" + t.updateColumns().stream().map(ctx::string).collect(Collectors.joining(", ")) + ")");
    }
    if (t.constraint()) calls.add(".constraint()");
    else if (t.forEachRow() && t.timing() != Timing.INSTEAD_OF) calls.add(".forEachRow()");
    if (t.initiallyDeferred()) calls.add(".initiallyDeferred()");
    else if (t.deferrable()) calls.add(".deferrable()");
    if (t.when() != null) calls.add(".when(" + ctx.string(t.when()) + ")");
    if (t.oldTable() != null) calls.add(".referencingOldTable(" + ctx.string(t.oldTable()) + ")");
    if (t.newTable() != null) calls.add(".referencingNewTable(" + ctx.string(t.newTable()) + ")");
    String fn = ctx.function(t.functionSchema() + "." + t.function() + "()");
    String args = t.arguments().stream().map(a -> ", " + ctx.string(a)).collect(Collectors.joining());
    calls.add(fn != null ? ".execute(" + fn + args + ")"
        : ".execute(" + ctx.string(t.functionSchema()) + ", " + ctx.string(t.function()) + args + ")");
    calls.add(".named(" + ctx.string(t.name()) + ")");
    if (t.enabled() == Enabled.DISABLED) calls.add(".disabled()");
    else if (t.enabled() != Enabled.ORIGIN) calls.add(".enabled(" + ctx.use("dev.sluice.schema.model.TriggerModel") + ".Enabled." + t.enabled() + ")");
    if (t.comment() != null) calls.add(".comment(" + ctx.string(t.comment()) + ")");
    return ctx.chain(head, calls);
  }
}
