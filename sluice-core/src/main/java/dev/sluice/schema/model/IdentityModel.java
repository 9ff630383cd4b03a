package dev.sluice.schema.model;

/** {@code GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY (options)}. */
public record IdentityModel(Kind kind, SequenceOptions options) {
  public IdentityModel {
    if (options == null) options = SequenceOptions.DEFAULTS;
  }

  /** Whether explicit values may be inserted without OVERRIDING SYSTEM VALUE. */
  public enum Kind { ALWAYS, BY_DEFAULT }
}
