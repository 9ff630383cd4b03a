package dev.sluice.schema.model;

import java.util.List;

/**
 * {@code CONSTRAINT name FOREIGN KEY (columns) REFERENCES refSchema.refTable (refColumns) ...}.
 *
 * @param comment {@code COMMENT ON CONSTRAINT}, or null; not part of the constraint's definition
 */
public record ForeignKeyModel(String name, List<String> columns, String refSchema, String refTable,
    List<String> refColumns, Action onDelete, Action onUpdate, Match match, boolean deferrable,
    boolean initiallyDeferred, boolean notValid, String comment) {
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

  /** A foreign key without comment. */
  public ForeignKeyModel(String name, List<String> columns, String refSchema, String refTable,
      List<String> refColumns, Action onDelete, Action onUpdate, Match match, boolean deferrable,
      boolean initiallyDeferred, boolean notValid) {
    this(name, columns, refSchema, refTable, refColumns, onDelete, onUpdate, match, deferrable, initiallyDeferred, notValid,
        null);
  }

  /** This foreign key with another comment. */
  public ForeignKeyModel withComment(String text) {
    return new ForeignKeyModel(name, columns, refSchema, refTable, refColumns, onDelete, onUpdate, match, deferrable,
        initiallyDeferred, notValid, text);
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
