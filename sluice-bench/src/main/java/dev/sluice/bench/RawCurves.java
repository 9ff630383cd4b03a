package dev.sluice.bench;

import dev.sluice.bench.CurveModel.*;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The curves by hand: one PreparedStatement per call; nesting as one statement of left joins ordered
 * by the parent keys, grouped into the records while reading (as {@link RawJdbc#orderWithDetails}).
 */
final class RawCurves implements CurveApi {
  static final String LINES = "select unit_price, quantity, discount, order_id, product_id from order_details"
      + " order by order_id, product_id limit ?";
  private static final String[] NESTED = {
      "select c.id, c.company_name, o.id, o.order_date from customers c left join orders o on o.customer_id = c.id"
          + " where c.id = ? order by o.id",
      "select c.id, c.company_name, o.id, o.order_date, d.product_id, d.quantity from customers c"
          + " left join orders o on o.customer_id = c.id left join order_details d on d.order_id = o.id"
          + " where c.id = ? order by o.id, d.product_id",
      "select c.id, c.company_name, o.id, o.order_date, d.product_id, d.quantity, p.id, p.name from customers c"
          + " left join orders o on o.customer_id = c.id left join order_details d on d.order_id = o.id"
          + " left join products p on p.id = d.product_id where c.id = ? order by o.id, d.product_id",
      "select c.id, c.company_name, o.id, o.order_date, d.product_id, d.quantity, p.id, p.name, s.id, s.company_name"
          + " from customers c left join orders o on o.customer_id = c.id left join order_details d on d.order_id = o.id"
          + " left join products p on p.id = d.product_id left join suppliers s on s.id = p.supplier_id"
          + " where c.id = ? order by o.id, d.product_id"};

  private final DataSource ds;

  RawCurves(DataSource ds) {
    this.ds = ds;
  }

  @Override
  public List<Line> lines(int n) {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(LINES)) {
      ps.setInt(1, n);
      try (ResultSet rs = ps.executeQuery()) {
        List<Line> out = new ArrayList<>(n);
        while (rs.next()) out.add(new Line(rs.getDouble(1), rs.getInt(2), rs.getDouble(3), rs.getInt(4), rs.getInt(5)));
        return out;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Object nested(int depth, int customerId) {
    if (depth < 1 || depth > 4) throw new IllegalArgumentException("depth must be 1-4, got " + depth);
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(NESTED[depth - 1])) {
      ps.setInt(1, customerId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return null;
        int id = rs.getInt(1);
        String name = rs.getString(2);
        return switch (depth) {
          case 1 -> new Customer1(id, name, depth1(rs));
          case 2 -> new Customer2(id, name, depth2(rs));
          case 3 -> new Customer3(id, name, depth3(rs));
          default -> new Customer4(id, name, depth4(rs));
        };
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Order0> depth1(ResultSet rs) throws SQLException {
    List<Order0> orders = new ArrayList<>();
    do {
      int orderId = rs.getInt(3);
      if (!rs.wasNull()) orders.add(new Order0(orderId, RawJdbc.date(rs, 4)));
    } while (rs.next());
    return orders;
  }

  private static List<Order1> depth2(ResultSet rs) throws SQLException {
    List<Order1> orders = new ArrayList<>();
    List<Line0> lines = null;
    int last = 0;
    do {
      int orderId = rs.getInt(3);
      if (rs.wasNull()) continue;
      if (lines == null || orderId != last) {
        lines = new ArrayList<>();
        orders.add(new Order1(orderId, RawJdbc.date(rs, 4), lines));
        last = orderId;
      }
      int productId = rs.getInt(5);
      if (!rs.wasNull()) lines.add(new Line0(productId, rs.getInt(6)));
    } while (rs.next());
    return orders;
  }

  private static List<Order2> depth3(ResultSet rs) throws SQLException {
    List<Order2> orders = new ArrayList<>();
    List<Line1> lines = null;
    int last = 0;
    do {
      int orderId = rs.getInt(3);
      if (rs.wasNull()) continue;
      if (lines == null || orderId != last) {
        lines = new ArrayList<>();
        orders.add(new Order2(orderId, RawJdbc.date(rs, 4), lines));
        last = orderId;
      }
      int productId = rs.getInt(5);
      if (!rs.wasNull()) lines.add(new Line1(productId, rs.getInt(6), new Product0(rs.getInt(7), rs.getString(8))));
    } while (rs.next());
    return orders;
  }

  private static List<Order3> depth4(ResultSet rs) throws SQLException {
    List<Order3> orders = new ArrayList<>();
    List<Line2> lines = null;
    int last = 0;
    do {
      int orderId = rs.getInt(3);
      if (rs.wasNull()) continue;
      if (lines == null || orderId != last) {
        lines = new ArrayList<>();
        orders.add(new Order3(orderId, RawJdbc.date(rs, 4), lines));
        last = orderId;
      }
      int productId = rs.getInt(5);
      if (!rs.wasNull()) {
        lines.add(new Line2(productId, rs.getInt(6), new Product1(rs.getInt(7), rs.getString(8),
            new Supplier0(rs.getInt(9), rs.getString(10)))));
      }
    } while (rs.next());
    return orders;
  }
}
