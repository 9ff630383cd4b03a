package dev.sluice.query;

import dev.sluice.schema.Table;
import dev.sluice.sql.RenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The DELETE builder; mutable while being built, not thread-safe. */
final class DeleteImpl extends DmlImpl implements Delete, DeleteReady {
  private final String what;
  private final List<TableLike> using = new ArrayList<>();
  private Condition where;
  private boolean all;

  DeleteImpl(QueryExecutor executor, List<Cte> ctes, boolean recursive, Table<?> target) {
    super(executor, ctes, recursive, target);
    this.what = Assignments.describe("delete from", target);
  }

  @Override
  public Delete using(TableLike... sources) {
    for (TableLike s : sources) using.add(Objects.requireNonNull(s, "source"));
    return this;
  }

  @Override
  public DeleteImpl where(Condition condition) {
    Objects.requireNonNull(condition, () -> what + ": where(null); to delete every row call all()");
    where = where == null ? condition : where.and(condition);
    return this;
  }

  @Override
  public DeleteImpl all() {
    all = true;
    return this;
  }

  @Override
  void renderStatement(RenderContext ctx) {
    if (where == null && !all) {
      throw new IllegalStateException(what + " has no WHERE clause; add where(...) or call all() to delete every row");
    }
    Condition live = hardDelete ? null : target.softDeleteCondition();
    if (live != null) {
      renderSoftDelete(ctx, live);
      return;
    }
    ctx.sql("DELETE FROM ").visit(target);
    if (!using.isEmpty()) ctx.sql(" USING ").visitAll(using, ", ");
    if (where != null) ctx.sql(" WHERE ").visit(where);
  }

  // --- soft deletes (feature: softdelete) ---

  private boolean hardDelete;

  @Override
  public Delete hardDelete() {
    hardDelete = true;
    return this;
  }

  /** {@code UPDATE t SET deleted_at = now() [FROM using] WHERE (where) AND t.deleted_at IS NULL}. */
  private void renderSoftDelete(RenderContext ctx, Condition live) {
    ctx.sql("UPDATE ").visit(target).sql(" SET ");
    Assignments.renderBare(ctx, target.softDeleteColumn());
    ctx.sql(" = now()");
    if (!using.isEmpty()) ctx.sql(" FROM ").visitAll(using, ", ");
    ctx.sql(" WHERE ").visit(where == null ? live : where.and(live));
  }
}
