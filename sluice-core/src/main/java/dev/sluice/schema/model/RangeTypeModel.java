package dev.sluice.schema.model;

import java.util.Objects;

/**
 * A range type: {@code CREATE TYPE schema.name AS RANGE (SUBTYPE = ..., SUBTYPE_OPCLASS = ..., COLLATION = ...,
 * CANONICAL = ..., SUBTYPE_DIFF = ..., MULTIRANGE_TYPE_NAME = ...)}.
 *
 * @param subtype the element type as {@code format_type} prints it with an empty search_path ({@code double precision})
 * @param subtypeOpclass the b-tree operator class when it is not the subtype's default ({@code schema.name}), else null
 * @param collation the collation when the subtype is collatable and it is not the subtype's default, else null
 * @param canonical the canonical function ({@code schema.name}, written in C), or null
 * @param subtypeDiff the difference function ({@code schema.name}, or a bare {@code pg_catalog} name such as {@code float8mi}), or null
 * @param multirange the multirange type's name (PostgreSQL 14+, in the same schema) when it is not the default
 *     PostgreSQL derives ({@link #defaultMultirange(String)}), else null
 * @param comment {@code COMMENT ON TYPE}, or null
 */
public record RangeTypeModel(String schema, String name, String subtype, String subtypeOpclass, String collation,
    String canonical, String subtypeDiff, String multirange, String comment) {

  public RangeTypeModel {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(subtype, "subtype");
    if (multirange != null && multirange.equals(defaultMultirange(name))) multirange = null;
  }

  /** The type name columns of this range type have ({@code schema.name}, quoted where needed). */
  public String typeName() {
    return dev.sluice.sql.Identifiers.qualify(schema, name);
  }

  /**
   * The multirange name PostgreSQL gives a range type named {@code name} without
   * {@code MULTIRANGE_TYPE_NAME}: the first {@code range} replaced by {@code multirange}, else
   * {@code _multirange} appended.
   */
  public static String defaultMultirange(String name) {
    int i = name.indexOf("range");
    return i >= 0 ? name.substring(0, i) + "multi" + name.substring(i) : name + "_multirange";
  }
}
