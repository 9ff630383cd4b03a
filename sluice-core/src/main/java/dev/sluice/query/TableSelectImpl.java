package dev.sluice.query;

import dev.sluice.schema.Table;
import dev.sluice.sql.RenderContext;
import dev.sluice.types.DataType;
import java.util.List;
import java.util.Optional;

/** {@link TableSelect}: a thin view of a {@link SelectImpl} of the table's columns, reading records. */
final class TableSelectImpl<T extends Table<T>> implements TableSelect<T> {
  private final SelectImpl impl;
  private final T table;

  TableSelectImpl(SelectImpl impl, T table) {
    this.table = table;
    this.impl = impl;
  }

  SelectImpl impl() {
    return impl;
  }

  @Override
  public TableSelect<T> distinct() {
    impl.distinct();
    return this;
  }

  @Override
  public TableSelect<T> distinctOn(Field<?>... fields) {
    impl.distinctOn(fields);
    return this;
  }

  @Override
  public TableSelect<T> from(TableLike... sources) {
    impl.from(sources);
    return this;
  }

  @Override
  public TableSelect<T> join(TableLike source, Condition on) {
    impl.join(source, on);
    return this;
  }

  @Override
  public TableSelect<T> leftJoin(TableLike source, Condition on) {
    impl.leftJoin(source, on);
    return this;
  }

  @Override
  public TableSelect<T> rightJoin(TableLike source, Condition on) {
    impl.rightJoin(source, on);
    return this;
  }

  @Override
  public TableSelect<T> fullJoin(TableLike source, Condition on) {
    impl.fullJoin(source, on);
    return this;
  }

  @Override
  public TableSelect<T> crossJoin(TableLike source) {
    impl.crossJoin(source);
    return this;
  }

  @Override
  public TableSelect<T> joinLateral(TableLike source, Condition on) {
    impl.joinLateral(source, on);
    return this;
  }

  @Override
  public TableSelect<T> leftJoinLateral(TableLike source, Condition on) {
    impl.leftJoinLateral(source, on);
    return this;
  }

  @Override
  public TableSelect<T> crossJoinLateral(TableLike source) {
    impl.crossJoinLateral(source);
    return this;
  }

  @Override
  public TableSelect<T> where(Condition condition) {
    impl.where(condition);
    return this;
  }

  @Override
  public TableSelect<T> groupBy(Field<?>... fields) {
    impl.groupBy(fields);
    return this;
  }

  @Override
  public TableSelect<T> having(Condition condition) {
    impl.having(condition);
    return this;
  }

  @Override
  public TableSelect<T> window(String name, WindowSpec spec) {
    impl.window(name, spec);
    return this;
  }

  @Override
  public TableSelect<T> orderBy(OrderField... fields) {
    impl.orderBy(fields);
    return this;
  }

  @Override
  public TableSelect<T> limit(long n) {
    impl.limit(n);
    return this;
  }

  @Override
  public TableSelect<T> offset(long n) {
    impl.offset(n);
    return this;
  }

  @Override
  public TableSelect<T> forUpdate() {
    impl.forUpdate();
    return this;
  }

  @Override
  public TableSelect<T> forNoKeyUpdate() {
    impl.forNoKeyUpdate();
    return this;
  }

  @Override
  public TableSelect<T> forShare() {
    impl.forShare();
    return this;
  }

  @Override
  public TableSelect<T> forKeyShare() {
    impl.forKeyShare();
    return this;
  }

  @Override
  public TableSelect<T> of(dev.sluice.schema.Table<?>... tables) {
    impl.of(tables);
    return this;
  }

  @Override
  public TableSelect<T> skipLocked() {
    impl.skipLocked();
    return this;
  }

  @Override
  public TableSelect<T> noWait() {
    impl.noWait();
    return this;
  }

  @Override
  public TableSelect<T> union(SelectStep<?> other) {
    impl.union(UntypedSelect.unwrap(other));
    return this;
  }

  @Override
  public TableSelect<T> unionAll(SelectStep<?> other) {
    impl.unionAll(UntypedSelect.unwrap(other));
    return this;
  }

  @Override
  public TableSelect<T> intersect(SelectStep<?> other) {
    impl.intersect(UntypedSelect.unwrap(other));
    return this;
  }

  @Override
  public TableSelect<T> except(SelectStep<?> other) {
    impl.except(UntypedSelect.unwrap(other));
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
  public TableSelect<T> withDeleted() {
    impl.withDeleted();
    return this;
  }

  // --- records ---

  @SuppressWarnings({"rawtypes", "unchecked"})
  private RowReader<TableRecord<T>> reader() {
    List<Field<?>> fields = impl.resultFields();
    DataType[] types = new DataType[fields.size()];
    for (int i = 0; i < types.length; i++) types[i] = fields.get(i).dataType();
    return rs -> {
      Object[] values = new Object[types.length];
      for (int i = 0; i < types.length; i++) values[i] = types[i].read(rs, i + 1);
      return TableRecord.full(table, values);
    };
  }

  @Override
  public List<TableRecord<T>> fetch() {
    return impl.fetchList(reader());
  }

  @Override
  public TableRecord<T> fetchOne() {
    return impl.fetchSingleOrNull(reader());
  }

  @Override
  public Optional<TableRecord<T>> fetchOptional() {
    return Optional.ofNullable(fetchOne());
  }

  @Override
  public java.util.stream.Stream<TableRecord<T>> fetchStream() {
    return impl.executor().cursor(impl.render(), reader(), DEFAULT_FETCH_SIZE).stream();
  }
}
