package dev.sluice.kit.seed;

import java.util.ArrayList;
import java.util.List;

/**
 * Values with relative weights, e.g. {@code Weighted.of(Role.MEMBER, 80).or(Role.ADMIN, 15).or(Role.OWNER, 5)},
 * for {@link Gen#weighted(Weighted)}. Immutable; build it once, outside the row loop.
 */
public final class Weighted<E> {
  private final List<E> values;
  private final double[] cumulative;

  private Weighted(List<E> values, double[] cumulative) {
    this.values = values;
    this.cumulative = cumulative;
  }

  /** The first value and its weight. */
  public static <E> Weighted<E> of(E value, double weight) {
    return new Weighted<E>(List.of(), new double[0]).or(value, weight);
  }

  /** These choices plus {@code value} with {@code weight} (positive). */
  public Weighted<E> or(E value, double weight) {
    if (!(weight > 0)) throw new IllegalArgumentException("weight of " + value + " must be positive, got " + weight);
    List<E> vs = new ArrayList<>(values);
    vs.add(value);
    double[] c = java.util.Arrays.copyOf(cumulative, cumulative.length + 1);
    c[c.length - 1] = (cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1]) + weight;
    return new Weighted<>(List.copyOf(vs), c);
  }

  E pick(double unit) {
    double x = unit * cumulative[cumulative.length - 1];
    for (int i = 0; i < cumulative.length; i++) if (x < cumulative[i]) return values.get(i);
    return values.get(values.size() - 1);
  }
}
