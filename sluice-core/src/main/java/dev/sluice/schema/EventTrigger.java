package dev.sluice.schema;

import dev.sluice.schema.model.EventTriggerModel;
import dev.sluice.schema.model.TriggerModel.Enabled;
import dev.sluice.sql.Identifiers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An event trigger, listed in {@link Schema#of(Object...)} (its function comes with it):
 *
 * <pre>{@code
 * Function log = Function.plpgsql("log_ddl").returns("event_trigger").body("begin raise notice '%', tg_tag; end");
 * EventTrigger.on(EventTrigger.DDL_COMMAND_END).tags("CREATE TABLE", "ALTER TABLE").execute(log).named("log_ddl");
 * }</pre>
 *
 * Creating one needs a superuser. A changed event, tag list or function drops and creates it; the
 * firing state is {@code ALTER EVENT TRIGGER ... ENABLE|DISABLE}.
 */
public final class EventTrigger {
  /** {@code ddl_command_start}. */
  public static final String DDL_COMMAND_START = "ddl_command_start";
  /** {@code ddl_command_end}. */
  public static final String DDL_COMMAND_END = "ddl_command_end";
  /** {@code sql_drop}. */
  public static final String SQL_DROP = "sql_drop";
  /** {@code table_rewrite}. */
  public static final String TABLE_REWRITE = "table_rewrite";

  private final String event;
  private final List<String> tags = new ArrayList<>();
  private String name;
  private Function function;
  private String functionSchema;
  private String functionName;
  private Enabled enabled = Enabled.ORIGIN;
  private String comment;

  private EventTrigger(String event) {
    this.event = Objects.requireNonNull(event, "event");
  }

  /** An event trigger on {@code event} ({@link #DDL_COMMAND_END} ...). */
  public static EventTrigger on(String event) {
    return new EventTrigger(event);
  }

  /** {@code WHEN TAG IN (...)}: the command tags it fires for. */
  public EventTrigger tags(String... commandTags) {
    tags.addAll(Arrays.asList(commandTags));
    return this;
  }

  /** {@code EXECUTE FUNCTION f()}; {@code f} returns {@code event_trigger} and is declared with the trigger. */
  public EventTrigger execute(Function f) {
    function = Objects.requireNonNull(f, "function");
    functionSchema = f.schema();
    functionName = f.name();
    return this;
  }

  /** {@code EXECUTE FUNCTION schema.name()} for a function declared elsewhere. */
  public EventTrigger execute(String schemaName, String name) {
    Identifiers.check(name);
    function = null;
    functionSchema = Objects.requireNonNull(schemaName, "schemaName");
    functionName = name;
    return this;
  }

  /** The name (required). */
  public EventTrigger named(String triggerName) {
    Identifiers.check(triggerName);
    name = triggerName;
    return this;
  }

  /** {@code ALTER EVENT TRIGGER ... DISABLE}. */
  public EventTrigger disabled() {
    enabled = Enabled.DISABLED;
    return this;
  }

  /** The firing state ({@code ENABLE REPLICA | ENABLE ALWAYS}). */
  public EventTrigger enabled(Enabled state) {
    enabled = Objects.requireNonNull(state, "state");
    return this;
  }

  /** {@code COMMENT ON EVENT TRIGGER}. */
  public EventTrigger comment(String text) {
    comment = text;
    return this;
  }

  /** The function given as a {@link Function}, or null. */
  public Function function() {
    return function;
  }

  /** The model of this event trigger. */
  public EventTriggerModel toModel() {
    if (name == null || functionName == null) {
      throw new SchemaDefinitionException("event trigger on " + event + " needs named(...) and execute(...)");
    }
    return new EventTriggerModel(name, event, tags, functionSchema, functionName, enabled, comment);
  }

  @Override
  public String toString() {
    return "event trigger " + name;
  }
}
