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
  private String renamedFrom;
  private final java.util.Map<E, String> valueRenames = new java.util.LinkedHashMap<>();

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

  /**
   * Declares that this type used to be called {@code oldName} (same schema), so the differ emits
   * {@code ALTER TYPE ... RENAME TO} instead of dropping the type and every column using it.
   */
  public PgEnum<E> renamedFrom(String oldName) {
    dev.sluice.sql.Identifiers.check(oldName);
    renamedFrom = oldName;
    return this;
  }

  /**
   * Declares that {@code constant}'s label used to be {@code oldLabel}, so the differ emits
   * {@code ALTER TYPE ... RENAME VALUE} and rows holding the old label keep their value.
   */
  public PgEnum<E> valueRenamedFrom(E constant, String oldLabel) {
    java.util.Objects.requireNonNull(constant, "constant");
    java.util.Objects.requireNonNull(oldLabel, "oldLabel");
    valueRenames.put(constant, oldLabel);
    return this;
  }

  /** The rename hints of this type and its values. */
  public List<RenameHint> renames() {
    List<RenameHint> out = new java.util.ArrayList<>();
    if (renamedFrom != null) out.add(RenameHint.enumType(schema, renamedFrom, name));
    valueRenames.forEach((c, old) -> out.add(RenameHint.enumValue(schema, name, old, dataType.codec().toText(c))));
    return out;
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
