package dev.sluice.query;

import dev.sluice.sql.QueryPart;
import java.util.List;

/** Something that can stand in FROM or JOIN: a table, a table alias, a derived table, a CTE. */
public interface TableLike extends SelectItem {
  /** The columns this source exposes, in order (what {@code select(source)} selects). */
  List<Field<?>> fields();
}
