package dev.sluice.query;

import dev.sluice.sql.RenderContext;
import java.util.List;
import java.util.Optional;

/**
 * The untyped {@link Select}: a thin view of a {@link SelectImpl} (Java does not let one class
 * implement both the raw arity interfaces and {@code SelectStep<Select>}).
 */
final class UntypedSelect implements Select {
  private final SelectImpl impl;

  UntypedSelect(SelectImpl impl) {
    this.impl = impl;
  }

  static SelectStep<?> unwrap(SelectStep<?> s) {
    if (s instanceof TableSelectImpl<?> t) return t.impl();
    return s instanceof UntypedSelect u ? u.impl : s;
  }

  @Override
  public Select distinct() {
    impl.distinct();
    return this;
  }

  @Override
  public Select distinctOn(Field<?>... fields) {
    impl.distinctOn(fields);
    return this;
  }

  @Override
  public Select from(TableLike... sources) {
    impl.from(sources);
    return this;
  }

  @Override
  public Select join(TableLike source, Condition on) {
    impl.join(source, on);
    return this;
  }

  @Override
  public Select leftJoin(TableLike source, Condition on) {
    impl.leftJoin(source, on);
    return this;
  }

  @Override
  public Select rightJoin(TableLike source, Condition on) {
    impl.rightJoin(source, on);
    return this;
  }

  @Override
  public Select fullJoin(TableLike source, Condition on) {
    impl.fullJoin(source, on);
    return this;
  }

  @Override
  public Select crossJoin(TableLike source) {
    impl.crossJoin(source);
    return this;
  }

  @Override
  public Select joinLateral(TableLike source, Condition on) {
    impl.joinLateral(source, on);
    return this;
  }

  @Override
  public Select leftJoinLateral(TableLike source, Condition on) {
    impl.leftJoinLateral(source, on);
    return this;
  }

  @Override
  public Select crossJoinLateral(TableLike source) {
    impl.crossJoinLateral(source);
    return this;
  }

  @Override
  public Select where(Condition condition) {
    impl.where(condition);
    return this;
  }

  @Override
  public Select groupBy(Field<?>... fields) {
    impl.groupBy(fields);
    return this;
  }

  @Override
  public Select having(Condition condition) {
    impl.having(condition);
    return this;
  }

  @Override
  public Select window(String name, WindowSpec spec) {
    impl.window(name, spec);
    return this;
  }

  @Override
  public Select orderBy(OrderField... fields) {
    impl.orderBy(fields);
    return this;
  }

  @Override
  public Select limit(long n) {
    impl.limit(n);
    return this;
  }

  @Override
  public Select offset(long n) {
    impl.offset(n);
    return this;
  }

  @Override
  public Select forUpdate() {
    impl.forUpdate();
    return this;
  }

  @Override
  public Select forNoKeyUpdate() {
    impl.forNoKeyUpdate();
    return this;
  }

  @Override
  public Select forShare() {
    impl.forShare();
    return this;
  }

  @Override
  public Select forKeyShare() {
    impl.forKeyShare();
    return this;
  }

  @Override
  public Select of(dev.sluice.schema.Table<?>... tables) {
    impl.of(tables);
    return this;
  }

  @Override
  public Select skipLocked() {
    impl.skipLocked();
    return this;
  }

  @Override
  public Select noWait() {
    impl.noWait();
    return this;
  }

  @Override
  public Select union(SelectStep<?> other) {
    impl.union(unwrap(other));
    return this;
  }

  @Override
  public Select unionAll(SelectStep<?> other) {
    impl.unionAll(unwrap(other));
    return this;
  }

  @Override
  public Select intersect(SelectStep<?> other) {
    impl.intersect(unwrap(other));
    return this;
  }

  @Override
  public Select except(SelectStep<?> other) {
    impl.except(unwrap(other));
    return this;
  }

  @Override
  public DerivedTable asTable(String alias) {
    return impl.asTable(alias);
  }

  @Override
  public List<Row> fetchRows() {
    return impl.fetchRows();
  }

  @Override
  public <R> List<R> fetchMapped(RowMapper<R> mapper) {
    return impl.fetchMapped(mapper);
  }

  @Override
  public <R> List<R> fetchInto(Class<R> type) {
    return impl.fetchInto(type);
  }

  @Override
  public <R> Optional<R> fetchOptionalInto(Class<R> type) {
    return impl.fetchOptionalInto(type);
  }

  @Override
  public Cursor<Row> fetchLazy(int fetchSize) {
    return impl.fetchLazy(fetchSize);
  }

  @Override
  public int execute() {
    return impl.execute();
  }

  @Override
  public List<Field<?>> resultFields() {
    return impl.resultFields();
  }

  @Override
  public void renderTo(RenderContext ctx) {
    impl.renderTo(ctx);
  }

  @Override
  public String toString() {
    return impl.toString();
  }

  // --- soft deletes (feature: softdelete) ---

  @Override
  public Select withDeleted() {
    impl.withDeleted();
    return this;
  }
}
