package dev.sluice.query;

import dev.sluice.schema.Table;
import dev.sluice.sql.RenderContext;
import dev.sluice.types.DataType;
import dev.sluice.types.PgTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * The one SELECT implementation behind every {@code SelectN} interface (they differ only in the
 * static types of their fetch methods). Mutable while being built, like a builder; not thread-safe.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class SelectImpl extends TypedResults implements Select1, Select2, Select3, Select4, Select5, Select6,
    Select7, Select8, Select9, Select10, Select11, Select12, Select13, Select14, Select15, Select16, Select17,
    Select18, Select19, Select20, Select21, Select22 {

  private record Join(String kind, TableLike source, Condition on) {}

  private record SetOp(String op, SelectImpl other) {}

  private final List<Cte> ctes;
  private final boolean recursive;
  private final List<SelectItem> items;
  private List<Field<?>> resultFields;
  private DataType[] columnTypes;
  private boolean distinct;
  private List<Field<?>> distinctOn = List.of();
  private List<TableLike> from = List.of();
  private List<Join> joins = List.of();
  private Condition where;
  private List<Field<?>> groupBy = List.of();
  private Condition having;
  private List<String> windowNames = List.of();
  private List<WindowSpec> windows = List.of();
  private List<OrderField> orderBy = List.of();
  private Long limit;
  private Long offset;
  private String lock;
  private List<Table<?>> lockOf = List.of();
  private String lockWait;
  private List<SetOp> setOps = List.of();

  SelectImpl(QueryExecutor executor, List<Cte> ctes, boolean recursive, List<? extends SelectItem> items) {
    super(executor);
    this.ctes = List.copyOf(ctes);
    this.recursive = recursive;
    this.items = List.copyOf(items);
  }

  /**
   * Clause lists start as the shared empty {@code List.of()} and become an ArrayList on first use: a
   * point read sets two or three of the eight clauses, and this runs on every query.
   */
  private static <T> List<T> grow(List<T> list) {
    return list instanceof ArrayList<T> ? list : new ArrayList<>(list);
  }

  /** Appends {@code more} (no null elements, like {@code List.of}). */
  private static <T> List<T> addAll(List<T> list, T[] more) {
    List<T> l = grow(list);
    for (T t : more) l.add(java.util.Objects.requireNonNull(t));
    return l;
  }

  @Override
  public List<Field<?>> resultFields() {
    if (resultFields == null && Selects.allFields(items)) {
      resultFields = (List) items; // immutable already (List.copyOf in the constructor)
    }
    if (resultFields == null) {
      List<Field<?>> fs = new ArrayList<>();
      for (SelectItem i : items) {
        if (i instanceof Field<?> f) fs.add(f);
        else if (i instanceof TableLike t) fs.addAll(t.fields());
      }
      resultFields = List.copyOf(fs);
    }
    return resultFields;
  }

  @Override
  protected DataType[] columnTypes() {
    DataType[] t = columnTypes;
    if (t == null) {
      List<Field<?>> fs = resultFields();
      t = new DataType[fs.size()];
      for (int i = 0; i < t.length; i++) t[i] = fs.get(i).dataType();
      columnTypes = t;
    }
    return t;
  }

  // --- SingleColumn (Select1 as a scalar subquery or IN list) -----------------------------------------

  @Override
  public Field field() {
    Field<?> first = resultFields().get(0);
    return Expressions.of(first.name(), first.dataType(), ctx -> {
      ctx.sql('(');
      ctx.subquery(1);
      renderTo(ctx);
      ctx.subquery(-1);
      ctx.sql(')');
    });
  }

  // --- clauses --------------------------------------------------------------------------------------------

  @Override
  public SelectImpl distinct() {
    distinct = true;
    return this;
  }

  @Override
  public SelectImpl distinctOn(Field... fields) {
    distinctOn = List.of(fields);
    return this;
  }

  @Override
  public SelectImpl from(TableLike... sources) {
    from = addAll(from, sources);
    return this;
  }

  @Override
  public SelectImpl join(TableLike source, Condition on) {
    (joins = grow(joins)).add(new Join("JOIN", source, on));
    return this;
  }

  @Override
  public SelectImpl leftJoin(TableLike source, Condition on) {
    (joins = grow(joins)).add(new Join("LEFT JOIN", source, on));
    return this;
  }

  @Override
  public SelectImpl rightJoin(TableLike source, Condition on) {
    (joins = grow(joins)).add(new Join("RIGHT JOIN", source, on));
    return this;
  }

  @Override
  public SelectImpl fullJoin(TableLike source, Condition on) {
    (joins = grow(joins)).add(new Join("FULL JOIN", source, on));
    return this;
  }

  @Override
  public SelectImpl crossJoin(TableLike source) {
    (joins = grow(joins)).add(new Join("CROSS JOIN", source, null));
    return this;
  }

  @Override
  public SelectImpl joinLateral(TableLike source, Condition on) {
    (joins = grow(joins)).add(new Join("JOIN LATERAL", source, on));
    return this;
  }

  @Override
  public SelectImpl leftJoinLateral(TableLike source, Condition on) {
    (joins = grow(joins)).add(new Join("LEFT JOIN LATERAL", source, on));
    return this;
  }

  @Override
  public SelectImpl crossJoinLateral(TableLike source) {
    (joins = grow(joins)).add(new Join("CROSS JOIN LATERAL", source, null));
    return this;
  }

  @Override
  public SelectImpl where(Condition condition) {
    where = where == null ? condition : where.and(condition);
    return this;
  }

  @Override
  public SelectImpl groupBy(Field... fields) {
    for (Field f : fields) (groupBy = grow(groupBy)).add(f);
    return this;
  }

  @Override
  public SelectImpl having(Condition condition) {
    having = having == null ? condition : having.and(condition);
    return this;
  }

  @Override
  public SelectImpl window(String name, WindowSpec spec) {
    dev.sluice.sql.Identifiers.check(name);
    (windowNames = grow(windowNames)).add(name);
    (windows = grow(windows)).add(spec);
    return this;
  }

  @Override
  public SelectImpl orderBy(OrderField... fields) {
    orderBy = addAll(orderBy, fields);
    return this;
  }

  @Override
  public SelectImpl limit(long n) {
    if (n < 0) throw new IllegalArgumentException("limit must be >= 0, got " + n);
    limit = n;
    return this;
  }

  @Override
  public SelectImpl offset(long n) {
    if (n < 0) throw new IllegalArgumentException("offset must be >= 0, got " + n);
    offset = n;
    return this;
  }

  @Override
  public SelectImpl forUpdate() {
    lock = "FOR UPDATE";
    return this;
  }

  @Override
  public SelectImpl forNoKeyUpdate() {
    lock = "FOR NO KEY UPDATE";
    return this;
  }

  @Override
  public SelectImpl forShare() {
    lock = "FOR SHARE";
    return this;
  }

  @Override
  public SelectImpl forKeyShare() {
    lock = "FOR KEY SHARE";
    return this;
  }

  @Override
  public SelectImpl of(Table... tables) {
    requireLock("OF");
    for (Table t : tables) (lockOf = grow(lockOf)).add(t);
    return this;
  }

  @Override
  public SelectImpl skipLocked() {
    requireLock("SKIP LOCKED");
    lockWait = "SKIP LOCKED";
    return this;
  }

  @Override
  public SelectImpl noWait() {
    requireLock("NOWAIT");
    lockWait = "NOWAIT";
    return this;
  }

  private void requireLock(String what) {
    if (lock == null) throw new IllegalStateException(what + " needs forUpdate()/forShare()/... first");
  }

  @Override
  public SelectImpl union(SelectStep other) {
    (setOps = grow(setOps)).add(new SetOp("UNION", (SelectImpl) UntypedSelect.unwrap(other)));
    return this;
  }

  @Override
  public SelectImpl unionAll(SelectStep other) {
    (setOps = grow(setOps)).add(new SetOp("UNION ALL", (SelectImpl) UntypedSelect.unwrap(other)));
    return this;
  }

  @Override
  public SelectImpl intersect(SelectStep other) {
    (setOps = grow(setOps)).add(new SetOp("INTERSECT", (SelectImpl) UntypedSelect.unwrap(other)));
    return this;
  }

  @Override
  public SelectImpl except(SelectStep other) {
    (setOps = grow(setOps)).add(new SetOp("EXCEPT", (SelectImpl) UntypedSelect.unwrap(other)));
    return this;
  }

  @Override
  public DerivedTable asTable(String alias) {
    return new DerivedTable(this, alias, resultFields(), false);
  }

  // --- rendering --------------------------------------------------------------------------------------------

  @Override
  public void renderTo(RenderContext ctx) {
    Cte.renderWith(ctx, ctes, recursive);
    boolean compound = !setOps.isEmpty();
    boolean tail = !orderBy.isEmpty() || limit != null || offset != null;
    if (compound && (tail || lock != null)) {
      // ORDER BY / LIMIT of the first branch would apply to the whole compound otherwise
      ctx.sql('(');
      renderCore(ctx);
      renderTail(ctx);
      ctx.sql(')');
    } else {
      renderCore(ctx);
      if (!compound) renderTail(ctx);
    }
    for (SetOp op : setOps) {
      ctx.sql(' ').sql(op.op()).sql(' ');
      boolean parens = !op.other().orderBy.isEmpty() || op.other().limit != null || !op.other().setOps.isEmpty();
      if (parens) ctx.sql('(');
      op.other().renderTo(ctx);
      if (parens) ctx.sql(')');
    }
  }

  private void renderCore(RenderContext ctx) {
    ctx.sql("SELECT ");
    if (!distinctOn.isEmpty()) ctx.sql("DISTINCT ON (").visitAll(distinctOn, ", ").sql(") ");
    else if (distinct) ctx.sql("DISTINCT ");
    if (items.isEmpty()) {
      ctx.sql("*");
    }
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) ctx.sql(", ");
      SelectItem item = items.get(i);
      if (item instanceof Table<?> t) {
        // explicit columns in the order they are decoded: t.* follows the physical order, which an
        // ADD COLUMN, a pulled or a hand-made table makes differ from the class (issue 17)
        ctx.visitAll(t.fields(), ", ");
      } else if (item instanceof DerivedTable d) {
        ctx.id(d.alias()).sql(".*");
      } else if (item instanceof Cte c) {
        ctx.id(c.name()).sql(".*");
      } else {
        ctx.visit(item);
      }
    }
    Condition live = renderSourcesWithSoftDelete(ctx);
    Condition w = where == null ? live : live == null ? where : where.and(live);
    if (w != null) ctx.sql(" WHERE ").visit(w);
    if (!groupBy.isEmpty()) ctx.sql(" GROUP BY ").visitAll(groupBy, ", ");
    if (having != null) ctx.sql(" HAVING ").visit(having);
    if (!windows.isEmpty()) {
      ctx.sql(" WINDOW ");
      for (int i = 0; i < windows.size(); i++) {
        if (i > 0) ctx.sql(", ");
        ctx.id(windowNames.get(i)).sql(" AS (").visit(windows.get(i)).sql(')');
      }
    }
  }

  private void renderTail(RenderContext ctx) {
    if (!orderBy.isEmpty()) ctx.sql(" ORDER BY ").visitAll(orderBy, ", ");
    if (limit != null) ctx.sql(" LIMIT ").value(PgTypes.BIGINT, limit);
    if (offset != null) ctx.sql(" OFFSET ").value(PgTypes.BIGINT, offset);
    if (lock != null) {
      ctx.sql(' ').sql(lock);
      if (!lockOf.isEmpty()) {
        ctx.sql(" OF ");
        for (int i = 0; i < lockOf.size(); i++) {
          if (i > 0) ctx.sql(", ");
          lockOf.get(i).renderReference(ctx);
        }
      }
      if (lockWait != null) ctx.sql(' ').sql(lockWait);
    }
  }

  // --- soft deletes (feature: softdelete) -------------------------------------------------------------------

  private boolean withDeleted;

  @Override
  public SelectImpl withDeleted() {
    withDeleted = true;
    return this;
  }

  /**
   * Writes FROM and the joins; returns the live-row conditions that belong in WHERE (or null). A soft-delete
   * table in FROM or CROSS JOIN filters in WHERE, one in [LEFT] JOIN filters in its ON (so a LEFT JOIN keeps
   * its outer rows). With a RIGHT or FULL join no placement is right for both sides, so every soft-delete
   * table is then read through {@code (SELECT * FROM t WHERE live) AS t}, which PostgreSQL flattens.
   */
  private Condition renderSourcesWithSoftDelete(RenderContext ctx) {
    boolean wrap = false;
    if (!withDeleted) {
      for (Join j : joins) wrap |= j.kind().startsWith("RIGHT") || j.kind().startsWith("FULL");
    }
    Condition live = null;
    if (!from.isEmpty()) {
      ctx.sql(" FROM ");
      for (int i = 0; i < from.size(); i++) {
        if (i > 0) ctx.sql(", ");
        live = SoftDeletes.and(live, renderSource(ctx, from.get(i), wrap));
      }
    }
    for (Join j : joins) {
      ctx.sql(' ').sql(j.kind()).sql(' ');
      Condition c = renderSource(ctx, j.source(), wrap);
      if (j.on() != null) ctx.sql(" ON ").visit(c == null ? j.on() : j.on().and(c));
      else live = SoftDeletes.and(live, c);
    }
    return live;
  }

  /** Writes a source; returns its live-row condition still to be applied (null when none or already applied). */
  private Condition renderSource(RenderContext ctx, TableLike source, boolean wrap) {
    Condition c = withDeleted ? null : SoftDeletes.condition(source);
    if (c == null) {
      ctx.visit(source);
      return null;
    }
    if (!wrap) {
      ctx.visit(source);
      return c;
    }
    SoftDeletes.renderLiveSubquery(ctx, (Table<?>) source, c);
    return null;
  }
}
