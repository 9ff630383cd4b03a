package dev.sluice.query;

import dev.sluice.sql.Identifiers;
import dev.sluice.sql.QueryPart;
import dev.sluice.sql.RenderContext;
import java.util.List;

/**
 * A subquery or CTE used as a FROM item under an alias. Its columns are reached through the fields of
 * the inner query: {@code sub.field(ORDERS.customerId)} renders {@code "sub"."customer_id"}.
 */
public final class DerivedTable implements TableLike {
  private final QueryPart query;
  private final String alias;
  private final List<Field<?>> innerFields;
  private final boolean reference; // CTEs are referenced by name only

  DerivedTable(QueryPart query, String alias, List<Field<?>> innerFields, boolean reference) {
    Identifiers.check(alias);
    this.query = query;
    this.alias = alias;
    this.innerFields = innerFields;
    this.reference = reference;
  }

  /** The alias. */
  public String alias() {
    return alias;
  }

  /** The column of this derived table that the inner query selected as {@code inner}. */
  public <T> Field<T> field(Field<T> inner) {
    String name = inner.name();
    boolean found = innerFields.stream().anyMatch(f -> f == inner || f.name().equals(name));
    if (!found) {
      throw new IllegalArgumentException("derived table " + alias + " has no column " + name + "; it has "
          + innerFields.stream().map(Field::name).toList());
    }
    return Expressions.of(name, inner.dataType(), ctx -> ctx.id(alias).sql('.').id(name));
  }

  @Override
  public List<Field<?>> fields() {
    return innerFields.stream().<Field<?>>map(this::field).toList();
  }

  @Override
  public void renderTo(RenderContext ctx) {
    if (reference) {
      ctx.id(alias);
      return;
    }
    ctx.sql('(');
    ctx.subquery(1);
    ctx.visit(query);
    ctx.subquery(-1);
    ctx.sql(") AS ").id(alias);
  }
}
