package dev.sluice.schema.model;

import java.util.List;

/** {@code CONSTRAINT name UNIQUE [NULLS NOT DISTINCT] (columns)}. */
public record UniqueModel(String name, List<String> columns, boolean nullsNotDistinct, boolean deferrable,
    boolean initiallyDeferred) {
  public UniqueModel {
    columns = Models.copy(columns);
  }
}
