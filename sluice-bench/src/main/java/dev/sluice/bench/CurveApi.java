package dev.sluice.bench;

import dev.sluice.bench.CurveModel.Line;
import java.util.List;
import java.util.Objects;

/** The operations of the {@code curves} profile, for raw JDBC ({@link RawCurves}) and Sluice ({@link SluiceCurves}). */
interface CurveApi {
  /** The first {@code n} order lines by (order id, product id). */
  List<Line> lines(int n);

  /** One customer with {@code depth} (1-4) nested levels, or null when there is no such customer. */
  Object nested(int depth, int customerId);

  /** Throws naming the first curve operation where {@code lib} differs from {@code floor}. */
  static void verify(CurveApi lib, CurveApi floor) {
    for (int n : new int[] {1, 10, 1000}) {
      if (!Objects.equals(floor.lines(n), lib.lines(n)) || floor.lines(n).size() != n) {
        throw new IllegalStateException("curves: lines(" + n + ") differs from raw JDBC");
      }
    }
    for (int depth = 1; depth <= 4; depth++) {
      for (int id : new int[] {1, 2, 17, 4321, 9999}) {
        Object expected = floor.nested(depth, id);
        Object actual = lib.nested(depth, id);
        if (expected == null || !expected.equals(actual)) {
          throw new IllegalStateException("curves: nested(depth " + depth + ", customer " + id + ") differs from raw JDBC:\n expected "
              + expected + "\n actual   " + actual);
        }
      }
    }
  }
}
