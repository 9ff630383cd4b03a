package dev.sluice.bench;

import java.time.LocalDate;
import java.util.List;

/** The result types every library maps into, so results can be compared with {@code equals}. */
public final class Model {
  private Model() {}

  public record Customer(Integer id, String companyName, String contactName, String contactTitle, String address,
      String city, String postalCode, String region, String country, String phone, String fax) {}

  public record Employee(Integer id, String lastName, String firstName, String title, String titleOfCourtesy,
      LocalDate birthDate, LocalDate hireDate, String city, String country, Integer extension, String notes,
      Integer recipientId) {}

  public record EmployeeWithRecipient(Integer id, String lastName, String firstName, String title,
      String titleOfCourtesy, LocalDate birthDate, LocalDate hireDate, String city, String country,
      Integer extension, String notes, Integer recipientId, Employee recipient) {}

  public record Supplier(Integer id, String companyName, String contactName, String contactTitle, String address,
      String city, String region, String postalCode, String country, String phone) {}

  public record Product(Integer id, String name, String qtPerUnit, Double unitPrice, Integer unitsInStock,
      Integer unitsOnOrder, Integer reorderLevel, Integer discontinued, Integer supplierId) {}

  public record ProductWithSupplier(Integer id, String name, String qtPerUnit, Double unitPrice, Integer unitsInStock,
      Integer unitsOnOrder, Integer reorderLevel, Integer discontinued, Integer supplierId, Supplier supplier) {}

  /** An order with aggregates over its details (Drizzle's "orders with details" shape). */
  public record OrderSummary(Integer id, LocalDate shippedDate, String shipName, String shipCity, String shipCountry,
      Long productsCount, Long quantitySum, Double totalPrice) {}

  public record DetailWithProduct(Double unitPrice, Integer quantity, Double discount, Integer orderId,
      Integer productId, Product product) {}

  public record OrderWithDetails(Integer id, LocalDate orderDate, LocalDate requiredDate, LocalDate shippedDate,
      Integer shipVia, Double freight, String shipName, String shipCity, String shipCountry, Integer customerId,
      Integer employeeId, List<DetailWithProduct> details) {}

  public record World(Integer id, Integer randomNumber) {}

  public record Fortune(Integer id, String message) {}

  public record NewCustomer(String companyName, String contactName, String city, String country) {}

  public record NewLine(int productId, int quantity) {}
}
