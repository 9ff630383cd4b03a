package dev.sluice.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A PostgreSQL data type paired with the Java type it maps to and the codec that moves values
 * between the two.
 *
 * <p>The SQL name is the canonical text PostgreSQL's {@code format_type()} prints with an empty
 * {@code search_path} (for example {@code character varying(255)}, {@code timestamp(3) with time
 * zone}, {@code public.mood[]}), so a type declared in Java and the same type read back from
 * {@code pg_catalog} compare equal. Instances are immutable and safe to share.
 *
 * @param <T> the Java type of values
 */
public final class DataType<T> {
  private final String sqlName;
  private final Class<T> javaType;
  private final Codec<T> codec;
  private final String castName;

  DataType(String sqlName, Class<T> javaType, Codec<T> codec) {
    this(sqlName, javaType, codec, sqlName);
  }

  DataType(String sqlName, Class<T> javaType, Codec<T> codec, String castName) {
    this.sqlName = Objects.requireNonNull(sqlName, "sqlName");
    this.javaType = Objects.requireNonNull(javaType, "javaType");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.castName = castName;
  }

  /** Creates a type with a caller-supplied codec: the way to map custom PostgreSQL types. */
  public static <T> DataType<T> custom(String sqlName, Class<T> javaType, Codec<T> codec) {
    return new DataType<>(sqlName, javaType, codec);
  }

  /** The canonical SQL type text, as used in DDL and compared with introspected types. */
  public String sqlName() {
    return sqlName;
  }

  /** The type name to use in a {@code ::cast} of a bind parameter (same as {@link #sqlName()} by default). */
  public String castName() {
    return castName;
  }

  /** The Java class values of this type have. */
  public Class<T> javaType() {
    return javaType;
  }

  /** The codec that binds and reads values of this type. */
  public Codec<T> codec() {
    return codec;
  }

  /** Binds {@code value} (which may be null) as parameter {@code index}. */
  public void bind(PreparedStatement ps, int index, T value) throws SQLException {
    codec.bind(ps, index, value);
  }

  /** Reads column {@code index} of the current row; SQL NULL becomes Java null. */
  public T read(ResultSet rs, int index) throws SQLException {
    return codec.read(rs, index);
  }

  /** True when bind parameters of this type need an explicit {@code ::type} cast in SQL text. */
  public boolean needsCast() {
    return codec.needsCast();
  }

  /** The same type with a different SQL name (used for domains and parameterised variants). */
  public DataType<T> withSqlName(String name) {
    return new DataType<>(name, javaType, codec, name);
  }

  /** The array type whose elements are this type ({@code T[]}). */
  public DataType<T[]> array() {
    return PgTypes.arrayOf(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataType<?> d && d.sqlName.equals(sqlName) && d.javaType.equals(javaType);
  }

  @Override
  public int hashCode() {
    return sqlName.hashCode() * 31 + javaType.hashCode();
  }

  @Override
  public String toString() {
    return sqlName + " <-> " + javaType.getSimpleName();
  }

  /**
   * The element type of an array type, or null when this is not an array: {@code ANY(array)} and
   * {@code unnest(array)} yield elements and need their codec to read them.
   */
  public DataType<?> elementType() {
    return codec instanceof ArrayCodec<?> a ? a.element() : null;
  }
}
