package dev.sluice.query;

import dev.sluice.sql.RenderContext;

/**
 * {@code field [ASC|DESC] [NULLS FIRST|LAST]} in ORDER BY or a window's ORDER BY.
 *
 * @param nullsPlacement true for NULLS FIRST, false for NULLS LAST, null for PostgreSQL's default placement
 */
public record SortField(Field<?> field, boolean descending, Boolean nullsPlacement) implements OrderField {
  /** Nulls sort before non-nulls. */
  public SortField nullsFirst() {
    return new SortField(field, descending, true);
  }

  /** Nulls sort after non-nulls. */
  public SortField nullsLast() {
    return new SortField(field, descending, false);
  }

  @Override
  public void renderTo(RenderContext ctx) {
    ctx.visit(field);
    if (descending) ctx.sql(" DESC");
    if (nullsPlacement != null) ctx.sql(nullsPlacement ? " NULLS FIRST" : " NULLS LAST");
  }
}
