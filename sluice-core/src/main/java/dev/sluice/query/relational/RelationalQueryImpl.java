package dev.sluice.query.relational;

import dev.sluice.query.Condition;
import dev.sluice.query.Field;
import dev.sluice.query.OrderField;
import dev.sluice.query.QueryExecutor;
import dev.sluice.schema.Relation;
import dev.sluice.sql.RenderContext;
import dev.sluice.sql.Rendered;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The root builder: delegates clauses to its {@link LevelSpec}, renders and maps on fetch. */
final class RelationalQueryImpl implements RelationalQuery {
  private final QueryExecutor executor;
  private final LevelSpec spec;

  RelationalQueryImpl(QueryExecutor executor, LevelSpec spec) {
    this.executor = executor;
    this.spec = spec;
  }

  @Override
  public RelationalQuery columns(Field<?>... fields) {
    spec.columns(fields);
    return this;
  }

  @Override
  public RelationalQuery with(Relation<?> relation) {
    spec.addChild(relation);
    return this;
  }

  @Override
  public RelationalQuery with(Relation<?> relation, UnaryOperator<Nested> nested) {
    NestedImpl.shape(spec.addChild(relation), nested);
    return this;
  }

  @Override
  public RelationalQuery where(Condition condition) {
    spec.where(condition);
    return this;
  }

  @Override
  public RelationalQuery withDeleted() {
    spec.withDeleted = true;
    return this;
  }

  @Override
  public RelationalQuery orderBy(OrderField... fields) {
    spec.orderBy.addAll(List.of(fields));
    return this;
  }

  @Override
  public RelationalQuery limit(long n) {
    spec.limit(n);
    return this;
  }

  @Override
  public RelationalQuery offset(long n) {
    spec.offset(n);
    return this;
  }

  @Override
  public RelationalQuery extra(String name, Field<?> value) {
    spec.extra(name, value);
    return this;
  }

  @Override
  public <R> List<R> findMany(Class<R> type) {
    return run(type, false);
  }

  @Override
  public <R> Optional<R> findFirst(Class<R> type) {
    List<R> rows = run(type, true);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private <R> List<R> run(Class<R> type, boolean first) {
    if (executor == null) throw new IllegalStateException("this relational query is not attached to a Database");
    RelationalSql.Result sql = RelationalSql.render(spec, first);
    return ResultMapping.mapping(type, sql.shape(), sql.identity()).run(executor, sql.ctx().result());
  }

  @Override
  public <R> PreparedRelationalQuery<R> prepare(Class<R> type) {
    if (executor == null) throw new IllegalStateException("this relational query is not attached to a Database");
    return PreparedRelationalQuery.prepare(executor, spec, type);
  }

  @Override
  public void renderTo(RenderContext ctx) {
    throw new UnsupportedOperationException("a relational query of " + spec.table.name()
        + " is a whole statement and cannot be embedded in another query; use render() to see its SQL");
  }

  @Override
  public Rendered render() {
    return RelationalSql.render(spec, false).ctx().result();
  }
}
