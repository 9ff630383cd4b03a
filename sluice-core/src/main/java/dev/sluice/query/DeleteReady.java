package dev.sluice.query;

/** A DELETE with its WHERE (or an explicit {@code all()}): ready to run or to return rows. */
public interface DeleteReady extends DmlStatement {
  /** Adds {@code AND condition} to the WHERE clause. */
  DeleteReady where(Condition condition);
}
