package dev.sluice.schema;

import dev.sluice.schema.model.RuleModel;
import dev.sluice.schema.model.RuleModel.Event;
import dev.sluice.schema.model.TriggerModel.Enabled;
import dev.sluice.sql.Identifiers;
import java.util.Objects;

/**
 * A rewrite rule on a table or view, listed in {@link Schema#of(Object...)}:
 *
 * <pre>{@code
 * Rule.on(FILM, "film_no_delete").onDelete().doInstead("NOTHING");
 * Rule.on(FILM, "film_log").onInsert().doAlso("INSERT INTO public.log (what) VALUES (new.title)");
 * Rule.on(FILM, "film_soft").onDelete().where("old.title <> 'x'").doInstead("UPDATE public.film SET deleted = true WHERE id = old.id");
 * }</pre>
 *
 * Several actions are one text in parentheses ({@code "(cmd; cmd)"}). Created after the tables,
 * views and functions it names; a changed definition is {@code CREATE OR REPLACE RULE}.
 */
public final class Rule {
  private final String schema;
  private final String table;
  private final String name;
  private Event event;
  private boolean instead;
  private String where;
  private String actions;
  private Enabled enabled = Enabled.ORIGIN;
  private String comment;

  private Rule(String schema, String table, String name) {
    Identifiers.check(table);
    Identifiers.check(name);
    this.schema = Objects.requireNonNull(schema, "schema");
    this.table = table;
    this.name = name;
  }

  /** A rule named {@code name} on table {@code t}. */
  public static Rule on(Table<?> t, String name) {
    if (t.alias() != null) throw new IllegalArgumentException("rule on an alias (" + t + "): use the table itself");
    return new Rule(t.schema(), t.name(), name);
  }

  /** A rule named {@code name} on view {@code v} (e.g. {@code DO INSTEAD} writes to its table). */
  public static Rule on(View v, String name) {
    return new Rule(v.schema(), v.name(), name);
  }

  /** A rule on the table or view {@code schema.relation}. */
  public static Rule on(String schemaName, String relation, String name) {
    return new Rule(schemaName, relation, name);
  }

  /** {@code ON INSERT}. */
  public Rule onInsert() {
    event = Event.INSERT;
    return this;
  }

  /** {@code ON UPDATE}. */
  public Rule onUpdate() {
    event = Event.UPDATE;
    return this;
  }

  /** {@code ON DELETE}. */
  public Rule onDelete() {
    event = Event.DELETE;
    return this;
  }

  /** {@code WHERE condition} (may name {@code old} and {@code new}). */
  public Rule where(String condition) {
    where = Objects.requireNonNull(condition, "condition");
    return this;
  }

  /** {@code DO INSTEAD actions}: {@code NOTHING}, one command, or {@code (cmd; cmd)}. */
  public Rule doInstead(String actionsSql) {
    instead = true;
    actions = Objects.requireNonNull(actionsSql, "actionsSql");
    return this;
  }

  /** {@code DO ALSO actions}. */
  public Rule doAlso(String actionsSql) {
    instead = false;
    actions = Objects.requireNonNull(actionsSql, "actionsSql");
    return this;
  }

  /** {@code ALTER TABLE ... DISABLE RULE}. */
  public Rule disabled() {
    enabled = Enabled.DISABLED;
    return this;
  }

  /** The firing state ({@code ENABLE REPLICA | ENABLE ALWAYS RULE}). */
  public Rule enabled(Enabled state) {
    enabled = Objects.requireNonNull(state, "state");
    return this;
  }

  /** {@code COMMENT ON RULE}. */
  public Rule comment(String text) {
    comment = text;
    return this;
  }

  /** The model of this rule. */
  public RuleModel toModel() {
    if (event == null || actions == null) {
      throw new SchemaDefinitionException("rule " + name + " on " + schema + "." + table
          + " needs an event (onInsert/onUpdate/onDelete) and actions (doInstead/doAlso)");
    }
    return new RuleModel(schema, table, name, event, instead, where, actions, enabled, comment);
  }

  @Override
  public String toString() {
    return "rule " + name + " on " + schema + "." + table;
  }
}
