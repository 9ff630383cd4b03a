package dev.sluice.query;

/** An UPDATE with its WHERE (or an explicit {@code all()}): ready to run or to return rows. */
public interface UpdateReady extends DmlStatement {
  /** Adds {@code AND condition} to the WHERE clause. */
  UpdateReady where(Condition condition);
}
