package dev.sluice.schema.model;

import java.util.List;

/**
 * {@code CREATE TYPE schema.name AS (attribute type [COLLATE c], ...)}: a composite (row) type.
 * Attribute order is the type's field order and is part of its identity.
 */
public record CompositeTypeModel(String schema, String name, List<Attribute> attributes, String comment) {
  public CompositeTypeModel {
    attributes = Models.copy(attributes);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Attribute a : attributes) {
      if (!seen.add(a.name())) throw new IllegalArgumentException("composite type " + name + " has two attributes " + a.name());
    }
  }

  /**
   * One attribute (field) of a composite type.
   *
   * @param type canonical type text, as for {@link ColumnModel#type()}
   * @param collation explicit collation, or null for the type's default
   */
  public record Attribute(String name, String type, String collation) {
    public Attribute {
      java.util.Objects.requireNonNull(name, "name");
      java.util.Objects.requireNonNull(type, "type");
    }
  }
}
