package dev.sluice.query;

import dev.sluice.types.PgTypes;

/**
 * pgvector distance operators on {@code Field<float[]>} ({@code vector(n)} columns). Each returns a
 * {@code Field<Double>}, so nearest-neighbour search is {@code orderBy(Vectors.l2Distance(emb, q)).limit(k)};
 * the query vector is bound as {@code ?::public.vector}. Requires the {@code vector} extension.
 */
public final class Vectors {
  private Vectors() {}

  /** {@code f <-> value}: Euclidean (L2) distance. */
  public static Field<Double> l2Distance(Field<float[]> f, float[] value) {
    return distance(f, "<->", value);
  }

  /** {@code f <-> other}. */
  public static Field<Double> l2Distance(Field<float[]> f, Field<float[]> other) {
    return Expressions.binary(f, "<->", other, PgTypes.DOUBLE);
  }

  /** {@code f <=> value}: cosine distance (1 - cosine similarity). */
  public static Field<Double> cosineDistance(Field<float[]> f, float[] value) {
    return distance(f, "<=>", value);
  }

  /** {@code f <=> other}. */
  public static Field<Double> cosineDistance(Field<float[]> f, Field<float[]> other) {
    return Expressions.binary(f, "<=>", other, PgTypes.DOUBLE);
  }

  /** {@code f <#> value}: negative inner product (smaller is more similar, so it sorts ascending). */
  public static Field<Double> negativeInnerProduct(Field<float[]> f, float[] value) {
    return distance(f, "<#>", value);
  }

  /** {@code f <#> other}. */
  public static Field<Double> negativeInnerProduct(Field<float[]> f, Field<float[]> other) {
    return Expressions.binary(f, "<#>", other, PgTypes.DOUBLE);
  }

  private static Field<Double> distance(Field<float[]> f, String op, float[] value) {
    if (value == null) throw new IllegalArgumentException("query vector cannot be null");
    return Expressions.binary(f, op, Dsl.val(value, f.dataType()), PgTypes.DOUBLE);
  }
}
