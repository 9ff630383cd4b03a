package dev.sluice.kit.shadow;

import dev.sluice.kit.diff.Change;
import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.Introspector;
import dev.sluice.runtime.PgUrl;
import dev.sluice.schema.model.SchemaModel;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/**
 * Normalises a code model the way PostgreSQL would print it. The DSL keeps SQL fragments as written
 * ({@code price > 0}) while the catalogs print them canonically ({@code (price > (0)::numeric)}), so a
 * code model is never compared with a live database directly: it is created in a scratch database
 * on the same server and introspected, and the two introspected models are compared.
 *
 * <p>The scratch database is named {@code sluice_shadow_<random>} and dropped afterwards (also when
 * creation fails). The connecting role needs CREATEDB. The DDL runs in as few round trips and
 * transactions as the changes allow ({@link ShadowScript}).
 *
 * <p>The result is kept, keyed by everything it depends on (this build of Sluice; the server's
 * version, identity, settings, {@code template0} locale and extension versions; the URL and role;
 * the introspect options; the exact DDL: see {@link NormalizedKey}), for the life of the JVM and on
 * disk between runs ({@link #cacheDirectory()}), so normalising the same code again (a second
 * {@code push}, a plan followed by an apply, a watch loop, the studio) reads it back instead of
 * creating another scratch database; computing the key costs a query or two. A changed DDL, server,
 * setting or option is another key.
 */
public final class ShadowDatabase {
  private ShadowDatabase() {}

  /** Normalised models of this JVM, by key: a repeated plan of the same code creates no new scratch database. */
  private static final NormalizedCache CACHE = new NormalizedCache(8);

  /** System property naming the directory of normalised models kept between runs, or {@code off}. */
  public static final String CACHE_PROPERTY = "sluice.shadow.cache";

  /** Environment variable read when {@link #CACHE_PROPERTY} is not set, with the same values. */
  public static final String CACHE_ENV = "SLUICE_SHADOW_CACHE";

  /**
   * The directory where normalised models are kept between runs, or empty when that is turned off:
   * the system property {@value #CACHE_PROPERTY}, else the environment variable {@value #CACHE_ENV}
   * (a path, or {@code off} to keep models only in memory), else {@code $XDG_CACHE_HOME/sluice/shadow},
   * else {@code ~/.cache/sluice/shadow}. Read at each normalisation.
   */
  public static java.util.Optional<java.nio.file.Path> cacheDirectory() {
    String value = System.getProperty(CACHE_PROPERTY);
    if (value == null) value = System.getenv(CACHE_ENV);
    if (value != null) {
      value = value.trim();
      if (value.isEmpty() || value.equalsIgnoreCase("off") || value.equalsIgnoreCase("false") || value.equalsIgnoreCase("none")) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(java.nio.file.Path.of(value));
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    java.nio.file.Path base = xdg != null && !xdg.isBlank() && java.nio.file.Path.of(xdg).isAbsolute()
        ? java.nio.file.Path.of(xdg) : java.nio.file.Path.of(System.getProperty("user.home"), ".cache");
    return java.util.Optional.of(base.resolve("sluice").resolve("shadow"));
  }

  /**
   * Forgets the normalised models kept for reuse, in this JVM and in {@link #cacheDirectory()}, so the
   * next {@link #normalize} creates a scratch database again (for benchmarks measuring a cold run).
   */
  public static void forgetNormalized() {
    CACHE.clear();
    PersistedModels.configured().ifPresent(PersistedModels::clear);
  }

  /**
   * Forgets the normalised models kept in this JVM only, as a new process starts: the next
   * {@link #normalize} of the same code reads the model back from {@link #cacheDirectory()}.
   */
  public static void forgetNormalizedInThisJvm() {
    CACHE.clear();
  }

  /** The model as PostgreSQL sees it once created: {@code model} applied to a fresh scratch database, introspected. */
  public static SchemaModel normalize(String serverUrl, SchemaModel model, IntrospectOptions options) {
    PgUrl base = PgUrl.parse(serverUrl);
    List<Change> changes = Differ.diff(SchemaModel.EMPTY, model);
    List<String> script = new java.util.ArrayList<>(externalStubs(model)); // the stubs are part of what the shadow holds
    script.addAll(DdlRenderer.render(changes));
    String name = "sluice_shadow_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    NormalizedKey.Key key;
    java.util.Optional<PersistedModels> persisted = PersistedModels.configured();
    try (Connection admin = base.connect(); Statement st = admin.createStatement()) {
      key = NormalizedKey.of(admin, base, model, options, script);
      SchemaModel cached = CACHE.get(key.digest());
      if (cached != null) return cached;
      cached = persisted.flatMap(p -> p.read(key.digest())).orElse(null);
      if (cached != null) {
        CACHE.put(key.digest(), cached);
        return cached;
      }
      try {
        st.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create the shadow database " + name + " on " + base
            + " (the role needs CREATEDB): " + e.getMessage(), e);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the server for the shadow database on " + base + ": " + e.getMessage(), e);
    }
    PgUrl shadow = new PgUrl(withDatabase(base.jdbcUrl(), name), base.user(), base.password());
    try {
      try (Connection c = shadow.connect()) {
        try (Statement st = c.createStatement()) {
          for (String ddl : externalStubs(model)) {
            try {
              st.execute(ddl);
            } catch (SQLException e) {
              throw new IllegalStateException("cannot stub an external object in the shadow database: " + e.getMessage()
                  + "\n  statement: " + ddl, e);
            }
          }
        }
        ShadowScript.apply(c, changes);
        c.setAutoCommit(true);
        IntrospectOptions present = existingSchemasOnly(c, options);
        SchemaModel introspected = present == null ? SchemaModel.EMPTY : Introspector.introspect(c, present);
        SchemaModel normalized = withoutStubbedFunctions(introspected, model).withExternalTables(model.externalTables())
            .withExternalFunctions(model.externalFunctions());
        CACHE.put(key.digest(), normalized);
        persisted.ifPresent(p -> p.write(key.digest(), key.server(), normalized));
        return normalized;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("shadow database " + name + ": " + e.getMessage(), e);
    } finally {
      try (Connection admin = base.connect(); Statement st = admin.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      } catch (SQLException ignored) {
        // best effort: a leftover scratch database is harmless and clearly named
      }
    }
  }

  /**
   * External tables and functions exist wherever the code runs, but not in a scratch database: each
   * table is stubbed with its declared columns and key, so foreign keys to it can be created, and
   * each function with its declared signature, result and volatility (a body returning null), so
   * policies, defaults, checks and views calling it can be created.
   */
  private static java.util.List<String> externalStubs(SchemaModel model) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (dev.sluice.schema.model.TableModel t : model.externalTables()) {
      if (!"public".equals(t.schema())) out.add("CREATE SCHEMA IF NOT EXISTS " + dev.sluice.sql.Identifiers.quote(t.schema()));
      dev.sluice.schema.model.TableModel stub = new dev.sluice.schema.model.TableModel(t.schema(), t.name(), t.columns(), t.primaryKey(), java.util.List.of(), t.uniques(),
          java.util.List.of(), java.util.List.of(), java.util.List.of(), null, false, false, java.util.List.of(), null);
      out.add(DdlRenderer.render(new dev.sluice.kit.diff.Change.CreateTable(stub)));
    }
    for (dev.sluice.schema.model.FunctionModel f : model.externalFunctions()) {
      if (!"public".equals(f.schema())) out.add("CREATE SCHEMA IF NOT EXISTS " + dev.sluice.sql.Identifiers.quote(f.schema()));
      out.add(dev.sluice.kit.diff.ObjectKinds.externalFunctionStub(f));
    }
    return out;
  }

  /** The normalised model without the stubs of external functions (read when the options include their schema). */
  private static SchemaModel withoutStubbedFunctions(SchemaModel normalized, SchemaModel model) {
    if (model.externalFunctions().isEmpty()) return normalized;
    java.util.Set<String> stubbed = new java.util.HashSet<>();
    model.externalFunctions().forEach(f -> stubbed.add(f.schema() + "." + f.name()));
    return normalized.withObjects(
        normalized.functions().stream().filter(f -> !stubbed.contains(f.schema() + "." + f.name())).toList(), normalized.triggers());
  }

  /**
   * Schemas the code does not create are simply empty in the shadow; a missing one is not an error
   * here. Returns null when none of the requested schemas exists (the normalised model is empty).
   */
  private static IntrospectOptions existingSchemasOnly(Connection c, IntrospectOptions options) throws SQLException {
    if (options.schemas().isEmpty()) return options;
    java.util.List<String> present = new java.util.ArrayList<>();
    try (var ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
      for (String s : options.schemas()) {
        ps.setString(1, s);
        try (var rs = ps.executeQuery()) {
          if (rs.next()) present.add(s);
        }
      }
    }
    return present.isEmpty() ? null : new IntrospectOptions(present, options.excludeTables());
  }

  /** {@code jdbcUrl} pointing at database {@code name} instead (query parameters kept). */
  static String withDatabase(String jdbcUrl, String name) {
    String prefix = "jdbc:postgresql://";
    if (!jdbcUrl.startsWith(prefix)) throw new IllegalArgumentException("not a JDBC PostgreSQL URL: " + jdbcUrl);
    int slash = jdbcUrl.indexOf('/', prefix.length());
    int q = jdbcUrl.indexOf('?');
    String hostPart = slash < 0 ? (q < 0 ? jdbcUrl : jdbcUrl.substring(0, q)) : jdbcUrl.substring(0, slash);
    String query = q < 0 ? "" : jdbcUrl.substring(q);
    return hostPart + "/" + name + query;
  }
}
