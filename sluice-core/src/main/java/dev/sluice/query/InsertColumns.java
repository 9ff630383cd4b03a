package dev.sluice.query;

/** {@code INSERT INTO target (columns)} waiting for the query that produces the rows. */
public interface InsertColumns {
  /**
   * {@code INSERT INTO target (columns) SELECT ...}: the query must produce exactly as many columns as
   * were named. App-side {@code defaultFn()}s are not applied (they cannot run per selected row).
   */
  Insert select(ResultQuery query);
}
