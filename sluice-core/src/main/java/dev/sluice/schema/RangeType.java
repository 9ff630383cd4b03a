package dev.sluice.schema;

import dev.sluice.schema.model.RangeTypeModel;
import dev.sluice.sql.Identifiers;
import dev.sluice.types.DataType;
import dev.sluice.types.PgTypes;
import java.util.Objects;

/**
 * A range type ({@code CREATE TYPE ... AS RANGE}), listed in {@link Schema#of(Object...)}; columns of
 * it use {@link #dataType()}:
 *
 * <pre>{@code
 * static final RangeType FLOATRANGE = RangeType.of("floatrange", "double precision").subtypeDiff("float8mi");
 * public final Column<String> span = column("span", FLOATRANGE.dataType());
 * }</pre>
 *
 * Values are read and written as PostgreSQL's text form ({@code [1.5,2.5)}), like any type Sluice has
 * no Java mapping for. PostgreSQL cannot alter a range type: a changed one is dropped and created
 * again while no column stores it, and refused when one does.
 */
public final class RangeType {
  private final String schema;
  private final String name;
  private final String subtype;
  private String opclass;
  private String collation;
  private String canonical;
  private String subtypeDiff;
  private Function subtypeDiffFunction;
  private String multirange;
  private String comment;

  private RangeType(String schema, String name, String subtype) {
    this.schema = Objects.requireNonNull(schema, "schema");
    Identifiers.check(name);
    this.name = name;
    this.subtype = Objects.requireNonNull(subtype, "subtype");
  }

  /** A range type in {@code public} over {@code subtype} (SQL text as {@code format_type} prints it: {@code double precision}). */
  public static RangeType of(String name, String subtype) {
    return new RangeType("public", name, subtype);
  }

  /** A range type in {@code namespace}'s schema. */
  public static RangeType of(Namespace namespace, String name, String subtype) {
    return new RangeType(namespace.schema(), name, subtype);
  }

  /** A range type over {@code subtype}'s SQL type. */
  public static RangeType of(Namespace namespace, String name, DataType<?> subtype) {
    return new RangeType(namespace.schema(), name, subtype.sqlName());
  }

  /** {@code SUBTYPE_OPCLASS}: a b-tree operator class other than the subtype's default ({@code schema.name}). */
  public RangeType subtypeOpclass(String opclassName) {
    opclass = opclassName;
    return this;
  }

  /** {@code COLLATION}: a collation other than the (collatable) subtype's default. */
  public RangeType collation(String collationReference) {
    collation = collationReference;
    return this;
  }

  /** {@code COLLATION} of a declared collation. */
  public RangeType collation(Collation c) {
    return collation(c.reference());
  }

  /** {@code CANONICAL}: the canonical function ({@code schema.name}; PostgreSQL requires it written in C). */
  public RangeType canonical(String function) {
    canonical = function;
    return this;
  }

  /** {@code SUBTYPE_DIFF}: a function {@code (subtype, subtype) -> double precision} ({@code float8mi}, {@code schema.name}). */
  public RangeType subtypeDiff(String function) {
    subtypeDiff = function;
    subtypeDiffFunction = null;
    return this;
  }

  /** {@code SUBTYPE_DIFF} declared with the range type (it comes with it into the schema). */
  public RangeType subtypeDiff(Function f) {
    subtypeDiffFunction = Objects.requireNonNull(f, "function");
    subtypeDiff = Identifiers.qualify(f.schema(), f.name());
    return this;
  }

  /** {@code MULTIRANGE_TYPE_NAME} (PostgreSQL 14+), in the range type's schema. */
  public RangeType multirange(String multirangeName) {
    Identifiers.check(multirangeName);
    multirange = multirangeName;
    return this;
  }

  /** {@code COMMENT ON TYPE}. */
  public RangeType comment(String text) {
    comment = text;
    return this;
  }

  /** The subtype-difference function given as a {@link Function}, or null. */
  public Function function() {
    return subtypeDiffFunction;
  }

  /** The type of columns of this range type, read and written as text. */
  public DataType<String> dataType() {
    return PgTypes.textual(Identifiers.qualify(schema, name));
  }

  /** The model of this range type. */
  public RangeTypeModel toModel() {
    return new RangeTypeModel(schema, name, subtype, opclass, collation, canonical, subtypeDiff, multirange, comment);
  }

  @Override
  public String toString() {
    return "range type " + Identifiers.qualify(schema, name);
  }
}
