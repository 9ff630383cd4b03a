package dev.sluice.query;

import dev.sluice.schema.Table;
import dev.sluice.sql.QueryPart;
import dev.sluice.sql.RenderContext;
import java.util.List;
import java.util.Objects;

/** What INSERT, UPDATE, DELETE and MERGE share: the executor, the WITH clause and the target table. */
abstract class DmlImpl implements QueryPart {
  final QueryExecutor executor;
  final List<Cte> ctes;
  final boolean recursive;
  final Table<?> target;

  DmlImpl(QueryExecutor executor, List<Cte> ctes, boolean recursive, Table<?> target) {
    this.executor = executor;
    this.ctes = List.copyOf(ctes);
    this.recursive = recursive;
    this.target = Objects.requireNonNull(target, "target table");
  }

  @Override
  public final void renderTo(RenderContext ctx) {
    Cte.renderWith(ctx, ctes, recursive);
    renderStatement(ctx);
  }

  /** The statement without its WITH clause and without RETURNING. */
  abstract void renderStatement(RenderContext ctx);

  public int execute() {
    if (executor == null) {
      throw new IllegalStateException("this statement was built with Dsl.query() and is not attached to a Database; "
          + "build it with db.insertInto(...)/update/deleteFrom/mergeInto, or tx.…");
    }
    return executor.execute(render());
  }

  /** {@code RETURNING items}; no item means every column of the target table. */
  @SuppressWarnings("unchecked")
  public <S> S returningImpl(List<? extends SelectItem> items) {
    List<? extends SelectItem> returned = items.isEmpty() ? List.of(target) : items;
    return (S) new ReturningQuery(executor, this, returned);
  }

  @Override
  public String toString() {
    return render().toString();
  }
}
