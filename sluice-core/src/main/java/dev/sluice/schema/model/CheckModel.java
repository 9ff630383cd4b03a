package dev.sluice.schema.model;

/**
 * {@code CONSTRAINT name CHECK (expression) [NOT VALID]} of a table or a domain.
 *
 * @param comment {@code COMMENT ON CONSTRAINT}, or null; not part of the constraint's definition
 */
public record CheckModel(String name, String expression, boolean notValid, String comment) {
  /** A check without comment. */
  public CheckModel(String name, String expression, boolean notValid) {
    this(name, expression, notValid, null);
  }

  /** This check with another comment. */
  public CheckModel withComment(String text) {
    return new CheckModel(name, expression, notValid, text);
  }
}
