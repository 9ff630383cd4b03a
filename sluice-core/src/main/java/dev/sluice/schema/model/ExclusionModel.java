package dev.sluice.schema.model;

import java.util.List;

/**
 * {@code CONSTRAINT name EXCLUDE USING method (element WITH operator, ...) [WHERE (predicate)]}.
 */
public record ExclusionModel(String name, String method, List<Element> elements, String where,
    boolean deferrable, boolean initiallyDeferred) {
  public ExclusionModel {
    elements = Models.copy(elements);
    if (method == null) method = "gist";
  }

  /** One {@code expression [opclass] WITH operator}; a plain column name is a valid expression. */
  public record Element(String expression, String opclass, String operator) {}
}
