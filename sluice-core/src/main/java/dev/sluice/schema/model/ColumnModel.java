package dev.sluice.schema.model;

/**
 * A column.
 *
 * @param type canonical type text ({@code format_type()} with an empty search_path); {@code serial},
 *     {@code bigserial} and {@code smallserial} stand for an integer column owning its sequence
 * @param defaultExpr SQL default expression, or null
 * @param identity identity definition, or null
 * @param generatedExpr expression of {@code GENERATED ALWAYS AS (...) STORED}, or null
 * @param collation explicit collation, or null
 */
public record ColumnModel(String name, String type, boolean notNull, String defaultExpr, IdentityModel identity,
    String generatedExpr, String collation, String comment) {
  public ColumnModel {
    if (identity != null && defaultExpr != null) {
      throw new IllegalArgumentException("column " + name + " cannot have both a default and an identity");
    }
    if (generatedExpr != null && (defaultExpr != null || identity != null)) {
      throw new IllegalArgumentException("generated column " + name + " cannot have a default or an identity");
    }
  }

  /** A nullable column of {@code type} with nothing else. */
  public static ColumnModel of(String name, String type) {
    return new ColumnModel(name, type, false, null, null, null, null, null);
  }
}
