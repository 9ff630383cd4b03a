package dev.sluice.schema.model;

import dev.sluice.schema.model.FunctionModel.Argument;
import dev.sluice.schema.model.FunctionModel.Parallel;
import java.util.List;
import java.util.Objects;

/**
 * A (normal) aggregate: {@code CREATE AGGREGATE schema.name(args) (SFUNC = ..., STYPE = ..., ...)}.
 * Ordered-set and hypothetical aggregates, moving-aggregate mode, {@code SORTOP} and aggregates
 * with grants are not modelled (they are listed as unmodelled objects instead).
 *
 * <p>Its identity is {@link #signature()}, as for a function. Function names are as PostgreSQL
 * prints a {@code regproc} with an empty search_path: schema-qualified ({@code public._group_concat})
 * except for {@code pg_catalog} ({@code int4pl}).
 *
 * @param arguments input arguments (IN or VARIADIC, no defaults); empty for {@code agg(*)}
 * @param stateFunction {@code SFUNC}
 * @param stateType {@code STYPE} as {@code format_type} prints it
 * @param stateSpace {@code SSPACE}, or null for the default
 * @param finalFunction {@code FINALFUNC}, or null
 * @param finalExtra {@code FINALFUNC_EXTRA}
 * @param finalModify {@code FINALFUNC_MODIFY}; {@code READ_ONLY} is the default
 * @param combineFunction {@code COMBINEFUNC}, or null
 * @param serialFunction {@code SERIALFUNC}, or null
 * @param deserialFunction {@code DESERIALFUNC}, or null
 * @param initialCondition {@code INITCOND} (the state's initial value as text), or null
 * @param parallel {@code PARALLEL}
 * @param comment {@code COMMENT ON AGGREGATE}, or null
 */
public record AggregateModel(String schema, String name, List<Argument> arguments, String stateFunction, String stateType,
    Integer stateSpace, String finalFunction, boolean finalExtra, Modify finalModify, String combineFunction,
    String serialFunction, String deserialFunction, String initialCondition, Parallel parallel, String comment) {

  public AggregateModel {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(stateFunction, "stateFunction");
    Objects.requireNonNull(stateType, "stateType");
    arguments = Models.copy(arguments);
    finalModify = finalModify == null ? Modify.READ_ONLY : finalModify;
    parallel = parallel == null ? Parallel.UNSAFE : parallel;
  }

  /** {@code schema.name(type, type)}: the input argument types, which identify the aggregate. */
  public String signature() {
    return schema + "." + name + "(" + String.join(", ", arguments.stream().map(Argument::type).toList()) + ")";
  }

  /** {@code FINALFUNC_MODIFY} (and {@code MFINALFUNC_MODIFY}). */
  public enum Modify { READ_ONLY, SHAREABLE, READ_WRITE }
}
