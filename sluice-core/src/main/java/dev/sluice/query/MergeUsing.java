package dev.sluice.query;

/** {@code MERGE INTO target} waiting for its source. */
public interface MergeUsing {
  /** {@code USING source ON condition}: a table (alias it to tell it apart), derived table or CTE. */
  Merge using(TableLike source, Condition on);
}
