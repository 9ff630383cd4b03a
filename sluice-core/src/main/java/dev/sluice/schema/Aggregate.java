package dev.sluice.schema;

import dev.sluice.schema.model.AggregateModel;
import dev.sluice.schema.model.AggregateModel.Kind;
import dev.sluice.schema.model.AggregateModel.Modify;
import dev.sluice.schema.model.AggregateModel.Moving;
import dev.sluice.schema.model.FunctionModel;
import dev.sluice.schema.model.FunctionModel.Argument;
import dev.sluice.schema.model.FunctionModel.Mode;
import dev.sluice.schema.model.FunctionModel.Parallel;
import dev.sluice.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A user-defined aggregate, listed in {@link Schema#of(Object...)} like a table (the
 * {@link Function}s it is built from come with it):
 *
 * <pre>{@code
 * Function sfunc = Function.sql("_group_concat").arg("a", "text").arg("b", "text").returns("text").immutable()
 *     .body("select case when a is null then b when b is null then a else a || ', ' || b end");
 * Aggregate.of("group_concat").arg("text").stateFunction(sfunc).stateType("text");
 * }</pre>
 *
 * Created before the views, policies and indexes that call it, dropped after them; a changed
 * definition is {@code CREATE OR REPLACE AGGREGATE} when the state type and final function stay, else
 * the aggregate (and what calls it) is dropped and created again.
 *
 * <p>An ordered-set aggregate takes its aggregated arguments with {@link #orderBy(String, String)} (the
 * {@link #arg(String, String)}s are then its direct arguments), a hypothetical-set one adds {@link #hypothetical()}:
 *
 * <pre>{@code
 * Aggregate.of("percentile").arg("fraction", "double precision").orderBy("integer")
 *     .stateFunction(push).stateType("integer[]").finalFunction(pick).finalExtra().initialCondition("{}");
 * // called as: percentile(0.5) WITHIN GROUP (ORDER BY n)
 * }</pre>
 *
 * The moving-aggregate mode is {@link #movingState(Function, Function, String)} and the {@code moving...} options,
 * {@code SORTOP} is {@link #sortOperator(String)}, and {@code EXECUTE} is granted and revoked as for a {@link Function}.
 */
public final class Aggregate {
  private final String schema;
  private final String name;
  private final List<Argument> arguments = new ArrayList<>();
  private final List<Argument> orderedArguments = new ArrayList<>();
  private final List<Function> functions = new ArrayList<>();
  private final List<String> grantees = new ArrayList<>(FunctionModel.DEFAULT_GRANTEES);
  private boolean hypothetical;
  private String sortOperator;
  private String movingStateFunction;
  private String movingInverseFunction;
  private String movingStateType;
  private Integer movingStateSpace;
  private String movingFinalFunction;
  private boolean movingFinalExtra;
  private Modify movingFinalModify;
  private String movingInitialCondition;
  private String stateFunction;
  private String stateType;
  private Integer stateSpace;
  private String finalFunction;
  private boolean finalExtra;
  private Modify finalModify;
  private String combineFunction;
  private String serialFunction;
  private String deserialFunction;
  private String initialCondition;
  private Parallel parallel = Parallel.UNSAFE;
  private String comment;

  private Aggregate(String schema, String name) {
    Identifiers.check(name);
    this.schema = Objects.requireNonNull(schema, "schema");
    this.name = name;
  }

  /** An aggregate in {@code public}. */
  public static Aggregate of(String name) {
    return new Aggregate("public", name);
  }

  /** An aggregate in {@code namespace}'s schema. */
  public static Aggregate of(Namespace namespace, String name) {
    return new Aggregate(namespace.schema(), name);
  }

  /** An unnamed input argument of a type given as SQL ({@code text}, {@code numeric}, {@code anyelement}). */
  public Aggregate arg(String sqlType) {
    return arg(null, sqlType);
  }

  /** A named input argument. */
  public Aggregate arg(String argName, String sqlType) {
    if (argName != null) Identifiers.check(argName);
    arguments.add(new Argument(Mode.IN, argName, Objects.requireNonNull(sqlType, "sqlType"), null));
    return this;
  }

  /** A {@code VARIADIC} last argument ({@code "any"} or an array type); {@code argName} may be null. */
  public Aggregate variadic(String argName, String sqlType) {
    if (argName != null) Identifiers.check(argName);
    arguments.add(new Argument(Mode.VARIADIC, argName, Objects.requireNonNull(sqlType, "sqlType"), null));
    return this;
  }

  /**
   * An aggregated argument of an ordered-set aggregate ({@code ORDER BY sqlType}): the aggregate is then
   * ordered-set and the {@link #arg(String, String)} arguments are its direct ones; {@code argName} may be null.
   */
  public Aggregate orderBy(String argName, String sqlType) {
    if (argName != null) Identifiers.check(argName);
    orderedArguments.add(new Argument(Mode.IN, argName, Objects.requireNonNull(sqlType, "sqlType"), null));
    return this;
  }

  /** An unnamed aggregated argument of an ordered-set aggregate. */
  public Aggregate orderBy(String sqlType) {
    return orderBy(null, sqlType);
  }

  /**
   * A {@code VARIADIC} last aggregated argument of an ordered-set aggregate. After a {@link #variadic(String, String)}
   * direct argument of the same type ({@code VARIADIC "any" ORDER BY VARIADIC "any"}) the two are one argument, as in PostgreSQL.
   */
  public Aggregate orderByVariadic(String argName, String sqlType) {
    if (argName != null) Identifiers.check(argName);
    orderedArguments.add(new Argument(Mode.VARIADIC, argName, Objects.requireNonNull(sqlType, "sqlType"), null));
    return this;
  }

  /** {@code HYPOTHETICAL}: an ordered-set aggregate whose last direct arguments are a hypothetical row (as {@code rank}). */
  public Aggregate hypothetical() {
    hypothetical = true;
    return this;
  }

  /** {@code SFUNC}: the state transition function, declared in the same schema definition. */
  public Aggregate stateFunction(Function f) {
    stateFunction = use(f);
    return this;
  }

  /** {@code SFUNC} by name ({@code int4pl}, {@code public.f}), for a function declared elsewhere. */
  public Aggregate stateFunction(String qualifiedName) {
    stateFunction = Objects.requireNonNull(qualifiedName, "qualifiedName");
    return this;
  }

  /** {@code STYPE}, as SQL. */
  public Aggregate stateType(String sqlType) {
    stateType = Objects.requireNonNull(sqlType, "sqlType");
    return this;
  }

  /** {@code SSPACE}: the average state size in bytes, a planner hint. */
  public Aggregate stateSpace(int bytes) {
    stateSpace = bytes;
    return this;
  }

  /** {@code FINALFUNC}. */
  public Aggregate finalFunction(Function f) {
    finalFunction = use(f);
    return this;
  }

  /** {@code FINALFUNC} by name. */
  public Aggregate finalFunction(String qualifiedName) {
    finalFunction = Objects.requireNonNull(qualifiedName, "qualifiedName");
    return this;
  }

  /** {@code FINALFUNC_EXTRA}: the final function also receives the aggregate's arguments (as nulls). */
  public Aggregate finalExtra() {
    finalExtra = true;
    return this;
  }

  /** {@code FINALFUNC_MODIFY}. */
  public Aggregate finalModify(Modify modify) {
    finalModify = Objects.requireNonNull(modify, "modify");
    return this;
  }

  /** {@code COMBINEFUNC} (partial aggregation). */
  public Aggregate combineFunction(Function f) {
    combineFunction = use(f);
    return this;
  }

  /** {@code COMBINEFUNC} by name. */
  public Aggregate combineFunction(String qualifiedName) {
    combineFunction = Objects.requireNonNull(qualifiedName, "qualifiedName");
    return this;
  }

  /** {@code SERIALFUNC} and {@code DESERIALFUNC} (for an {@code internal} state in parallel plans), by name. */
  public Aggregate serialization(String serialFunction, String deserialFunction) {
    this.serialFunction = Objects.requireNonNull(serialFunction, "serialFunction");
    this.deserialFunction = Objects.requireNonNull(deserialFunction, "deserialFunction");
    return this;
  }

  /** {@code SERIALFUNC} and {@code DESERIALFUNC}, declared in the same schema definition. */
  public Aggregate serialization(Function serialFunction, Function deserialFunction) {
    this.serialFunction = use(serialFunction);
    this.deserialFunction = use(deserialFunction);
    return this;
  }

  /** {@code INITCOND}: the state's initial value, as the text PostgreSQL would read for the state type. */
  public Aggregate initialCondition(String text) {
    initialCondition = Objects.requireNonNull(text, "text");
    return this;
  }

  /** {@code PARALLEL SAFE | RESTRICTED | UNSAFE}. */
  public Aggregate parallel(Parallel p) {
    parallel = Objects.requireNonNull(p, "parallel");
    return this;
  }

  /**
   * {@code MSFUNC}, {@code MINVFUNC} and {@code MSTYPE}: the moving-aggregate mode, which a moving window frame
   * uses to remove rows from the state with the inverse function instead of aggregating the frame again.
   */
  public Aggregate movingState(Function stateFunction, Function inverseFunction, String sqlType) {
    movingStateFunction = use(stateFunction);
    movingInverseFunction = use(inverseFunction);
    movingStateType = Objects.requireNonNull(sqlType, "sqlType");
    return this;
  }

  /** {@code MSFUNC}, {@code MINVFUNC} and {@code MSTYPE} with the functions by name ({@code int4pl}, {@code public.f}). */
  public Aggregate movingState(String stateFunction, String inverseFunction, String sqlType) {
    movingStateFunction = Objects.requireNonNull(stateFunction, "stateFunction");
    movingInverseFunction = Objects.requireNonNull(inverseFunction, "inverseFunction");
    movingStateType = Objects.requireNonNull(sqlType, "sqlType");
    return this;
  }

  /** {@code MSSPACE}. */
  public Aggregate movingStateSpace(int bytes) {
    movingStateSpace = bytes;
    return this;
  }

  /** {@code MFINALFUNC}. */
  public Aggregate movingFinalFunction(Function f) {
    movingFinalFunction = use(f);
    return this;
  }

  /** {@code MFINALFUNC} by name. */
  public Aggregate movingFinalFunction(String qualifiedName) {
    movingFinalFunction = Objects.requireNonNull(qualifiedName, "qualifiedName");
    return this;
  }

  /** {@code MFINALFUNC_EXTRA}. */
  public Aggregate movingFinalExtra() {
    movingFinalExtra = true;
    return this;
  }

  /** {@code MFINALFUNC_MODIFY}. */
  public Aggregate movingFinalModify(Modify modify) {
    movingFinalModify = Objects.requireNonNull(modify, "modify");
    return this;
  }

  /** {@code MINITCOND}: the moving state's initial value as text. */
  public Aggregate movingInitialCondition(String text) {
    movingInitialCondition = Objects.requireNonNull(text, "text");
    return this;
  }

  /**
   * {@code SORTOP}: the sort operator ({@code <} for a min-like, {@code >} for a max-like aggregate) that lets
   * the planner use an index instead of aggregating; an unqualified operator is pg_catalog's ({@code public.<} otherwise).
   */
  public Aggregate sortOperator(String operator) {
    Objects.requireNonNull(operator, "operator");
    if (operator.isBlank() || operator.indexOf(')') >= 0 || operator.indexOf(';') >= 0) {
      throw new SchemaDefinitionException("aggregate " + schema + "." + name + ": sort operator " + operator + " is not an operator name");
    }
    sortOperator = operator.contains(".") ? operator.strip() : "pg_catalog." + operator.strip();
    return this;
  }

  /** {@code COMMENT ON AGGREGATE}. */
  public Aggregate comment(String text) {
    comment = text;
    return this;
  }

  /** {@code GRANT EXECUTE ON FUNCTION ... TO role} for each role. */
  public Aggregate grantExecute(String... roles) {
    for (String r : roles) if (!grantees.contains(r)) grantees.add(r);
    return this;
  }

  /** {@code REVOKE EXECUTE ... FROM PUBLIC}: only the owner and the granted roles may call it. */
  public Aggregate revokeExecuteFromPublic() {
    grantees.remove("PUBLIC");
    return this;
  }

  private String use(Function f) {
    Objects.requireNonNull(f, "function");
    if (!functions.contains(f)) functions.add(f);
    return Identifiers.qualify(f.schema(), f.name());
  }

  /** The schema. */
  public String schema() {
    return schema;
  }

  /** The name. */
  public String name() {
    return name;
  }

  /** The functions given as {@link Function}s, which {@link Schema} declares with the aggregate. */
  public List<Function> functions() {
    return List.copyOf(functions);
  }

  /** The model of this aggregate. */
  public AggregateModel toModel() {
    if (stateFunction == null || stateType == null) {
      throw new SchemaDefinitionException("aggregate " + schema + "." + name + " needs stateFunction(...) and stateType(...)");
    }
    if (hypothetical && orderedArguments.isEmpty()) {
      throw new SchemaDefinitionException("aggregate " + schema + "." + name + " is hypothetical but has no orderBy(...) argument");
    }
    Kind kind = orderedArguments.isEmpty() ? Kind.NORMAL : hypothetical ? Kind.HYPOTHETICAL : Kind.ORDERED_SET;
    List<Argument> all = new ArrayList<>(arguments);
    List<Argument> ordered = orderedArguments;
    if (!arguments.isEmpty() && ordered.size() == 1) {
      Argument lastDirect = arguments.get(arguments.size() - 1);
      Argument only = ordered.get(0);
      if (lastDirect.mode() == Mode.VARIADIC && only.mode() == Mode.VARIADIC && lastDirect.type().equals(only.type())) {
        ordered = List.of(); // PostgreSQL keeps VARIADIC x ORDER BY VARIADIC x as one argument
      }
    }
    all.addAll(ordered);
    Moving moving = null;
    if (movingStateFunction != null) {
      moving = new Moving(movingStateFunction, movingInverseFunction, movingStateType, movingStateSpace, movingFinalFunction,
          movingFinalExtra, movingFinalModify, movingInitialCondition);
    } else if (movingFinalFunction != null || movingFinalExtra || movingFinalModify != null || movingStateSpace != null
        || movingInitialCondition != null) {
      throw new SchemaDefinitionException("aggregate " + schema + "." + name + " has moving-mode options but no movingState(...)");
    }
    return new AggregateModel(schema, name, all, stateFunction, stateType, stateSpace, finalFunction, finalExtra,
        finalModify, combineFunction, serialFunction, deserialFunction, initialCondition, parallel, comment, kind,
        kind == Kind.NORMAL ? 0 : arguments.size(), sortOperator, moving, grantees);
  }

  @Override
  public String toString() {
    return "aggregate " + schema + "." + name;
  }
}
