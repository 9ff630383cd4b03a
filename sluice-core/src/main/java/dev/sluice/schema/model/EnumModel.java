package dev.sluice.schema.model;

import java.util.List;

/** {@code CREATE TYPE schema.name AS ENUM (values...)}; value order is the enum's sort order. */
public record EnumModel(String schema, String name, List<String> values, String comment) {
  public EnumModel {
    values = Models.copy(values);
  }
}
