package dev.sluice.schema.model;

import java.util.List;
import java.util.Objects;

/**
 * {@code CREATE [CONSTRAINT] TRIGGER name timing events ON schema.table ... EXECUTE FUNCTION fn(args)}.
 * Its identity is schema, table and name.
 *
 * @param table the table or view ({@code INSTEAD OF} triggers are on views) in {@code schema}
 * @param events {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code TRUNCATE}, in that order
 * @param updateColumns {@code UPDATE OF} columns (empty: any update)
 * @param when the {@code WHEN} condition without its parentheses, or null
 * @param oldTable {@code REFERENCING OLD TABLE AS} name (AFTER statement or row triggers), or null
 * @param newTable {@code REFERENCING NEW TABLE AS} name, or null
 * @param constraint a constraint trigger (AFTER ... FOR EACH ROW; may be deferrable)
 * @param functionSchema schema of the trigger function
 * @param function name of the trigger function (it takes no arguments and returns {@code trigger})
 * @param arguments the string arguments passed to the function (TG_ARGV)
 * @param enabled {@code session_replication_role} firing rule (ALTER TABLE ENABLE/DISABLE TRIGGER)
 */
public record TriggerModel(String schema, String table, String name, Timing timing, List<Event> events,
    List<String> updateColumns, boolean forEachRow, String when, String oldTable, String newTable, boolean constraint,
    boolean deferrable, boolean initiallyDeferred, String functionSchema, String function, List<String> arguments,
    Enabled enabled, String comment) {

  public TriggerModel {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(timing, "timing");
    Objects.requireNonNull(function, "function");
    events = events == null ? List.of() : events.stream().distinct().sorted().toList();
    if (events.isEmpty()) throw new IllegalArgumentException("trigger " + name + " has no event");
    updateColumns = Models.copy(updateColumns);
    arguments = Models.copy(arguments);
    functionSchema = functionSchema == null ? schema : functionSchema;
    enabled = enabled == null ? Enabled.ORIGIN : enabled;
  }

  /** {@code BEFORE | AFTER | INSTEAD OF}. */
  public enum Timing {
    BEFORE, AFTER, INSTEAD_OF;

    /** The SQL words. */
    public String sql() {
      return this == INSTEAD_OF ? "INSTEAD OF" : name();
    }
  }

  /** What fires the trigger. */
  public enum Event { INSERT, UPDATE, DELETE, TRUNCATE }

  /**
   * {@code pg_trigger.tgenabled}: {@code ORIGIN} fires in origin and local mode (ENABLE),
   * {@code DISABLED} never (DISABLE), {@code REPLICA} only in replica mode (ENABLE REPLICA),
   * {@code ALWAYS} in every mode (ENABLE ALWAYS).
   */
  public enum Enabled { ORIGIN, DISABLED, REPLICA, ALWAYS }
}
