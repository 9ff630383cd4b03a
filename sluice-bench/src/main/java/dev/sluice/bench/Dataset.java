package dev.sluice.bench;

import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.schema.Schema;
import dev.sluice.schema.model.SchemaModel;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Random;
import java.util.function.Consumer;
import org.postgresql.PGConnection;

/**
 * Generates the dataset from a fixed seed and loads it with COPY: Drizzle's micro shape (customers
 * 10,000, employees 200, orders 50,000, suppliers 1,000, products 5,000, order details ~309k with
 * 60/20/15/5% of orders having 1-4, 5-10, 11-17, 18-25 lines) and TechEmpower World (10,000) and
 * Fortune (12). Loading is skipped when a marker row says this version is already there.
 */
public final class Dataset {
  public static final int CUSTOMERS = 10_000;
  public static final int EMPLOYEES = 200;
  public static final int ORDERS = 50_000;
  public static final int SUPPLIERS = 1_000;
  public static final int PRODUCTS = 5_000;
  public static final int WORLDS = 10_000;
  static final long SEED = 20240401L;
  static final String VERSION = "micro-v1";

  private static final String[] WORDS = {"alpha", "bravo", "coffee", "delta", "echo", "foxtrot", "garden", "harbor",
      "island", "jungle", "kitchen", "lemon", "market", "north", "ocean", "pacific", "quartz", "river", "summit",
      "trading", "united", "valley", "wholesale", "xenon", "yellow", "zenith", "foods", "imports", "supply", "group"};
  private static final String[] CITIES = {"Berlin", "London", "Madrid", "Paris", "Lyon", "Graz", "Oslo", "Lisbon",
      "Seattle", "Boston", "Tokyo", "Sydney", "Toronto", "Bern", "Rome"};
  private static final String[] COUNTRIES = {"Germany", "UK", "Spain", "France", "Austria", "Norway", "Portugal",
      "USA", "Japan", "Australia", "Canada", "Switzerland", "Italy"};

  private Dataset() {}

  /** Creates the schema and loads the data unless already loaded; returns true if it loaded. */
  public static boolean ensureLoaded(String jdbcUrl, String user, String password) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
      try (Statement s = c.createStatement()) {
        s.execute("create table if not exists bench_meta(version text primary key)");
        try (ResultSet rs = s.executeQuery("select 1 from bench_meta where version = '" + VERSION + "'")) {
          if (rs.next()) return false;
        }
      }
      load(c);
      return true;
    }
  }

  static String ddl() {
    SchemaModel model = Schema.of(Tables.Customers.CUSTOMERS, Tables.Employees.EMPLOYEES,
        Tables.Suppliers.SUPPLIERS, Tables.Products.PRODUCTS, Tables.Orders.ORDERS, Tables.Details.DETAILS,
        Tables.World.WORLD, Tables.Fortune.FORTUNE, Tables.NewCustomers.NEW_CUSTOMERS, Tables.NewOrders.NEW_ORDERS,
        Tables.NewLines.NEW_LINES).toModel();
    return DdlRenderer.script(Differ.diff(SchemaModel.EMPTY, model));
  }

  static void load(Connection c) throws Exception {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("drop table if exists w_lines, w_orders, w_customers, order_details, orders, products, suppliers,"
          + " employees, customers, world, fortune cascade");
      s.execute(ddl());
    }
    Random r = new Random(SEED);
    copy(c, "customers", b -> {
      for (int i = 1; i <= CUSTOMERS; i++) {
        row(b, i, company(r), person(r), "Owner", street(r), pick(r, CITIES), r.nextInt(10) < 8 ? zip(r) : null,
            r.nextInt(3) == 0 ? "R" + r.nextInt(20) : null, pick(r, COUNTRIES), phone(r), r.nextBoolean() ? phone(r) : null);
      }
    });
    copy(c, "employees", b -> {
      for (int i = 1; i <= EMPLOYEES; i++) {
        Integer recipient = i <= 5 ? null : 1 + r.nextInt(i - 1);
        row(b, i, word(r), r.nextInt(20) == 0 ? null : word(r), "Sales Representative", "Ms.",
            LocalDate.of(1950 + r.nextInt(40), 1 + r.nextInt(12), 1 + r.nextInt(28)),
            LocalDate.of(1990 + r.nextInt(30), 1 + r.nextInt(12), 1 + r.nextInt(28)), pick(r, CITIES),
            pick(r, COUNTRIES), 1000 + r.nextInt(9000), "Notes about " + word(r) + " " + word(r), recipient);
      }
    });
    copy(c, "suppliers", b -> {
      for (int i = 1; i <= SUPPLIERS; i++) {
        row(b, i, company(r), person(r), "Sales Manager", street(r), pick(r, CITIES),
            r.nextInt(3) == 0 ? "R" + r.nextInt(20) : null, zip(r), pick(r, COUNTRIES), phone(r));
      }
    });
    copy(c, "products", b -> {
      for (int i = 1; i <= PRODUCTS; i++) {
        row(b, i, word(r) + " " + word(r) + " " + word(r), (1 + r.nextInt(48)) + " boxes",
            Math.round(r.nextDouble() * 10_000) / 100.0, r.nextInt(150), r.nextInt(100), r.nextInt(30),
            r.nextInt(10) == 0 ? 1 : 0, 1 + r.nextInt(SUPPLIERS));
      }
    });
    StringBuilder details = new StringBuilder(16 << 20);
    copy(c, "orders", b -> {
      for (int i = 1; i <= ORDERS; i++) {
        LocalDate ordered = LocalDate.of(2016, 1, 1).plusDays(r.nextInt(2500));
        row(b, i, ordered, ordered.plusDays(14), r.nextInt(10) == 0 ? null : ordered.plusDays(1 + r.nextInt(10)),
            1 + r.nextInt(3), Math.round(r.nextDouble() * 50_000) / 100.0, company(r), pick(r, CITIES),
            pick(r, COUNTRIES), 1 + r.nextInt(CUSTOMERS), 1 + r.nextInt(EMPLOYEES));
        int w = r.nextInt(100);
        int lines = w < 60 ? 1 + r.nextInt(4) : w < 80 ? 5 + r.nextInt(6) : w < 95 ? 11 + r.nextInt(7) : 18 + r.nextInt(8);
        int start = r.nextInt(PRODUCTS);
        int step = 1 + r.nextInt(97);
        for (int k = 0; k < lines; k++) {
          int product = 1 + (start + k * step) % PRODUCTS;
          row(details, Math.round(r.nextDouble() * 10_000) / 100.0, 1 + r.nextInt(50), r.nextInt(4) * 0.05, i, product);
        }
      }
    });
    copyText(c, "order_details", details.toString());
    copy(c, "world", b -> {
      for (int i = 1; i <= WORLDS; i++) row(b, i, 1 + r.nextInt(10_000));
    });
    String[] fortunes = {"fortune: No such file or directory", "A computer scientist is someone who fixes things that aren't broken.",
        "After enough decimal places, nobody gives a damn.", "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1",
        "A computer program does what you tell it to do, not what you want it to do.",
        "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen",
        "Any program that runs right is obsolete.", "A list is only as strong as its weakest link. — Donald Knuth",
        "Feature: A bug with seniority.", "Computers make very fast, very accurate mistakes.",
        "<script>alert(\"This should not be displayed in a browser alert box.\");</script>", "フレームワークのベンチマーク"};
    copy(c, "fortune", b -> {
      for (int i = 0; i < fortunes.length; i++) row(b, i + 1, fortunes[i]);
    });
    try (Statement s = c.createStatement()) {
      s.execute("delete from bench_meta");
      s.execute("insert into bench_meta values ('" + VERSION + "')");
    }
    c.commit();
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("vacuum analyze");
    }
  }

  private static void copy(Connection c, String table, Consumer<StringBuilder> rows) throws Exception {
    StringBuilder b = new StringBuilder(1 << 20);
    rows.accept(b);
    copyText(c, table, b.toString());
  }

  private static void copyText(Connection c, String table, String data) throws Exception {
    c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN", new StringReader(data));
  }

  private static void row(StringBuilder b, Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) b.append('\t');
      Object v = values[i];
      b.append(v == null ? "\\N" : v.toString());
    }
    b.append('\n');
  }

  private static String pick(Random r, String[] a) {
    return a[r.nextInt(a.length)];
  }

  static String word(Random r) {
    return WORDS[r.nextInt(WORDS.length)];
  }

  private static String company(Random r) {
    String w = word(r);
    return Character.toUpperCase(w.charAt(0)) + w.substring(1) + " " + word(r) + " " + (char) ('a' + r.nextInt(26)) + r.nextInt(1000);
  }

  private static String person(Random r) {
    return word(r) + " " + word(r);
  }

  private static String street(Random r) {
    return r.nextInt(300) + " " + word(r) + " street";
  }

  private static String zip(Random r) {
    return String.valueOf(10000 + r.nextInt(89999));
  }

  private static String phone(Random r) {
    return "(" + r.nextInt(1000) + ") " + r.nextInt(1000) + "-" + r.nextInt(10000);
  }
}
