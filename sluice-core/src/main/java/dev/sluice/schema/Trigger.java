package dev.sluice.schema;

import dev.sluice.schema.model.TriggerModel;
import dev.sluice.schema.model.TriggerModel.Enabled;
import dev.sluice.schema.model.TriggerModel.Event;
import dev.sluice.schema.model.TriggerModel.Timing;
import dev.sluice.sql.Identifiers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A trigger on a table or view, listed in {@link Schema#of(Object...)} like a table (its function
 * comes with it):
 *
 * <pre>{@code
 * Trigger.before(UPDATE).on(USERS).forEachRow().when("old.* IS DISTINCT FROM new.*").execute(TOUCH);
 * Trigger.touchUpdatedAt(USERS); // BEFORE UPDATE ... SET updated_at = now(), also for writes that bypass the DSL
 * }</pre>
 *
 * The name defaults to {@code <table>_<function>}; {@link #named(String)} sets it.
 */
public final class Trigger {
  /** {@code INSERT}. */
  public static final Event INSERT = Event.INSERT;
  /** {@code UPDATE}. */
  public static final Event UPDATE = Event.UPDATE;
  /** {@code DELETE}. */
  public static final Event DELETE = Event.DELETE;
  /** {@code TRUNCATE}. */
  public static final Event TRUNCATE = Event.TRUNCATE;

  private final Timing timing;
  private final List<Event> events;
  private String name;
  private String schema;
  private String table;
  private Table<?> tableRef;
  private String requiredColumn;
  private final List<String> updateColumns = new ArrayList<>();
  private boolean forEachRow;
  private String when;
  private String oldTable;
  private String newTable;
  private boolean constraint;
  private boolean deferrable;
  private boolean initiallyDeferred;
  private Function function;
  private String externalSchema;
  private String externalFunction;
  private final List<String> arguments = new ArrayList<>();
  private Enabled enabled = Enabled.ORIGIN;
  private String comment;

  private Trigger(Timing timing, Event... events) {
    if (events.length == 0) throw new IllegalArgumentException("a trigger needs at least one event");
    this.timing = timing;
    this.events = List.of(events);
  }

  /** {@code BEFORE events}. */
  public static Trigger before(Event... events) {
    return new Trigger(Timing.BEFORE, events);
  }

  /** {@code AFTER events}. */
  public static Trigger after(Event... events) {
    return new Trigger(Timing.AFTER, events);
  }

  /** {@code INSTEAD OF events} (row triggers on views). */
  public static Trigger insteadOf(Event... events) {
    return new Trigger(Timing.INSTEAD_OF, events).forEachRow();
  }

  /**
   * {@code BEFORE UPDATE ... FOR EACH ROW} setting {@code updated_at = now()} on {@code table}, with a
   * shared {@code touch_updated_at()} function in the table's schema: the database keeps the column
   * current also for writes that do not go through the DSL.
   */
  public static Trigger touchUpdatedAt(Table<?> table) {
    return touchUpdatedAt(table, "updated_at");
  }

  /** {@link #touchUpdatedAt(Table)} for another column; the function is {@code touch_<column>()}. */
  public static Trigger touchUpdatedAt(Table<?> table, String column) {
    Identifiers.check(column);
    String fn = "touch_" + column;
    if (fn.length() > 63) fn = fn.substring(0, 63);
    Function f = Function.plpgsql(Namespace.of(table.schema()), fn).returnsTrigger()
        .body("\nBEGIN\n  NEW." + Identifiers.quote(column) + " := now();\n  RETURN NEW;\nEND\n")
        .comment("sets " + column + " to now() on every update (Sluice touchUpdatedAt)");
    Trigger t = before(UPDATE).on(table).forEachRow().execute(f);
    t.requiredColumn = column;
    return t.named(shorten(table.name() + "_" + fn));
  }

  private static String shorten(String s) {
    return s.length() > 63 ? s.substring(0, 63) : s;
  }

  /** The table the trigger is on. */
  public Trigger on(Table<?> t) {
    if (t.alias() != null) throw new IllegalArgumentException("trigger on an alias (" + t + "): use the table itself");
    tableRef = t;
    schema = t.schema();
    table = t.name();
    return this;
  }

  /** The view the trigger is on (INSTEAD OF row triggers, or statement triggers). */
  public Trigger on(View v) {
    schema = v.schema();
    table = v.name();
    return this;
  }

  /** The table or view {@code schema.name}, e.g. one the schema does not model. */
  public Trigger on(String schemaName, String relation) {
    Identifiers.check(relation);
    schema = schemaName;
    table = relation;
    return this;
  }

  /** {@code UPDATE OF columns}: fire only when one of these columns is in the UPDATE's SET list. */
  public Trigger updateOf(String... columns) {
    if (!events.contains(Event.UPDATE)) throw new IllegalArgumentException("updateOf needs the UPDATE event");
    updateColumns.addAll(Arrays.asList(columns));
    return this;
  }

  /** {@code FOR EACH ROW}. */
  public Trigger forEachRow() {
    forEachRow = true;
    return this;
  }

  /** {@code FOR EACH STATEMENT} (the default). */
  public Trigger forEachStatement() {
    forEachRow = false;
    return this;
  }

  /** {@code WHEN (condition)}, e.g. {@code old.status IS DISTINCT FROM new.status}. */
  public Trigger when(String condition) {
    when = Objects.requireNonNull(condition, "condition");
    return this;
  }

  /** {@code REFERENCING OLD TABLE AS name} (AFTER triggers): the affected rows as a transition table. */
  public Trigger referencingOldTable(String transitionName) {
    Identifiers.check(transitionName);
    oldTable = transitionName;
    return this;
  }

  /** {@code REFERENCING NEW TABLE AS name} (AFTER triggers). */
  public Trigger referencingNewTable(String transitionName) {
    Identifiers.check(transitionName);
    newTable = transitionName;
    return this;
  }

  /** {@code CREATE CONSTRAINT TRIGGER} (AFTER ... FOR EACH ROW). */
  public Trigger constraint() {
    constraint = true;
    return forEachRow();
  }

  /** Constraint triggers: {@code DEFERRABLE}. */
  public Trigger deferrable() {
    deferrable = true;
    return this;
  }

  /** Constraint triggers: {@code DEFERRABLE INITIALLY DEFERRED}: fires at commit. */
  public Trigger initiallyDeferred() {
    deferrable = true;
    initiallyDeferred = true;
    return this;
  }

  /** {@code EXECUTE FUNCTION fn('arg', ...)}; {@code fn} returns trigger. */
  public Trigger execute(Function fn, String... args) {
    function = Objects.requireNonNull(fn, "function");
    arguments.clear();
    arguments.addAll(Arrays.asList(args));
    return this;
  }

  /**
   * {@code EXECUTE FUNCTION schema.fn('arg', ...)} of a trigger function the schema does not declare
   * (created by hand or by an extension); it must exist before the trigger is created.
   */
  public Trigger execute(String functionSchema, String functionName, String... args) {
    Identifiers.check(functionName);
    function = null;
    externalSchema = Objects.requireNonNull(functionSchema, "functionSchema");
    externalFunction = functionName;
    arguments.clear();
    arguments.addAll(Arrays.asList(args));
    return this;
  }

  /** The trigger's name (default {@code <table>_<function>}). */
  public Trigger named(String triggerName) {
    Identifiers.check(triggerName);
    name = triggerName;
    return this;
  }

  /** {@code ALTER TABLE ... DISABLE TRIGGER}: kept but never fired. */
  public Trigger disabled() {
    return enabled(Enabled.DISABLED);
  }

  /** The firing rule against {@code session_replication_role} (ENABLE, DISABLE, ENABLE REPLICA, ENABLE ALWAYS). */
  public Trigger enabled(Enabled state) {
    enabled = Objects.requireNonNull(state, "enabled");
    return this;
  }

  /** {@code COMMENT ON TRIGGER}. */
  public Trigger comment(String text) {
    comment = text;
    return this;
  }

  /** The trigger function, or null when it is not declared here ({@link #execute(String, String, String...)}). */
  public Function function() {
    return function;
  }

  /** The model of this trigger. */
  public TriggerModel toModel() {
    if (table == null) throw new SchemaDefinitionException("trigger " + (name == null ? "" : name + " ") + "has no table: call on(...)");
    if (function == null && externalFunction == null) {
      throw new SchemaDefinitionException("trigger on " + schema + "." + table + " has no function: call execute(...)");
    }
    if (requiredColumn != null && tableRef != null && tableRef.column(requiredColumn) == null) {
      throw new SchemaDefinitionException("touchUpdatedAt on table " + table + ": the table has no column " + requiredColumn);
    }
    String fs = function != null ? function.schema() : externalSchema;
    String fn = function != null ? function.name() : externalFunction;
    String n = name != null ? name : shorten(table + "_" + fn);
    return new TriggerModel(schema, table, n, timing, events, updateColumns, forEachRow, when, oldTable, newTable, constraint,
        deferrable, initiallyDeferred, fs, fn, arguments, enabled, comment);
  }

  @Override
  public String toString() {
    return "trigger " + (name == null ? "" : name + " ") + "on " + schema + "." + table;
  }
}
