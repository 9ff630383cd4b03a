package dev.sluice.schema.model;

import java.util.Objects;

/**
 * A rewrite rule on a table or view (never a view's own {@code _RETURN} rule):
 * {@code CREATE RULE name AS ON event TO schema.table [WHERE condition] DO [INSTEAD] actions}.
 *
 * @param event {@code INSERT}, {@code UPDATE} or {@code DELETE}
 * @param instead {@code DO INSTEAD} (else {@code DO ALSO})
 * @param where the condition as PostgreSQL prints it, or null
 * @param actions {@code NOTHING}, one command, or {@code ( cmd; cmd; )}, as PostgreSQL prints them
 * @param enabled the firing state ({@code ALTER TABLE ... DISABLE RULE}); {@code ORIGIN} is the default
 * @param comment {@code COMMENT ON RULE}, or null
 */
public record RuleModel(String schema, String table, String name, Event event, boolean instead, String where, String actions,
    TriggerModel.Enabled enabled, String comment) {

  public RuleModel {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(actions, "actions");
    enabled = enabled == null ? TriggerModel.Enabled.ORIGIN : enabled;
  }

  /** The event a rule rewrites. */
  public enum Event { INSERT, UPDATE, DELETE }
}
