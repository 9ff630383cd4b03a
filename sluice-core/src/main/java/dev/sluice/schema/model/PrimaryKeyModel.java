package dev.sluice.schema.model;

import java.util.List;

/** {@code CONSTRAINT name PRIMARY KEY (columns)}. */
public record PrimaryKeyModel(String name, List<String> columns) {
  public PrimaryKeyModel {
    columns = Models.copy(columns);
  }
}
