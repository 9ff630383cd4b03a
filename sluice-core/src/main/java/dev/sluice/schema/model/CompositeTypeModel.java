package dev.sluice.schema.model;

import java.util.List;
import java.util.Map;

/**
 * {@code CREATE TYPE schema.name AS (attribute type [COLLATE c], ...)}: a composite (row) type.
 * Attribute order is the type's field order and is part of its identity.
 *
 * @param attributeComments {@code COMMENT ON COLUMN type.attribute}, by attribute name (attributes without one are absent)
 */
public record CompositeTypeModel(String schema, String name, List<Attribute> attributes, String comment,
    Map<String, String> attributeComments) {
  public CompositeTypeModel {
    attributes = Models.copy(attributes);
    attributeComments = attributeComments == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributeComments));
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Attribute a : attributes) {
      if (!seen.add(a.name())) throw new IllegalArgumentException("composite type " + name + " has two attributes " + a.name());
    }
  }

  /** A type without attribute comments. */
  public CompositeTypeModel(String schema, String name, List<Attribute> attributes, String comment) {
    this(schema, name, attributes, comment, Map.of());
  }

  /** This type under another schema with other attributes (renamed or retyped), comments kept. */
  public CompositeTypeModel with(String newSchema, List<Attribute> newAttributes) {
    return new CompositeTypeModel(newSchema, name, newAttributes, comment, attributeComments);
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
