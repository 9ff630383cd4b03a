package dev.sluice.bench;

import static dev.sluice.bench.Tables.Customers.CUSTOMERS;
import static dev.sluice.bench.Tables.Details.DETAILS;
import static dev.sluice.bench.Tables.Orders.ORDERS;
import static dev.sluice.bench.Tables.Products.PRODUCTS;
import static dev.sluice.bench.Tables.Suppliers.SUPPLIERS;

import dev.sluice.bench.CurveModel.*;
import dev.sluice.query.Placeholder;
import dev.sluice.query.relational.PreparedRelationalQuery;
import dev.sluice.runtime.Database;
import dev.sluice.types.PgTypes;
import java.util.List;
import javax.sql.DataSource;

/** The curves as a user writes them in Sluice: a typed flat select; relational queries prepared once per depth. */
final class SluiceCurves implements CurveApi {
  private static final Tables.Customers C = CUSTOMERS;
  private static final Tables.Orders O = ORDERS;
  private static final Tables.Details D = DETAILS;
  private static final Tables.Products P = PRODUCTS;
  private static final Tables.Suppliers S = SUPPLIERS;
  private static final Placeholder<Integer> ID = Placeholder.of("id", PgTypes.INTEGER);

  private final Database db;
  private final List<PreparedRelationalQuery<?>> byDepth;

  SluiceCurves(DataSource ds) {
    db = Database.of(ds);
    byDepth = List.of(
        db.query(C).columns(C.id, C.companyName)
            .with(C.orders, o -> o.columns(O.id, O.orderDate).orderBy(O.id))
            .where(C.id.eq(ID)).prepare(Customer1.class),
        db.query(C).columns(C.id, C.companyName)
            .with(C.orders, o -> o.columns(O.id, O.orderDate).orderBy(O.id)
                .with(O.details, d -> d.columns(D.productId, D.quantity).orderBy(D.productId)))
            .where(C.id.eq(ID)).prepare(Customer2.class),
        db.query(C).columns(C.id, C.companyName)
            .with(C.orders, o -> o.columns(O.id, O.orderDate).orderBy(O.id)
                .with(O.details, d -> d.columns(D.productId, D.quantity).orderBy(D.productId)
                    .with(D.product, p -> p.columns(P.id, P.name))))
            .where(C.id.eq(ID)).prepare(Customer3.class),
        db.query(C).columns(C.id, C.companyName)
            .with(C.orders, o -> o.columns(O.id, O.orderDate).orderBy(O.id)
                .with(O.details, d -> d.columns(D.productId, D.quantity).orderBy(D.productId)
                    .with(D.product, p -> p.columns(P.id, P.name).with(P.supplier, s -> s.columns(S.id, S.companyName)))))
            .where(C.id.eq(ID)).prepare(Customer4.class));
  }

  @Override
  public List<Line> lines(int n) {
    return db.select(D.unitPrice, D.quantity, D.discount, D.orderId, D.productId).from(D).orderBy(D.orderId, D.productId)
        .limit(n).fetch(Line::new);
  }

  @Override
  public Object nested(int depth, int customerId) {
    if (depth < 1 || depth > 4) throw new IllegalArgumentException("depth must be 1-4, got " + depth);
    return byDepth.get(depth - 1).bind(ID, customerId).findFirst().orElse(null);
  }
}
