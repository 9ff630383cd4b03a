package dev.sluice.bench;

import dev.sluice.kit.diff.DiffOptions;
import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.Introspector;
import dev.sluice.kit.push.Pusher;
import dev.sluice.kit.push.WideSchema;
import dev.sluice.kit.shadow.ShadowDatabase;
import dev.sluice.runtime.PgUrl;
import dev.sluice.schema.model.SchemaModel;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * One no-op {@code push --dry-run} of hand-written code ({@link KitCurve#handWritten}) in a process
 * of its own, as a CLI or Maven run does it: run it twice to see the first run (shadow database) and
 * the second (normalised model read back from {@link ShadowDatabase#cacheDirectory()}). The database
 * {@code sluice_noop_<n>} of {@link WideSchema} is created on first use and kept until {@code drop}.
 *
 * <pre>
 * java -Dsluice.shadow.cache=/tmp/sluice-noop-cache -cp sluice-bench/target/benchmarks.jar \
 *   dev.sluice.bench.NoOpPushOnce 'jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres' 1000 [drop]
 * </pre>
 * Prints the plan's wall time and the time since the JVM started.
 */
public final class NoOpPushOnce {
  private NoOpPushOnce() {}

  public static void main(String[] args) throws Exception {
    String serverUrl = args[0];
    int n = Integer.parseInt(args[1]);
    PgUrl base = PgUrl.parse(serverUrl);
    String db = "sluice_noop_" + n;
    if (args.length > 2 && args[2].equals("drop")) {
      try (Connection admin = base.connect(); Statement st = admin.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      }
      return;
    }
    String url = KitCurve.withDatabase(serverUrl, db);
    if (!exists(base, db)) create(base, db, url, n);
    SchemaModel live;
    try (Connection c = PgUrl.parse(url).connect()) {
      live = Introspector.introspect(c, IntrospectOptions.all()); // stands for loading the code's model
    }
    SchemaModel code = KitCurve.handWritten(live);
    long t0 = System.nanoTime();
    Pusher.Plan plan = Pusher.plan(url, code, IntrospectOptions.all(), DiffOptions.NONE);
    long planMs = (System.nanoTime() - t0) / 1_000_000;
    if (!plan.inSync()) throw new IllegalStateException("the no-op push planned changes: " + plan.statements());
    long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.printf(Locale.ROOT, "%d tables: plan %d ms, %d ms since the JVM started (cache %s)%n", n, planMs, sinceStart,
        ShadowDatabase.cacheDirectory().map(Object::toString).orElse("off"));
  }

  private static boolean exists(PgUrl base, String db) throws SQLException {
    try (Connection admin = base.connect(); Statement st = admin.createStatement();
         ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + db + "'")) {
      return rs.next();
    }
  }

  private static void create(PgUrl base, String db, String url, int n) throws SQLException {
    try (Connection admin = base.connect(); Statement st = admin.createStatement()) {
      st.execute("CREATE DATABASE " + db + " TEMPLATE template0");
    }
    try (Connection c = PgUrl.parse(url).connect(); Statement st = c.createStatement()) {
      List<String> ddl = WideSchema.statements(n);
      for (int from = 0; from < ddl.size(); from += 300) {
        st.execute(String.join(";\n", ddl.subList(from, Math.min(ddl.size(), from + 300))));
      }
    }
  }
}
