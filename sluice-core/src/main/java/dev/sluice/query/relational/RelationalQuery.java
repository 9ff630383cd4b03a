package dev.sluice.query.relational;

import dev.sluice.sql.QueryPart;
import java.util.List;
import java.util.Optional;

/**
 * A relational read started by {@code db.query(TABLE)}: rows of one table with related rows nested
 * to any depth, fetched in ONE SQL statement (a one-relation to a unique key is a plain
 * {@code LEFT JOIN}; other relations are {@code LEFT JOIN LATERAL} subqueries that aggregate their
 * rows with {@code json_agg(json_build_array(...))}), and mapped into nested records:
 *
 * <pre>{@code
 * record UserView(String name) {}
 * record MemberView(MemberRole role, UserView user) {}
 * record TeamView(String name, List<MemberView> members) {}
 * List<TeamView> teams = db.query(TEAMS)
 *     .with(TEAMS.members, m -> m.with(MEMBERS.user).orderBy(MEMBERS.joinedAt))
 *     .where(TEAMS.type.eq(TeamType.WORKSPACE)).limit(10)
 *     .findMany(TeamView.class);
 * }</pre>
 *
 * <p>Records map by component name (a value labelled {@code joined_at} fills {@code joinedAt}); a
 * many-relation maps to {@code List<X>}, a one-relation to {@code X} (null when absent) or
 * {@code Optional<X>}. Nested values are decoded with the same codecs as flat queries, so they have
 * the same Java types. The mapping plan is checked once per record type and query shape and cached.
 */
public interface RelationalQuery extends Level<RelationalQuery>, QueryPart {
  /** Every matching row mapped into {@code type}. */
  <R> List<R> findMany(Class<R> type);

  /** The first matching row (the statement gets {@code LIMIT 1}). */
  <R> Optional<R> findFirst(Class<R> type);

  /**
   * Renders the query once and builds its mapping plan once, for running many times with values for
   * its {@link dev.sluice.query.Placeholder}s (see {@link PreparedRelationalQuery}). Later changes to
   * this builder do not affect the prepared query.
   */
  <R> PreparedRelationalQuery<R> prepare(Class<R> type);

  /** Same as {@link #findMany}. */
  default <R> List<R> fetchInto(Class<R> type) {
    return findMany(type);
  }
}
