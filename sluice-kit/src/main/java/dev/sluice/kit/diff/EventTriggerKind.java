package dev.sluice.kit.diff;

import dev.sluice.kit.diff.DependencyGraph.Slot;
import dev.sluice.schema.model.EventTriggerModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TriggerModel.Enabled;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Event triggers ({@code pg_event_trigger}).
 *
 * <p><b>Read</b>: every event trigger of the database (no schema: the introspector keeps them only
 * when no schema filter is given), extension members excluded. <b>Diff</b>: a changed event, tag list
 * or function (or the function dropped and re-created) drops and creates the trigger; the firing
 * state is {@code ALTER EVENT TRIGGER ... ENABLE|DISABLE}; the comment {@code COMMENT ON EVENT TRIGGER}.
 * Created after everything else (their function exists by then), dropped before anything else.
 */
final class EventTriggerKind implements ObjectKind<EventTriggerModel> {
  @Override
  public String label() {
    return "event trigger";
  }

  @Override
  public List<EventTriggerModel> of(SchemaModel m) {
    return m.eventTriggers();
  }

  @Override
  public SchemaModel with(SchemaModel m, List<EventTriggerModel> items) {
    return m.withEventTriggers(items);
  }

  @Override
  public String key(EventTriggerModel e) {
    return e.name();
  }

  static String node(EventTriggerModel e) {
    return "event trigger:" + e.name();
  }

  private static EventTriggerModel shape(EventTriggerModel e) {
    return new EventTriggerModel(e.name(), e.event(), e.tags(), e.functionSchema(), e.function(), null, null);
  }

  // --- introspection -------------------------------------------------------------------------------

  private static final String SQL = "SELECT e.evtname, e.evtevent, e.evttags, n.nspname AS fschema, p.proname AS fname,"
      + " e.evtenabled, pg_catalog.obj_description(e.oid, 'pg_event_trigger') AS comment"
      + " FROM pg_catalog.pg_event_trigger e JOIN pg_catalog.pg_proc p ON p.oid = e.evtfoid"
      + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
      + " WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d"
      + "   WHERE d.classid = 'pg_catalog.pg_event_trigger'::pg_catalog.regclass AND d.objid = e.oid AND d.deptype = 'e')"
      + " ORDER BY 1";

  @Override
  public List<EventTriggerModel> introspect(Connection c, List<String> schemas, int serverVersion) throws SQLException {
    List<EventTriggerModel> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SQL)) {
      while (rs.next()) {
        Enabled enabled = switch (rs.getString("evtenabled")) {
          case "D" -> Enabled.DISABLED;
          case "R" -> Enabled.REPLICA;
          case "A" -> Enabled.ALWAYS;
          default -> Enabled.ORIGIN;
        };
        Array tags = rs.getArray("evttags");
        out.add(new EventTriggerModel(rs.getString("evtname"), rs.getString("evtevent"),
            tags == null ? List.of() : List.of((String[]) tags.getArray()), rs.getString("fschema"), rs.getString("fname"), enabled,
            rs.getString("comment")));
      }
    }
    return out;
  }

  // --- dependency graph ----------------------------------------------------------------------------

  @Override
  public void nodes(SchemaModel m, DependencyGraph g) {
    for (EventTriggerModel e : m.eventTriggers()) g.node(node(e), e.name());
  }

  @Override
  public void edges(SchemaModel m, DependencyGraph g) {
    for (EventTriggerModel e : m.eventTriggers()) g.edge(node(e), "function:" + e.functionSchema() + "." + e.function() + "()");
  }

  // --- diff ----------------------------------------------------------------------------------------

  @Override
  public void diff(KindDiff ctx) {
    Map<String, EventTriggerModel> before = SchemaDiff.byKey(ctx.from().eventTriggers(), EventTriggerModel::name);
    Map<String, EventTriggerModel> after = SchemaDiff.byKey(ctx.to().eventTriggers(), EventTriggerModel::name);
    List<EventTriggerModel> creates = new ArrayList<>();
    for (EventTriggerModel o : ctx.from().eventTriggers()) {
      EventTriggerModel n = after.get(o.name());
      boolean rebuilt = n != null && (!shape(o).equals(shape(n)) || ctx.rebuiltNames().contains(o.function()));
      if (n == null || rebuilt) ctx.add(Slot.DROP_FIRST, new DropEventTrigger(o));
      if (rebuilt) creates.add(n);
    }
    for (EventTriggerModel n : ctx.to().eventTriggers()) {
      EventTriggerModel o = before.get(n.name());
      if (o == null || creates.contains(n)) {
        ctx.add(Slot.LAST, new CreateEventTrigger(n));
        if (n.enabled() != Enabled.ORIGIN) ctx.add(Slot.LAST, new AlterEventTriggerEnabled(n));
        if (n.comment() != null) ctx.add(Slot.LAST, new CommentOnEventTrigger(n));
      } else {
        if (o.enabled() != n.enabled()) ctx.add(Slot.LAST, new AlterEventTriggerEnabled(n));
        if (!Objects.equals(o.comment(), n.comment())) ctx.add(Slot.LAST, new CommentOnEventTrigger(n));
      }
    }
  }

  @Override
  public EventTriggerModel renamed(EventTriggerModel e, UnaryOperator<String> schema, BinaryOperator<String> relation) {
    String s = schema.apply(e.functionSchema());
    if (s.equals(e.functionSchema())) return e;
    return new EventTriggerModel(e.name(), e.event(), e.tags(), s, e.function(), e.enabled(), e.comment());
  }

  // --- DDL -----------------------------------------------------------------------------------------

  static String createSql(EventTriggerModel e) {
    StringBuilder sb = new StringBuilder("CREATE EVENT TRIGGER ").append(Sql.name(e.name())).append(" ON ")
        .append(Sql.name(e.event()));
    if (!e.tags().isEmpty()) {
      sb.append("\n    WHEN TAG IN (").append(e.tags().stream().map(Sql::literal).collect(Collectors.joining(", "))).append(')');
    }
    return sb.append("\n    EXECUTE FUNCTION ").append(Sql.qualified(e.functionSchema(), e.function())).append("()").toString();
  }

  /** {@code CREATE EVENT TRIGGER ...}. */
  record CreateEventTrigger(EventTriggerModel trigger) implements Change.ObjectChange {
    @Override
    public String sql() {
      return createSql(trigger);
    }

    @Override
    public String description() {
      return "event trigger " + trigger.name();
    }
  }

  /** {@code DROP EVENT TRIGGER name}. */
  record DropEventTrigger(EventTriggerModel trigger) implements Change.ObjectChange {
    @Override
    public String sql() {
      return "DROP EVENT TRIGGER " + Sql.name(trigger.name());
    }

    @Override
    public String description() {
      return "event trigger " + trigger.name() + ": drop";
    }
  }

  /** {@code ALTER EVENT TRIGGER name ENABLE | DISABLE | ENABLE REPLICA | ENABLE ALWAYS}. */
  record AlterEventTriggerEnabled(EventTriggerModel trigger) implements Change.ObjectChange {
    @Override
    public String sql() {
      String state = switch (trigger.enabled()) {
        case ORIGIN -> "ENABLE";
        case DISABLED -> "DISABLE";
        case REPLICA -> "ENABLE REPLICA";
        case ALWAYS -> "ENABLE ALWAYS";
      };
      return "ALTER EVENT TRIGGER " + Sql.name(trigger.name()) + " " + state;
    }

    @Override
    public String description() {
      return "event trigger " + trigger.name() + ": " + trigger.enabled();
    }
  }

  /** {@code COMMENT ON EVENT TRIGGER name IS ...}. */
  record CommentOnEventTrigger(EventTriggerModel trigger) implements Change.ObjectChange {
    @Override
    public String sql() {
      return "COMMENT ON EVENT TRIGGER " + Sql.name(trigger.name()) + " IS "
          + (trigger.comment() == null ? "NULL" : Sql.literal(trigger.comment()));
    }

    @Override
    public String description() {
      return "event trigger " + trigger.name() + ": comment";
    }
  }

  // --- pull ----------------------------------------------------------------------------------------

  @Override
  public String javaType() {
    return "dev.sluice.schema.EventTrigger";
  }

  @Override
  public String javaName(EventTriggerModel e) {
    return e.name() + "_event_trigger";
  }

  @Override
  public String java(EventTriggerModel e, ObjectKinds.JavaContext ctx) {
    String et = ctx.use("dev.sluice.schema.EventTrigger");
    String head = et + ".on(" + ctx.string(e.event()) + ")";
    List<String> calls = new ArrayList<>();
    if (!e.tags().isEmpty()) calls.add(".tags(" + e.tags().stream().map(ctx::string).collect(Collectors.joining(", ")) + ")");
    String fn = ctx.function(e.functionSchema() + "." + e.function() + "()");
    calls.add(fn != null ? ".execute(" + fn + ")" : ".execute(" + ctx.string(e.functionSchema()) + ", " + ctx.string(e.function()) + ")");
    calls.add(".named(" + ctx.string(e.name()) + ")");
    if (e.enabled() == Enabled.DISABLED) calls.add(".disabled()");
    else if (e.enabled() != Enabled.ORIGIN) {
      calls.add(".enabled(" + ctx.use("dev.sluice.schema.model.TriggerModel") + ".Enabled." + e.enabled() + ")");
    }
    if (e.comment() != null) calls.add(".comment(" + ctx.string(e.comment()) + ")");
    return ctx.chain(head, calls);
  }
}
