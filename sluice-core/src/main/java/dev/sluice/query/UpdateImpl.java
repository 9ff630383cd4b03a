package dev.sluice.query;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.sql.RenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The UPDATE builder; mutable while being built, not thread-safe. */
final class UpdateImpl extends DmlImpl implements Update, UpdateReady {
  private final String what;
  private final Assignments set;
  private final List<TableLike> from = new ArrayList<>();
  private Condition where;
  private boolean all;

  UpdateImpl(QueryExecutor executor, List<Cte> ctes, boolean recursive, Table<?> target) {
    super(executor, ctes, recursive, target);
    this.what = Assignments.describe("update", target);
    this.set = new Assignments(target, what);
  }

  @Override
  public <T> Update set(Column<T> column, T value) {
    set.putValue(column, value);
    return this;
  }

  @Override
  public <T> Update set(Column<T> column, Field<T> value) {
    set.put(column, value);
    return this;
  }

  @Override
  public Update setNull(Column<?> column) {
    set.putNull(column);
    return this;
  }

  @Override
  public Update from(TableLike... sources) {
    for (TableLike s : sources) from.add(Objects.requireNonNull(s, "source"));
    return this;
  }

  @Override
  public UpdateImpl where(Condition condition) {
    Objects.requireNonNull(condition, () -> what + ": where(null); to update every row call all()");
    where = where == null ? condition : where.and(condition);
    return this;
  }

  @Override
  public UpdateImpl all() {
    all = true;
    return this;
  }

  @Override
  void renderStatement(RenderContext ctx) {
    if (where == null && !all) {
      throw new IllegalStateException(what + " has no WHERE clause; add where(...) or call all() to update every row");
    }
    if (set.isEmpty()) throw new IllegalStateException(what + ": SET has no column; call set(column, value)");
    if (validate) SchemaValidation.check(dev.sluice.validation.Validator.forUpdate(target), target, List.of(set));
    Assignments s = set.withOnUpdateDefaults();
    s.checkWritable(false);
    ctx.sql("UPDATE ").visit(target).sql(" SET ");
    s.renderSet(ctx);
    if (!from.isEmpty()) ctx.sql(" FROM ").visitAll(from, ", ");
    Condition live = withDeleted ? null : target.softDeleteCondition();
    Condition w = where == null ? live : live == null ? where : where.and(live);
    if (w != null) ctx.sql(" WHERE ").visit(w);
  }

  // --- soft deletes (feature: softdelete) ---

  private boolean withDeleted;

  @Override
  public Update withDeleted() {
    withDeleted = true;
    return this;
  }

  // --- validation (feature: softdelete/validation) ---

  private boolean validate;

  @Override
  public Update validate() {
    validate = true;
    return this;
  }
}
