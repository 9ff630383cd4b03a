package dev.sluice.validation;

/** What the data is for: rows to insert, changes to apply, or rows read back. */
public enum Mode {
  INSERT,
  UPDATE,
  SELECT
}
