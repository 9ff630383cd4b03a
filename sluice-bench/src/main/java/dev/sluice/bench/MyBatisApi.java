package dev.sluice.bench;

import dev.sluice.bench.Model.*;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * MyBatis 3.5 with a programmatic {@link Configuration} and an annotation mapper (no XML). Flat reads map
 * straight into the records through MyBatis' column-order constructor auto-mapping; the three joined reads
 * map into flat row records (aliased columns, since MyBatis reads by label) that are assembled in Java,
 * because MyBatis 3.5 cannot fill a record's collection constructor argument. Local cache is STATEMENT
 * scoped so sessions never serve cached rows.
 */
public final class MyBatisApi implements Api {
  static final String E_COLS = "e.id, e.last_name, e.first_name, e.title, e.title_of_courtesy, e.birth_date, e.hire_date,"
      + " e.city, e.country, e.extension, e.notes, e.recipient_id";

  /** The flat row of employees e left join employees r. */
  public record EmployeeRow(Integer id, String lastName, String firstName, String title, String titleOfCourtesy,
      LocalDate birthDate, LocalDate hireDate, String city, String country, Integer extension, String notes,
      Integer recipientId, Integer rId, String rLastName, String rFirstName, String rTitle, String rTitleOfCourtesy,
      LocalDate rBirthDate, LocalDate rHireDate, String rCity, String rCountry, Integer rExtension, String rNotes,
      Integer rRecipientId) {}

  /** The flat row of products p left join suppliers s. */
  public record ProductRow(Integer id, String name, String qtPerUnit, Double unitPrice, Integer unitsInStock,
      Integer unitsOnOrder, Integer reorderLevel, Integer discontinued, Integer supplierId, Integer sId,
      String sCompanyName, String sContactName, String sContactTitle, String sAddress, String sCity, String sRegion,
      String sPostalCode, String sCountry, String sPhone) {}

  /** The flat row of orders o left join order_details d left join products p. */
  public record OrderRow(Integer id, LocalDate orderDate, LocalDate requiredDate, LocalDate shippedDate,
      Integer shipVia, Double freight, String shipName, String shipCity, String shipCountry, Integer customerId,
      Integer employeeId, Double dUnitPrice, Integer dQuantity, Double dDiscount, Integer dOrderId,
      Integer dProductId, Integer pId, String pName, String pQtPerUnit, Double pUnitPrice, Integer pUnitsInStock,
      Integer pUnitsOnOrder, Integer pReorderLevel, Integer pDiscontinued, Integer pSupplierId) {}

  public interface Mapper {
    @Select("select " + Sql.CUSTOMER_COLS + " from customers order by id limit #{limit} offset #{offset}") List<Customer> customersPage(@Param("limit") int limit, @Param("offset") int offset);
    @Select("select " + Sql.CUSTOMER_COLS + " from customers where id = #{id}") Customer customerById(int id);
    @Select("select " + Sql.CUSTOMER_COLS + " from customers where to_tsvector('english', company_name) @@ to_tsquery('english', #{q}) order by id")
    List<Customer> customerSearch(String q);
    @Select("select " + Sql.EMPLOYEE_COLS + " from employees order by id limit #{limit} offset #{offset}")
    List<Employee> employeesPage(@Param("limit") int limit, @Param("offset") int offset);
    @Select("select " + E_COLS + ", r.id r_id, r.last_name r_last_name, r.first_name r_first_name, r.title r_title,"
        + " r.title_of_courtesy r_toc, r.birth_date r_birth_date, r.hire_date r_hire_date, r.city r_city,"
        + " r.country r_country, r.extension r_extension, r.notes r_notes, r.recipient_id r_recipient_id"
        + " from employees e left join employees r on r.id = e.recipient_id where e.id = #{id}")
    EmployeeRow employeeWithRecipient(int id);
    @Select("select " + Sql.SUPPLIER_COLS + " from suppliers order by id limit #{limit} offset #{offset}")
    List<Supplier> suppliersPage(@Param("limit") int limit, @Param("offset") int offset);
    @Select("select " + Sql.SUPPLIER_COLS + " from suppliers where id = #{id}") Supplier supplierById(int id);
    @Select("select " + Sql.PRODUCT_COLS + " from products order by id limit #{limit} offset #{offset}")
    List<Product> productsPage(@Param("limit") int limit, @Param("offset") int offset);
    @Select("select p.id, p.name, p.qt_per_unit, p.unit_price, p.units_in_stock, p.units_on_order, p.reorder_level,"
        + " p.discontinued, p.supplier_id, s.id s_id, s.company_name s_company_name, s.contact_name s_contact_name,"
        + " s.contact_title s_contact_title, s.address s_address, s.city s_city, s.region s_region,"
        + " s.postal_code s_postal_code, s.country s_country, s.phone s_phone"
        + " from products p left join suppliers s on s.id = p.supplier_id where p.id = #{id}")
    ProductRow productWithSupplier(int id);
    @Select("select " + Sql.PRODUCT_COLS + " from products where to_tsvector('english', name) @@ to_tsquery('english', #{q}) order by id")
    List<Product> productSearch(String q);
    @Select("select o.id, o.shipped_date, o.ship_name, o.ship_city, o.ship_country, count(d.product_id) products_count,"
        + " sum(d.quantity) quantity_sum, sum(d.quantity * d.unit_price) total_price"
        + " from orders o left join order_details d on d.order_id = o.id group by o.id order by o.id limit #{limit} offset #{offset}")
    List<OrderSummary> ordersPage(@Param("limit") int limit, @Param("offset") int offset);
    @Select("select o.id, o.shipped_date, o.ship_name, o.ship_city, o.ship_country, count(d.product_id) products_count,"
        + " sum(d.quantity) quantity_sum, sum(d.quantity * d.unit_price) total_price"
        + " from orders o left join order_details d on d.order_id = o.id where o.id = #{id} group by o.id")
    OrderSummary orderSummary(int id);
    @Select("select o.id, o.order_date, o.required_date, o.shipped_date, o.ship_via, o.freight, o.ship_name, o.ship_city,"
        + " o.ship_country, o.customer_id, o.employee_id, d.unit_price d_unit_price, d.quantity d_quantity,"
        + " d.discount d_discount, d.order_id d_order_id, d.product_id d_product_id, p.id p_id, p.name p_name,"
        + " p.qt_per_unit p_qt_per_unit, p.unit_price p_unit_price, p.units_in_stock p_units_in_stock,"
        + " p.units_on_order p_units_on_order, p.reorder_level p_reorder_level, p.discontinued p_discontinued,"
        + " p.supplier_id p_supplier_id"
        + " from orders o left join order_details d on d.order_id = o.id left join products p on p.id = d.product_id"
        + " where o.id = #{id} order by d.product_id")
    List<OrderRow> orderWithDetails(int id);
    @Select("select id, randomnumber from world where id = #{id}") World world(int id);
    @Select(Sql.FORTUNES) List<Fortune> fortunes();
    @Update("update world set randomnumber = #{n} where id = #{id}") int updateWorld(@Param("id") int id, @Param("n") int n);
    @Select("insert into w_customers (company_name, contact_name, city, country)"
        + " values (#{companyName}, #{contactName}, #{city}, #{country}) returning id")
    Integer insertReturning(NewCustomer c);
    @Insert("insert into w_customers (company_name, contact_name, city, country) values (#{companyName}, #{contactName}, #{city}, #{country})")
    int insert(NewCustomer c);
    @Select("insert into w_orders (customer_id, order_date) values (#{customerId}, #{date}) returning id")
    Integer insertOrder(@Param("customerId") int customerId, @Param("date") LocalDate date);
    @Insert("insert into w_lines (order_id, product_id, quantity) values (#{orderId}, #{l.productId}, #{l.quantity})")
    int insertLine(@Param("orderId") int orderId, @Param("l") NewLine line);
  }

  private final SqlSessionFactory factory;

  public MyBatisApi(DataSource ds) {
    Configuration cfg = new Configuration(new Environment("bench", new JdbcTransactionFactory(), ds));
    cfg.setLocalCacheScope(org.apache.ibatis.session.LocalCacheScope.STATEMENT);
    cfg.setCacheEnabled(false);
    cfg.addMapper(Mapper.class);
    this.factory = new SqlSessionFactoryBuilder().build(cfg);
  }

  private <T> T read(java.util.function.Function<Mapper, T> f) {
    try (SqlSession s = factory.openSession(true)) {
      return f.apply(s.getMapper(Mapper.class));
    }
  }

  @Override public List<Customer> customersPage(int limit, int offset) { return read(m -> m.customersPage(limit, offset)); }
  @Override public Customer customerById(int id) { return read(m -> m.customerById(id)); }
  @Override public List<Customer> customerSearch(String prefix) { return read(m -> m.customerSearch(prefix + ":*")); }
  @Override public List<Employee> employeesPage(int limit, int offset) { return read(m -> m.employeesPage(limit, offset)); }

  @Override
  public EmployeeWithRecipient employeeWithRecipient(int id) {
    EmployeeRow r = read(m -> m.employeeWithRecipient(id));
    if (r == null) return null;
    Employee rec = r.rId() == null ? null : new Employee(r.rId(), r.rLastName(), r.rFirstName(), r.rTitle(),
        r.rTitleOfCourtesy(), r.rBirthDate(), r.rHireDate(), r.rCity(), r.rCountry(), r.rExtension(), r.rNotes(),
        r.rRecipientId());
    return new EmployeeWithRecipient(r.id(), r.lastName(), r.firstName(), r.title(), r.titleOfCourtesy(),
        r.birthDate(), r.hireDate(), r.city(), r.country(), r.extension(), r.notes(), r.recipientId(), rec);
  }

  @Override public List<Supplier> suppliersPage(int limit, int offset) { return read(m -> m.suppliersPage(limit, offset)); }
  @Override public Supplier supplierById(int id) { return read(m -> m.supplierById(id)); }
  @Override public List<Product> productsPage(int limit, int offset) { return read(m -> m.productsPage(limit, offset)); }

  @Override
  public ProductWithSupplier productWithSupplier(int id) {
    ProductRow r = read(m -> m.productWithSupplier(id));
    if (r == null) return null;
    Supplier s = r.sId() == null ? null : new Supplier(r.sId(), r.sCompanyName(), r.sContactName(), r.sContactTitle(),
        r.sAddress(), r.sCity(), r.sRegion(), r.sPostalCode(), r.sCountry(), r.sPhone());
    return new ProductWithSupplier(r.id(), r.name(), r.qtPerUnit(), r.unitPrice(), r.unitsInStock(), r.unitsOnOrder(),
        r.reorderLevel(), r.discontinued(), r.supplierId(), s);
  }

  @Override public List<Product> productSearch(String prefix) { return read(m -> m.productSearch(prefix + ":*")); }
  @Override public List<OrderSummary> ordersPage(int limit, int offset) { return read(m -> m.ordersPage(limit, offset)); }
  @Override public OrderSummary orderSummary(int id) { return read(m -> m.orderSummary(id)); }

  @Override
  public OrderWithDetails orderWithDetails(int id) {
    List<OrderRow> rows = read(m -> m.orderWithDetails(id));
    if (rows.isEmpty()) return null;
    OrderRow o = rows.get(0);
    List<DetailWithProduct> details = new ArrayList<>(rows.size());
    for (OrderRow r : rows) {
      if (r.dOrderId() == null) continue;
      details.add(new DetailWithProduct(r.dUnitPrice(), r.dQuantity(), r.dDiscount(), r.dOrderId(), r.dProductId(),
          new Product(r.pId(), r.pName(), r.pQtPerUnit(), r.pUnitPrice(), r.pUnitsInStock(), r.pUnitsOnOrder(),
              r.pReorderLevel(), r.pDiscontinued(), r.pSupplierId())));
    }
    return new OrderWithDetails(o.id(), o.orderDate(), o.requiredDate(), o.shippedDate(), o.shipVia(), o.freight(),
        o.shipName(), o.shipCity(), o.shipCountry(), o.customerId(), o.employeeId(), details);
  }

  @Override public World world(int id) { return read(m -> m.world(id)); }

  @Override
  public List<World> worlds(int[] ids) {
    return read(m -> {
      List<World> out = new ArrayList<>(ids.length);
      for (int id : ids) out.add(m.world(id));
      return out;
    });
  }

  @Override public List<Fortune> fortunes() { return Api.withExtraSorted(new ArrayList<>(read(Mapper::fortunes))); }

  @Override
  public List<World> updates(int[] ids, int[] numbers) {
    List<World> read = worlds(ids);
    // BATCH executor: the updates go out as one JDBC batch at commit, like raw JDBC's executeBatch
    try (SqlSession s = factory.openSession(ExecutorType.BATCH, true)) {
      Mapper m = s.getMapper(Mapper.class);
      List<World> out = new ArrayList<>(ids.length);
      for (int i = 0; i < ids.length; i++) {
        m.updateWorld(read.get(i).id(), numbers[i]);
        out.add(new World(read.get(i).id(), numbers[i]));
      }
      s.flushStatements();
      return out;
    }
  }

  @Override public int insertReturning(NewCustomer c) { return read(m -> m.insertReturning(c)); }

  @Override
  public void batchInsert(List<NewCustomer> rows) {
    try (SqlSession s = factory.openSession(ExecutorType.BATCH, false)) {
      Mapper m = s.getMapper(Mapper.class);
      for (NewCustomer c : rows) m.insert(c);
      s.commit();
    }
  }

  @Override
  public int nestedCreate(int customerId, List<NewLine> lines) {
    // one BATCH session: the returning insert is a select (runs immediately), the lines are batched, commit flushes
    try (SqlSession s = factory.openSession(ExecutorType.BATCH, false)) {
      Mapper m = s.getMapper(Mapper.class);
      int orderId = m.insertOrder(customerId, LocalDate.of(2024, 1, 1));
      for (NewLine l : lines) m.insertLine(orderId, l);
      s.commit();
      return orderId;
    }
  }

  /** MyBatis has no COPY API. */
  @Override
  public void copyInsert(List<NewCustomer> rows) {
    throw new UnsupportedOperationException("MyBatis has no COPY API");
  }

  @Override
  public void close() {}
}
