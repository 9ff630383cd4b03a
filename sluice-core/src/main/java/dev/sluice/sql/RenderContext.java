package dev.sluice.sql;

import dev.sluice.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * The single rendering pass: SQL text and bind values are produced together, so a value can never
 * end up spliced into the text by accident. In {@link Mode#INLINE} values become escaped literals
 * instead (DDL cannot take parameters).
 *
 * <p>The text is collected as the sequence of pieces the parts write (keywords, pre-quoted names,
 * {@code ?} placeholders), not copied into a buffer. In BIND mode the finished sequence is looked up
 * in {@link SqlTextCache}: the SQL of a query shape (the pieces; values are binds and never pieces)
 * is concatenated once and then reused, so a flat query rendered on every call builds no text.
 */
public final class RenderContext {
  /** How values are rendered. */
  public enum Mode { BIND, INLINE }

  /** The text pieces written so far, in order: {@link String}s and {@link Character}s. */
  private Object[] pieces = new Object[32];
  private int count;
  private int hash;
  private final List<Bind> binds = new ArrayList<>();
  private final Mode mode;
  private boolean qualify = true;
  private int subqueryDepth;

  public RenderContext(Mode mode) {
    this.mode = mode;
  }

  /** BIND or INLINE. */
  public Mode mode() {
    return mode;
  }

  /** Appends raw SQL text: callers pass keywords and punctuation only, never user data. */
  public RenderContext sql(String text) {
    if (text == null) throw new NullPointerException("SQL text");
    piece(text);
    return this;
  }

  /** Appends one character. */
  public RenderContext sql(char c) {
    piece(Character.valueOf(c));
    return this;
  }

  private void piece(Object p) {
    if (count == pieces.length) pieces = java.util.Arrays.copyOf(pieces, count * 2);
    pieces[count++] = p;
    hash = 31 * hash + p.hashCode();
  }

  /** Appends an identifier, quoted when needed. */
  public RenderContext id(String name) {
    piece(Identifiers.quote(name));
    return this;
  }

  /** Appends {@code schema.name}, quoted when needed; a null schema writes just the name. */
  public RenderContext qualified(String schema, String name) {
    piece(Identifiers.qualify(schema, name));
    return this;
  }

  /** Renders a nested part. */
  public RenderContext visit(QueryPart part) {
    part.renderTo(this);
    return this;
  }

  /** Renders parts separated by {@code separator}. */
  public RenderContext visitAll(List<? extends QueryPart> parts, String separator) {
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) piece(separator);
      parts.get(i).renderTo(this);
    }
    return this;
  }

  /**
   * Writes a value: a {@code ?} placeholder (with a {@code ::type} cast when the type needs one) and
   * the bind value, or an escaped literal in INLINE mode.
   */
  public <T> RenderContext value(DataType<T> type, T value) {
    if (mode == Mode.INLINE) {
      piece(value == null ? "NULL" : Literals.literal(type, value));
      return this;
    }
    piece(PLACEHOLDER);
    binds.add(new Bind(type, value));
    if (type.needsCast()) {
      piece(CAST);
      piece(type.castName());
    }
    return this;
  }

  /** Whether column references are written {@code table.column} (true) or bare (false: DDL, ON CONFLICT). */
  public boolean qualify() {
    return qualify;
  }

  /** Sets {@link #qualify()}, returning the previous value so callers can restore it. */
  public boolean qualify(boolean q) {
    boolean old = qualify;
    qualify = q;
    return old;
  }

  /** Nesting depth of subqueries being rendered (0 for the top level). */
  public int subqueryDepth() {
    return subqueryDepth;
  }

  /** Enters ({@code +1}) or leaves ({@code -1}) a subquery. */
  public void subquery(int delta) {
    subqueryDepth += delta;
  }

  private static final String PLACEHOLDER = "?";
  private static final String CAST = "::";

  /** The SQL written so far. */
  public String sql() {
    return mode == Mode.BIND ? SqlTextCache.text(pieces, count, hash) : SqlTextCache.concat(pieces, count);
  }

  /** The finished text and binds. */
  public Rendered result() {
    return new Rendered(sql(), binds);
  }
}
