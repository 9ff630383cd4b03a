package dev.sluice.schema.model;

import java.util.List;

/**
 * {@code CONSTRAINT name UNIQUE [NULLS NOT DISTINCT] (columns)}.
 *
 * @param comment {@code COMMENT ON CONSTRAINT}, or null; not part of the constraint's definition
 */
public record UniqueModel(String name, List<String> columns, boolean nullsNotDistinct, boolean deferrable,
    boolean initiallyDeferred, String comment) {
  public UniqueModel {
    columns = Models.copy(columns);
  }

  /** A unique constraint without comment. */
  public UniqueModel(String name, List<String> columns, boolean nullsNotDistinct, boolean deferrable,
      boolean initiallyDeferred) {
    this(name, columns, nullsNotDistinct, deferrable, initiallyDeferred, null);
  }

  /** This constraint with another comment. */
  public UniqueModel withComment(String text) {
    return new UniqueModel(name, columns, nullsNotDistinct, deferrable, initiallyDeferred, text);
  }
}
