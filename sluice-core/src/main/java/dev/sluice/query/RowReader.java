package dev.sluice.query;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one value from the current row of a ResultSet (the hot path: no reflection). */
@FunctionalInterface
public interface RowReader<R> {
  /** Reads the current row. */
  R read(ResultSet rs) throws SQLException;
}
