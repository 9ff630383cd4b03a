package dev.sluice.schema.model;

import java.util.List;
import java.util.Objects;

/**
 * A function or procedure: {@code CREATE FUNCTION schema.name(args) RETURNS type LANGUAGE lang ... AS body}.
 *
 * <p>Its identity is {@link #signature()}: schema, name and the types of its input arguments
 * (PostgreSQL's overloading rule); two functions may share a name with different input types.
 *
 * @param procedure {@code CREATE PROCEDURE} (no return type, no volatility)
 * @param arguments arguments in declaration order, {@code RETURNS TABLE} columns excluded
 * @param returns the result as PostgreSQL prints it ({@code pg_get_function_result}): {@code integer},
 *     {@code SETOF text}, {@code TABLE(id integer, name text)}, {@code trigger}, {@code void}; null
 *     for a procedure
 * @param language {@code sql}, {@code plpgsql}, or any installed language
 * @param body the source ({@code prosrc}) as written, or the SQL-standard body
 *     ({@code BEGIN ATOMIC ... END} / {@code RETURN expr}) as PostgreSQL prints it when {@code atomic}
 * @param atomic the body is SQL-standard (parsed and dependency-tracked at creation), not a string
 * @param cost estimated cost; null for the language default (1 for C and internal, 100 otherwise)
 * @param rows estimated rows of a set-returning function; null for the default (1000)
 * @param config {@code SET name = value} entries as PostgreSQL stores them ({@code search_path=public, pg_temp}), sorted
 * @param executeGrantees roles with EXECUTE besides the owner, sorted; PostgreSQL's default is {@code [PUBLIC]}
 */
public record FunctionModel(String schema, String name, boolean procedure, List<Argument> arguments, String returns,
    String language, String body, boolean atomic, Volatility volatility, boolean strict, boolean securityDefiner,
    boolean leakproof, Parallel parallel, Double cost, Double rows, List<String> config, String comment,
    List<String> executeGrantees) {

  /** What PostgreSQL grants on a new function: EXECUTE to PUBLIC. */
  public static final List<String> DEFAULT_GRANTEES = List.of("PUBLIC");

  public FunctionModel {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    arguments = Models.copy(arguments);
    language = language == null ? "sql" : language;
    volatility = volatility == null ? Volatility.VOLATILE : volatility;
    parallel = parallel == null ? Parallel.UNSAFE : parallel;
    config = Models.sorted(config, s -> s);
    executeGrantees = executeGrantees == null ? DEFAULT_GRANTEES : Models.sorted(executeGrantees, s -> s);
    if (procedure && returns != null) throw new IllegalArgumentException("procedure " + name + " cannot have a return type");
    if (!procedure && returns == null) throw new IllegalArgumentException("function " + name + " has no return type");
  }

  /**
   * The model of an external function (one that belongs to someone else, see
   * {@link SchemaModel#externalFunctions()}): only its arguments, result and volatility are declared,
   * everything else is PostgreSQL's default and there is no body. The DSL and introspection both
   * build external functions here, so the two are equal.
   */
  public static FunctionModel external(String schema, String name, List<Argument> arguments, String returns, Volatility volatility) {
    return new FunctionModel(schema, name, false, arguments, returns, "sql", null, false, volatility, false, false, false,
        Parallel.UNSAFE, null, null, List.of(), null, DEFAULT_GRANTEES);
  }

  /** {@code schema.name(type, type)}: the input argument types (IN, INOUT, VARIADIC), which identify the function. */
  public String signature() {
    return schema + "." + name + "(" + String.join(", ", arguments.stream().filter(Argument::input).map(Argument::type).toList()) + ")";
  }

  /** An argument: {@code [mode] [name] type [DEFAULT expr]}. */
  public record Argument(Mode mode, String name, String type, String defaultExpr) {
    public Argument {
      mode = mode == null ? Mode.IN : mode;
      Objects.requireNonNull(type, "type");
    }

    /** An IN argument. */
    public static Argument in(String name, String type) {
      return new Argument(Mode.IN, name, type, null);
    }

    /** Whether the argument is part of the call signature (IN, INOUT, VARIADIC). */
    public boolean input() {
      return mode != Mode.OUT;
    }
  }

  /** Argument mode. */
  public enum Mode { IN, OUT, INOUT, VARIADIC }

  /** {@code IMMUTABLE | STABLE | VOLATILE}. */
  public enum Volatility { IMMUTABLE, STABLE, VOLATILE }

  /** {@code PARALLEL SAFE | RESTRICTED | UNSAFE}. */
  public enum Parallel { SAFE, RESTRICTED, UNSAFE }
}
