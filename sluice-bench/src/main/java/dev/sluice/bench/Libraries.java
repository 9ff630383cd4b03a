package dev.sluice.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.runtime.PgUrl;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;

/** Builds each library on an identical HikariCP pool and checks its results equal raw JDBC's. */
public final class Libraries {
  public static final int POOL_SIZE = 4;
  public static final List<String> ALL = List.of("jdbc", "sluice", "jooq", "jdbi", "mybatis", "hibernate", "exposed");

  private Libraries() {}

  /** The benchmark database URL: system property bench.url, else SLUICE_BENCH_URL. */
  public static String url() {
    String url = System.getProperty("bench.url", System.getenv("SLUICE_BENCH_URL"));
    if (url == null) throw new IllegalStateException("set SLUICE_BENCH_URL or -Dbench.url (the Report starts one for you)");
    return url;
  }

  /** Same pool for every library: size 4, pgjdbc defaults (prepareThreshold=5), reWriteBatchedInserts on. */
  public static HikariDataSource pool(String url) {
    PgUrl pg = PgUrl.parse(url);
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(pg.jdbcUrl());
    if (pg.user() != null) c.setUsername(pg.user());
    if (pg.password() != null) c.setPassword(pg.password());
    c.setMaximumPoolSize(POOL_SIZE);
    c.setMinimumIdle(POOL_SIZE);
    c.setPoolName("bench");
    c.addDataSourceProperty("prepareThreshold", "5");
    c.addDataSourceProperty("reWriteBatchedInserts", "true");
    return new HikariDataSource(c);
  }

  public static Api create(String lib, DataSource ds) {
    return switch (lib) {
      case "jdbc" -> new RawJdbc(ds);
      case "sluice" -> new SluiceApi(ds);
      case "jooq" -> new JooqApi(ds);
      case "jdbi" -> new JdbiApi(ds);
      case "mybatis" -> new MyBatisApi(ds);
      case "hibernate" -> new HibernateApi(ds);
      case "exposed" -> new ExposedApi(ds);
      default -> throw new IllegalArgumentException("unknown library " + lib + ", expected one of " + ALL);
    };
  }

  /** Runs every read with fixed arguments on both and throws naming the first operation that differs. */
  public static void verify(Api lib, Api floor, String name) {
    check(name, "customersPage", lib, floor, a -> a.customersPage(50, 120));
    check(name, "customerById", lib, floor, a -> a.customerById(4321));
    check(name, "customerSearch", lib, floor, a -> a.customerSearch("coff"));
    check(name, "employeesPage", lib, floor, a -> a.employeesPage(20, 10));
    check(name, "employeeWithRecipient", lib, floor, a -> a.employeeWithRecipient(150));
    check(name, "employeeWithoutRecipient", lib, floor, a -> a.employeeWithRecipient(1));
    check(name, "suppliersPage", lib, floor, a -> a.suppliersPage(50, 40));
    check(name, "supplierById", lib, floor, a -> a.supplierById(77));
    check(name, "productsPage", lib, floor, a -> a.productsPage(50, 300));
    check(name, "productWithSupplier", lib, floor, a -> a.productWithSupplier(2345));
    check(name, "productSearch", lib, floor, a -> a.productSearch("lemo"));
    check(name, "ordersPage", lib, floor, a -> a.ordersPage(50, 1000));
    check(name, "orderSummary", lib, floor, a -> a.orderSummary(31337));
    for (int id : new int[] {1, 2, 3, 17, 31337, 49999}) {
      check(name, "orderWithDetails(" + id + ")", lib, floor, a -> a.orderWithDetails(id));
    }
    check(name, "world", lib, floor, a -> a.world(42));
    check(name, "worlds", lib, floor, a -> a.worlds(new int[] {1, 500, 9999}));
    check(name, "fortunes", lib, floor, Api::fortunes);
  }

  private static void check(String name, String op, Api lib, Api floor, Function<Api, Object> call) {
    Object expected = call.apply(floor);
    Object actual = call.apply(lib);
    if (expected == null || (expected instanceof List<?> l && l.isEmpty())) {
      throw new IllegalStateException(op + ": raw JDBC returned nothing; is the dataset loaded?");
    }
    if (!Objects.equals(expected, actual)) {
      throw new IllegalStateException(name + " differs from raw JDBC on " + op + ":\n expected " + expected + "\n actual   " + actual);
    }
  }
}
