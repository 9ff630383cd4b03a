package dev.sluice.query;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.sql.Identifiers;
import dev.sluice.sql.RenderContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** The INSERT builder; mutable while being built, not thread-safe. */
@SuppressWarnings({"rawtypes", "unchecked"})
final class InsertImpl extends DmlImpl implements Insert {
  private final String what;
  private final List<Assignments> rows = new ArrayList<>();
  private boolean startNewRow = true;
  private boolean valuesGiven;
  private List<Column<?>> selectColumns;
  private ResultQuery selectQuery;
  private boolean overridingSystemValue;
  private Conflict conflict;

  InsertImpl(QueryExecutor executor, List<Cte> ctes, boolean recursive, Table<?> target) {
    super(executor, ctes, recursive, target);
    this.what = Assignments.describe("insert into", target);
  }

  // --- rows ---------------------------------------------------------------------------------------

  private Assignments current() {
    if (startNewRow || rows.isEmpty()) {
      rows.add(new Assignments(target, what));
      startNewRow = false;
    }
    return rows.get(rows.size() - 1);
  }

  @Override
  public <T> Insert set(Column<T> column, T value) {
    current().putValue(column, value);
    return this;
  }

  @Override
  public <T> Insert set(Column<T> column, Field<T> value) {
    current().put(column, value);
    return this;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Insert set(TableRecord<?> record) {
    if (record.table().definition() != target.definition()) {
      throw new IllegalArgumentException(what + ": a record of table " + record.table().name() + " cannot be inserted here");
    }
    for (Column c : record.table().columns()) {
      if (record.has(c)) current().putValue((Column) target.column(c.name()), record.get(c));
    }
    return this;
  }

  @Override
  public Insert setNull(Column<?> column) {
    current().putNull(column);
    return this;
  }

  @Override
  public Insert setDefault(Column<?> column) {
    current().put(column, Assignments.DEFAULT);
    return this;
  }

  @Override
  public Insert newRow() {
    startNewRow = true;
    return this;
  }

  @Override
  public <E> Insert values(Iterable<? extends E> items, BiConsumer<? super InsertRow, ? super E> row) {
    Objects.requireNonNull(items, "items");
    valuesGiven = true;
    for (E item : items) {
      Assignments a = new Assignments(target, what);
      row.accept(new RowView(a), item);
      rows.add(a);
    }
    startNewRow = true;
    return this;
  }

  /** One row of {@link #values}. */
  private static final class RowView implements InsertRow {
    private final Assignments a;

    RowView(Assignments a) {
      this.a = a;
    }

    @Override
    public <T> InsertRow set(Column<T> column, T value) {
      a.putValue(column, value);
      return this;
    }

    @Override
    public <T> InsertRow set(Column<T> column, Field<T> value) {
      a.put(column, value);
      return this;
    }

    @Override
    public InsertRow setNull(Column<?> column) {
      a.putNull(column);
      return this;
    }

    @Override
    public InsertRow setDefault(Column<?> column) {
      a.put(column, Assignments.DEFAULT);
      return this;
    }
  }

  // --- insert ... select ----------------------------------------------------------------------------

  @Override
  public InsertColumns columns(Column<?>... columns) {
    if (columns.length == 0) throw new IllegalArgumentException(what + ": columns(...) needs at least one column");
    Set<String> seen = new HashSet<>();
    for (Column<?> c : columns) {
      Assignments.checkBelongs(target, c, what);
      if (!seen.add(c.name())) throw new IllegalArgumentException(what + ": column " + c.name() + " is listed twice");
    }
    List<Column<?>> cols = List.of(columns);
    return query -> {
      Objects.requireNonNull(query, "query");
      int produced = query.resultFields().size();
      if (produced != cols.size()) {
        throw new IllegalArgumentException(what + ": " + cols.size() + " column(s) named but the query produces "
            + produced);
      }
      selectColumns = cols;
      selectQuery = query;
      return this;
    };
  }

  // --- options ------------------------------------------------------------------------------------

  @Override
  public Insert overridingSystemValue() {
    overridingSystemValue = true;
    return this;
  }

  @Override
  public OnConflict onConflict(Column<?>... columns) {
    if (columns.length == 0) throw new IllegalArgumentException(what + ": onConflict(...) needs at least one column");
    for (Column<?> c : columns) Assignments.checkBelongs(target, c, what);
    conflict = new Conflict(List.of(columns), null);
    return conflict;
  }

  @Override
  public OnConflict onConflictOnConstraint(String constraintName) {
    Identifiers.check(constraintName);
    conflict = new Conflict(List.of(), constraintName);
    return conflict;
  }

  @Override
  public Insert onConflictDoNothing() {
    conflict = new Conflict(List.of(), null);
    conflict.action = Conflict.Action.NOTHING;
    return this;
  }

  /** The ON CONFLICT clause; also the view that builds its DO UPDATE. */
  private final class Conflict implements OnConflict {
    enum Action { NOTHING, UPDATE }

    final List<Column<?>> columns;
    final String constraint;
    Condition indexPredicate;
    Action action;
    final Assignments set = new Assignments(target, what + " on conflict do update");
    Condition updateWhere;

    Conflict(List<Column<?>> columns, String constraint) {
      this.columns = columns;
      this.constraint = constraint;
    }

    @Override
    public OnConflict where(Condition predicate) {
      Objects.requireNonNull(predicate, "predicate");
      if (columns.isEmpty()) {
        throw new IllegalStateException(what + ": an index predicate needs onConflict(columns), not a constraint name");
      }
      indexPredicate = indexPredicate == null ? predicate : indexPredicate.and(predicate);
      return this;
    }

    @Override
    public Insert doNothing() {
      action = Action.NOTHING;
      return InsertImpl.this;
    }

    @Override
    public OnConflictDoUpdate doUpdate() {
      action = Action.UPDATE;
      return new DoUpdate();
    }

    /** The DO UPDATE part of this ON CONFLICT clause. */
    private final class DoUpdate implements OnConflictDoUpdate {
      @Override
      public <T> OnConflictDoUpdate set(Column<T> column, T value) {
        set.putValue(column, value);
        return this;
      }

      @Override
      public <T> OnConflictDoUpdate set(Column<T> column, Field<T> value) {
        set.put(column, value);
        return this;
      }

      @Override
      public OnConflictDoUpdate setNull(Column<?> column) {
        set.putNull(column);
        return this;
      }

      @Override
      public OnConflictDoUpdate where(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        updateWhere = updateWhere == null ? condition : updateWhere.and(condition);
        return this;
      }

      @Override
      public int execute() {
        return InsertImpl.this.execute();
      }

      @Override
      public <S> S returningImpl(List<? extends SelectItem> items) {
        return InsertImpl.this.returningImpl(items);
      }

      @Override
      public void renderTo(RenderContext ctx) {
        InsertImpl.this.renderTo(ctx);
      }

      @Override
      public String toString() {
        return InsertImpl.this.toString();
      }
    }

    void render(RenderContext ctx) {
      ctx.sql(" ON CONFLICT");
      if (constraint != null) {
        ctx.sql(" ON CONSTRAINT ").id(constraint);
      } else if (!columns.isEmpty()) {
        ctx.sql(' ');
        Assignments.renderColumnList(ctx, columns);
        if (indexPredicate != null) {
          boolean q = ctx.qualify(false);
          ctx.sql(" WHERE ").visit(indexPredicate);
          ctx.qualify(q);
        }
      }
      if (action == null) {
        throw new IllegalStateException(what + ": ON CONFLICT needs an action: doNothing() or doUpdate()");
      }
      if (action == Action.NOTHING) {
        ctx.sql(" DO NOTHING");
        return;
      }
      if (columns.isEmpty() && constraint == null) {
        throw new IllegalStateException(what + ": ON CONFLICT DO UPDATE needs a conflict target");
      }
      Assignments s = set.withOnUpdateDefaults();
      s.checkWritable(false);
      ctx.sql(" DO UPDATE SET ");
      s.renderSet(ctx);
      if (updateWhere != null) ctx.sql(" WHERE ").visit(updateWhere);
    }
  }

  // --- rendering ----------------------------------------------------------------------------------

  @Override
  void renderStatement(RenderContext ctx) {
    if (validate && !rows.isEmpty()) SchemaValidation.check(dev.sluice.validation.Validator.forInsert(target), target, rows);
    ctx.sql("INSERT INTO ").visit(target).sql(' ');
    if (selectQuery != null) {
      if (!rows.isEmpty()) throw new IllegalStateException(what + ": cannot combine set(...)/values(...) with select(...)");
      for (Column<?> c : selectColumns) Assignments.checkWritable(c, overridingSystemValue, what);
      Assignments.renderColumnList(ctx, selectColumns);
      ctx.sql(' ');
      if (overridingSystemValue) ctx.sql("OVERRIDING SYSTEM VALUE ");
      ctx.visit(selectQuery);
    } else {
      renderValues(ctx);
    }
    if (conflict != null) conflict.render(ctx);
  }

  private void renderValues(RenderContext ctx) {
    if (valuesGiven && rows.isEmpty()) {
      throw new IllegalStateException(what + ": values(...) got no items, so there is no row to insert");
    }
    List<Assignments> given = rows.isEmpty() ? List.of(new Assignments(target, what)) : rows;
    // every column any row sets, in order of first appearance; a row that does not set one gets DEFAULT
    // (or the column's app-side default), as Drizzle does
    List<Column<?>> columns;
    if (given.size() == 1) {
      // one row (the common insert): its own columns, then the app-side defaults it does not set
      Assignments only = given.get(0);
      columns = only.columnList();
      for (Column<?> c : target.columns()) {
        if (c.defaultFn() != null && !only.has(c.name())) columns.add(c);
      }
    } else {
      java.util.LinkedHashMap<String, Column<?>> union = new java.util.LinkedHashMap<>();
      for (Assignments a : given) {
        for (String n : a.names()) union.putIfAbsent(n, a.column(n));
      }
      columns = new ArrayList<>(union.values());
      for (Column<?> c : target.columns()) {
        if (c.defaultFn() != null && !union.containsKey(c.name())) columns.add(c);
      }
    }
    for (Assignments a : given) a.checkWritable(overridingSystemValue);
    if (columns.isEmpty()) {
      if (given.size() > 1) throw new IllegalStateException(what + ": " + given.size() + " rows set no column");
      if (overridingSystemValue) ctx.sql("OVERRIDING SYSTEM VALUE ");
      ctx.sql("DEFAULT VALUES");
      return;
    }
    Assignments.renderColumnList(ctx, columns);
    ctx.sql(' ');
    if (overridingSystemValue) ctx.sql("OVERRIDING SYSTEM VALUE ");
    ctx.sql("VALUES ");
    for (int r = 0; r < given.size(); r++) {
      if (r > 0) ctx.sql(", ");
      Assignments row = given.get(r);
      ctx.sql('(');
      for (int i = 0; i < columns.size(); i++) {
        if (i > 0) ctx.sql(", ");
        Column<?> c = columns.get(i);
        Field<?> v = row.value(c.name());
        Supplier<?> fn = c.defaultFn();
        if ((v == null || v == Assignments.DEFAULT) && fn != null) {
          v = new Param(fn.get(), c.dataType());
        }
        ctx.visit(v == null ? Assignments.DEFAULT : v);
      }
      ctx.sql(')');
    }
  }

  // --- validation (feature: softdelete/validation) ---

  private boolean validate;

  @Override
  public Insert validate() {
    validate = true;
    return this;
  }
}
