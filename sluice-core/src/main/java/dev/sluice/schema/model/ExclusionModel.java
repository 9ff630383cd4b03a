package dev.sluice.schema.model;

import java.util.List;

/**
 * {@code CONSTRAINT name EXCLUDE USING method (element WITH operator, ...) [WHERE (predicate)]}.
 *
 * @param comment {@code COMMENT ON CONSTRAINT}, or null; not part of the constraint's definition
 */
public record ExclusionModel(String name, String method, List<Element> elements, String where,
    boolean deferrable, boolean initiallyDeferred, String comment) {
  public ExclusionModel {
    elements = Models.copy(elements);
    if (method == null) method = "gist";
  }

  /** An exclusion constraint without comment. */
  public ExclusionModel(String name, String method, List<Element> elements, String where, boolean deferrable,
      boolean initiallyDeferred) {
    this(name, method, elements, where, deferrable, initiallyDeferred, null);
  }

  /** This constraint with another comment. */
  public ExclusionModel withComment(String text) {
    return new ExclusionModel(name, method, elements, where, deferrable, initiallyDeferred, text);
  }

  /** One {@code expression [opclass] WITH operator}; a plain column name is a valid expression. */
  public record Element(String expression, String opclass, String operator) {}
}
