package dev.sluice.query;

import dev.sluice.sql.Identifiers;
import dev.sluice.sql.RenderContext;
import dev.sluice.types.DataType;
import java.util.Objects;

/**
 * A named, typed bind parameter whose value is supplied later, when a prepared query runs:
 * {@code Placeholder<String> EMAIL = Placeholder.of("email", PgTypes.TEXT)}, then
 * {@code db.prepare(query).bind(EMAIL, "a@b.c").fetchRows()}. The query is rendered once and run
 * many times with different values; the type parameter makes {@code bind(EMAIL, 42)} a compile error.
 *
 * <p>It renders {@code ?} (with the type's cast when it needs one) and records itself as the bind
 * value, so running a query that still holds a placeholder outside a prepared query fails with an
 * error naming it. It cannot be inlined (DDL, view bodies): there is no value to inline.
 *
 * @param <T> the Java type of the value
 */
public final class Placeholder<T> implements Field<T> {
  private final String name;
  private final DataType<T> type;

  private Placeholder(String name, DataType<T> type) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    if (name.isBlank()) throw new IllegalArgumentException("placeholder name must not be blank");
  }

  /** A placeholder called {@code name} (used in error messages and for binding) of SQL type {@code type}. */
  public static <T> Placeholder<T> of(String name, DataType<T> type) {
    return new Placeholder<>(name, type);
  }

  @Override
  public DataType<T> dataType() {
    return type;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void renderTo(RenderContext ctx) {
    if (ctx.mode() == RenderContext.Mode.INLINE) {
      throw new IllegalStateException("placeholder :" + name + " cannot be rendered inline (DDL, view bodies)"
          + "; placeholders only work in prepared queries");
    }
    // the placeholder itself stands in for the value; PreparedQuery substitutes the bound value
    ctx.value((DataType) type, this);
  }

  @Override
  public String toString() {
    return ":" + Identifiers.quote(name) + " " + type.sqlName();
  }
}
