package dev.sluice.kit.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.Introspector;
import dev.sluice.runtime.Database;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Schema;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 17 item 10: pull writes Relation fields from foreign keys, so db.query(...) works on a pulled schema. */
@PgTest
class PulledRelationsLiveTest {
  record OrderView(String note) {}

  record CustomerView(String name, List<OrderView> prOrders) {}

  record Person(String name) {}

  record EmployeeView(String name, Optional<Person> reportsToRef, List<Person> prEmployees) {}

  record FlightView(String code, Person fromAirportRef, Person toAirportRef) {}

  static Table<?> table(Schema s, String name) {
    return s.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  static Relation<?> relation(Table<?> t, String field) throws Exception {
    var f = t.getClass().getField(field);
    return (Relation<?>) f.get(t);
  }

  @Test
  void aPulledSchemaHasRelationsFromItsForeignKeysAndRelationalQueriesRun(PgTestContext pg) throws Exception {
    pg.execute(
        "create table pr_customers (id bigint primary key, name text not null)",
        "create table pr_orders (id bigint primary key, customer_id bigint not null references pr_customers, note text)",
        "create table pr_employees (id int primary key, name text, reports_to int references pr_employees)",
        "create table pr_airports (code text primary key, name text)",
        "create table pr_flights (code text primary key, from_airport text references pr_airports, to_airport text references pr_airports)",
        "insert into pr_customers values (1, 'Ann'), (2, 'Bob')",
        "insert into pr_orders values (10, 1, 'first'), (11, 1, 'second')",
        "insert into pr_employees values (1, 'Boss', null), (2, 'Dev', 1)",
        "insert into pr_airports values ('ARN', 'Arlanda'), ('CDG', 'Roissy')",
        "insert into pr_flights values ('AF1', 'ARN', 'CDG')");
    SchemaModel live;
    try (Connection c = pg.connect()) {
      live = Introspector.introspect(c, IntrospectOptions.all());
    }
    Map<String, String> sources = JavaSchemaGenerator.generate(live, "pulled.rel", "PulledSchema", "test");
    assertThat(sources.get("pulled/rel/PrOrders.java"))
        .contains("public final Relation<PrCustomers> customer = one(() -> PrCustomers.PR_CUSTOMERS, customerId, t -> t.id);");
    assertThat(sources.get("pulled/rel/PrCustomers.java"))
        .contains("public final Relation<PrOrders> prOrders = many(() -> PrOrders.PR_ORDERS, id, t -> t.customerId);");
    assertThat(sources.get("pulled/rel/PrAirports.java"))
        .contains("prFlightsByFromAirport = many(").contains("prFlightsByToAirport = many(");
    Schema schema = GeneratedSchema.load(sources, "pulled.rel.PulledSchema");
    assertThat(schema.toModel()).as("relations do not change the model").isEqualTo(live);

    try (Database db = Database.connect(pg.jdbcUrl())) {
      Table<?> customers = table(schema, "pr_customers");
      Table<?> orders = table(schema, "pr_orders");
      List<CustomerView> got = db.query(customers)
          .with(relation(customers, "prOrders"), o -> o.orderBy(orders.column("id").asc()))
          .orderBy(customers.column("id").asc()).findMany(CustomerView.class);
      assertThat(got).containsExactly(new CustomerView("Ann", List.of(new OrderView("first"), new OrderView("second"))),
          new CustomerView("Bob", List.of()));

      Table<?> employees = table(schema, "pr_employees");
      List<EmployeeView> staff = db.query(employees).with(relation(employees, "reportsToRef"))
          .with(relation(employees, "prEmployees"))
          .orderBy(employees.column("id").asc()).findMany(EmployeeView.class);
      assertThat(staff).containsExactly(new EmployeeView("Boss", Optional.empty(), List.of(new Person("Dev"))),
          new EmployeeView("Dev", Optional.of(new Person("Boss")), List.of()));

      Table<?> flights = table(schema, "pr_flights");
      assertThat(db.query(flights).with(relation(flights, "fromAirportRef")).with(relation(flights, "toAirportRef"))
          .findMany(FlightView.class)).containsExactly(new FlightView("AF1", new Person("Arlanda"), new Person("Roissy")));
    }
  }
}
