package dev.sluice.schema.model;

/**
 * {@code CREATE SEQUENCE schema.name AS dataType ...}, optionally {@code OWNED BY table.column} (the table is in
 * the sequence's schema, as PostgreSQL requires; dropping the column or table drops the sequence). A serial or
 * identity column's own sequence is part of its column, not one of these.
 *
 * @param ownedByTable the table of {@code OWNED BY}, or null
 * @param ownedByColumn the column of {@code OWNED BY}, or null (null exactly when {@code ownedByTable} is)
 */
public record SequenceModel(String schema, String name, String dataType, SequenceOptions options, String comment,
    String ownedByTable, String ownedByColumn) {
  public SequenceModel {
    if (options == null) options = SequenceOptions.DEFAULTS;
    if (dataType == null) dataType = "bigint";
    if ((ownedByTable == null) != (ownedByColumn == null)) {
      throw new IllegalArgumentException("sequence " + name + ": OWNED BY needs both a table and a column");
    }
  }

  /** A sequence owned by no column. */
  public SequenceModel(String schema, String name, String dataType, SequenceOptions options, String comment) {
    this(schema, name, dataType, options, comment, null, null);
  }

  /** Whether {@code OWNED BY} names a column. */
  public boolean owned() {
    return ownedByTable != null;
  }
}
