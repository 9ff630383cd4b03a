package dev.sluice.cli;

import dev.sluice.examples.ExampleMigrations;
import dev.sluice.examples.demo.SaasTour;
import dev.sluice.examples.saas.Saas;
import dev.sluice.examples.saas.SaasSeeder;
import dev.sluice.kit.migrate.MigrationFolder;
import dev.sluice.kit.migrate.Migrator;
import dev.sluice.kit.migrate.MigratorOptions;
import dev.sluice.kit.seed.Progress;
import dev.sluice.kit.seed.Reset;
import dev.sluice.kit.seed.Seeder;
import dev.sluice.runtime.Database;
import dev.sluice.runtime.PgUrl;
import dev.sluice.runtime.Tenancy;
import dev.sluice.schema.Schema;
import dev.sluice.studio.Studio;
import dev.sluice.studio.StudioOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sluice demo}: the first-run experience. Starts an embedded PostgreSQL (binaries come from
 * Maven, so nothing but Java is needed) unless {@code --url} is given, applies the example apps'
 * migrations, seeds them deterministically, runs a tour of typed and relational queries, and serves
 * the studio on the data until Ctrl-C. Migrations and seeding run as the owner (the given URL, or the
 * embedded superuser); the tour's row-level security step runs as the application would, logged in as
 * an authenticator role ({@link Tenancy#authenticatorSql}) that can only switch to the app role.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start PostgreSQL (embedded unless --url), create and seed the example apps, tour the queries, open the studio.",
    footer = {"With --url the example tables in that database are emptied and re-seeded."})
final class DemoCommand implements Callable<Integer> {
  static final String BOOKINGS = "dev.sluice.examples.bookings.Bookings";
  static final String BOOKINGS_SEEDER = "dev.sluice.examples.bookings.BookingsSeeder";

  @Option(names = "--url", description = "use this database instead of an embedded one (its example tables are re-seeded)")
  String url;
  @Option(names = "--no-studio", description = "run the tour and exit (scripts, CI)")
  boolean noStudio;
  @Option(names = "--seed", defaultValue = "42", description = "random seed: same seed, same data (default: ${DEFAULT-VALUE})")
  long seed;
  @Option(names = "--scale", defaultValue = "1", description = "row-count multiplier for the SaaS data, e.g. 0.1 or 5 (default: ${DEFAULT-VALUE})")
  double scale;
  @Option(names = "--port", defaultValue = "4983", description = "studio port; the next free one is used if taken (default: ${DEFAULT-VALUE})")
  int port;
  @Spec CommandSpec spec;

  /** Everything to close, newest first; closed once, by the normal path or the shutdown hook. */
  private final Deque<AutoCloseable> open = new ArrayDeque<>();

  @Override
  public Integer call() throws Exception {
    if (!(scale > 0)) throw new CliException("--scale must be positive", SluiceCommand.EXIT_USAGE);
    PrintWriter out = spec.commandLine().getOut();
    Thread hook = new Thread(this::closeAll, "sluice-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean served = false;
    try {
      String dbUrl = url != null ? url : startEmbedded(out);
      Database db = Database.connect(dbUrl);
      push(db);

      Optional<Class<?>> bookings = optionalClass(BOOKINGS);
      Optional<MigrationFolder> saasFolder = ExampleMigrations.folder("saas");
      migrate(out, db, "saas", saasFolder.orElseThrow(() -> new CliException("the saas migrations are missing from the classpath")));
      Optional<MigrationFolder> bookingsFolder = bookings.flatMap(c -> ExampleMigrations.folder("bookings"));
      // each app's folder numbers its migrations from 1, so each keeps its own history table
      if (bookingsFolder.isPresent()) migrate(out, db, "bookings", bookingsFolder.get());
      else out.println("bookings app not in this build yet: skipped");

      if (url != null) {
        Reset.truncate(db, Saas.schema().toModel());
        if (bookingsFolder.isPresent()) Reset.truncate(db, bookingsSchema(bookings.get()).toModel());
        out.println("emptied the example tables (--url given)");
      }
      out.printf("seeding (seed %d, scale %s)...%n", seed, scale);
      out.flush();
      long t0 = System.nanoTime();
      Seeder s = SaasSeeder.seed(db, seed, scale, Progress.stderr());
      long total = s.total();
      if (bookingsFolder.isPresent()) total += seedBookings(db, out);
      out.printf("seeded %,d rows in %,d ms%n", total, (System.nanoTime() - t0) / 1_000_000);

      // the app does not log in as the owner: an authenticator that can only switch to app_user
      Database app = connectAsAuthenticator(db, dbUrl);
      push(app);
      out.printf("app login: %s (NOINHERIT, no privileges of its own; switches to %s per transaction);"
          + " migrations and seeding ran as the owner%n", AUTHENTICATOR, Saas.APP_ROLE);

      out.println();
      out.println("A tour of the SaaS app (sluice-examples: dev.sluice.examples.demo.SaasTour)");
      int queries = new SaasTour(db, app, out).run();
      out.println();
      out.printf("tour done: %d queries%n", queries);
      out.flush();
      if (noStudio) return SluiceCommand.EXIT_OK;

      Studio studio = startStudio(dbUrl, saasFolder.get());
      push(studio::close);
      out.println();
      out.println("studio: " + studio.url());
      out.println("press Ctrl-C to stop (studio, pool" + (url == null ? " and the embedded PostgreSQL" : "") + " shut down)");
      out.flush();
      served = true;
      new CountDownLatch(1).await();   // until Ctrl-C: the shutdown hook closes everything
      return SluiceCommand.EXIT_OK;
    } finally {
      if (!served || noStudio) {
        closeAll();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running or ran
        }
      }
    }
  }

  private String startEmbedded(PrintWriter out) throws IOException {
    EmbeddedBinaries.require(DemoCommand.class.getClassLoader(), SluiceCommand.VersionProvider.property("embeddedPostgres"));
    out.println("starting an embedded PostgreSQL (binaries from Maven, data in a temporary directory)...");
    out.flush();
    long t0 = System.nanoTime();
    EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
    push(pg);
    String u = "postgresql://postgres@localhost:" + pg.getPort() + "/postgres";
    out.printf("embedded PostgreSQL on localhost:%d in %,d ms (url: %s)%n", pg.getPort(), (System.nanoTime() - t0) / 1_000_000, u);
    return u;
  }

  /** The login role the demo's application connects as (the Supabase "authenticator" pattern). */
  static final String AUTHENTICATOR = "sluice_demo_authenticator";

  /**
   * Creates (or corrects) the authenticator login with a fresh random password, granted only the app
   * role, and connects to the same database as it: what README "Multi-tenancy" recommends deploying.
   */
  private static Database connectAsAuthenticator(Database owner, String ownerUrl) {
    byte[] bytes = new byte[18];
    new java.security.SecureRandom().nextBytes(bytes);
    String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Tenancy.run(owner, java.util.List.of(Tenancy.authenticatorSql(AUTHENTICATOR, password, Saas.APP_ROLE)));
    String jdbc = withoutCredentials(PgUrl.parse(ownerUrl).jdbcUrl());
    return Database.connect(jdbc, c -> {
      c.setUsername(AUTHENTICATOR);
      c.setPassword(password);
      c.setPoolName("sluice-demo-app");
    });
  }

  /** {@code url} without {@code user=} and {@code password=} parameters (they would override the login). */
  static String withoutCredentials(String url) {
    int q = url.indexOf('?');
    if (q < 0) return url;
    StringBuilder kept = new StringBuilder();
    for (String p : url.substring(q + 1).split("&")) {
      if (p.isEmpty() || p.startsWith("user=") || p.startsWith("password=")) continue;
      kept.append(kept.length() == 0 ? "?" : "&").append(p);
    }
    return url.substring(0, q) + kept;
  }

  private static void migrate(PrintWriter out, Database db, String app, MigrationFolder folder) {
    long t0 = System.nanoTime();
    MigratorOptions options = app.equals("saas") ? MigratorOptions.DEFAULTS
        : MigratorOptions.DEFAULTS.withHistoryTable("migrations_" + app);
    int n = new Migrator(db.dataSource(), folder, options).migrate().size();
    out.printf("migrations %s: %d applied (%d already) in %,d ms%n", app, n, folder.migrations().size() - n,
        (System.nanoTime() - t0) / 1_000_000);
  }

  private long seedBookings(Database db, PrintWriter out) throws Exception {
    Class<?> seeder = optionalClass(BOOKINGS_SEEDER).orElse(null);
    if (seeder == null) {
      out.println("bookings seeder not in this build yet: skipped");
      return 0;
    }
    Method m = SeedCommand.seedMethod(seeder);
    try {
      Object r = m.invoke(null, db, seed, (int) Math.max(1, Math.round(scale)));
      return SeedCommand.rowCount(r);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw e;
    }
  }

  private static Schema bookingsSchema(Class<?> c) {
    return SchemaLoader.fromClass(c);
  }

  private Studio startStudio(String dbUrl, MigrationFolder folder) {
    int p = port;
    while (!free(p)) {
      p++;
      if (p > port + 50) throw new CliException("no free port from " + port + " to " + (port + 50));
    }
    // the demo's throwaway database, browsed as its (embedded) superuser: the studio prints why not to do that elsewhere
    return Studio.start(new StudioOptions(dbUrl, "127.0.0.1", p, false, false, folder.dir()).withAllowSuperuser(true));
  }

  private static boolean free(int p) {
    try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Optional<Class<?>> optionalClass(String name) {
    try {
      return Optional.of(Class.forName(name));
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }

  private synchronized void push(AutoCloseable c) {
    open.push(c);
  }

  private synchronized void closeAll() {
    while (!open.isEmpty()) {
      try {
        open.pop().close();
      } catch (Exception e) {
        System.err.println("sluice demo: closing: " + e);
      }
    }
  }
}
