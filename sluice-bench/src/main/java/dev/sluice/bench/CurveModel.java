package dev.sluice.bench;

import java.time.LocalDate;
import java.util.List;

/**
 * Result types of the {@code curves} profile: a flat order line (rows per result) and a customer
 * read with 1 to 4 nested levels (orders, their lines, each line's product, the product's supplier).
 */
public final class CurveModel {
  private CurveModel() {}

  public record Line(Double unitPrice, Integer quantity, Double discount, Integer orderId, Integer productId) {}

  public record Supplier0(Integer id, String companyName) {}
  public record Product0(Integer id, String name) {}
  public record Product1(Integer id, String name, Supplier0 supplier) {}
  public record Line0(Integer productId, Integer quantity) {}
  public record Line1(Integer productId, Integer quantity, Product0 product) {}
  public record Line2(Integer productId, Integer quantity, Product1 product) {}
  public record Order0(Integer id, LocalDate orderDate) {}
  public record Order1(Integer id, LocalDate orderDate, List<Line0> details) {}
  public record Order2(Integer id, LocalDate orderDate, List<Line1> details) {}
  public record Order3(Integer id, LocalDate orderDate, List<Line2> details) {}
  /** Depth 1: a customer with its orders. */
  public record Customer1(Integer id, String companyName, List<Order0> orders) {}
  /** Depth 2: ... and each order's lines. */
  public record Customer2(Integer id, String companyName, List<Order1> orders) {}
  /** Depth 3: ... and each line's product. */
  public record Customer3(Integer id, String companyName, List<Order2> orders) {}
  /** Depth 4: ... and each product's supplier. */
  public record Customer4(Integer id, String companyName, List<Order3> orders) {}
}
