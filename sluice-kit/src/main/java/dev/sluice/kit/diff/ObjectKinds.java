package dev.sluice.kit.diff;

import dev.sluice.schema.model.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The object kinds that are their own unit (functions and procedures, triggers, aggregates, extended
 * statistics, rules, publications, event triggers, default privileges, collations, range types), for the introspector,
 * the Java generator and the CLI; everything else about them is internal to the differ.
 */
public final class ObjectKinds {
  private ObjectKinds() {}

  /**
   * The SQL expression naming collation {@code co} ({@code pg_collation}) as the model does: bare for
   * {@code pg_catalog}'s (unless the bare name would read as {@code schema.name}), else
   * {@code schema.name} quoted as {@code quote_ident} does. Columns, index keys, domains, composite
   * attributes and range types all name collations this way.
   */
  public static final String COLLATION_NAME_SQL = "(SELECT CASE WHEN cn.nspname = 'pg_catalog'"
      + " AND co.collname::text !~ '^[a-z_][a-z0-9_$]*\\.[a-z_][a-z0-9_$]*$' THEN co.collname::text"
      + " ELSE pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname) END"
      + " FROM pg_catalog.pg_namespace cn WHERE cn.oid = co.collnamespace)";

  /** {@code m} with the objects of every unit kind read from {@code c} (search_path already empty). */
  public static SchemaModel introspect(Connection c, SchemaModel m, List<String> schemas, int serverVersion) throws SQLException {
    SchemaModel out = m;
    for (ObjectKind<?> k : Kinds.ALL) out = read(k, c, out, schemas, serverVersion);
    return out;
  }

  private static <M> SchemaModel read(ObjectKind<M> k, Connection c, SchemaModel m, List<String> schemas, int v) throws SQLException {
    return k.with(m, k.introspect(c, schemas, v));
  }

  /**
   * {@code CREATE FUNCTION} of a stand-in for an {@link SchemaModel#externalFunctions() external
   * function}: its declared arguments, result and volatility, in PL/pgSQL returning null (or
   * nothing), for a shadow database where callers of the real function are created.
   */
  public static String externalFunctionStub(dev.sluice.schema.model.FunctionModel f) {
    return FunctionKind.stubSql(f);
  }

  /** The Java declaration of an external function: {@code Function.external("auth", "uid").returns("uuid")}. */
  public static String externalFunctionJava(dev.sluice.schema.model.FunctionModel f, JavaContext ctx) {
    return FunctionKind.externalJava(f, ctx);
  }

  /** The functions and procedures of {@code schemas} as the introspector reads them (extension members left out). */
  public static List<dev.sluice.schema.model.FunctionModel> functions(Connection c, List<String> schemas, int serverVersion)
      throws SQLException {
    return new FunctionKind().introspect(c, schemas, serverVersion);
  }

  /** {@code ", 9 function(s), 1 aggregate(s)"}: the count of each unit kind {@code m} holds any of, or an empty string. */
  public static String counts(SchemaModel m) {
    StringBuilder sb = new StringBuilder();
    for (ObjectKind<?> k : Kinds.ALL) {
      int n = k.of(m).size();
      if (n > 0) sb.append(", ").append(n).append(' ').append(k.label()).append(k.label().endsWith("s") ? "" : "(s)");
    }
    return sb.toString();
  }

  /** What the Java generator offers a kind writing a declaration. */
  public interface JavaContext {
    /** The simple name of class {@code fqcn}, imported. */
    String use(String fqcn);

    /** A Java string literal, or {@code null}. */
    String string(String s);

    /** A Java expression for long text (a text block where it reads better). */
    String text(String s);

    /** The expression of namespace {@code schema} ({@code Namespace.PUBLIC} for public). */
    String namespace(String schema);

    /** The expression of the table or view constant {@code schema.name}, or null when the model has none. */
    String relation(String schema, String name);

    /** The constant declaring the object of {@code key} ({@code function:} signature), or null. */
    String function(String signature);

    /** {@code head} followed by {@code calls}, wrapped as the generator wraps builder chains. */
    String chain(String head, List<String> calls);
  }

  /** One holder constant: its Java type, a name to start from, its initializer. */
  public record JavaDeclaration(String kind, String key, String type, String baseName, String expression) {}

  /**
   * The declarations of every unit-kind object of {@code m}, in dependency order (functions before
   * the triggers that execute them). {@code ctx.function} must know a function once its
   * declaration has been returned and registered by the caller, so declarations are produced lazily.
   */
  public static List<JavaDeclaration> java(SchemaModel m, JavaContext ctx, java.util.function.Consumer<JavaDeclaration> register) {
    List<JavaDeclaration> out = new ArrayList<>();
    for (ObjectKind<?> k : Kinds.ALL) declare(k, m, ctx, register, out);
    return out;
  }

  private static <M> void declare(ObjectKind<M> k, SchemaModel m, JavaContext ctx,
      java.util.function.Consumer<JavaDeclaration> register, List<JavaDeclaration> out) {
    for (M item : k.of(m)) {
      JavaDeclaration d = new JavaDeclaration(k.label(), k.key(item), k.javaType(), k.javaName(item), k.java(item, ctx));
      register.accept(d);
      out.add(d);
    }
  }
}
