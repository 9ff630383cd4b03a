package dev.sluice.bench;

import static dev.sluice.bench.Tables.Customers.CUSTOMERS;
import static dev.sluice.bench.Tables.Details.DETAILS;
import static dev.sluice.bench.Tables.Employees.EMPLOYEES;
import static dev.sluice.bench.Tables.Fortune.FORTUNE;
import static dev.sluice.bench.Tables.NewCustomers.NEW_CUSTOMERS;
import static dev.sluice.bench.Tables.NewLines.NEW_LINES;
import static dev.sluice.bench.Tables.NewOrders.NEW_ORDERS;
import static dev.sluice.bench.Tables.Orders.ORDERS;
import static dev.sluice.bench.Tables.Products.PRODUCTS;
import static dev.sluice.bench.Tables.Suppliers.SUPPLIERS;
import static dev.sluice.bench.Tables.World.WORLD;

import dev.sluice.bench.Model.*;
import dev.sluice.query.Dsl;
import dev.sluice.query.Field;
import dev.sluice.query.FullText;
import dev.sluice.query.Placeholder;
import dev.sluice.query.relational.PreparedRelationalQuery;
import dev.sluice.runtime.BulkOptions;
import dev.sluice.runtime.Database;
import dev.sluice.types.PgTypes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Sluice as a user writes it: the typed select DSL, relational queries for nesting (prepared once
 * with a placeholder, as Drizzle's benchmark prepares its queries), insertMany for bulk.
 */
public final class SluiceApi implements Api {
  private static final Tables.Customers C = CUSTOMERS;
  private static final Tables.Suppliers S = SUPPLIERS;
  private static final Tables.Products P = PRODUCTS;
  private static final Tables.Orders O = ORDERS;
  private static final Tables.Details D = DETAILS;
  private static final Tables.World W = WORLD;
  private static final Field<Long> QTY_SUM = Dsl.rawField(PgTypes.BIGINT, "sum({})", D.quantity);
  private static final Field<Double> TOTAL = Dsl.rawField(PgTypes.DOUBLE, "sum({} * {})", D.quantity, D.unitPrice);
  private static final BulkOptions BATCH = new BulkOptions(1, Integer.MAX_VALUE);
  private static final BulkOptions COPY = new BulkOptions(1, 1);

  private static final Placeholder<Integer> ID = Placeholder.of("id", PgTypes.INTEGER);

  private final Database db;
  private final PreparedRelationalQuery<EmployeeWithRecipient> employeeWithRecipient;
  private final PreparedRelationalQuery<ProductWithSupplier> productWithSupplier;
  private final PreparedRelationalQuery<OrderWithDetails> orderWithDetails;

  public SluiceApi(DataSource ds) {
    this(Database.of(ds));
  }

  /** On a given Database (the {@link Observed} cells: one observed through Micrometer). */
  public SluiceApi(Database db) {
    this.db = db;
    employeeWithRecipient = db.query(EMPLOYEES).with(EMPLOYEES.recipient).where(EMPLOYEES.id.eq(ID))
        .prepare(EmployeeWithRecipient.class);
    productWithSupplier = db.query(P).with(P.supplier).where(P.id.eq(ID)).prepare(ProductWithSupplier.class);
    orderWithDetails = db.query(O).with(O.details, d -> d.orderBy(D.productId).with(D.product)).where(O.id.eq(ID))
        .prepare(OrderWithDetails.class);
  }

  @Override
  public List<Customer> customersPage(int limit, int offset) {
    return db.select(C.id, C.companyName, C.contactName, C.contactTitle, C.address, C.city, C.postalCode, C.region,
        C.country, C.phone, C.fax).from(C).orderBy(C.id).limit(limit).offset(offset).fetch(Customer::new);
  }

  @Override
  public Customer customerById(int id) {
    return db.select(C.id, C.companyName, C.contactName, C.contactTitle, C.address, C.city, C.postalCode, C.region,
        C.country, C.phone, C.fax).from(C).where(C.id.eq(id)).fetchOne(Customer::new);
  }

  @Override
  public List<Customer> customerSearch(String prefix) {
    return db.select(C.id, C.companyName, C.contactName, C.contactTitle, C.address, C.city, C.postalCode, C.region,
        C.country, C.phone, C.fax).from(C)
        .where(FullText.match(FullText.toTsvector("english", C.companyName), FullText.toTsquery("english", prefix + ":*")))
        .orderBy(C.id).fetch(Customer::new);
  }

  @Override
  public List<Employee> employeesPage(int limit, int offset) {
    Tables.Employees e = EMPLOYEES;
    return db.select(e.id, e.lastName, e.firstName, e.title, e.titleOfCourtesy, e.birthDate, e.hireDate, e.city,
        e.country, e.extension, e.notes, e.recipientId).from(e).orderBy(e.id).limit(limit).offset(offset)
        .fetch(Employee::new);
  }

  @Override
  public EmployeeWithRecipient employeeWithRecipient(int id) {
    return employeeWithRecipient.bind(ID, id).findFirst().orElse(null);
  }

  @Override
  public List<Supplier> suppliersPage(int limit, int offset) {
    return db.select(S.id, S.companyName, S.contactName, S.contactTitle, S.address, S.city, S.region, S.postalCode,
        S.country, S.phone).from(S).orderBy(S.id).limit(limit).offset(offset).fetch(Supplier::new);
  }

  @Override
  public Supplier supplierById(int id) {
    return db.select(S.id, S.companyName, S.contactName, S.contactTitle, S.address, S.city, S.region, S.postalCode,
        S.country, S.phone).from(S).where(S.id.eq(id)).fetchOne(Supplier::new);
  }

  @Override
  public List<Product> productsPage(int limit, int offset) {
    return db.select(P.id, P.name, P.qtPerUnit, P.unitPrice, P.unitsInStock, P.unitsOnOrder, P.reorderLevel,
        P.discontinued, P.supplierId).from(P).orderBy(P.id).limit(limit).offset(offset).fetch(Product::new);
  }

  @Override
  public ProductWithSupplier productWithSupplier(int id) {
    return productWithSupplier.bind(ID, id).findFirst().orElse(null);
  }

  @Override
  public List<Product> productSearch(String prefix) {
    return db.select(P.id, P.name, P.qtPerUnit, P.unitPrice, P.unitsInStock, P.unitsOnOrder, P.reorderLevel,
        P.discontinued, P.supplierId).from(P)
        .where(FullText.match(FullText.toTsvector("english", P.name), FullText.toTsquery("english", prefix + ":*")))
        .orderBy(P.id).fetch(Product::new);
  }

  @Override
  public List<OrderSummary> ordersPage(int limit, int offset) {
    return db.select(O.id, O.shippedDate, O.shipName, O.shipCity, O.shipCountry, Dsl.count(D.productId), QTY_SUM, TOTAL)
        .from(O).leftJoin(D, D.orderId.eq(O.id)).groupBy(O.id).orderBy(O.id).limit(limit).offset(offset)
        .fetch(OrderSummary::new);
  }

  @Override
  public OrderSummary orderSummary(int id) {
    return db.select(O.id, O.shippedDate, O.shipName, O.shipCity, O.shipCountry, Dsl.count(D.productId), QTY_SUM, TOTAL)
        .from(O).leftJoin(D, D.orderId.eq(O.id)).where(O.id.eq(id)).groupBy(O.id).fetchOne(OrderSummary::new);
  }

  @Override
  public OrderWithDetails orderWithDetails(int id) {
    return orderWithDetails.bind(ID, id).findFirst().orElse(null);
  }

  @Override
  public World world(int id) {
    return db.select(W.id, W.randomNumber).from(W).where(W.id.eq(id)).fetchOne(World::new);
  }

  @Override
  public List<World> worlds(int[] ids) {
    List<World> out = new ArrayList<>(ids.length);
    for (int id : ids) out.add(world(id));
    return out;
  }

  @Override
  public List<Fortune> fortunes() {
    return Api.withExtraSorted(new ArrayList<>(db.select(FORTUNE.id, FORTUNE.message).from(FORTUNE).fetch(Fortune::new)));
  }

  @Override
  public List<World> updates(int[] ids, int[] numbers) {
    List<World> read = worlds(ids);
    List<dev.sluice.sql.QueryPart> updates = new ArrayList<>(ids.length);
    List<World> out = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      updates.add(db.update(W).set(W.randomNumber, numbers[i]).where(W.id.eq(read.get(i).id())));
      out.add(new World(read.get(i).id(), numbers[i]));
    }
    db.batch(updates);
    return out;
  }

  @Override
  public int insertReturning(NewCustomer n) {
    Tables.NewCustomers t = NEW_CUSTOMERS;
    return db.insertInto(t).set(t.companyName, n.companyName()).set(t.contactName, n.contactName())
        .set(t.city, n.city()).set(t.country, n.country()).returning(t.id).fetchOne();
  }

  private static void map(dev.sluice.query.InsertRow row, NewCustomer n) {
    Tables.NewCustomers t = NEW_CUSTOMERS;
    row.set(t.companyName, n.companyName()).set(t.contactName, n.contactName()).set(t.city, n.city())
        .set(t.country, n.country());
  }

  @Override
  public void batchInsert(List<NewCustomer> rows) {
    db.bulk(BATCH).insertMany(NEW_CUSTOMERS, rows, SluiceApi::map);
  }

  @Override
  public int nestedCreate(int customerId, List<NewLine> lines) {
    return db.transaction(tx -> {
      int orderId = tx.insertInto(NEW_ORDERS).set(NEW_ORDERS.customerId, customerId)
          .set(NEW_ORDERS.orderDate, LocalDate.of(2024, 1, 1)).returning(NEW_ORDERS.id).fetchOne();
      tx.insertMany(NEW_LINES, lines, (row, l) -> row.set(NEW_LINES.orderId, orderId)
          .set(NEW_LINES.productId, l.productId()).set(NEW_LINES.quantity, l.quantity()));
      return orderId;
    });
  }

  @Override
  public void copyInsert(List<NewCustomer> rows) {
    db.bulk(COPY).insertMany(NEW_CUSTOMERS, rows, SluiceApi::map);
  }

  @Override
  public void close() {}
}
