package dev.sluice.schema.model;

import java.util.List;

/**
 * {@code CONSTRAINT name PRIMARY KEY (columns)}.
 *
 * @param comment {@code COMMENT ON CONSTRAINT}, or null; not part of the constraint's definition
 */
public record PrimaryKeyModel(String name, List<String> columns, String comment) {
  public PrimaryKeyModel {
    columns = Models.copy(columns);
  }

  /** A primary key without comment. */
  public PrimaryKeyModel(String name, List<String> columns) {
    this(name, columns, null);
  }

  /** This key with another comment. */
  public PrimaryKeyModel withComment(String text) {
    return new PrimaryKeyModel(name, columns, text);
  }
}
