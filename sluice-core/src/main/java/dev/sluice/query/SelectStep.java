package dev.sluice.query;

import dev.sluice.schema.Table;

/**
 * The clauses of a SELECT, shared by every arity. {@code S} is the concrete select type, so the
 * typed columns survive the whole chain: {@code db.select(A.id, A.name).from(A).where(...).fetch(Rec::new)}.
 */
public interface SelectStep<S extends SelectStep<S>> extends ResultQuery {
  /** SELECT DISTINCT. */
  S distinct();

  /** SELECT DISTINCT ON (fields): the first row of each group, by ORDER BY. */
  S distinctOn(Field<?>... fields);

  /** FROM sources (comma-separated, i.e. a cross join when several). */
  S from(TableLike... sources);

  /** INNER JOIN source ON condition. */
  S join(TableLike source, Condition on);

  /** LEFT JOIN source ON condition. */
  S leftJoin(TableLike source, Condition on);

  /** RIGHT JOIN source ON condition. */
  S rightJoin(TableLike source, Condition on);

  /** FULL JOIN source ON condition. */
  S fullJoin(TableLike source, Condition on);

  /** CROSS JOIN source. */
  S crossJoin(TableLike source);

  /** JOIN LATERAL (subquery) ON condition: the subquery may reference earlier FROM items. */
  S joinLateral(TableLike source, Condition on);

  /** LEFT JOIN LATERAL (subquery) ON condition. */
  S leftJoinLateral(TableLike source, Condition on);

  /** CROSS JOIN LATERAL (subquery). */
  S crossJoinLateral(TableLike source);

  /** WHERE condition; called again, the conditions are ANDed. */
  S where(Condition condition);

  /** GROUP BY fields. */
  S groupBy(Field<?>... fields);

  /** HAVING condition; called again, the conditions are ANDed. */
  S having(Condition condition);

  /** WINDOW name AS (spec): a named window for {@code over(name)}. */
  S window(String name, WindowSpec spec);

  /** ORDER BY. */
  S orderBy(OrderField... fields);

  /** LIMIT n (bound as a parameter). */
  S limit(long n);

  /** OFFSET n (bound as a parameter). */
  S offset(long n);

  /** FOR UPDATE. */
  S forUpdate();

  /** FOR NO KEY UPDATE. */
  S forNoKeyUpdate();

  /** FOR SHARE. */
  S forShare();

  /** FOR KEY SHARE. */
  S forKeyShare();

  /** Restricts the row lock to rows of these tables: FOR UPDATE OF t. */
  S of(Table<?>... tables);

  /** ... SKIP LOCKED: skip rows another transaction has locked (job queues). */
  S skipLocked();

  /** ... NOWAIT: fail at once instead of waiting for a lock. */
  S noWait();

  /** {@code this UNION other} (duplicates removed). */
  S union(SelectStep<?> other);

  /** {@code this UNION ALL other}. */
  S unionAll(SelectStep<?> other);

  /** {@code this INTERSECT other}. */
  S intersect(SelectStep<?> other);

  /** {@code this EXCEPT other}. */
  S except(SelectStep<?> other);

  /** This select as a derived table {@code (select ...) AS alias}; get its columns with {@link DerivedTable#field}. */
  DerivedTable asTable(String alias);

  // --- soft deletes (feature: softdelete) ---

  /**
   * Includes soft-deleted rows: by default every soft-delete table in FROM or JOIN contributes
   * {@code deleted_at IS NULL} (see {@link dev.sluice.schema.Table#softDeleteCondition()}): in WHERE for
   * FROM and CROSS JOIN items, in the ON clause for [LEFT] JOINs, through a live-rows subquery when the
   * select has a RIGHT or FULL join. Applies to this SELECT's own FROM/JOIN items; subqueries and UNION
   * branches decide for themselves.
   */
  S withDeleted();
}
