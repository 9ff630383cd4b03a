package dev.sluice.sql;

import dev.sluice.types.DataType;
import dev.sluice.types.PgTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL templates whose arguments are always bound. {@code Sql.sql("age > {} and name = {}", n, name)}
 * writes {@code age > ? and name = ?} and binds {@code n} and {@code name}; an argument that is
 * itself a {@link QueryPart} (a column, a subquery, another template) is rendered in place instead.
 *
 * <p>What is unbound: the template string itself is SQL text, spliced into the statement as written
 * (only its {@code {}} placeholders become binds), so it must be a constant the application wrote,
 * never text built from user input ({@code Sql.sql("name = '" + input + "'")} is SQL injection; write
 * {@code Sql.sql("name = {}", input)}). Besides templates, text is spliced unbound only through the
 * explicitly named {@link #raw(String)}; identifiers go through {@link #identifier(String...)}, which
 * quotes them. The same holds for {@code Dsl.rawField} and {@code Dsl.rawCondition}, which take a
 * template.
 */
public final class Sql {
  private Sql() {}

  /**
   * A template with {@code {}} placeholders, one per argument. The template text is raw SQL (unbound):
   * pass values as arguments, never by concatenating them into the template.
   */
  public static QueryPart sql(String template, Object... args) {
    List<String> pieces = split(template);
    if (pieces.size() - 1 != args.length) {
      throw new IllegalArgumentException("SQL template has " + (pieces.size() - 1) + " {} placeholder(s) but "
          + args.length + " argument(s) were given: " + template);
    }
    List<QueryPart> parts = new ArrayList<>(args.length);
    for (Object a : args) parts.add(toPart(a));
    return new Template(pieces, parts);
  }

  /**
   * Splices {@code text} into the SQL unchecked and unbound. Only for SQL the application itself
   * wrote; never for anything a user typed. Prefer {@link #sql(String, Object...)}.
   */
  public static QueryPart raw(String text) {
    if (text.indexOf('\0') >= 0) throw new IllegalArgumentException("SQL text cannot contain NUL");
    return ctx -> ctx.sql(text);
  }

  /** An identifier (table, column, schema name), quoted as needed, safe in any position. */
  public static QueryPart identifier(String... parts) {
    return ctx -> {
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) ctx.sql('.');
        ctx.id(parts[i]);
      }
    };
  }

  /** A bind value of an explicit type, for template arguments whose Java class is ambiguous. */
  public static <T> QueryPart value(T value, DataType<T> type) {
    return ctx -> ctx.value(type, value);
  }

  @SuppressWarnings("unchecked")
  private static QueryPart toPart(Object a) {
    if (a instanceof QueryPart p) return p;
    if (a == null) return ctx -> ctx.sql("NULL");
    if (a instanceof Enum<?> e) {
      throw new IllegalArgumentException("enum value " + e + " needs its PostgreSQL type: pass Sql.value(v, column.dataType())");
    }
    DataType<Object> type = (DataType<Object>) PgTypes.forClass((Class<Object>) a.getClass());
    return ctx -> ctx.value(type, a);
  }

  private static List<String> split(String template) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    int i;
    while ((i = template.indexOf("{}", start)) >= 0) {
      pieces.add(template.substring(start, i));
      start = i + 2;
    }
    pieces.add(template.substring(start));
    return pieces;
  }

  private record Template(List<String> pieces, List<QueryPart> args) implements QueryPart {
    @Override
    public void renderTo(RenderContext ctx) {
      for (int i = 0; i < args.size(); i++) {
        ctx.sql(pieces.get(i));
        ctx.visit(args.get(i));
      }
      ctx.sql(pieces.get(pieces.size() - 1));
    }
  }
}
