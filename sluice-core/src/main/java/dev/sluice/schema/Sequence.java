package dev.sluice.schema;

import dev.sluice.schema.model.SequenceModel;
import dev.sluice.schema.model.SequenceOptions;

/** A free-standing sequence: {@code Sequence.of("invoice_no").startWith(1000)}. */
public final class Sequence {
  private final String schema;
  private final String name;
  private String dataType = "bigint";
  private Long start;
  private Long increment;
  private Long min;
  private Long max;
  private Long cache;
  private boolean cycle;
  private String comment;
  private String ownedByTable;
  private String ownedByColumn;

  private Sequence(String schema, String name) {
    dev.sluice.sql.Identifiers.check(name);
    this.schema = schema;
    this.name = name;
  }

  /** A bigint sequence in {@code public}. */
  public static Sequence of(String name) {
    return new Sequence("public", name);
  }

  /** A bigint sequence in {@code namespace}'s schema. */
  public static Sequence of(Namespace namespace, String name) {
    return new Sequence(namespace.schema(), name);
  }

  /** AS smallint | integer | bigint. */
  public Sequence as(String type) { dataType = type; return this; }
  /** START WITH. */
  public Sequence startWith(long v) { start = v; return this; }
  /** INCREMENT BY. */
  public Sequence incrementBy(long v) { increment = v; return this; }
  /** MINVALUE. */
  public Sequence minValue(long v) { min = v; return this; }
  /** MAXVALUE. */
  public Sequence maxValue(long v) { max = v; return this; }
  /** CACHE. */
  public Sequence cache(long v) { cache = v; return this; }
  /** CYCLE. */
  public Sequence cycle() { cycle = true; return this; }
  /** COMMENT ON SEQUENCE. */
  public Sequence comment(String text) { comment = text; return this; }

  /**
   * {@code ALTER SEQUENCE ... OWNED BY table.column}: the column (of a table in this sequence's schema) owns the
   * sequence, which goes when the column or its table is dropped. A serial column's own sequence is declared with
   * the column instead.
   */
  public Sequence ownedBy(String table, String column) {
    dev.sluice.sql.Identifiers.check(table);
    dev.sluice.sql.Identifiers.check(column);
    ownedByTable = table;
    ownedByColumn = column;
    return this;
  }

  /** The schema. */
  public String schema() {
    return schema;
  }

  /** The name. */
  public String name() {
    return name;
  }

  /** The model of this sequence. */
  public SequenceModel toModel() {
    return new SequenceModel(schema, name, dataType, new SequenceOptions(start, increment, min, max, cache, cycle), comment,
        ownedByTable, ownedByColumn);
  }
}
