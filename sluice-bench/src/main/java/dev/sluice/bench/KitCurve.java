package dev.sluice.bench;

import dev.sluice.kit.diff.DiffOptions;
import dev.sluice.kit.diff.Differ;
import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.Introspector;
import dev.sluice.kit.introspect.UnmodeledObjects;
import dev.sluice.kit.pull.JavaSchemaGenerator;
import dev.sluice.kit.push.Pusher;
import dev.sluice.kit.push.WideSchema;
import dev.sluice.kit.shadow.ShadowDatabase;
import dev.sluice.kit.snapshot.SnapshotJson;
import dev.sluice.runtime.PgUrl;
import dev.sluice.schema.model.SchemaModel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The kit's cost curve (issue 13 item 5, issue 16 item 4): for a generated schema of 100, 1,000 and
 * 5,000 tables ({@link WideSchema}: several column types, a unique key, a check, two indexes and a
 * foreign key per table, a view per hundred), the wall time and peak heap of
 * <ul>
 *   <li><b>pull</b>: introspect the database, list what it cannot model, generate the Java source;</li>
 *   <li><b>diff</b>: introspect two databases (here the same one twice) and diff them;</li>
 *   <li><b>push --dry-run, nothing to change</b>: {@link Pusher#plan} of the database's own model (what
 *       pulled code gives: equal to the live model, so no shadow database is needed);</li>
 *   <li><b>the same through the shadow</b>: the model with its check expressions as a user writes them
 *       ({@code amount >= 0}), so the plan creates, fills and introspects a shadow database (cold: the
 *       normalised models kept in memory and on disk are forgotten first, as in the first run);</li>
 *   <li><b>the same, cached</b>: as a second CLI or Maven run of the same code: this JVM's copy is
 *       forgotten, the normalised model is read back from the cache directory (a temporary one unless
 *       {@code -Dsluice.shadow.cache} is given).</li>
 * </ul>
 * Each phase runs {@code reps} times after one warm-up; the best wall time and the best client CPU
 * time (this thread's, so the server's work is not in it: on a shared machine it is the steadier
 * measure of the library itself) are reported with the peak heap of that phase (sum of the heap
 * pools' peaks, reset before each repetition). A fourth argument {@code noshadow} leaves out the
 * shadow phase (at 5,000 tables it creates 20,000 objects).
 *
 * <pre>
 * java -cp sluice-bench/target/benchmarks.jar dev.sluice.bench.KitCurve \
 *   'jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres' 100,1000,5000 3
 * </pre>
 * The URL's role needs CREATEDB; the databases {@code sluice_kitcurve_<n>} are created and dropped.
 */
public final class KitCurve {
  private KitCurve() {}

  /** One measured phase: best wall time over the repetitions and the peak heap seen. */
  public record Phase(String name, int tables, long millis, long cpuMillis, long peakMb) {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    int[] sizes = java.util.Arrays.stream((args.length > 1 ? args[1] : "100,1000,5000").split(","))
        .mapToInt(Integer::parseInt).toArray();
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    boolean shadow = !(args.length > 3 && args[3].equals("noshadow"));
    if (System.getProperty(ShadowDatabase.CACHE_PROPERTY) == null) { // never clear the user's own cache
      System.setProperty(ShadowDatabase.CACHE_PROPERTY, java.nio.file.Files.createTempDirectory("sluice-kitcurve-cache").toString());
    }
    System.out.println("tables  phase                          best ms   client CPU ms  peak heap MB");
    for (int n : sizes) {
      for (Phase p : measure(url, n, reps, shadow)) {
        System.out.printf(Locale.ROOT, "%6d  %-29s %8d  %14d  %12d%n", p.tables(), p.name(), p.millis(), p.cpuMillis(),
            p.peakMb());
      }
    }
  }

  /** Creates the {@code n}-table database, measures the three phases, drops it. */
  public static List<Phase> measure(String serverUrl, int n, int reps, boolean shadow) throws SQLException {
    PgUrl base = PgUrl.parse(serverUrl);
    String db = "sluice_kitcurve_" + n;
    try (Connection admin = base.connect(); Statement st = admin.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      st.execute("CREATE DATABASE " + db + " TEMPLATE template0");
    }
    String url = withDatabase(base.jdbcUrl(), db);
    PgUrl target = new PgUrl(url, base.user(), base.password());
    try {
      try (Connection c = target.connect(); Statement st = c.createStatement()) {
        List<String> ddl = WideSchema.statements(n);
        for (int from = 0; from < ddl.size(); from += 300) { // autocommit: one transaction per round trip
          st.execute(String.join(";\n", ddl.subList(from, Math.min(ddl.size(), from + 300))));
        }
      }
      IntrospectOptions all = IntrospectOptions.all();
      SchemaModel model = introspect(target, all);
      List<Phase> out = new ArrayList<>();
      out.add(phase("pull", n, reps, () -> {
        SchemaModel m = introspect(target, all);
        unmodeled(target, all);
        return JavaSchemaGenerator.generate(m, "bench.db").size();
      }));
      out.add(phase("diff", n, reps, () -> {
        SchemaModel a = introspect(target, all);
        SchemaModel b = introspect(target, all);
        unmodeled(target, all);
        unmodeled(target, all);
        return Differ.diff(a, b).size();
      }));
      String planUrl = withDatabase(serverUrl, db);
      out.add(phase("push --dry-run no-op", n, reps, () -> {
        Pusher.Plan plan = Pusher.plan(planUrl, model, all, DiffOptions.NONE);
        if (!plan.inSync()) throw new IllegalStateException("the no-op push planned changes: " + plan.statements());
        return plan.changes().size();
      }));
      if (!shadow) return out;
      // code as a user writes it (fragments not in PostgreSQL's printed form): the plan needs the shadow database
      SchemaModel handWritten = handWritten(model);
      out.add(phase("push --dry-run no-op, shadow", n, reps, () -> {
        ShadowDatabase.forgetNormalized(); // a cold run, as in a fresh CLI process
        Pusher.Plan plan = Pusher.plan(planUrl, handWritten, all, DiffOptions.NONE);
        if (!plan.inSync()) throw new IllegalStateException("the no-op push planned changes: " + plan.statements());
        return plan.changes().size();
      }));
      java.nio.file.Path cache = ShadowDatabase.cacheDirectory().orElseThrow();
      try (var files = java.nio.file.Files.list(cache)) {
        if (files.noneMatch(f -> f.toString().endsWith(".json"))) throw new IllegalStateException("nothing cached in " + cache);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      out.add(phase("push --dry-run no-op, cached", n, reps, () -> {
        ShadowDatabase.forgetNormalizedInThisJvm(); // a second run: a new process finds the model on disk
        Pusher.Plan plan = Pusher.plan(planUrl, handWritten, all, DiffOptions.NONE);
        if (!plan.inSync()) throw new IllegalStateException("the no-op push planned changes: " + plan.statements());
        return plan.changes().size();
      }));
      return out;
    } finally {
      try (Connection admin = base.connect(); Statement st = admin.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      }
    }
  }

  /** {@code live} with its check expressions as a user writes them: a plan of it needs the shadow database. */
  static SchemaModel handWritten(SchemaModel live) {
    SchemaModel handWritten = SnapshotJson.read(SnapshotJson.write(live).replace("(amount >= (0)::numeric)", "amount >= 0"));
    if (handWritten.equals(live)) throw new IllegalStateException("the hand-written variant equals the live model");
    return handWritten;
  }

  private static Phase phase(String name, int n, int reps, Supplier<Integer> body) {
    body.get(); // warm-up
    long best = Long.MAX_VALUE;
    long bestCpu = Long.MAX_VALUE;
    long peak = 0;
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < reps; i++) {
      System.gc();
      List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP).toList();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long t0 = System.nanoTime();
      long c0 = threads.getCurrentThreadCpuTime();
      body.get();
      bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - c0) / 1_000_000);
      best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
      peak = Math.max(peak, heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024));
    }
    return new Phase(name, n, best, bestCpu, peak);
  }

  private static SchemaModel introspect(PgUrl url, IntrospectOptions options) {
    try (Connection c = url.connect()) {
      return Introspector.introspect(c, options);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void unmodeled(PgUrl url, IntrospectOptions options) {
    try (Connection c = url.connect()) {
      UnmodeledObjects.list(c, options);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static String withDatabase(String jdbcUrl, String name) {
    String prefix = "jdbc:postgresql://";
    int slash = jdbcUrl.indexOf('/', prefix.length());
    int q = jdbcUrl.indexOf('?');
    String hostPart = slash < 0 ? (q < 0 ? jdbcUrl : jdbcUrl.substring(0, q)) : jdbcUrl.substring(0, slash);
    return hostPart + "/" + name + (q < 0 ? "" : jdbcUrl.substring(q));
  }
}
