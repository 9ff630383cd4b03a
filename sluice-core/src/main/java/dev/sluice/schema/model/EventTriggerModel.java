package dev.sluice.schema.model;

import java.util.List;
import java.util.Objects;

/**
 * An event trigger (database-wide, no schema):
 * {@code CREATE EVENT TRIGGER name ON event [WHEN TAG IN (...)] EXECUTE FUNCTION schema.function()}.
 *
 * @param event {@code ddl_command_start}, {@code ddl_command_end}, {@code sql_drop}, {@code table_rewrite} (or {@code login})
 * @param tags the command tags it fires for ({@code CREATE TABLE}), in the order given; empty for all
 * @param enabled the firing state ({@code ALTER EVENT TRIGGER ... DISABLE}); {@code ORIGIN} is the default
 * @param comment {@code COMMENT ON EVENT TRIGGER}, or null
 */
public record EventTriggerModel(String name, String event, List<String> tags, String functionSchema, String function,
    TriggerModel.Enabled enabled, String comment) {

  public EventTriggerModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(functionSchema, "functionSchema");
    Objects.requireNonNull(function, "function");
    tags = Models.copy(tags);
    enabled = enabled == null ? TriggerModel.Enabled.ORIGIN : enabled;
  }
}
