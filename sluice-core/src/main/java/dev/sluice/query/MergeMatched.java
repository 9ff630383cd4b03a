package dev.sluice.query;

/** The action of a {@code WHEN MATCHED} clause. */
public interface MergeMatched {
  /**
   * {@code THEN UPDATE SET ...}: give the assignments with {@link MergeSet#set}. Columns with an app-side
   * {@code onUpdate} function that are not set explicitly are set to its value.
   */
  MergeSet thenUpdate();

  /** {@code THEN DELETE}. */
  Merge thenDelete();

  /** {@code THEN DO NOTHING}. */
  Merge thenDoNothing();
}
