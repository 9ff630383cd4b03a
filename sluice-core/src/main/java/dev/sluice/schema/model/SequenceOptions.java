package dev.sluice.schema.model;

/**
 * Sequence options; a null field means PostgreSQL's default for the sequence's type.
 */
public record SequenceOptions(Long start, Long increment, Long minValue, Long maxValue, Long cache, boolean cycle) {
  /** All defaults. */
  public static final SequenceOptions DEFAULTS = new SequenceOptions(null, null, null, null, null, false);

  /** True when every option is PostgreSQL's default. */
  public boolean isDefault() {
    return equals(DEFAULTS);
  }
}
