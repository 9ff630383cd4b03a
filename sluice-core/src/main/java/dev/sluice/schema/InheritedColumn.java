package dev.sluice.schema;

import dev.sluice.schema.model.InheritedColumnModel;

/**
 * A column a table inherits without declaring it, given a default or NOT NULL of the table's own by
 * {@code Table.inheritedColumn(name)}: e.g. {@code inheritedColumn("status").defaultSql("'archived'").notNull()}
 * becomes {@code ALTER TABLE child ALTER COLUMN status SET DEFAULT 'archived'} and {@code ... SET NOT NULL}
 * after the child is created; the parent keeps its own definition.
 */
public final class InheritedColumn {
  private final String name;
  private final Runnable checkModifiable;
  private String defaultExpr;
  private boolean dropDefault;
  private boolean notNull;

  InheritedColumn(String name, Runnable checkModifiable) {
    this.name = name;
    this.checkModifiable = checkModifiable;
  }

  /** The column's name in the database. */
  public String name() {
    return name;
  }

  /** The table's own default, an SQL expression (the parent's default, if any, stays the parent's). */
  public InheritedColumn defaultSql(String expression) {
    checkModifiable.run();
    defaultExpr = java.util.Objects.requireNonNull(expression, "expression");
    dropDefault = false;
    return this;
  }

  /** No default on this table although the parent has one ({@code DROP DEFAULT}). */
  public InheritedColumn noDefault() {
    checkModifiable.run();
    defaultExpr = null;
    dropDefault = true;
    return this;
  }

  /** NOT NULL on this table although the parent allows nulls. */
  public InheritedColumn notNull() {
    checkModifiable.run();
    notNull = true;
    return this;
  }

  InheritedColumnModel toModel() {
    return new InheritedColumnModel(name, defaultExpr, dropDefault, notNull);
  }
}
