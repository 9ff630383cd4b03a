package dev.sluice.schema.model;

/** {@code CREATE SEQUENCE schema.name AS dataType ...}. */
public record SequenceModel(String schema, String name, String dataType, SequenceOptions options, String comment) {
  public SequenceModel {
    if (options == null) options = SequenceOptions.DEFAULTS;
    if (dataType == null) dataType = "bigint";
  }
}
