package dev.sluice.query;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.sql.RenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The MERGE builder; mutable while being built, not thread-safe. */
final class MergeImpl extends DmlImpl implements MergeUsing, Merge {
  private enum Kind { UPDATE, DELETE, INSERT, NOTHING }

  /** One {@code WHEN [NOT] MATCHED [AND c] THEN action}. */
  private final class When implements MergeMatched, MergeNotMatched, MergeSet {
    final boolean matched;
    final Condition condition;
    Kind kind;
    Assignments set;

    When(boolean matched, Condition condition) {
      this.matched = matched;
      this.condition = condition;
    }

    @Override
    public MergeSet thenUpdate() {
      kind = Kind.UPDATE;
      set = new Assignments(target, what + " when matched then update");
      return this;
    }

    @Override
    public Merge thenDelete() {
      kind = Kind.DELETE;
      return MergeImpl.this;
    }

    @Override
    public Merge thenDoNothing() {
      kind = Kind.NOTHING;
      return MergeImpl.this;
    }

    @Override
    public MergeSet thenInsert() {
      kind = Kind.INSERT;
      set = new Assignments(target, what + " when not matched then insert");
      return this;
    }

    @Override
    public <T> MergeSet set(Column<T> column, T value) {
      set.putValue(column, value);
      return this;
    }

    @Override
    public <T> MergeSet set(Column<T> column, Field<T> value) {
      set.put(column, value);
      return this;
    }

    @Override
    public MergeSet setNull(Column<?> column) {
      set.putNull(column);
      return this;
    }

    @Override
    public MergeMatched whenMatched() {
      return MergeImpl.this.whenMatched();
    }

    @Override
    public MergeMatched whenMatched(Condition c) {
      return MergeImpl.this.whenMatched(c);
    }

    @Override
    public MergeNotMatched whenNotMatched() {
      return MergeImpl.this.whenNotMatched();
    }

    @Override
    public MergeNotMatched whenNotMatched(Condition c) {
      return MergeImpl.this.whenNotMatched(c);
    }

    @Override
    public int execute() {
      return MergeImpl.this.execute();
    }

    @Override
    public void renderTo(RenderContext ctx) {
      MergeImpl.this.renderTo(ctx);
    }

    @Override
    public String toString() {
      return MergeImpl.this.toString();
    }

    void render(RenderContext ctx) {
      ctx.sql(matched ? " WHEN MATCHED" : " WHEN NOT MATCHED");
      if (condition != null) ctx.sql(" AND ").visit(condition);
      ctx.sql(" THEN ");
      if (kind == null) {
        throw new IllegalStateException(what + ": a WHEN " + (matched ? "" : "NOT ") + "MATCHED clause has no action; "
            + (matched ? "call thenUpdate(), thenDelete() or thenDoNothing()" : "call thenInsert() or thenDoNothing()"));
      }
      switch (kind) {
        case DELETE -> ctx.sql("DELETE");
        case NOTHING -> ctx.sql("DO NOTHING");
        case UPDATE -> {
          Assignments s = set.withOnUpdateDefaults();
          s.checkWritable(false);
          ctx.sql("UPDATE SET ");
          s.renderSet(ctx);
        }
        case INSERT -> {
          set.checkWritable(false);
          if (set.isEmpty()) {
            ctx.sql("INSERT DEFAULT VALUES");
            return;
          }
          ctx.sql("INSERT ");
          List<Column<?>> cols = set.columnList();
          Assignments.renderColumnList(ctx, cols);
          ctx.sql(" VALUES (");
          for (int i = 0; i < cols.size(); i++) {
            if (i > 0) ctx.sql(", ");
            ctx.visit(set.value(cols.get(i).name()));
          }
          ctx.sql(')');
        }
      }
    }
  }

  private final String what;
  private TableLike source;
  private Condition on;
  private final List<When> whens = new ArrayList<>();

  MergeImpl(QueryExecutor executor, List<Cte> ctes, boolean recursive, Table<?> target) {
    super(executor, ctes, recursive, target);
    this.what = Assignments.describe("merge into", target);
  }

  @Override
  public Merge using(TableLike source, Condition on) {
    this.source = Objects.requireNonNull(source, "source");
    this.on = Objects.requireNonNull(on, "on condition");
    return this;
  }

  private When when(boolean matched, Condition condition) {
    When w = new When(matched, condition);
    whens.add(w);
    return w;
  }

  @Override
  public MergeMatched whenMatched() {
    return when(true, null);
  }

  @Override
  public MergeMatched whenMatched(Condition condition) {
    return when(true, Objects.requireNonNull(condition, "condition"));
  }

  @Override
  public MergeNotMatched whenNotMatched() {
    return when(false, null);
  }

  @Override
  public MergeNotMatched whenNotMatched(Condition condition) {
    return when(false, Objects.requireNonNull(condition, "condition"));
  }

  @Override
  void renderStatement(RenderContext ctx) {
    if (whens.isEmpty()) {
      throw new IllegalStateException(what + " has no WHEN clause; add whenMatched()/whenNotMatched()");
    }
    ctx.sql("MERGE INTO ").visit(target).sql(" USING ").visit(source).sql(" ON ").visit(on);
    for (When w : whens) w.render(ctx);
  }
}
