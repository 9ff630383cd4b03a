package dev.sluice.bench;

import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import java.time.LocalDate;

/**
 * The benchmark schema in the Sluice DSL: Drizzle's "micro" e-commerce shape (customers, employees
 * with a reports-to self-reference, orders, suppliers, products, order details) plus TechEmpower's
 * World and Fortune. The DDL the benchmark loads is generated from these definitions (sluice-kit),
 * so every library reads the same tables.
 */
public final class Tables {
  private Tables() {}

  public static final class Customers extends Table<Customers> {
    public static final Customers CUSTOMERS = new Customers();
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<String> companyName = text("company_name").notNull();
    public final Column<String> contactName = text("contact_name").notNull();
    public final Column<String> contactTitle = text("contact_title").notNull();
    public final Column<String> address = text("address").notNull();
    public final Column<String> city = text("city").notNull();
    public final Column<String> postalCode = text("postal_code");
    public final Column<String> region = text("region");
    public final Column<String> country = text("country").notNull();
    public final Column<String> phone = text("phone").notNull();
    public final Column<String> fax = text("fax");
    public final Relation<Orders> orders = many(() -> Orders.ORDERS, o -> o.customerId);

    private Customers() {
      super("customers");
      index("customers_company_name_fts").using("gin").onExpression("to_tsvector('english', company_name)");
    }
  }

  public static final class Employees extends Table<Employees> {
    public static final Employees EMPLOYEES = new Employees();
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<String> lastName = text("last_name").notNull();
    public final Column<String> firstName = text("first_name");
    public final Column<String> title = text("title").notNull();
    public final Column<String> titleOfCourtesy = text("title_of_courtesy").notNull();
    public final Column<LocalDate> birthDate = date("birth_date").notNull();
    public final Column<LocalDate> hireDate = date("hire_date").notNull();
    public final Column<String> city = text("city").notNull();
    public final Column<String> country = text("country").notNull();
    public final Column<Integer> extension = integer("extension").notNull();
    public final Column<String> notes = text("notes").notNull();
    public final Column<Integer> recipientId = integer("recipient_id").references(() -> EMPLOYEES.id);
    public final Relation<Employees> recipient = one(() -> EMPLOYEES, recipientId);

    private Employees() {
      super("employees");
      index().on(recipientId);
    }
  }

  public static final class Suppliers extends Table<Suppliers> {
    public static final Suppliers SUPPLIERS = new Suppliers();
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<String> companyName = text("company_name").notNull();
    public final Column<String> contactName = text("contact_name").notNull();
    public final Column<String> contactTitle = text("contact_title").notNull();
    public final Column<String> address = text("address").notNull();
    public final Column<String> city = text("city").notNull();
    public final Column<String> region = text("region");
    public final Column<String> postalCode = text("postal_code").notNull();
    public final Column<String> country = text("country").notNull();
    public final Column<String> phone = text("phone").notNull();

    private Suppliers() {
      super("suppliers");
    }
  }

  public static final class Products extends Table<Products> {
    public static final Products PRODUCTS = new Products();
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<String> name = text("name").notNull();
    public final Column<String> qtPerUnit = text("qt_per_unit").notNull();
    public final Column<Double> unitPrice = doublePrecision("unit_price").notNull();
    public final Column<Integer> unitsInStock = integer("units_in_stock").notNull();
    public final Column<Integer> unitsOnOrder = integer("units_on_order").notNull();
    public final Column<Integer> reorderLevel = integer("reorder_level").notNull();
    public final Column<Integer> discontinued = integer("discontinued").notNull();
    public final Column<Integer> supplierId = integer("supplier_id").notNull().references(() -> Suppliers.SUPPLIERS.id);
    public final Relation<Suppliers> supplier = one(() -> Suppliers.SUPPLIERS, supplierId);

    private Products() {
      super("products");
      index().on(supplierId);
      index("products_name_fts").using("gin").onExpression("to_tsvector('english', name)");
    }
  }

  public static final class Orders extends Table<Orders> {
    public static final Orders ORDERS = new Orders();
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<LocalDate> orderDate = date("order_date").notNull();
    public final Column<LocalDate> requiredDate = date("required_date").notNull();
    public final Column<LocalDate> shippedDate = date("shipped_date");
    public final Column<Integer> shipVia = integer("ship_via").notNull();
    public final Column<Double> freight = doublePrecision("freight").notNull();
    public final Column<String> shipName = text("ship_name").notNull();
    public final Column<String> shipCity = text("ship_city").notNull();
    public final Column<String> shipCountry = text("ship_country").notNull();
    public final Column<Integer> customerId = integer("customer_id").notNull().references(() -> Customers.CUSTOMERS.id);
    public final Column<Integer> employeeId = integer("employee_id").notNull().references(() -> Employees.EMPLOYEES.id);
    public final Relation<Details> details = many(() -> Details.DETAILS, d -> d.orderId);

    private Orders() {
      super("orders");
      index().on(customerId);
      index().on(employeeId);
    }
  }

  public static final class Details extends Table<Details> {
    public static final Details DETAILS = new Details();
    public final Column<Double> unitPrice = doublePrecision("unit_price").notNull();
    public final Column<Integer> quantity = integer("quantity").notNull();
    public final Column<Double> discount = doublePrecision("discount").notNull();
    public final Column<Integer> orderId = integer("order_id").notNull().references(() -> Orders.ORDERS.id);
    public final Column<Integer> productId = integer("product_id").notNull().references(() -> Products.PRODUCTS.id);
    public final Relation<Products> product = one(() -> Products.PRODUCTS, productId);

    private Details() {
      super("order_details");
      primaryKey(orderId, productId);
      index().on(productId);
    }
  }

  /** TechEmpower World. */
  public static final class World extends Table<World> {
    public static final World WORLD = new World();
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<Integer> randomNumber = integer("randomnumber").notNull();

    private World() {
      super("world");
    }
  }

  /** TechEmpower Fortune. */
  public static final class Fortune extends Table<Fortune> {
    public static final Fortune FORTUNE = new Fortune();
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<String> message = text("message").notNull();

    private Fortune() {
      super("fortune");
    }
  }

  /** Write target (a customers-shaped table with a generated id) so writes never touch the read data. */
  public static final class NewCustomers extends Table<NewCustomers> {
    public static final NewCustomers NEW_CUSTOMERS = new NewCustomers();
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> companyName = text("company_name").notNull();
    public final Column<String> contactName = text("contact_name").notNull();
    public final Column<String> city = text("city").notNull();
    public final Column<String> country = text("country").notNull();

    private NewCustomers() {
      super("w_customers");
    }
  }

  /** Write target for the nested create: an order with its lines. */
  public static final class NewOrders extends Table<NewOrders> {
    public static final NewOrders NEW_ORDERS = new NewOrders();
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<Integer> customerId = integer("customer_id").notNull();
    public final Column<LocalDate> orderDate = date("order_date").notNull();

    private NewOrders() {
      super("w_orders");
    }
  }

  public static final class NewLines extends Table<NewLines> {
    public static final NewLines NEW_LINES = new NewLines();
    public final Column<Integer> orderId = integer("order_id").notNull().references(() -> NewOrders.NEW_ORDERS.id);
    public final Column<Integer> productId = integer("product_id").notNull();
    public final Column<Integer> quantity = integer("quantity").notNull();

    private NewLines() {
      super("w_lines");
    }
  }
}
