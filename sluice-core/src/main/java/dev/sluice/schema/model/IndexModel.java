package dev.sluice.schema.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] name ON table USING method (elements) [INCLUDE (...)]
 * [NULLS NOT DISTINCT] [WITH (params)] [WHERE predicate]}.
 *
 * @param concurrently build with CONCURRENTLY (a migration hint, not a property of the index)
 * @param with storage parameters, sorted by name
 */
public record IndexModel(String name, boolean unique, String method, List<IndexElement> elements, List<String> include,
    String where, Map<String, String> with, boolean nullsNotDistinct, boolean concurrently, String comment) {
  public IndexModel {
    elements = Models.copy(elements);
    include = Models.copy(include);
    with = with == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(with));
    if (method == null) method = "btree";
    if (elements.isEmpty()) throw new IllegalArgumentException("index " + name + " has no columns or expressions");
  }

  /**
   * One key of an index.
   *
   * @param expression a column name, or an SQL expression (rendered in parentheses)
   * @param isExpression whether {@code expression} is an expression rather than a column name
   * @param nullsFirst null for the default placement
   */
  public record IndexElement(String expression, boolean isExpression, String collation, String opclass,
      boolean descending, Boolean nullsFirst) {
    /** A plain ascending column. */
    public static IndexElement column(String name) {
      return new IndexElement(name, false, null, null, false, null);
    }
  }
}
