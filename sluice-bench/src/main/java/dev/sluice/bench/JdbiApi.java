package dev.sluice.bench;

import dev.sluice.bench.Model.*;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** jdbi 3 fluent API with the same SQL text as raw JDBC and hand-written positional row mappers. */
public final class JdbiApi implements Api {
  private final Jdbi jdbi;

  public JdbiApi(DataSource ds) {
    this.jdbi = Jdbi.create(ds);
  }

  private <T> List<T> page(String sql, int limit, int offset, RawJdbc.Mapper<T> m) {
    return jdbi.withHandle(h -> h.createQuery(sql).bind(0, limit).bind(1, offset).map((rs, ctx) -> m.map(rs)).list());
  }

  private <T> T byId(String sql, int id, RawJdbc.Mapper<T> m) {
    return jdbi.withHandle(h -> h.createQuery(sql).bind(0, id).map((rs, ctx) -> m.map(rs)).findFirst().orElse(null));
  }

  private <T> List<T> search(String sql, String prefix, RawJdbc.Mapper<T> m) {
    return jdbi.withHandle(h -> h.createQuery(sql).bind(0, prefix + ":*").map((rs, ctx) -> m.map(rs)).list());
  }

  @Override public List<Customer> customersPage(int limit, int offset) { return page(Sql.CUSTOMERS_PAGE, limit, offset, RawJdbc::customer); }
  @Override public Customer customerById(int id) { return byId(Sql.CUSTOMER_BY_ID, id, RawJdbc::customer); }
  @Override public List<Customer> customerSearch(String prefix) { return search(Sql.CUSTOMER_SEARCH, prefix, RawJdbc::customer); }
  @Override public List<Employee> employeesPage(int limit, int offset) { return page(Sql.EMPLOYEES_PAGE, limit, offset, rs -> RawJdbc.employee(rs, 0)); }

  @Override
  public EmployeeWithRecipient employeeWithRecipient(int id) {
    return byId(Sql.EMPLOYEE_WITH_RECIPIENT, id, rs -> {
      Employee e = RawJdbc.employee(rs, 0);
      rs.getInt(13);
      Employee r = rs.wasNull() ? null : RawJdbc.employee(rs, 12);
      return new EmployeeWithRecipient(e.id(), e.lastName(), e.firstName(), e.title(), e.titleOfCourtesy(),
          e.birthDate(), e.hireDate(), e.city(), e.country(), e.extension(), e.notes(), e.recipientId(), r);
    });
  }

  @Override public List<Supplier> suppliersPage(int limit, int offset) { return page(Sql.SUPPLIERS_PAGE, limit, offset, rs -> RawJdbc.supplier(rs, 0)); }
  @Override public Supplier supplierById(int id) { return byId(Sql.SUPPLIER_BY_ID, id, rs -> RawJdbc.supplier(rs, 0)); }
  @Override public List<Product> productsPage(int limit, int offset) { return page(Sql.PRODUCTS_PAGE, limit, offset, rs -> RawJdbc.product(rs, 0)); }

  @Override
  public ProductWithSupplier productWithSupplier(int id) {
    return byId(Sql.PRODUCT_WITH_SUPPLIER, id, rs -> {
      Product p = RawJdbc.product(rs, 0);
      rs.getInt(10);
      Supplier s = rs.wasNull() ? null : RawJdbc.supplier(rs, 9);
      return new ProductWithSupplier(p.id(), p.name(), p.qtPerUnit(), p.unitPrice(), p.unitsInStock(),
          p.unitsOnOrder(), p.reorderLevel(), p.discontinued(), p.supplierId(), s);
    });
  }

  @Override public List<Product> productSearch(String prefix) { return search(Sql.PRODUCT_SEARCH, prefix, rs -> RawJdbc.product(rs, 0)); }
  @Override public List<OrderSummary> ordersPage(int limit, int offset) { return page(Sql.ORDERS_PAGE, limit, offset, RawJdbc::summary); }
  @Override public OrderSummary orderSummary(int id) { return byId(Sql.ORDER_SUMMARY, id, RawJdbc::summary); }

  @Override
  public OrderWithDetails orderWithDetails(int id) {
    return jdbi.withHandle(h -> {
      List<DetailWithProduct> details = new ArrayList<>();
      List<OrderWithDetails> orders = h.createQuery(Sql.ORDER_WITH_DETAILS).bind(0, id).map((rs, ctx) -> {
        rs.getInt(15);
        if (!rs.wasNull()) {
          details.add(new DetailWithProduct(rs.getDouble(12), rs.getInt(13), rs.getDouble(14), rs.getInt(15),
              rs.getInt(16), RawJdbc.product(rs, 16)));
        }
        return new OrderWithDetails(rs.getInt(1), RawJdbc.date(rs, 2), RawJdbc.date(rs, 3), RawJdbc.date(rs, 4),
            rs.getInt(5), rs.getDouble(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10),
            rs.getInt(11), details);
      }).list();
      return orders.isEmpty() ? null : orders.get(0);
    });
  }

  @Override public World world(int id) { return byId(Sql.WORLD, id, rs -> new World(rs.getInt(1), rs.getInt(2))); }

  @Override
  public List<World> worlds(int[] ids) {
    return jdbi.withHandle(h -> {
      List<World> out = new ArrayList<>(ids.length);
      for (int id : ids) {
        out.add(h.createQuery(Sql.WORLD).bind(0, id).map((rs, ctx) -> new World(rs.getInt(1), rs.getInt(2))).one());
      }
      return out;
    });
  }

  @Override
  public List<Fortune> fortunes() {
    return Api.withExtraSorted(jdbi.withHandle(h -> h.createQuery(Sql.FORTUNES)
        .map((rs, ctx) -> new Fortune(rs.getInt(1), rs.getString(2))).collectIntoList()));
  }

  @Override
  public List<World> updates(int[] ids, int[] numbers) {
    List<World> read = worlds(ids);
    return jdbi.withHandle(h -> {
      PreparedBatch batch = h.prepareBatch(Sql.UPDATE_WORLD);
      List<World> out = new ArrayList<>(ids.length);
      for (int i = 0; i < ids.length; i++) {
        batch.bind(0, numbers[i]).bind(1, read.get(i).id()).add();
        out.add(new World(read.get(i).id(), numbers[i]));
      }
      batch.execute();
      return out;
    });
  }

  @Override
  public int insertReturning(NewCustomer n) {
    return jdbi.withHandle(h -> h.createQuery(Sql.INSERT_CUSTOMER_RETURNING).bind(0, n.companyName())
        .bind(1, n.contactName()).bind(2, n.city()).bind(3, n.country()).mapTo(Integer.class).one());
  }

  @Override
  public void batchInsert(List<NewCustomer> rows) {
    jdbi.useTransaction(h -> {
      PreparedBatch batch = h.prepareBatch(Sql.INSERT_CUSTOMER);
      for (NewCustomer n : rows) {
        batch.bind(0, n.companyName()).bind(1, n.contactName()).bind(2, n.city()).bind(3, n.country()).add();
      }
      batch.execute();
    });
  }

  @Override
  public int nestedCreate(int customerId, List<NewLine> lines) {
    return jdbi.inTransaction(h -> {
      int orderId = h.createQuery(Sql.INSERT_ORDER).bind(0, customerId).bind(1, java.time.LocalDate.of(2024, 1, 1))
          .mapTo(Integer.class).one();
      PreparedBatch batch = h.prepareBatch(Sql.INSERT_LINE);
      for (NewLine l : lines) batch.bind(0, orderId).bind(1, l.productId()).bind(2, l.quantity()).add();
      batch.execute();
      return orderId;
    });
  }

  /** jdbi has no COPY API. */
  @Override
  public void copyInsert(List<NewCustomer> rows) {
    throw new UnsupportedOperationException("jdbi has no COPY API");
  }

  @Override
  public void close() {}
}
