package dev.sluice.query.relational;

import dev.sluice.query.Condition;
import dev.sluice.query.QueryExecutor;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.sql.QueryPart;
import dev.sluice.sql.RenderContext;
import java.util.Objects;
import java.util.function.Function;

/**
 * Entry points of relational queries: {@link #query} (what {@code db.query(TABLE)} calls) and
 * filters on related rows for any WHERE, relational or not:
 * {@code db.query(TEAMS).where(Relations.exists(TEAMS.members, m -> m.role.eq(ADMIN)))}.
 */
public final class Relations {
  private Relations() {}

  /** A relational query over {@code table} run by {@code executor}. */
  public static RelationalQuery query(QueryExecutor executor, Table<?> table) {
    return new RelationalQueryImpl(executor, new LevelSpec(Objects.requireNonNull(table, "table"), null));
  }

  /** True when the row has at least one related row. */
  public static <R extends Table<R>> Condition exists(Relation<R> relation) {
    return exists(relation, null, false);
  }

  /**
   * True when the row has a related row matching {@code filter}. The filter receives the target
   * table to write conditions against: the table itself, or an alias of it when the relation is a
   * self-reference (so {@code e -> e.name.eq("Ann")} always means the related row).
   */
  public static <R extends Table<R>> Condition exists(Relation<R> relation, Function<R, Condition> filter) {
    return exists(relation, Objects.requireNonNull(filter, "filter"), false);
  }

  /** True when the row has no related row. */
  public static <R extends Table<R>> Condition notExists(Relation<R> relation) {
    return exists(relation, null, true);
  }

  /** True when the row has no related row matching {@code filter}. */
  public static <R extends Table<R>> Condition notExists(Relation<R> relation, Function<R, Condition> filter) {
    return exists(relation, Objects.requireNonNull(filter, "filter"), true);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <R extends Table<R>> Condition exists(Relation<R> relation, Function<R, Condition> filter, boolean not) {
    Objects.requireNonNull(relation, "relation");
    return ctx -> {
      String source = RelationalSql.reference(relation.source());
      int depth = ctx.subqueryDepth();
      R target = relation.target();
      if (RelationalSql.reference(target).equals(source)) {
        target = (R) RelationalSql.aliased(target, relation.name() + "_" + depth);
      }
      Table junction = relation.isThrough() ? relation.junction() : null;
      if (junction != null && RelationalSql.reference(junction).equals(source)) {
        junction = RelationalSql.aliased(junction, relation.name() + "_j" + depth);
      }
      QueryPart sourceKey = relation.sourceKey();
      ctx.sql(not ? "NOT EXISTS (SELECT 1 FROM " : "EXISTS (SELECT 1 FROM ").visit(target);
      Condition correlation;
      if (junction != null) {
        ctx.sql(" JOIN ").visit(junction).sql(" ON ")
            .visit(RelationalSql.eq(relation.junctionTargetKey(junction), relation.targetKey(target)));
        correlation = RelationalSql.eq(relation.junctionSourceKey(junction), sourceKey);
      } else {
        correlation = RelationalSql.eq(relation.targetKey(target), sourceKey);
      }
      ctx.sql(" WHERE ").visit(correlation);
      // soft-deleted related rows do not count as related
      for (Table<?> t : new Table<?>[] {target, junction}) {
        Condition live = t == null ? null : t.softDeleteCondition();
        if (live != null) ctx.sql(" AND ").visit(live);
      }
      if (filter != null) {
        ctx.subquery(1);
        try {
          ctx.sql(" AND (").visit(filter.apply(target)).sql(")");
        } finally {
          ctx.subquery(-1);
        }
      }
      ctx.sql(")");
    };
  }

}
