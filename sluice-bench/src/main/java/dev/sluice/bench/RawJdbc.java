package dev.sluice.bench;

import dev.sluice.bench.Model.*;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/** The floor: hand-written SQL, PreparedStatement, positional getters, no framework. */
public final class RawJdbc implements Api {
  interface Mapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private final DataSource ds;

  public RawJdbc(DataSource ds) {
    this.ds = ds;
  }

  private <T> List<T> list(String sql, Binder binder, Mapper<T> mapper) {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) out.add(mapper.map(rs));
        return out;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T one(String sql, Binder binder, Mapper<T> mapper) {
    List<T> l = list(sql, binder, mapper);
    return l.isEmpty() ? null : l.get(0);
  }

  static Integer intOrNull(ResultSet rs, int i) throws SQLException {
    int v = rs.getInt(i);
    return rs.wasNull() ? null : v;
  }

  static java.time.LocalDate date(ResultSet rs, int i) throws SQLException {
    return rs.getObject(i, java.time.LocalDate.class);
  }

  static Customer customer(ResultSet rs) throws SQLException {
    return new Customer(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
  }

  static Employee employee(ResultSet rs, int o) throws SQLException {
    return new Employee(rs.getInt(o + 1), rs.getString(o + 2), rs.getString(o + 3), rs.getString(o + 4),
        rs.getString(o + 5), date(rs, o + 6), date(rs, o + 7), rs.getString(o + 8), rs.getString(o + 9),
        rs.getInt(o + 10), rs.getString(o + 11), intOrNull(rs, o + 12));
  }

  static Supplier supplier(ResultSet rs, int o) throws SQLException {
    return new Supplier(rs.getInt(o + 1), rs.getString(o + 2), rs.getString(o + 3), rs.getString(o + 4),
        rs.getString(o + 5), rs.getString(o + 6), rs.getString(o + 7), rs.getString(o + 8), rs.getString(o + 9),
        rs.getString(o + 10));
  }

  static Product product(ResultSet rs, int o) throws SQLException {
    return new Product(rs.getInt(o + 1), rs.getString(o + 2), rs.getString(o + 3), rs.getDouble(o + 4),
        rs.getInt(o + 5), rs.getInt(o + 6), rs.getInt(o + 7), rs.getInt(o + 8), rs.getInt(o + 9));
  }

  static OrderSummary summary(ResultSet rs) throws SQLException {
    long qty = rs.getLong(7);
    Long q = rs.wasNull() ? null : qty;
    double total = rs.getDouble(8);
    Double t = rs.wasNull() ? null : total;
    return new OrderSummary(rs.getInt(1), date(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getLong(6), q, t);
  }

  private static Binder page(int limit, int offset) {
    return ps -> {
      ps.setInt(1, limit);
      ps.setInt(2, offset);
    };
  }

  private static Binder id(int id) {
    return ps -> ps.setInt(1, id);
  }

  @Override public List<Customer> customersPage(int limit, int offset) { return list(Sql.CUSTOMERS_PAGE, page(limit, offset), RawJdbc::customer); }
  @Override public Customer customerById(int id) { return one(Sql.CUSTOMER_BY_ID, id(id), RawJdbc::customer); }
  @Override public List<Customer> customerSearch(String prefix) { return list(Sql.CUSTOMER_SEARCH, ps -> ps.setString(1, prefix + ":*"), RawJdbc::customer); }
  @Override public List<Employee> employeesPage(int limit, int offset) { return list(Sql.EMPLOYEES_PAGE, page(limit, offset), rs -> employee(rs, 0)); }

  @Override
  public EmployeeWithRecipient employeeWithRecipient(int id) {
    return one(Sql.EMPLOYEE_WITH_RECIPIENT, id(id), rs -> {
      Employee e = employee(rs, 0);
      rs.getInt(13);
      Employee r = rs.wasNull() ? null : employee(rs, 12);
      return new EmployeeWithRecipient(e.id(), e.lastName(), e.firstName(), e.title(), e.titleOfCourtesy(),
          e.birthDate(), e.hireDate(), e.city(), e.country(), e.extension(), e.notes(), e.recipientId(), r);
    });
  }

  @Override public List<Supplier> suppliersPage(int limit, int offset) { return list(Sql.SUPPLIERS_PAGE, page(limit, offset), rs -> supplier(rs, 0)); }
  @Override public Supplier supplierById(int id) { return one(Sql.SUPPLIER_BY_ID, id(id), rs -> supplier(rs, 0)); }
  @Override public List<Product> productsPage(int limit, int offset) { return list(Sql.PRODUCTS_PAGE, page(limit, offset), rs -> product(rs, 0)); }

  @Override
  public ProductWithSupplier productWithSupplier(int id) {
    return one(Sql.PRODUCT_WITH_SUPPLIER, id(id), rs -> {
      Product p = product(rs, 0);
      rs.getInt(10);
      Supplier s = rs.wasNull() ? null : supplier(rs, 9);
      return new ProductWithSupplier(p.id(), p.name(), p.qtPerUnit(), p.unitPrice(), p.unitsInStock(),
          p.unitsOnOrder(), p.reorderLevel(), p.discontinued(), p.supplierId(), s);
    });
  }

  @Override public List<Product> productSearch(String prefix) { return list(Sql.PRODUCT_SEARCH, ps -> ps.setString(1, prefix + ":*"), rs -> product(rs, 0)); }
  @Override public List<OrderSummary> ordersPage(int limit, int offset) { return list(Sql.ORDERS_PAGE, page(limit, offset), RawJdbc::summary); }
  @Override public OrderSummary orderSummary(int id) { return one(Sql.ORDER_SUMMARY, id(id), RawJdbc::summary); }

  @Override
  public OrderWithDetails orderWithDetails(int id) {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.ORDER_WITH_DETAILS)) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return null;
        OrderWithDetails o = null;
        List<DetailWithProduct> details = new ArrayList<>();
        do {
          if (o == null) {
            o = new OrderWithDetails(rs.getInt(1), date(rs, 2), date(rs, 3), date(rs, 4), rs.getInt(5), rs.getDouble(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getInt(11), details);
          }
          rs.getInt(15);
          if (!rs.wasNull()) {
            details.add(new DetailWithProduct(rs.getDouble(12), rs.getInt(13), rs.getDouble(14), rs.getInt(15),
                rs.getInt(16), product(rs, 16)));
          }
        } while (rs.next());
        return o;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override public World world(int id) { return one(Sql.WORLD, id(id), rs -> new World(rs.getInt(1), rs.getInt(2))); }

  @Override
  public List<World> worlds(int[] ids) {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.WORLD)) {
      List<World> out = new ArrayList<>(ids.length);
      for (int id : ids) {
        ps.setInt(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          out.add(new World(rs.getInt(1), rs.getInt(2)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override public List<Fortune> fortunes() { return Api.withExtraSorted(list(Sql.FORTUNES, ps -> {}, rs -> new Fortune(rs.getInt(1), rs.getString(2)))); }

  @Override
  public List<World> updates(int[] ids, int[] numbers) {
    List<World> read = worlds(ids);
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.UPDATE_WORLD)) {
      List<World> out = new ArrayList<>(ids.length);
      for (int i = 0; i < ids.length; i++) {
        ps.setInt(1, numbers[i]);
        ps.setInt(2, read.get(i).id());
        ps.addBatch();
        out.add(new World(read.get(i).id(), numbers[i]));
      }
      ps.executeBatch();
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int insertReturning(NewCustomer n) {
    return one(Sql.INSERT_CUSTOMER_RETURNING, ps -> {
      ps.setString(1, n.companyName());
      ps.setString(2, n.contactName());
      ps.setString(3, n.city());
      ps.setString(4, n.country());
    }, rs -> rs.getInt(1));
  }

  @Override
  public void batchInsert(List<NewCustomer> rows) {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(Sql.INSERT_CUSTOMER)) {
        for (NewCustomer n : rows) {
          ps.setString(1, n.companyName());
          ps.setString(2, n.contactName());
          ps.setString(3, n.city());
          ps.setString(4, n.country());
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int nestedCreate(int customerId, List<NewLine> lines) {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        int orderId;
        try (PreparedStatement ps = c.prepareStatement(Sql.INSERT_ORDER)) {
          ps.setInt(1, customerId);
          ps.setObject(2, java.time.LocalDate.of(2024, 1, 1));
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            orderId = rs.getInt(1);
          }
        }
        try (PreparedStatement ps = c.prepareStatement(Sql.INSERT_LINE)) {
          for (NewLine l : lines) {
            ps.setInt(1, orderId);
            ps.setInt(2, l.productId());
            ps.setInt(3, l.quantity());
            ps.addBatch();
          }
          ps.executeBatch();
        }
        c.commit();
        return orderId;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void copyInsert(List<NewCustomer> rows) {
    StringBuilder b = new StringBuilder(rows.size() * 48);
    for (NewCustomer n : rows) {
      copyField(b, n.companyName()).append('\t');
      copyField(b, n.contactName()).append('\t');
      copyField(b, n.city()).append('\t');
      copyField(b, n.country()).append('\n');
    }
    // one COPY is one statement, atomic in autocommit: no BEGIN/COMMIT around it (what Sluice sends too)
    try (Connection c = ds.getConnection()) {
      c.unwrap(PGConnection.class).getCopyAPI().copyIn(Sql.COPY_CUSTOMERS, new StringReader(b.toString()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static StringBuilder copyField(StringBuilder b, String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(ch);
      }
    }
    return b;
  }

  @Override
  public void close() {}
}
