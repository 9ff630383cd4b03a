package dev.sluice.bench;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;

import dev.sluice.bench.Model.*;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * jOOQ OSS with its typed DSL over name-based tables and fields (no code generation), execute
 * logging off (as in production). Nested results are assembled from a join, as jOOQ users do
 * without MULTISET.
 */
public final class JooqApi implements Api {
  private final DSLContext ctx;

  private static Field<Integer> i(String t, String c) { return field(name(t, c), SQLDataType.INTEGER); }
  private static Field<String> s(String t, String c) { return field(name(t, c), SQLDataType.CLOB); }
  private static Field<Double> d(String t, String c) { return field(name(t, c), SQLDataType.DOUBLE); }
  private static Field<LocalDate> date(String t, String c) { return field(name(t, c), SQLDataType.LOCALDATE); }

  private static final Table<Record> CUSTOMERS = table(name("customers"));
  private static final Field<?>[] CUSTOMER = {i("customers", "id"), s("customers", "company_name"),
      s("customers", "contact_name"), s("customers", "contact_title"), s("customers", "address"), s("customers", "city"),
      s("customers", "postal_code"), s("customers", "region"), s("customers", "country"), s("customers", "phone"),
      s("customers", "fax")};
  private static Field<?>[] employee(String t) {
    return new Field<?>[] {i(t, "id"), s(t, "last_name"), s(t, "first_name"), s(t, "title"), s(t, "title_of_courtesy"),
        date(t, "birth_date"), date(t, "hire_date"), s(t, "city"), s(t, "country"), i(t, "extension"), s(t, "notes"),
        i(t, "recipient_id")};
  }
  private static final Field<?>[] EMPLOYEE = employee("employees");
  private static Field<?>[] supplier(String t) {
    return new Field<?>[] {i(t, "id"), s(t, "company_name"), s(t, "contact_name"), s(t, "contact_title"),
        s(t, "address"), s(t, "city"), s(t, "region"), s(t, "postal_code"), s(t, "country"), s(t, "phone")};
  }
  private static final Field<?>[] SUPPLIER = supplier("suppliers");
  private static Field<?>[] product(String t) {
    return new Field<?>[] {i(t, "id"), s(t, "name"), s(t, "qt_per_unit"), d(t, "unit_price"), i(t, "units_in_stock"),
        i(t, "units_on_order"), i(t, "reorder_level"), i(t, "discontinued"), i(t, "supplier_id")};
  }
  private static final Field<?>[] PRODUCT = product("products");
  private static final Field<Integer> C_ID = i("customers", "id");
  private static final Field<Integer> E_ID = i("employees", "id");
  private static final Field<Integer> S_ID = i("suppliers", "id");
  private static final Field<Integer> P_ID = i("products", "id");
  private static final Field<Integer> O_ID = i("orders", "id");
  private static final Field<Integer> D_ORDER = i("order_details", "order_id");
  private static final Field<Integer> D_PRODUCT = i("order_details", "product_id");
  private static final Field<Integer> D_QTY = i("order_details", "quantity");
  private static final Field<Double> D_PRICE = d("order_details", "unit_price");
  private static final Field<Integer> W_ID = i("world", "id");
  private static final Field<Integer> W_NUM = i("world", "randomnumber");
  private static final Field<?>[] SUMMARY = {O_ID, date("orders", "shipped_date"), s("orders", "ship_name"),
      s("orders", "ship_city"), s("orders", "ship_country"), count(D_PRODUCT),
      sum(D_QTY).cast(SQLDataType.BIGINT), sum(D_QTY.times(D_PRICE)).cast(SQLDataType.DOUBLE)};

  public JooqApi(DataSource ds) {
    this.ctx = DSL.using(ds, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false).withRenderSchema(false));
  }

  private static Customer customer(Record r) {
    return new Customer(r.get(0, Integer.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
        r.get(4, String.class), r.get(5, String.class), r.get(6, String.class), r.get(7, String.class),
        r.get(8, String.class), r.get(9, String.class), r.get(10, String.class));
  }

  private static Employee employee(Record r, int o) {
    return new Employee((Integer) r.get(o), (String) r.get(o + 1), (String) r.get(o + 2), (String) r.get(o + 3),
        (String) r.get(o + 4), (LocalDate) r.get(o + 5), (LocalDate) r.get(o + 6), (String) r.get(o + 7),
        (String) r.get(o + 8), (Integer) r.get(o + 9), (String) r.get(o + 10), (Integer) r.get(o + 11));
  }

  private static Supplier supplier(Record r, int o) {
    return new Supplier((Integer) r.get(o), (String) r.get(o + 1), (String) r.get(o + 2), (String) r.get(o + 3),
        (String) r.get(o + 4), (String) r.get(o + 5), (String) r.get(o + 6), (String) r.get(o + 7),
        (String) r.get(o + 8), (String) r.get(o + 9));
  }

  private static Product product(Record r, int o) {
    return new Product((Integer) r.get(o), (String) r.get(o + 1), (String) r.get(o + 2), (Double) r.get(o + 3),
        (Integer) r.get(o + 4), (Integer) r.get(o + 5), (Integer) r.get(o + 6), (Integer) r.get(o + 7),
        (Integer) r.get(o + 8));
  }

  private static OrderSummary summary(Record r) {
    return new OrderSummary((Integer) r.get(0), (LocalDate) r.get(1), (String) r.get(2), (String) r.get(3),
        (String) r.get(4), ((Integer) r.get(5)).longValue(), (Long) r.get(6), (Double) r.get(7));
  }

  private static Field<?>[] concat(Field<?>[] a, Field<?>[] b) {
    Field<?>[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static org.jooq.Condition fts(String t, String col, String prefix) {
    return DSL.condition("to_tsvector('english', {0}) @@ to_tsquery('english', {1})", field(name(t, col)), DSL.val(prefix + ":*"));
  }

  @Override public List<Customer> customersPage(int limit, int offset) { return ctx.select(CUSTOMER).from(CUSTOMERS).orderBy(C_ID).limit(limit).offset(offset).fetch(JooqApi::customer); }
  @Override public Customer customerById(int id) { return ctx.select(CUSTOMER).from(CUSTOMERS).where(C_ID.eq(id)).fetchOne(JooqApi::customer); }
  @Override public List<Customer> customerSearch(String prefix) { return ctx.select(CUSTOMER).from(CUSTOMERS).where(fts("customers", "company_name", prefix)).orderBy(C_ID).fetch(JooqApi::customer); }
  @Override public List<Employee> employeesPage(int limit, int offset) { return ctx.select(EMPLOYEE).from(table(name("employees"))).orderBy(E_ID).limit(limit).offset(offset).fetch(r -> employee(r, 0)); }

  @Override
  public EmployeeWithRecipient employeeWithRecipient(int id) {
    Table<Record> e = table(name("employees")).as("e");
    Table<Record> r = table(name("employees")).as("r");
    return ctx.select(concat(employee("e"), employee("r"))).from(e).leftJoin(r).on(i("r", "id").eq(i("e", "recipient_id")))
        .where(i("e", "id").eq(id)).fetchOne(rec -> {
          Employee x = employee(rec, 0);
          Employee rr = rec.get(12) == null ? null : employee(rec, 12);
          return new EmployeeWithRecipient(x.id(), x.lastName(), x.firstName(), x.title(), x.titleOfCourtesy(),
              x.birthDate(), x.hireDate(), x.city(), x.country(), x.extension(), x.notes(), x.recipientId(), rr);
        });
  }

  @Override public List<Supplier> suppliersPage(int limit, int offset) { return ctx.select(SUPPLIER).from(table(name("suppliers"))).orderBy(S_ID).limit(limit).offset(offset).fetch(r -> supplier(r, 0)); }
  @Override public Supplier supplierById(int id) { return ctx.select(SUPPLIER).from(table(name("suppliers"))).where(S_ID.eq(id)).fetchOne(r -> supplier(r, 0)); }
  @Override public List<Product> productsPage(int limit, int offset) { return ctx.select(PRODUCT).from(table(name("products"))).orderBy(P_ID).limit(limit).offset(offset).fetch(r -> product(r, 0)); }

  @Override
  public ProductWithSupplier productWithSupplier(int id) {
    return ctx.select(concat(PRODUCT, SUPPLIER)).from(table(name("products"))).leftJoin(table(name("suppliers")))
        .on(S_ID.eq(i("products", "supplier_id"))).where(P_ID.eq(id)).fetchOne(rec -> {
          Product p = product(rec, 0);
          Supplier s = rec.get(9) == null ? null : supplier(rec, 9);
          return new ProductWithSupplier(p.id(), p.name(), p.qtPerUnit(), p.unitPrice(), p.unitsInStock(),
              p.unitsOnOrder(), p.reorderLevel(), p.discontinued(), p.supplierId(), s);
        });
  }

  @Override public List<Product> productSearch(String prefix) { return ctx.select(PRODUCT).from(table(name("products"))).where(fts("products", "name", prefix)).orderBy(P_ID).fetch(r -> product(r, 0)); }

  @Override
  public List<OrderSummary> ordersPage(int limit, int offset) {
    return ctx.select(SUMMARY).from(table(name("orders"))).leftJoin(table(name("order_details"))).on(D_ORDER.eq(O_ID))
        .groupBy(O_ID).orderBy(O_ID).limit(limit).offset(offset).fetch(JooqApi::summary);
  }

  @Override
  public OrderSummary orderSummary(int id) {
    return ctx.select(SUMMARY).from(table(name("orders"))).leftJoin(table(name("order_details"))).on(D_ORDER.eq(O_ID))
        .where(O_ID.eq(id)).groupBy(O_ID).fetchOne(JooqApi::summary);
  }

  private static final Field<?>[] ORDER_FULL = concat(new Field<?>[] {O_ID, date("orders", "order_date"),
      date("orders", "required_date"), date("orders", "shipped_date"), i("orders", "ship_via"), d("orders", "freight"),
      s("orders", "ship_name"), s("orders", "ship_city"), s("orders", "ship_country"), i("orders", "customer_id"),
      i("orders", "employee_id"), D_PRICE, D_QTY, d("order_details", "discount"), D_ORDER, D_PRODUCT}, PRODUCT);

  @Override
  public OrderWithDetails orderWithDetails(int id) {
    org.jooq.Result<Record> rows = ctx.select(ORDER_FULL).from(table(name("orders")))
        .leftJoin(table(name("order_details"))).on(D_ORDER.eq(O_ID))
        .leftJoin(table(name("products"))).on(P_ID.eq(D_PRODUCT)).where(O_ID.eq(id)).orderBy(D_PRODUCT).fetch();
    if (rows.isEmpty()) return null;
    List<DetailWithProduct> details = new ArrayList<>();
    for (Record r : rows) {
      if (r.get(14) != null) {
        details.add(new DetailWithProduct((Double) r.get(11), (Integer) r.get(12), (Double) r.get(13),
            (Integer) r.get(14), (Integer) r.get(15), product(r, 16)));
      }
    }
    Record r = rows.get(0);
    return new OrderWithDetails((Integer) r.get(0), (LocalDate) r.get(1), (LocalDate) r.get(2), (LocalDate) r.get(3),
        (Integer) r.get(4), (Double) r.get(5), (String) r.get(6), (String) r.get(7), (String) r.get(8),
        (Integer) r.get(9), (Integer) r.get(10), details);
  }

  @Override
  public World world(int id) {
    return ctx.select(W_ID, W_NUM).from(table(name("world"))).where(W_ID.eq(id)).fetchOne(r -> new World(r.value1(), r.value2()));
  }

  @Override
  public List<World> worlds(int[] ids) {
    List<World> out = new ArrayList<>(ids.length);
    for (int id : ids) out.add(world(id));
    return out;
  }

  @Override
  public List<Fortune> fortunes() {
    Field<Integer> id = i("fortune", "id");
    Field<String> msg = s("fortune", "message");
    return Api.withExtraSorted(new ArrayList<>(ctx.select(id, msg).from(table(name("fortune"))).fetch(r -> new Fortune(r.value1(), r.value2()))));
  }

  @Override
  public List<World> updates(int[] ids, int[] numbers) {
    List<World> read = worlds(ids);
    BatchBindStep batch = ctx.batch(ctx.update(table(name("world"))).set(W_NUM, (Integer) null).where(W_ID.eq((Integer) null)));
    List<World> out = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      batch.bind(numbers[i], read.get(i).id());
      out.add(new World(read.get(i).id(), numbers[i]));
    }
    batch.execute();
    return out;
  }

  private static final Table<Record> W_CUSTOMERS = table(name("w_customers"));
  private static final Field<String> NC_COMPANY = field(name("company_name"), SQLDataType.CLOB);
  private static final Field<String> NC_CONTACT = field(name("contact_name"), SQLDataType.CLOB);
  private static final Field<String> NC_CITY = field(name("city"), SQLDataType.CLOB);
  private static final Field<String> NC_COUNTRY = field(name("country"), SQLDataType.CLOB);
  private static final Field<Integer> ID = field(name("id"), SQLDataType.INTEGER);

  @Override
  public int insertReturning(NewCustomer n) {
    return ctx.insertInto(W_CUSTOMERS, NC_COMPANY, NC_CONTACT, NC_CITY, NC_COUNTRY)
        .values(n.companyName(), n.contactName(), n.city(), n.country()).returning(ID).fetchOne().get(ID);
  }

  @Override
  public void batchInsert(List<NewCustomer> rows) {
    ctx.transaction(cfg -> {
      DSLContext tx = DSL.using(cfg);
      BatchBindStep batch = tx.batch(tx.insertInto(W_CUSTOMERS, NC_COMPANY, NC_CONTACT, NC_CITY, NC_COUNTRY)
          .values((String) null, null, null, null));
      for (NewCustomer n : rows) batch.bind(n.companyName(), n.contactName(), n.city(), n.country());
      batch.execute();
    });
  }

  @Override
  public int nestedCreate(int customerId, List<NewLine> lines) {
    Field<Integer> cust = field(name("customer_id"), SQLDataType.INTEGER);
    Field<LocalDate> od = field(name("order_date"), SQLDataType.LOCALDATE);
    Field<Integer> oid = field(name("order_id"), SQLDataType.INTEGER);
    Field<Integer> pid = field(name("product_id"), SQLDataType.INTEGER);
    Field<Integer> qty = field(name("quantity"), SQLDataType.INTEGER);
    return ctx.transactionResult(cfg -> {
      DSLContext tx = DSL.using(cfg);
      int orderId = tx.insertInto(table(name("w_orders")), cust, od).values(customerId, LocalDate.of(2024, 1, 1))
          .returning(ID).fetchOne().get(ID);
      BatchBindStep batch = tx.batch(tx.insertInto(table(name("w_lines")), oid, pid, qty).values((Integer) null, null, null));
      for (NewLine l : lines) batch.bind(orderId, l.productId(), l.quantity());
      batch.execute();
      return orderId;
    });
  }

  /** jOOQ's Loader API does multi-row inserts, not COPY; jOOQ users drop to pgjdbc's CopyManager. */
  @Override
  public void copyInsert(List<NewCustomer> rows) {
    throw new UnsupportedOperationException("jOOQ has no COPY API");
  }

  @Override
  public void close() {}
}
