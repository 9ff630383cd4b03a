package dev.sluice.schema;

import dev.sluice.schema.model.FunctionModel;
import dev.sluice.schema.model.FunctionModel.Argument;
import dev.sluice.schema.model.FunctionModel.Mode;
import dev.sluice.schema.model.FunctionModel.Parallel;
import dev.sluice.schema.model.FunctionModel.Volatility;
import dev.sluice.sql.Identifiers;
import dev.sluice.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A function or procedure, as first-class as a table: listed in {@link Schema#of(Object...)},
 * created, diffed ({@code CREATE OR REPLACE} where PostgreSQL allows it), pulled and snapshotted.
 *
 * <pre>{@code
 * Function.sql("add_one").arg("a", PgTypes.INTEGER).returns(PgTypes.INTEGER).immutable().body("select a + 1");
 * Function.plpgsql("touch").returnsTrigger().body("begin new.updated_at := now(); return new; end");
 * }</pre>
 *
 * Bodies are kept as written; a live database is compared through a shadow database, so both sides
 * are PostgreSQL's stored text. SQL-language bodies are created with {@code check_function_bodies = off}
 * (as pg_dump does), so they may name tables created later in the same migration.
 */
public final class Function {
  private final String schema;
  private final String name;
  private final String language;
  private final boolean procedure;
  private final List<Argument> arguments = new ArrayList<>();
  private String returns;
  private String body;
  private boolean atomic;
  private Volatility volatility = Volatility.VOLATILE;
  private boolean strict;
  private boolean securityDefiner;
  private boolean leakproof;
  private Parallel parallel = Parallel.UNSAFE;
  private Double cost;
  private Double rows;
  private final List<String> config = new ArrayList<>();
  private String comment;
  private final List<String> grantees = new ArrayList<>(FunctionModel.DEFAULT_GRANTEES);
  private boolean external;

  private Function(String schema, String name, String language, boolean procedure) {
    Identifiers.check(name);
    this.schema = Objects.requireNonNull(schema, "schema");
    this.name = name;
    this.language = Objects.requireNonNull(language, "language");
    this.procedure = procedure;
  }

  /**
   * A function that belongs to someone else, declared in place: Supabase's {@code auth.uid()} is
   * {@code Function.external("auth", "uid").returns("uuid").stable()}. Policies, defaults, checks and
   * views may call it (in their SQL text); generate, push and diff never create, replace or drop it
   * (nor its schema), and the push shadow database stubs it with the declared arguments, result and
   * volatility, which are all an external function declares (no body, no other attribute).
   */
  public static Function external(String schema, String name) {
    Function f = new Function(Namespace.of(schema).schema(), name, "sql", false);
    f.external = true;
    return f;
  }

  /** True when the function was declared {@link #external(String, String)}. */
  public boolean isExternal() {
    return external;
  }

  /** A {@code LANGUAGE sql} function in {@code public}. */
  public static Function sql(String name) {
    return new Function("public", name, "sql", false);
  }

  /** A {@code LANGUAGE sql} function in {@code namespace}'s schema (the table prefix does not apply). */
  public static Function sql(Namespace namespace, String name) {
    return new Function(namespace.schema(), name, "sql", false);
  }

  /** A {@code LANGUAGE plpgsql} function in {@code public}. */
  public static Function plpgsql(String name) {
    return new Function("public", name, "plpgsql", false);
  }

  /** A {@code LANGUAGE plpgsql} function in {@code namespace}'s schema. */
  public static Function plpgsql(Namespace namespace, String name) {
    return new Function(namespace.schema(), name, "plpgsql", false);
  }

  /** A function in any installed language ({@code plv8}, {@code plpython3u}, ...). */
  public static Function language(String language, Namespace namespace, String name) {
    return new Function(namespace.schema(), name, language, false);
  }

  /** {@code CREATE PROCEDURE} in {@code language} (called with {@code CALL}; may commit). */
  public static Function procedure(String language, Namespace namespace, String name) {
    return new Function(namespace.schema(), name, language, true);
  }

  /** {@code CREATE PROCEDURE} in {@code public}. */
  public static Function procedure(String language, String name) {
    return procedure(language, Namespace.PUBLIC, name);
  }

  /** An IN argument. */
  public Function arg(String argName, DataType<?> type) {
    return arg(Mode.IN, argName, type.sqlName(), null);
  }

  /** An IN argument of a type given as SQL ({@code numeric(10,2)}, {@code public.mood}, {@code text[]}). */
  public Function arg(String argName, String sqlType) {
    return arg(Mode.IN, argName, sqlType, null);
  }

  /** An IN argument with a default ({@code DEFAULT expr}); every later input argument needs one too. */
  public Function arg(String argName, String sqlType, String defaultExpr) {
    return arg(Mode.IN, argName, sqlType, defaultExpr);
  }

  /** An argument with every option; {@code argName} may be null (unnamed). */
  public Function arg(Mode mode, String argName, String sqlType, String defaultExpr) {
    if (argName != null) Identifiers.check(argName);
    arguments.add(new Argument(mode, argName, sqlType, defaultExpr));
    return this;
  }

  /** An OUT argument (the result becomes this type, or {@code record} for several). */
  public Function out(String argName, String sqlType) {
    return arg(Mode.OUT, argName, sqlType, null);
  }

  /** An INOUT argument. */
  public Function inout(String argName, String sqlType) {
    return arg(Mode.INOUT, argName, sqlType, null);
  }

  /** A VARIADIC argument (an array type). */
  public Function variadic(String argName, String sqlArrayType) {
    return arg(Mode.VARIADIC, argName, sqlArrayType, null);
  }

  /** {@code RETURNS type}. */
  public Function returns(DataType<?> type) {
    return returns(type.sqlName());
  }

  /** {@code RETURNS ...} as SQL: {@code integer}, {@code SETOF public.users}, {@code TABLE(id integer)}. */
  public Function returns(String sql) {
    if (procedure) throw new SchemaDefinitionException("procedure " + name + " cannot have a return type");
    returns = Objects.requireNonNull(sql, "returns");
    return this;
  }

  /** {@code RETURNS SETOF type}. */
  public Function returnsSetOf(String sqlType) {
    return returns("SETOF " + sqlType);
  }

  /** {@code RETURNS TABLE(columns)}, e.g. {@code returnsTable("id integer, name text")}. */
  public Function returnsTable(String columns) {
    return returns("TABLE(" + columns + ")");
  }

  /** {@code RETURNS trigger}: a trigger function (no arguments; reads TG_ARGV). */
  public Function returnsTrigger() {
    return returns("trigger");
  }

  /** {@code RETURNS void}. */
  public Function returnsVoid() {
    return returns("void");
  }

  /** The body (for {@code AS $$...$$}), kept as written. */
  public Function body(String source) {
    refuseOnExternal("a body");
    body = Objects.requireNonNull(source, "body");
    atomic = false;
    return this;
  }

  /**
   * A SQL-standard body, {@code RETURN expr} or {@code BEGIN ATOMIC ... END} (PostgreSQL 14+): parsed
   * and dependency-tracked at creation, so the tables it reads must exist first.
   */
  public Function atomicBody(String sql) {
    refuseOnExternal("a body");
    if (!language.equals("sql")) throw new SchemaDefinitionException("function " + name + ": only LANGUAGE sql has SQL-standard bodies");
    body = Objects.requireNonNull(sql, "body");
    atomic = true;
    return this;
  }

  /** {@code IMMUTABLE}. */
  public Function immutable() {
    volatility = Volatility.IMMUTABLE;
    return this;
  }

  /** {@code STABLE}. */
  public Function stable() {
    volatility = Volatility.STABLE;
    return this;
  }

  /** {@code IMMUTABLE | STABLE | VOLATILE}. */
  public Function volatility(Volatility v) {
    volatility = Objects.requireNonNull(v, "volatility");
    return this;
  }

  /** {@code STRICT} (returns null on null input). */
  public Function strict() {
    strict = true;
    return this;
  }

  /** {@code SECURITY DEFINER}: runs with the owner's privileges; pair it with {@link #searchPath(String...)}. */
  public Function securityDefiner() {
    securityDefiner = true;
    return this;
  }

  /** {@code LEAKPROOF} (superuser only). */
  public Function leakproof() {
    leakproof = true;
    return this;
  }

  /** {@code PARALLEL SAFE | RESTRICTED | UNSAFE}. */
  public Function parallel(Parallel p) {
    parallel = Objects.requireNonNull(p, "parallel");
    return this;
  }

  /** {@code COST n}. */
  public Function cost(double value) {
    cost = value;
    return this;
  }

  /** {@code ROWS n} (set-returning functions). */
  public Function rows(double value) {
    rows = value;
    return this;
  }

  /** {@code SET name = value} while the function runs; {@code value} as PostgreSQL prints it. */
  public Function set(String setting, String value) {
    Identifiers.check(setting);
    config.removeIf(c -> c.startsWith(setting + "="));
    config.add(setting + "=" + value);
    return this;
  }

  /** {@code SET search_path = a, b} (identifiers quoted where needed). */
  public Function searchPath(String... schemas) {
    return set("search_path", String.join(", ", Arrays.stream(schemas).map(Identifiers::quote).toList()));
  }

  /** {@code COMMENT ON FUNCTION}. */
  public Function comment(String text) {
    comment = text;
    return this;
  }

  /** {@code GRANT EXECUTE ... TO role} for each role. */
  public Function grantExecute(String... roles) {
    for (String r : roles) if (!grantees.contains(r)) grantees.add(r);
    return this;
  }

  /** {@code REVOKE EXECUTE ... FROM PUBLIC}: only the owner and the granted roles may call it. */
  public Function revokeExecuteFromPublic() {
    grantees.remove("PUBLIC");
    return this;
  }

  /** The schema. */
  public String schema() {
    return schema;
  }

  /** The name. */
  public String name() {
    return name;
  }

  private void refuseOnExternal(String what) {
    if (external) throw new SchemaDefinitionException("function " + schema + "." + name + " is external: it has no " + what);
  }

  /**
   * The model of this function; for an {@link #isExternal() external} one, only its arguments, result
   * and volatility (language {@code sql}, no body, every other attribute PostgreSQL's default).
   */
  public FunctionModel toModel() {
    if (external) {
      if (returns == null) throw new SchemaDefinitionException("external function " + schema + "." + name + " has no return type: call returns(...)");
      if (strict || securityDefiner || leakproof || parallel != Parallel.UNSAFE || cost != null || rows != null || !config.isEmpty()
          || comment != null || !grantees.equals(FunctionModel.DEFAULT_GRANTEES)) {
        throw new SchemaDefinitionException("external function " + schema + "." + name
            + " declares only its arguments, result and volatility (its other attributes belong to its owner)");
      }
      return FunctionModel.external(schema, name, arguments, returns, volatility);
    }
    if (body == null) throw new SchemaDefinitionException("function " + schema + "." + name + " has no body: call body(...)");
    if (!procedure && returns == null) {
      throw new SchemaDefinitionException("function " + schema + "." + name + " has no return type: call returns(...)");
    }
    return new FunctionModel(schema, name, procedure, arguments, returns, language, body, atomic, volatility, strict,
        securityDefiner, leakproof, parallel, cost, rows, config, comment, grantees);
  }

  @Override
  public String toString() {
    return "function " + schema + "." + name;
  }
}
