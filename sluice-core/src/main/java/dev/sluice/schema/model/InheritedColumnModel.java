package dev.sluice.schema.model;

import java.util.Objects;

/**
 * A column a table only inherits (it does not declare it) with a default or NOT NULL of its own,
 * {@code ALTER TABLE child ALTER COLUMN name SET DEFAULT ... | DROP DEFAULT | SET NOT NULL}: the
 * parent keeps its own definition of the column.
 *
 * @param name the inherited column
 * @param defaultExpr the table's own default (SQL), or null
 * @param dropDefault the table has no default where its parent has one ({@code defaultExpr} is then null)
 * @param notNull the table has NOT NULL where its parents have not
 */
public record InheritedColumnModel(String name, String defaultExpr, boolean dropDefault, boolean notNull) {
  public InheritedColumnModel {
    Objects.requireNonNull(name, "name");
    if (defaultExpr != null && dropDefault) {
      throw new IllegalArgumentException("inherited column " + name + " cannot both set and drop its default");
    }
    if (defaultExpr == null && !dropDefault && !notNull) {
      throw new IllegalArgumentException("inherited column " + name + " overrides nothing of its parent's");
    }
  }

  /** Whether the table's default differs from its parent's (its own, or none). */
  public boolean ownDefault() {
    return defaultExpr != null || dropDefault;
  }
}
