package dev.sluice.query;

import dev.sluice.schema.Table;
import dev.sluice.sql.RenderContext;

/** Soft-delete helpers shared by SELECT, UPDATE and DELETE rendering. */
final class SoftDeletes {
  private SoftDeletes() {}

  /** The live-row condition of a FROM item, or null when it is not a soft-delete table. */
  static Condition condition(TableLike source) {
    return source instanceof Table<?> t ? t.softDeleteCondition() : null;
  }

  static Condition and(Condition a, Condition b) {
    return a == null ? b : b == null ? a : a.and(b);
  }

  /** {@code (SELECT * FROM t [AS a] WHERE live) AS a|t}: the live rows under the name columns refer to. */
  static void renderLiveSubquery(RenderContext ctx, Table<?> t, Condition live) {
    if (t.alias() == null && !t.schema().equals("public")) {
      throw new IllegalStateException("soft-delete table " + t + " in a RIGHT/FULL JOIN must be aliased "
          + "(T.as(\"x\")) so its live rows can be read as a subquery; or call withDeleted() and filter yourself");
    }
    ctx.sql("(SELECT * FROM ").visit(t).sql(" WHERE ").visit(live).sql(") AS ");
    ctx.id(t.alias() != null ? t.alias() : t.name());
  }
}
