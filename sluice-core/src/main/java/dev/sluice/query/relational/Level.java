package dev.sluice.query.relational;

import dev.sluice.query.Condition;
import dev.sluice.query.Field;
import dev.sluice.query.OrderField;
import dev.sluice.schema.Relation;
import java.util.function.UnaryOperator;

/**
 * What one level of a relational query reads: its columns, nested relations, filter, order and
 * page. The root ({@link RelationalQuery}) and every nested level ({@link Nested}) share these
 * clauses; {@code S} is the concrete type so chains keep their type.
 *
 * @param <S> the concrete level type
 */
public interface Level<S extends Level<S>> {
  /**
   * The columns to read at this level (default: every column of the table; for a many-to-many level
   * the target's columns). A many-to-many level may also name the junction table's columns.
   * Values are labelled by {@link Field#name()}; rename with {@link #extra}.
   */
  S columns(Field<?>... fields);

  /** Nests {@code relation} with all its columns. */
  S with(Relation<?> relation);

  /** Nests {@code relation}, shaped by {@code nested}: {@code .with(TEAMS.members, m -> m.with(MEMBERS.user))}. */
  S with(Relation<?> relation, UnaryOperator<Nested> nested);

  /** Filters rows of this level; called again, the conditions are ANDed. See {@link Relations#exists}. */
  S where(Condition condition);

  /**
   * Includes soft-deleted rows at this level (tables declared with {@code softDelete(...)}); by
   * default every level reads live rows only.
   */
  S withDeleted();

  /** Orders rows of this level (nested lists keep this order). */
  S orderBy(OrderField... fields);

  /** At most {@code n} rows at this level (per parent row for nested levels). */
  S limit(long n);

  /** Skips {@code n} rows at this level (per parent row for nested levels). */
  S offset(long n);

  /** A computed value under {@code name}, e.g. a correlated count; mapped like a column. */
  S extra(String name, Field<?> value);
}
