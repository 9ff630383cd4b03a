package dev.sluice.bench;

import dev.sluice.bench.Model.*;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * Hibernate ORM 6 configured programmatically on the shared pool: annotated entities for the tables read
 * and written, HQL with {@code join fetch} for the with-relation reads, read-only sessions for every read
 * (no snapshots, no dirty checking), entities mapped to the {@link Model} records. No second-level or query
 * cache; JDBC batching at 50 for the writes. Where HQL cannot express a query (PostgreSQL full-text search's
 * {@code @@}) a native query returning entities is used.
 */
public final class HibernateApi implements Api {

  // ---------------------------------------------------------------- entities

  @Entity(name = "HCustomer")
  @Table(name = "customers")
  public static class CustomerE {
    @Id Integer id;
    @Column(name = "company_name") String companyName;
    @Column(name = "contact_name") String contactName;
    @Column(name = "contact_title") String contactTitle;
    String address;
    String city;
    @Column(name = "postal_code") String postalCode;
    String region;
    String country;
    String phone;
    String fax;

    Customer toModel() {
      return new Customer(id, companyName, contactName, contactTitle, address, city, postalCode, region, country, phone, fax);
    }
  }

  @Entity(name = "HEmployee")
  @Table(name = "employees")
  public static class EmployeeE {
    @Id Integer id;
    @Column(name = "last_name") String lastName;
    @Column(name = "first_name") String firstName;
    String title;
    @Column(name = "title_of_courtesy") String titleOfCourtesy;
    @Column(name = "birth_date") LocalDate birthDate;
    @Column(name = "hire_date") LocalDate hireDate;
    String city;
    String country;
    Integer extension;
    String notes;
    /** The FK value, readable without initializing the lazy association. */
    @Column(name = "recipient_id", insertable = false, updatable = false) Integer recipientId;
    @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "recipient_id") EmployeeE recipient;

    Employee toModel() {
      return new Employee(id, lastName, firstName, title, titleOfCourtesy, birthDate, hireDate, city, country,
          extension, notes, recipientId);
    }
  }

  @Entity(name = "HSupplier")
  @Table(name = "suppliers")
  public static class SupplierE {
    @Id Integer id;
    @Column(name = "company_name") String companyName;
    @Column(name = "contact_name") String contactName;
    @Column(name = "contact_title") String contactTitle;
    String address;
    String city;
    String region;
    @Column(name = "postal_code") String postalCode;
    String country;
    String phone;

    Supplier toModel() {
      return new Supplier(id, companyName, contactName, contactTitle, address, city, region, postalCode, country, phone);
    }
  }

  @Entity(name = "HProduct")
  @Table(name = "products")
  public static class ProductE {
    @Id Integer id;
    String name;
    @Column(name = "qt_per_unit") String qtPerUnit;
    @Column(name = "unit_price") Double unitPrice;
    @Column(name = "units_in_stock") Integer unitsInStock;
    @Column(name = "units_on_order") Integer unitsOnOrder;
    @Column(name = "reorder_level") Integer reorderLevel;
    Integer discontinued;
    @Column(name = "supplier_id", insertable = false, updatable = false) Integer supplierId;
    @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "supplier_id") SupplierE supplier;

    Product toModel() {
      return new Product(id, name, qtPerUnit, unitPrice, unitsInStock, unitsOnOrder, reorderLevel, discontinued, supplierId);
    }
  }

  @Entity(name = "HOrder")
  @Table(name = "orders")
  public static class OrderE {
    @Id Integer id;
    @Column(name = "order_date") LocalDate orderDate;
    @Column(name = "required_date") LocalDate requiredDate;
    @Column(name = "shipped_date") LocalDate shippedDate;
    @Column(name = "ship_via") Integer shipVia;
    Double freight;
    @Column(name = "ship_name") String shipName;
    @Column(name = "ship_city") String shipCity;
    @Column(name = "ship_country") String shipCountry;
    @Column(name = "customer_id") Integer customerId;
    @Column(name = "employee_id") Integer employeeId;
    @OneToMany(fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id", insertable = false, updatable = false)
    List<DetailE> details = new ArrayList<>();
  }

  public static class DetailId implements Serializable {
    Integer orderId;
    Integer productId;

    @Override public boolean equals(Object o) {
      return o instanceof DetailId d && Objects.equals(orderId, d.orderId) && Objects.equals(productId, d.productId);
    }

    @Override public int hashCode() { return Objects.hash(orderId, productId); }
  }

  @Entity(name = "HDetail")
  @Table(name = "order_details")
  @IdClass(DetailId.class)
  public static class DetailE {
    @Id @Column(name = "order_id") Integer orderId;
    @Id @Column(name = "product_id") Integer productId;
    @Column(name = "unit_price") Double unitPrice;
    Integer quantity;
    Double discount;
    @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "product_id", insertable = false, updatable = false) ProductE product;
  }

  @Entity(name = "HWorld")
  @Table(name = "world")
  public static class WorldE {
    @Id Integer id;
    @Column(name = "randomnumber") Integer randomNumber;
  }

  @Entity(name = "HFortune")
  @Table(name = "fortune")
  public static class FortuneE {
    @Id Integer id;
    String message;
  }

  @Entity(name = "HNewCustomer")
  @Table(name = "w_customers")
  public static class NewCustomerE {
    /** serial: IDENTITY, which Hibernate cannot JDBC-batch (see batchInsert). */
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Integer id;
    @Column(name = "company_name") String companyName;
    @Column(name = "contact_name") String contactName;
    String city;
    String country;

    static NewCustomerE of(NewCustomer n) {
      NewCustomerE e = new NewCustomerE();
      e.companyName = n.companyName();
      e.contactName = n.contactName();
      e.city = n.city();
      e.country = n.country();
      return e;
    }
  }

  @Entity(name = "HNewOrder")
  @Table(name = "w_orders")
  public static class NewOrderE {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Integer id;
    @Column(name = "customer_id") Integer customerId;
    @Column(name = "order_date") LocalDate orderDate;
  }

  public static class LineId implements Serializable {
    Integer orderId;
    Integer productId;

    @Override public boolean equals(Object o) {
      return o instanceof LineId d && Objects.equals(orderId, d.orderId) && Objects.equals(productId, d.productId);
    }

    @Override public int hashCode() { return Objects.hash(orderId, productId); }
  }

  /** w_lines has no primary key; (order_id, product_id) is unique in what the benchmark writes. */
  @Entity(name = "HNewLine")
  @Table(name = "w_lines")
  @IdClass(LineId.class)
  public static class NewLineE {
    @Id @Column(name = "order_id") Integer orderId;
    @Id @Column(name = "product_id") Integer productId;
    Integer quantity;
  }

  // ---------------------------------------------------------------- api

  private final StandardServiceRegistry registry;
  private final SessionFactory sf;

  public HibernateApi(DataSource ds) {
    Configuration cfg = new Configuration();
    for (Class<?> c : List.of(CustomerE.class, EmployeeE.class, SupplierE.class, ProductE.class, OrderE.class,
        DetailE.class, WorldE.class, FortuneE.class, NewCustomerE.class, NewOrderE.class, NewLineE.class)) {
      cfg.addAnnotatedClass(c);
    }
    registry = new StandardServiceRegistryBuilder()
        .applySetting(AvailableSettings.DATASOURCE, ds)
        .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
        .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, "50")
        .applySetting(AvailableSettings.ORDER_INSERTS, "true")
        .applySetting(AvailableSettings.ORDER_UPDATES, "true")
        .applySetting(AvailableSettings.USE_SECOND_LEVEL_CACHE, "false")
        .applySetting(AvailableSettings.USE_QUERY_CACHE, "false")
        .applySetting(AvailableSettings.GENERATE_STATISTICS, "false")
        .applySetting(AvailableSettings.SHOW_SQL, "false")
        .build();
    sf = cfg.buildSessionFactory(registry);
  }

  private <T> T read(java.util.function.Function<Session, T> f) {
    try (Session s = sf.openSession()) {
      s.setDefaultReadOnly(true);
      return f.apply(s);
    }
  }

  private static <E, T> List<T> map(List<E> l, java.util.function.Function<E, T> f) {
    List<T> out = new ArrayList<>(l.size());
    for (E e : l) out.add(f.apply(e));
    return out;
  }

  private <E> List<E> page(String hql, Class<E> type, int limit, int offset) {
    return read(s -> s.createSelectionQuery(hql, type).setReadOnly(true).setFirstResult(offset).setMaxResults(limit).getResultList());
  }

  @Override
  public List<Customer> customersPage(int limit, int offset) {
    return map(page("from HCustomer c order by c.id", CustomerE.class, limit, offset), CustomerE::toModel);
  }

  @Override
  public Customer customerById(int id) {
    CustomerE c = read(s -> s.get(CustomerE.class, id));
    return c == null ? null : c.toModel();
  }

  /** Native query: HQL has no syntax for PostgreSQL's {@code @@} full-text match. */
  @Override
  public List<Customer> customerSearch(String prefix) {
    return map(read(s -> s.createNativeQuery(Sql.CUSTOMER_SEARCH, CustomerE.class).setParameter(1, prefix + ":*")
        .setReadOnly(true).getResultList()), CustomerE::toModel);
  }

  @Override
  public List<Employee> employeesPage(int limit, int offset) {
    return map(page("from HEmployee e order by e.id", EmployeeE.class, limit, offset), EmployeeE::toModel);
  }

  @Override
  public EmployeeWithRecipient employeeWithRecipient(int id) {
    return read(s -> {
      EmployeeE e = s.createSelectionQuery("from HEmployee e left join fetch e.recipient where e.id = :id", EmployeeE.class)
          .setParameter("id", id).setReadOnly(true).uniqueResult();
      if (e == null) return null;
      return new EmployeeWithRecipient(e.id, e.lastName, e.firstName, e.title, e.titleOfCourtesy, e.birthDate,
          e.hireDate, e.city, e.country, e.extension, e.notes, e.recipientId, e.recipient == null ? null : e.recipient.toModel());
    });
  }

  @Override
  public List<Supplier> suppliersPage(int limit, int offset) {
    return map(page("from HSupplier s order by s.id", SupplierE.class, limit, offset), SupplierE::toModel);
  }

  @Override
  public Supplier supplierById(int id) {
    SupplierE e = read(s -> s.get(SupplierE.class, id));
    return e == null ? null : e.toModel();
  }

  @Override
  public List<Product> productsPage(int limit, int offset) {
    return map(page("from HProduct p order by p.id", ProductE.class, limit, offset), ProductE::toModel);
  }

  @Override
  public ProductWithSupplier productWithSupplier(int id) {
    return read(s -> {
      ProductE p = s.createSelectionQuery("from HProduct p left join fetch p.supplier where p.id = :id", ProductE.class)
          .setParameter("id", id).setReadOnly(true).uniqueResult();
      if (p == null) return null;
      return new ProductWithSupplier(p.id, p.name, p.qtPerUnit, p.unitPrice, p.unitsInStock, p.unitsOnOrder,
          p.reorderLevel, p.discontinued, p.supplierId, p.supplier == null ? null : p.supplier.toModel());
    });
  }

  /** Native query: HQL has no syntax for PostgreSQL's {@code @@} full-text match. */
  @Override
  public List<Product> productSearch(String prefix) {
    return map(read(s -> s.createNativeQuery(Sql.PRODUCT_SEARCH, ProductE.class).setParameter(1, prefix + ":*")
        .setReadOnly(true).getResultList()), ProductE::toModel);
  }

  private static final String SUMMARY = "select o.id, o.shippedDate, o.shipName, o.shipCity, o.shipCountry,"
      + " count(d.productId), sum(d.quantity), sum(d.quantity * d.unitPrice) from HOrder o left join o.details d";

  private static OrderSummary summary(Object[] r) {
    return new OrderSummary((Integer) r[0], (LocalDate) r[1], (String) r[2], (String) r[3], (String) r[4],
        (Long) r[5], r[6] == null ? null : ((Number) r[6]).longValue(), r[7] == null ? null : ((Number) r[7]).doubleValue());
  }

  @Override
  public List<OrderSummary> ordersPage(int limit, int offset) {
    return map(read(s -> s.createSelectionQuery(SUMMARY + " group by o.id order by o.id", Object[].class)
        .setFirstResult(offset).setMaxResults(limit).setReadOnly(true).getResultList()), HibernateApi::summary);
  }

  @Override
  public OrderSummary orderSummary(int id) {
    Object[] r = read(s -> s.createSelectionQuery(SUMMARY + " where o.id = :id group by o.id", Object[].class)
        .setParameter("id", id).setReadOnly(true).uniqueResult());
    return r == null ? null : summary(r);
  }

  @Override
  public OrderWithDetails orderWithDetails(int id) {
    return read(s -> {
      OrderE o = s.createSelectionQuery("from HOrder o left join fetch o.details d left join fetch d.product"
          + " where o.id = :id order by d.productId", OrderE.class).setParameter("id", id).setReadOnly(true).uniqueResult();
      if (o == null) return null;
      List<DetailWithProduct> details = new ArrayList<>(o.details.size());
      for (DetailE d : o.details) {
        details.add(new DetailWithProduct(d.unitPrice, d.quantity, d.discount, d.orderId, d.productId, d.product.toModel()));
      }
      return new OrderWithDetails(o.id, o.orderDate, o.requiredDate, o.shippedDate, o.shipVia, o.freight, o.shipName,
          o.shipCity, o.shipCountry, o.customerId, o.employeeId, details);
    });
  }

  @Override
  public World world(int id) {
    WorldE w = read(s -> s.get(WorldE.class, id));
    return w == null ? null : new World(w.id, w.randomNumber);
  }

  @Override
  public List<World> worlds(int[] ids) {
    return read(s -> {
      List<World> out = new ArrayList<>(ids.length);
      for (int id : ids) {
        WorldE w = s.get(WorldE.class, id);
        out.add(new World(w.id, w.randomNumber));
      }
      return out;
    });
  }

  @Override
  public List<Fortune> fortunes() {
    return Api.withExtraSorted(map(read(s -> s.createSelectionQuery("from HFortune", FortuneE.class).setReadOnly(true)
        .getResultList()), f -> new Fortune(f.id, f.message)));
  }

  /** TechEmpower's ORM style: load each World (one select per id), change it, flush the updates as one JDBC batch. */
  @Override
  public List<World> updates(int[] ids, int[] numbers) {
    try (Session s = sf.openSession()) {
      var tx = s.beginTransaction();
      List<World> out = new ArrayList<>(ids.length);
      for (int i = 0; i < ids.length; i++) {
        WorldE w = s.get(WorldE.class, ids[i]);
        w.randomNumber = numbers[i];
        out.add(new World(w.id, numbers[i]));
      }
      tx.commit();
      return out;
    }
  }

  @Override
  public int insertReturning(NewCustomer n) {
    try (Session s = sf.openSession()) {
      var tx = s.beginTransaction();
      NewCustomerE e = NewCustomerE.of(n);
      s.persist(e);
      tx.commit();
      return e.id;
    }
  }

  /**
   * w_customers.id is a serial (IDENTITY, increment 1): Hibernate cannot JDBC-batch IDENTITY inserts and a pooled
   * sequence optimizer would need a matching increment, so this is what Hibernate really does: one insert
   * ... returning per row, in one transaction.
   */
  @Override
  public void batchInsert(List<NewCustomer> rows) {
    try (Session s = sf.openSession()) {
      var tx = s.beginTransaction();
      for (NewCustomer n : rows) s.persist(NewCustomerE.of(n));
      tx.commit();
    }
  }

  @Override
  public int nestedCreate(int customerId, List<NewLine> lines) {
    try (Session s = sf.openSession()) {
      var tx = s.beginTransaction();
      NewOrderE o = new NewOrderE();
      o.customerId = customerId;
      o.orderDate = LocalDate.of(2024, 1, 1);
      s.persist(o);
      for (NewLine l : lines) {
        NewLineE e = new NewLineE();
        e.orderId = o.id;
        e.productId = l.productId();
        e.quantity = l.quantity();
        s.persist(e);
      }
      tx.commit();
      return o.id;
    }
  }

  /** Hibernate has no COPY API. */
  @Override
  public void copyInsert(List<NewCustomer> rows) {
    throw new UnsupportedOperationException("Hibernate has no COPY API");
  }

  @Override
  public void close() {
    sf.close();
    StandardServiceRegistryBuilder.destroy(registry);
  }
}
