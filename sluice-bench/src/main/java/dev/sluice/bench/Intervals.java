package dev.sluice.bench;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Bootstrap confidence intervals for ratios of means measured in forks of iterations: each replicate
 * resamples the forks of each side with replacement and, within each drawn fork, its iterations, so
 * that both fork-to-fork variation (JIT decisions, machine phases) and iteration noise widen the
 * interval. A fixed seed makes the report reproducible from the same raw numbers.
 */
final class Intervals {
  static final int REPLICATES = 2000;

  private Intervals() {}

  /** An estimate and its 95% interval. */
  record Interval(double estimate, double lo, double hi) {
    boolean crossesOne() {
      return lo < 1.0 && hi > 1.0;
    }

    boolean whollyBelow(double x) {
      return hi < x;
    }
  }

  /**
   * The ratio {@code mean(numerator) / mean(denominator)} of per-iteration values grouped by fork, e.g.
   * raw JDBC's µs/op over a library's (a throughput ratio: above 1 the library is faster).
   */
  static Interval ratio(List<double[]> numerator, List<double[]> denominator, long seed) {
    double est = mean(numerator) / mean(denominator);
    SplittableRandom r = new SplittableRandom(seed);
    double[] reps = new double[REPLICATES];
    for (int i = 0; i < REPLICATES; i++) reps[i] = resampledMean(numerator, r) / resampledMean(denominator, r);
    Arrays.sort(reps);
    return new Interval(est, reps[(int) (0.025 * REPLICATES)], reps[(int) (0.975 * REPLICATES) - 1]);
  }

  /** The geometric mean of several ratios with its interval (cells resampled independently, as measured). */
  static Interval geomean(List<List<double[]>[]> pairs, long seed) {
    double logSum = 0;
    for (List<double[]>[] p : pairs) logSum += Math.log(mean(p[0]) / mean(p[1]));
    double est = Math.exp(logSum / pairs.size());
    SplittableRandom r = new SplittableRandom(seed);
    double[] reps = new double[REPLICATES];
    for (int i = 0; i < REPLICATES; i++) {
      double s = 0;
      for (List<double[]>[] p : pairs) s += Math.log(resampledMean(p[0], r) / resampledMean(p[1], r));
      reps[i] = Math.exp(s / pairs.size());
    }
    Arrays.sort(reps);
    return new Interval(est, reps[(int) (0.025 * REPLICATES)], reps[(int) (0.975 * REPLICATES) - 1]);
  }

  static double mean(List<double[]> forks) {
    double s = 0;
    int n = 0;
    for (double[] f : forks) {
      for (double v : f) {
        s += v;
        n++;
      }
    }
    return s / n;
  }

  private static double resampledMean(List<double[]> forks, SplittableRandom r) {
    double s = 0;
    int n = 0;
    for (int i = 0; i < forks.size(); i++) {
      double[] f = forks.get(r.nextInt(forks.size()));
      for (int j = 0; j < f.length; j++) {
        s += f[r.nextInt(f.length)];
        n++;
      }
    }
    return s / n;
  }
}
