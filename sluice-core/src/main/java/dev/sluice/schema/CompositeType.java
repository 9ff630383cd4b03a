package dev.sluice.schema;

import dev.sluice.schema.model.CompositeTypeModel;
import dev.sluice.sql.Identifiers;
import dev.sluice.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A composite (row) type mapped to a Java record, usable as a column type:
 *
 * <pre>{@code
 * record Address(String street, String city, Integer zip) {}
 * static final CompositeType<Address> ADDRESS = CompositeType.of("address", Address.class)
 *     .attribute("street", PgTypes.TEXT)
 *     .attribute("city", PgTypes.varchar(40))
 *     .attribute("zip", PgTypes.INTEGER);
 * // in a table:  public final Column<Address> home = column("home", ADDRESS);
 * }</pre>
 *
 * <p>The record's components map to the attributes by position and must have exactly the
 * attributes' Java types (boxed: an attribute may be NULL). Values travel in PostgreSQL's record
 * text form ({@code ("1 Main St",Springfield,)}), each attribute through its own type's codec, so
 * nested composites, arrays, enums and NULL attributes work, and so do arrays of composites
 * ({@code ADDRESS.dataType().array()}).
 *
 * @param <R> the Java record type
 */
public final class CompositeType<R extends Record> {
  private final String schema;
  private final String name;
  private final Class<R> type;
  private final List<Attr> attributes = new ArrayList<>();
  private final List<CompositeType<?>> nested = new ArrayList<>();
  private final List<PgEnum<?>> enums = new ArrayList<>();
  private final DataType<R> dataType;
  private String comment;
  private final java.util.Map<String, String> attributeComments = new java.util.TreeMap<>();

  /** One declared attribute. */
  record Attr(String name, DataType<?> type, String collation) {}

  private CompositeType(String schema, String name, Class<R> type) {
    Identifiers.check(name);
    this.schema = schema;
    this.name = name;
    this.type = Objects.requireNonNull(type, "type");
    this.dataType = DataType.custom(Identifiers.qualify(schema, name), type, new CompositeCodec<>(this));
  }

  /** A composite type in {@code public}. */
  public static <R extends Record> CompositeType<R> of(String name, Class<R> type) {
    return new CompositeType<>("public", name, type);
  }

  /** A composite type in {@code namespace}'s schema (the table prefix does not apply to types). */
  public static <R extends Record> CompositeType<R> of(Namespace namespace, String name, Class<R> type) {
    return new CompositeType<>(namespace.schema(), name, type);
  }

  /** The next attribute, of any data type (domains, arrays, custom types). */
  public CompositeType<R> attribute(String attributeName, DataType<?> attributeType) {
    return attribute(attributeName, attributeType, null);
  }

  /** The next attribute with an explicit collation ({@code COLLATE "C"}). */
  public CompositeType<R> attribute(String attributeName, DataType<?> attributeType, String collation) {
    Identifiers.check(attributeName);
    Objects.requireNonNull(attributeType, "attributeType");
    for (Attr a : attributes) {
      if (a.name().equals(attributeName)) {
        throw new SchemaDefinitionException("composite type " + name + ": attribute " + attributeName + " is declared twice");
      }
    }
    attributes.add(new Attr(attributeName, attributeType, collation));
    return this;
  }

  /** The next attribute, of another composite type (created before this one). */
  public CompositeType<R> attribute(String attributeName, CompositeType<?> attributeType) {
    if (!nested.contains(attributeType)) nested.add(attributeType);
    return attribute(attributeName, attributeType.dataType());
  }

  /** The next attribute, of an enum type (created before this one). */
  public CompositeType<R> attribute(String attributeName, PgEnum<?> attributeType) {
    if (!enums.contains(attributeType)) enums.add(attributeType);
    return attribute(attributeName, attributeType.dataType());
  }

  /** COMMENT ON TYPE. */
  public CompositeType<R> comment(String text) {
    comment = text;
    return this;
  }

  /** {@code COMMENT ON COLUMN type.attribute}: the comment of one declared attribute. */
  public CompositeType<R> attributeComment(String attribute, String text) {
    if (attributes.stream().noneMatch(a -> a.name().equals(attribute))) {
      throw new SchemaDefinitionException("composite type " + name + " has no attribute " + attribute
          + " to comment on: declare it with attribute(...) first");
    }
    attributeComments.put(attribute, java.util.Objects.requireNonNull(text, "text"));
    return this;
  }

  /** The schema. */
  public String schema() {
    return schema;
  }

  /** The type name. */
  public String name() {
    return name;
  }

  /** The Java record class. */
  public Class<R> javaType() {
    return type;
  }

  /** The data type for columns, attributes of other composites and bind values. */
  public DataType<R> dataType() {
    return dataType;
  }

  List<Attr> attributes() {
    return attributes;
  }

  /** Composite types the attributes use, for {@link Schema} to include. */
  List<CompositeType<?>> usedComposites() {
    return List.copyOf(nested);
  }

  /** Enum types the attributes use. */
  List<PgEnum<?>> usedEnums() {
    return List.copyOf(enums);
  }

  /**
   * The model of this type.
   *
   * @throws SchemaDefinitionException when the record's components do not match the attributes
   */
  public CompositeTypeModel toModel() {
    String problem = CompositeCodec.mismatch(this);
    if (problem != null) throw new SchemaDefinitionException(problem);
    List<CompositeTypeModel.Attribute> attrs = new ArrayList<>();
    for (Attr a : attributes) attrs.add(new CompositeTypeModel.Attribute(a.name(), a.type().sqlName(), a.collation()));
    return new CompositeTypeModel(schema, name, attrs, comment, attributeComments);
  }

  @Override
  public String toString() {
    return "composite type " + schema + "." + name;
  }
}
