package dev.sluice.schema.model;

import java.util.List;

/**
 * {@code CONSTRAINT name FOREIGN KEY (columns) REFERENCES refSchema.refTable (refColumns) ...}.
 *
 * <p>{@code onDeleteColumns} is the column list of {@code ON DELETE SET NULL (cols)} / {@code SET
 * DEFAULT (cols)} (PostgreSQL 15+): only those columns are set when the referenced row goes. Empty
 * means all of {@code columns} (the plain action).
 *
 * @param comment {@code COMMENT ON CONSTRAINT}, or null; not part of the constraint's definition
 */
public record ForeignKeyModel(String name, List<String> columns, String refSchema, String refTable,
    List<String> refColumns, Action onDelete, Action onUpdate, Match match, boolean deferrable,
    boolean initiallyDeferred, boolean notValid, List<String> onDeleteColumns, String comment) {
  public ForeignKeyModel {
    columns = Models.copy(columns);
    refColumns = Models.copy(refColumns);
    onDeleteColumns = Models.copy(onDeleteColumns);
    if (onDelete == null) onDelete = Action.NO_ACTION;
    if (onUpdate == null) onUpdate = Action.NO_ACTION;
    if (match == null) match = Match.SIMPLE;
    if (columns.size() != refColumns.size()) {
      throw new IllegalArgumentException("foreign key " + name + " has " + columns.size() + " columns but references "
          + refColumns.size());
    }
    if (!onDeleteColumns.isEmpty()) {
      if (onDelete != Action.SET_NULL && onDelete != Action.SET_DEFAULT) {
        throw new IllegalArgumentException("foreign key " + name + ": a column list " + onDeleteColumns
            + " needs ON DELETE SET NULL or SET DEFAULT, not " + onDelete.sql());
      }
      if (!columns.containsAll(onDeleteColumns)) {
        throw new IllegalArgumentException("foreign key " + name + ": ON DELETE " + onDelete.sql() + " columns "
            + onDeleteColumns + " must be among its columns " + columns);
      }
      if (onDeleteColumns.size() == columns.size() && new java.util.HashSet<>(onDeleteColumns).size() == columns.size()) {
        onDeleteColumns = List.of();   // all columns: the plain action, one model for one behaviour
      }
    }
  }

  /** A foreign key whose ON DELETE action applies to all its columns, without comment. */
  public ForeignKeyModel(String name, List<String> columns, String refSchema, String refTable,
      List<String> refColumns, Action onDelete, Action onUpdate, Match match, boolean deferrable,
      boolean initiallyDeferred, boolean notValid) {
    this(name, columns, refSchema, refTable, refColumns, onDelete, onUpdate, match, deferrable, initiallyDeferred,
        notValid, List.of(), null);
  }

  /** A foreign key without comment. */
  public ForeignKeyModel(String name, List<String> columns, String refSchema, String refTable,
      List<String> refColumns, Action onDelete, Action onUpdate, Match match, boolean deferrable,
      boolean initiallyDeferred, boolean notValid, List<String> onDeleteColumns) {
    this(name, columns, refSchema, refTable, refColumns, onDelete, onUpdate, match, deferrable, initiallyDeferred,
        notValid, onDeleteColumns, null);
  }

  /** A foreign key whose ON DELETE action applies to all its columns. */
  public ForeignKeyModel(String name, List<String> columns, String refSchema, String refTable,
      List<String> refColumns, Action onDelete, Action onUpdate, Match match, boolean deferrable,
      boolean initiallyDeferred, boolean notValid, String comment) {
    this(name, columns, refSchema, refTable, refColumns, onDelete, onUpdate, match, deferrable, initiallyDeferred,
        notValid, List.of(), comment);
  }

  /** The same key, NOT VALID or not. */
  public ForeignKeyModel withNotValid(boolean notValidToo) {
    return new ForeignKeyModel(name, columns, refSchema, refTable, refColumns, onDelete, onUpdate, match, deferrable,
        initiallyDeferred, notValidToo, onDeleteColumns, comment);
  }

  /** The same key under another name. */
  public ForeignKeyModel withName(String newName) {
    return new ForeignKeyModel(newName, columns, refSchema, refTable, refColumns, onDelete, onUpdate, match, deferrable,
        initiallyDeferred, notValid, onDeleteColumns, comment);
  }

  /** This foreign key with another comment. */
  public ForeignKeyModel withComment(String text) {
    return new ForeignKeyModel(name, columns, refSchema, refTable, refColumns, onDelete, onUpdate, match, deferrable,
        initiallyDeferred, notValid, onDeleteColumns, text);
  }

  /** The ON DELETE clause after the keywords {@code ON DELETE}, e.g. {@code SET NULL (assignee_id)}. */
  public String onDeleteSql() {
    if (onDeleteColumns.isEmpty()) return onDelete.sql();
    StringBuilder sb = new StringBuilder(onDelete.sql()).append(" (");
    for (int i = 0; i < onDeleteColumns.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(dev.sluice.sql.Identifiers.quote(onDeleteColumns.get(i)));
    }
    return sb.append(')').toString();
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
