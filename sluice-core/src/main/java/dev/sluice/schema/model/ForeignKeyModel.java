package dev.sluice.schema.model;

import java.util.List;

/**
 * {@code CONSTRAINT name FOREIGN KEY (columns) REFERENCES refSchema.refTable (refColumns) ...}.
 */
public record ForeignKeyModel(String name, List<String> columns, String refSchema, String refTable,
    List<String> refColumns, Action onDelete, Action onUpdate, Match match, boolean deferrable,
    boolean initiallyDeferred, boolean notValid) {
  public ForeignKeyModel {
    columns = Models.copy(columns);
    refColumns = Models.copy(refColumns);
    if (onDelete == null) onDelete = Action.NO_ACTION;
    if (onUpdate == null) onUpdate = Action.NO_ACTION;
    if (match == null) match = Match.SIMPLE;
    if (columns.size() != refColumns.size()) {
      throw new IllegalArgumentException("foreign key " + name + " has " + columns.size() + " columns but references "
          + refColumns.size());
    }
  }

  /** Referential actions. */
  public enum Action {
    NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"), SET_DEFAULT("SET DEFAULT");

    private final String sql;

    Action(String sql) {
      this.sql = sql;
    }

    /** The SQL keywords. */
    public String sql() {
      return sql;
    }
  }

  /** MATCH type. */
  public enum Match { SIMPLE, FULL }
}
