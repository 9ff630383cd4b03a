package dev.sluice.sql;

/**
 * Anything that renders itself into SQL: a field, a condition, a table, a whole query. Rendering is
 * one pass that writes the SQL text and collects bind values together (see {@link RenderContext}).
 */
public interface QueryPart {
  /** Writes this part into {@code ctx}. */
  void renderTo(RenderContext ctx);

  /** Renders this part on its own: its SQL text with {@code ?} placeholders, and the values to bind. */
  default Rendered render() {
    RenderContext ctx = new RenderContext(RenderContext.Mode.BIND);
    renderTo(ctx);
    return ctx.result();
  }

  /** Renders this part with values inlined as SQL literals (for DDL: checks, index predicates, view bodies). */
  default String renderInline() {
    RenderContext ctx = new RenderContext(RenderContext.Mode.INLINE);
    renderTo(ctx);
    return ctx.sql();
  }
}
