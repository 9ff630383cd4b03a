package dev.sluice.query;

import dev.sluice.sql.QueryPart;

/** A data-modification statement that can run on its own and report how many rows it touched. */
public interface Executable extends QueryPart {
  /**
   * Runs the statement; returns the number of rows inserted, updated, deleted or merged (with
   * RETURNING: the number of returned rows).
   */
  int execute();
}
