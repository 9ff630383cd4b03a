package dev.sluice.schema;

import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.ForeignKeyModel.Action;
import dev.sluice.schema.model.ForeignKeyModel.Match;
import java.util.List;
import java.util.function.Supplier;

/**
 * Options of a foreign key: actions, MATCH FULL, DEFERRABLE, NOT VALID and an explicit name. Obtained
 * from {@link Column#references(Supplier, java.util.function.Consumer)} or {@link Table#foreignKey}.
 */
public final class ForeignKey {
  private final List<? extends Column<?>> columns;
  private final Supplier<List<? extends Column<?>>> targets;
  private String name;
  private Action onDelete = Action.NO_ACTION;
  private List<? extends Column<?>> onDeleteColumns = List.of();
  private Action onUpdate = Action.NO_ACTION;
  private Match match = Match.SIMPLE;
  private boolean deferrable;
  private boolean initiallyDeferred;
  private boolean notValid;

  ForeignKey(List<? extends Column<?>> columns, Supplier<List<? extends Column<?>>> targets) {
    this.columns = List.copyOf(columns);
    this.targets = targets;
  }

  /** Constraint name (default {@code <table>_<columns>_fkey}). */
  public ForeignKey name(String constraintName) {
    name = constraintName;
    return this;
  }

  /** {@code ON DELETE action}. */
  public ForeignKey onDelete(Action action) {
    onDelete = action;
    onDeleteColumns = List.of();
    return this;
  }

  /**
   * {@code ON DELETE SET NULL (only)} (PostgreSQL 15+): when the referenced row goes, only these
   * columns become null. For a composite key such as {@code (team_id, assignee_id)} this keeps the
   * row in its tenant ({@code team_id} stays) and clears the reference.
   */
  public ForeignKey onDeleteSetNull(Column<?>... only) {
    onDelete = Action.SET_NULL;
    onDeleteColumns = List.of(only);
    return this;
  }

  /** {@code ON DELETE SET DEFAULT (only)} (PostgreSQL 15+): only these columns take their defaults. */
  public ForeignKey onDeleteSetDefault(Column<?>... only) {
    onDelete = Action.SET_DEFAULT;
    onDeleteColumns = List.of(only);
    return this;
  }

  /** {@code ON UPDATE action}. */
  public ForeignKey onUpdate(Action action) {
    onUpdate = action;
    return this;
  }

  /** {@code MATCH FULL}: all or none of the columns may be null. */
  public ForeignKey matchFull() {
    match = Match.FULL;
    return this;
  }

  /** {@code DEFERRABLE [INITIALLY DEFERRED]}. */
  public ForeignKey deferrable(boolean initiallyDeferredToo) {
    deferrable = true;
    initiallyDeferred = initiallyDeferredToo;
    return this;
  }

  /** {@code NOT VALID}: existing rows are not checked when the constraint is added. */
  public ForeignKey notValid() {
    notValid = true;
    return this;
  }

  List<? extends Column<?>> columns() {
    return columns;
  }

  ForeignKeyModel toModel(Table<?> owner, List<String> problems) {
    List<? extends Column<?>> refs;
    try {
      refs = targets.get();
    } catch (RuntimeException | ExceptionInInitializerError e) {
      problems.add("table " + owner.name() + ": foreign key on " + names(columns) + " cannot resolve its target: " + e);
      return null;
    }
    if (refs == null || refs.isEmpty() || refs.stream().anyMatch(java.util.Objects::isNull)) {
      problems.add("table " + owner.name() + ": foreign key on " + names(columns)
          + " references a column that is null (a static field read before its class was initialised?)");
      return null;
    }
    if (refs.size() != columns.size()) {
      problems.add("table " + owner.name() + ": foreign key on " + names(columns) + " has " + columns.size()
          + " column(s) but references " + refs.size());
      return null;
    }
    Table<?> target = refs.get(0).table();
    for (Column<?> r : refs) {
      if (r.table().definition() != target.definition()) {
        problems.add("table " + owner.name() + ": foreign key on " + names(columns) + " references columns of several tables");
        return null;
      }
    }
    String n = name != null ? name : Names.of(owner.name(), names(columns), "fkey");
    for (Column<?> c : onDeleteColumns) {
      if (!columns.contains(c)) {
        problems.add("table " + owner.name() + ": foreign key on " + names(columns) + ": ON DELETE " + onDelete.sql()
            + " column " + c.name() + " is not one of its columns");
        return null;
      }
    }
    return new ForeignKeyModel(n, names(columns), target.schema(), target.name(), names(refs), onDelete, onUpdate, match,
        deferrable, initiallyDeferred, notValid, names(onDeleteColumns));
  }

  Table<?> targetTable() {
    return targets.get().get(0).table().definition();
  }

  List<? extends Column<?>> targetColumns() {
    return targets.get();
  }

  static List<String> names(List<? extends Column<?>> cols) {
    return cols.stream().map(Column::name).toList();
  }
}
