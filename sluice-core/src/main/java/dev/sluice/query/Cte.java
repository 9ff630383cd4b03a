package dev.sluice.query;

import dev.sluice.sql.Identifiers;
import dev.sluice.sql.QueryPart;
import dev.sluice.sql.RenderContext;
import java.util.List;

/**
 * A common table expression: {@code name AS [NOT] MATERIALIZED (query)}. Use it in FROM/JOIN like a
 * table and reach its columns with {@link #field(Field)}; a recursive CTE may reference itself in its
 * own query (start the statement with {@code withRecursive}).
 */
public final class Cte implements TableLike {
  private final String name;
  private QueryPart query;
  private List<Field<?>> fields = List.of();
  private Boolean materialized;

  private Cte(String name) {
    Identifiers.check(name);
    this.name = name;
  }

  /** A CTE called {@code name}; give it a query with {@link #as(ResultQuery)}. */
  public static Cte name(String name) {
    return new Cte(name);
  }

  /** The CTE's query. */
  public Cte as(ResultQuery q) {
    query = q;
    fields = q.resultFields();
    return this;
  }

  /** AS MATERIALIZED (true) / NOT MATERIALIZED (false). */
  public Cte materialized(boolean m) {
    materialized = m;
    return this;
  }

  /** The CTE's name. */
  public String name() {
    return name;
  }

  /** The CTE column that its query selected as {@code inner} (works inside its own recursive query too). */
  public <T> Field<T> field(Field<T> inner) {
    String n = inner.name();
    return Expressions.of(n, inner.dataType(), ctx -> ctx.id(name).sql('.').id(n));
  }

  @Override
  public List<Field<?>> fields() {
    return fields.stream().<Field<?>>map(this::field).toList();
  }

  /** In FROM: the name. */
  @Override
  public void renderTo(RenderContext ctx) {
    ctx.id(name);
  }

  /** In the WITH clause: {@code name AS (query)}. */
  void renderDefinition(RenderContext ctx) {
    if (query == null) throw new IllegalStateException("CTE " + name + " has no query: call as(...)");
    ctx.id(name).sql(" AS ");
    if (materialized != null) ctx.sql(materialized ? "MATERIALIZED " : "NOT MATERIALIZED ");
    ctx.sql('(');
    ctx.subquery(1);
    boolean q = ctx.qualify(true);
    ctx.visit(query);
    ctx.qualify(q);
    ctx.subquery(-1);
    ctx.sql(')');
  }

  static void renderWith(RenderContext ctx, List<Cte> ctes, boolean recursive) {
    if (ctes.isEmpty()) return;
    ctx.sql(recursive ? "WITH RECURSIVE " : "WITH ");
    for (int i = 0; i < ctes.size(); i++) {
      if (i > 0) ctx.sql(", ");
      ctes.get(i).renderDefinition(ctx);
    }
    ctx.sql(' ');
  }
}
