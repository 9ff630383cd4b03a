package dev.sluice.schema.model;

import dev.sluice.schema.model.FunctionModel.Argument;
import dev.sluice.schema.model.FunctionModel.Parallel;
import java.util.List;
import java.util.Objects;

/**
 * An aggregate: {@code CREATE AGGREGATE schema.name(args) (SFUNC = ..., STYPE = ..., ...)}, normal,
 * ordered-set ({@code name(direct ORDER BY aggregated)}, called {@code WITHIN GROUP}) or hypothetical-set,
 * with its optional moving-aggregate mode, {@code SORTOP} and {@code EXECUTE} grants.
 *
 * <p>Its identity is {@link #signature()}, as for a function. Function names are as PostgreSQL
 * prints a {@code regproc} with an empty search_path: schema-qualified ({@code public._group_concat})
 * except for {@code pg_catalog} ({@code int4pl}).
 *
 * @param arguments input arguments (IN or VARIADIC, no defaults), the direct ones first; empty for {@code agg(*)}.
 *     A variadic ordered-set aggregate written {@code (VARIADIC "any" ORDER BY VARIADIC "any")} has the one argument
 *     PostgreSQL keeps, which is both the last direct and the aggregated argument
 * @param stateFunction {@code SFUNC}
 * @param stateType {@code STYPE} as {@code format_type} prints it
 * @param stateSpace {@code SSPACE}, or null for the default
 * @param finalFunction {@code FINALFUNC}, or null
 * @param finalExtra {@code FINALFUNC_EXTRA}
 * @param finalModify {@code FINALFUNC_MODIFY}; null reads as the default, {@code READ_ONLY} for a normal
 *     aggregate and {@code READ_WRITE} for an ordered-set or hypothetical one
 * @param combineFunction {@code COMBINEFUNC}, or null
 * @param serialFunction {@code SERIALFUNC}, or null
 * @param deserialFunction {@code DESERIALFUNC}, or null
 * @param initialCondition {@code INITCOND} (the state's initial value as text), or null
 * @param parallel {@code PARALLEL}
 * @param comment {@code COMMENT ON AGGREGATE}, or null
 * @param kind normal, ordered-set or hypothetical-set ({@code HYPOTHETICAL}); null reads as {@link Kind#NORMAL}
 * @param directArguments how many of {@code arguments} are direct arguments (before {@code ORDER BY}); 0 for a normal aggregate
 * @param sortOperator {@code SORTOP} as {@code schema.operator} ({@code pg_catalog.<}), or null
 * @param moving the moving-aggregate mode ({@code MSFUNC}, {@code MINVFUNC}, ...), or null
 * @param executeGrantees roles with EXECUTE besides the owner, sorted; null reads as PostgreSQL's default {@code [PUBLIC]}
 */
public record AggregateModel(String schema, String name, List<Argument> arguments, String stateFunction, String stateType,
    Integer stateSpace, String finalFunction, boolean finalExtra, Modify finalModify, String combineFunction,
    String serialFunction, String deserialFunction, String initialCondition, Parallel parallel, String comment,
    Kind kind, int directArguments, String sortOperator, Moving moving, List<String> executeGrantees) {

  public AggregateModel {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(stateFunction, "stateFunction");
    Objects.requireNonNull(stateType, "stateType");
    arguments = Models.copy(arguments);
    kind = kind == null ? Kind.NORMAL : kind;
    finalModify = finalModify == null ? kind.defaultModify() : finalModify;
    parallel = parallel == null ? Parallel.UNSAFE : parallel;
    if (moving != null && moving.finalModify() == null) moving = moving.withFinalModify(kind.defaultModify());
    executeGrantees = executeGrantees == null ? FunctionModel.DEFAULT_GRANTEES : Models.sorted(executeGrantees, s -> s);
    if (kind == Kind.NORMAL && directArguments != 0) {
      throw new IllegalArgumentException("aggregate " + name + " is not ordered-set but has " + directArguments + " direct argument(s)");
    }
    if (kind != Kind.NORMAL && (arguments.isEmpty() || directArguments < 0 || directArguments > arguments.size())) {
      throw new IllegalArgumentException("ordered-set aggregate " + name + " needs aggregated (ORDER BY) arguments and at most "
          + arguments.size() + " direct argument(s), not " + directArguments);
    }
  }

  /** A normal aggregate without moving mode, {@code SORTOP} or grants (the model before those were held). */
  public AggregateModel(String schema, String name, List<Argument> arguments, String stateFunction, String stateType,
      Integer stateSpace, String finalFunction, boolean finalExtra, Modify finalModify, String combineFunction,
      String serialFunction, String deserialFunction, String initialCondition, Parallel parallel, String comment) {
    this(schema, name, arguments, stateFunction, stateType, stateSpace, finalFunction, finalExtra, finalModify, combineFunction,
        serialFunction, deserialFunction, initialCondition, parallel, comment, Kind.NORMAL, 0, null, null, null);
  }

  /** {@code schema.name(type, type)}: the input argument types, which identify the aggregate. */
  public String signature() {
    return schema + "." + name + "(" + String.join(", ", arguments.stream().map(Argument::type).toList()) + ")";
  }

  /** The direct arguments (before {@code ORDER BY}); empty for a normal aggregate. */
  public List<Argument> directArgumentList() {
    return arguments.subList(0, directArguments);
  }

  /**
   * The aggregated arguments, those the state function receives: all of them for a normal aggregate,
   * those after {@code ORDER BY} for an ordered-set one (the variadic last one when it is both).
   */
  public List<Argument> aggregatedArguments() {
    if (kind == Kind.NORMAL) return arguments;
    if (directArguments == arguments.size()) return arguments.subList(arguments.size() - 1, arguments.size());
    return arguments.subList(directArguments, arguments.size());
  }

  /** This aggregate in another schema. */
  public AggregateModel withSchema(String newSchema) {
    return new AggregateModel(newSchema, name, arguments, stateFunction, stateType, stateSpace, finalFunction, finalExtra,
        finalModify, combineFunction, serialFunction, deserialFunction, initialCondition, parallel, comment, kind,
        directArguments, sortOperator, moving, executeGrantees);
  }

  /** This aggregate with another comment. */
  public AggregateModel withComment(String newComment) {
    return new AggregateModel(schema, name, arguments, stateFunction, stateType, stateSpace, finalFunction, finalExtra,
        finalModify, combineFunction, serialFunction, deserialFunction, initialCondition, parallel, newComment, kind,
        directArguments, sortOperator, moving, executeGrantees);
  }

  /** This aggregate with other EXECUTE grantees. */
  public AggregateModel withExecuteGrantees(List<String> grantees) {
    return new AggregateModel(schema, name, arguments, stateFunction, stateType, stateSpace, finalFunction, finalExtra,
        finalModify, combineFunction, serialFunction, deserialFunction, initialCondition, parallel, comment, kind,
        directArguments, sortOperator, moving, grantees);
  }

  /** {@code FINALFUNC_MODIFY} (and {@code MFINALFUNC_MODIFY}). */
  public enum Modify { READ_ONLY, SHAREABLE, READ_WRITE }

  /** What an aggregate call looks like: {@code agg(x)}, {@code agg(d) WITHIN GROUP (ORDER BY x)}, or that with {@code HYPOTHETICAL}. */
  public enum Kind {
    /** {@code agg(x)}. */
    NORMAL,
    /** {@code agg(direct) WITHIN GROUP (ORDER BY x)}. */
    ORDERED_SET,
    /** An ordered-set aggregate whose last direct arguments are a hypothetical row ({@code HYPOTHETICAL}). */
    HYPOTHETICAL;

    /** The {@code FINALFUNC_MODIFY} PostgreSQL gives when none is written. */
    public Modify defaultModify() {
      return this == NORMAL ? Modify.READ_ONLY : Modify.READ_WRITE;
    }
  }

  /**
   * The moving-aggregate mode, used for window frames that move.
   *
   * @param stateFunction {@code MSFUNC}
   * @param inverseFunction {@code MINVFUNC}
   * @param stateType {@code MSTYPE} as {@code format_type} prints it
   * @param stateSpace {@code MSSPACE}, or null for the default
   * @param finalFunction {@code MFINALFUNC}, or null
   * @param finalExtra {@code MFINALFUNC_EXTRA}
   * @param finalModify {@code MFINALFUNC_MODIFY}; null takes the aggregate kind's default
   * @param initialCondition {@code MINITCOND}, or null
   */
  public record Moving(String stateFunction, String inverseFunction, String stateType, Integer stateSpace, String finalFunction,
      boolean finalExtra, Modify finalModify, String initialCondition) {
    public Moving {
      Objects.requireNonNull(stateFunction, "stateFunction");
      Objects.requireNonNull(inverseFunction, "inverseFunction");
      Objects.requireNonNull(stateType, "stateType");
    }

    Moving withFinalModify(Modify m) {
      return new Moving(stateFunction, inverseFunction, stateType, stateSpace, finalFunction, finalExtra, m, initialCondition);
    }
  }
}
