package dev.sluice.query;

/** The action of a {@code WHEN NOT MATCHED} clause. */
public interface MergeNotMatched {
  /**
   * {@code THEN INSERT (columns) VALUES (...)}: give the values with {@link MergeSet#set} (usually
   * source columns); none gives {@code INSERT DEFAULT VALUES}. App-side {@code defaultFn()}s are not
   * applied: one statement inserts many rows and the function could not run once per row.
   */
  MergeSet thenInsert();

  /** {@code THEN DO NOTHING}. */
  Merge thenDoNothing();
}
