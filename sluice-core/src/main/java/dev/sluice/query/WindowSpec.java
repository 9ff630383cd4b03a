package dev.sluice.query;

import dev.sluice.sql.RenderContext;
import dev.sluice.sql.QueryPart;
import java.util.ArrayList;
import java.util.List;

/**
 * A window: {@code PARTITION BY ... ORDER BY ... [frame]}. Build with
 * {@code WindowSpec.partitionBy(a).orderBy(b.desc()).rowsBetween("UNBOUNDED PRECEDING", "CURRENT ROW")}.
 */
public final class WindowSpec implements QueryPart {
  private final List<Field<?>> partitionBy = new ArrayList<>();
  private final List<OrderField> orderBy = new ArrayList<>();
  private String frame;

  private WindowSpec() {}

  /** An empty window (the whole result). */
  public static WindowSpec empty() {
    return new WindowSpec();
  }

  /** PARTITION BY fields. */
  public static WindowSpec partitionBy(Field<?>... fields) {
    WindowSpec w = new WindowSpec();
    w.partitionBy.addAll(List.of(fields));
    return w;
  }

  /** ORDER BY within the window. */
  public static WindowSpec ordered(OrderField... fields) {
    return new WindowSpec().orderBy(fields);
  }

  /** ORDER BY within the window. */
  public WindowSpec orderBy(OrderField... fields) {
    orderBy.addAll(List.of(fields));
    return this;
  }

  /** ROWS BETWEEN start AND end; bounds are {@code UNBOUNDED PRECEDING}, {@code n PRECEDING}, {@code CURRENT ROW}... */
  public WindowSpec rowsBetween(String start, String end) {
    frame = "ROWS BETWEEN " + checkBound(start) + " AND " + checkBound(end);
    return this;
  }

  /** RANGE BETWEEN start AND end. */
  public WindowSpec rangeBetween(String start, String end) {
    frame = "RANGE BETWEEN " + checkBound(start) + " AND " + checkBound(end);
    return this;
  }

  /** GROUPS BETWEEN start AND end. */
  public WindowSpec groupsBetween(String start, String end) {
    frame = "GROUPS BETWEEN " + checkBound(start) + " AND " + checkBound(end);
    return this;
  }

  private static String checkBound(String b) {
    String u = b.trim().toUpperCase(java.util.Locale.ROOT);
    if (!u.matches("UNBOUNDED (PRECEDING|FOLLOWING)|CURRENT ROW|\\d+ (PRECEDING|FOLLOWING)")) {
      throw new IllegalArgumentException("not a window frame bound: " + b
          + " (expected UNBOUNDED PRECEDING/FOLLOWING, CURRENT ROW or n PRECEDING/FOLLOWING)");
    }
    return u;
  }

  @Override
  public void renderTo(RenderContext ctx) {
    boolean space = false;
    if (!partitionBy.isEmpty()) {
      ctx.sql("PARTITION BY ").visitAll(partitionBy, ", ");
      space = true;
    }
    if (!orderBy.isEmpty()) {
      if (space) ctx.sql(' ');
      ctx.sql("ORDER BY ").visitAll(orderBy, ", ");
      space = true;
    }
    if (frame != null) {
      if (space) ctx.sql(' ');
      ctx.sql(frame);
    }
  }
}
