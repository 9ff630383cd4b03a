package dev.sluice.schema;

import dev.sluice.schema.model.AggregateModel;
import dev.sluice.schema.model.AggregateModel.Modify;
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
 * the aggregate (and what calls it) is dropped and created again. Ordered-set aggregates,
 * moving-aggregate mode and {@code SORTOP} are not supported.
 */
public final class Aggregate {
  private final String schema;
  private final String name;
  private final List<Argument> arguments = new ArrayList<>();
  private final List<Function> functions = new ArrayList<>();
  private String stateFunction;
  private String stateType;
  private Integer stateSpace;
  private String finalFunction;
  private boolean finalExtra;
  private Modify finalModify = Modify.READ_ONLY;
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

  /** {@code COMMENT ON AGGREGATE}. */
  public Aggregate comment(String text) {
    comment = text;
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
    return new AggregateModel(schema, name, arguments, stateFunction, stateType, stateSpace, finalFunction, finalExtra,
        finalModify, combineFunction, serialFunction, deserialFunction, initialCondition, parallel, comment);
  }

  @Override
  public String toString() {
    return "aggregate " + schema + "." + name;
  }
}
