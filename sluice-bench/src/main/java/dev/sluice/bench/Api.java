package dev.sluice.bench;

import dev.sluice.bench.Model.*;
import java.util.List;

/** One library's implementation of every benchmarked operation; all return the same {@link Model} types. */
public interface Api extends AutoCloseable {
  List<Customer> customersPage(int limit, int offset);
  Customer customerById(int id);
  List<Customer> customerSearch(String prefix);
  List<Employee> employeesPage(int limit, int offset);
  EmployeeWithRecipient employeeWithRecipient(int id);
  List<Supplier> suppliersPage(int limit, int offset);
  Supplier supplierById(int id);
  List<Product> productsPage(int limit, int offset);
  ProductWithSupplier productWithSupplier(int id);
  List<Product> productSearch(String prefix);
  List<OrderSummary> ordersPage(int limit, int offset);
  OrderSummary orderSummary(int id);
  OrderWithDetails orderWithDetails(int id);

  World world(int id);
  List<World> worlds(int[] ids);
  List<Fortune> fortunes();
  List<World> updates(int[] ids, int[] numbers);

  int insertReturning(NewCustomer c);
  void batchInsert(List<NewCustomer> rows);
  int nestedCreate(int customerId, List<NewLine> lines);
  void copyInsert(List<NewCustomer> rows);

  @Override
  void close();

  /** Fortunes per TechEmpower: all rows plus one added at request time, sorted by message. */
  static List<Fortune> withExtraSorted(List<Fortune> list) {
    list.add(new Fortune(0, "Additional fortune added at request time."));
    list.sort(java.util.Comparator.comparing(Fortune::message));
    return list;
  }
}
