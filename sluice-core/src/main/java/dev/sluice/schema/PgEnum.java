package dev.sluice.schema;

import dev.sluice.schema.model.EnumModel;
import dev.sluice.types.DataType;
import dev.sluice.types.Labeled;
import dev.sluice.types.PgTypes;
import java.util.Arrays;
import java.util.List;

/**
 * A PostgreSQL enum type backed by a Java enum: {@code PgEnum.of("team_type", TeamType.class)}.
 * Labels are the constants' names, or {@link Labeled#label()} when the enum implements it; their
 * order is the declaration order.
 */
public final class PgEnum<E extends Enum<E>> {
  private final String schema;
  private final String name;
  private final Class<E> type;
  private final DataType<E> dataType;
  private String comment;

  private PgEnum(String schema, String name, Class<E> type) {
    dev.sluice.sql.Identifiers.check(name);
    this.schema = schema;
    this.name = name;
    this.type = type;
    this.dataType = PgTypes.enumType(schema + "." + name, type);
  }

  /** An enum type in the {@code public} schema. */
  public static <E extends Enum<E>> PgEnum<E> of(String name, Class<E> type) {
    return new PgEnum<>("public", name, type);
  }

  /** An enum type in {@code namespace}'s schema (the table prefix does not apply to types). */
  public static <E extends Enum<E>> PgEnum<E> of(Namespace namespace, String name, Class<E> type) {
    return new PgEnum<>(namespace.schema(), name, type);
  }

  /** COMMENT ON TYPE. */
  public PgEnum<E> comment(String text) {
    comment = text;
    return this;
  }

  /** The type name. */
  public String name() {
    return name;
  }

  /** The schema. */
  public String schema() {
    return schema;
  }

  /** The Java enum class. */
  public Class<E> javaType() {
    return type;
  }

  /** The data type for columns and bind values. */
  public DataType<E> dataType() {
    return dataType;
  }

  /** The labels in order. */
  public List<String> labels() {
    return Arrays.stream(type.getEnumConstants()).map(e -> dataType.codec().toText(e)).toList();
  }

  /** The model of this enum. */
  public EnumModel toModel() {
    return new EnumModel(schema, name, labels(), comment);
  }
}
