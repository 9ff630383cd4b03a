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
 * transactions as the changes allow ({@link ShadowScript}); the result is kept for the life of the
 * JVM, keyed by server, role, options and DDL text, so normalising the same code again (a plan
 * followed by an apply, a watch loop, the studio) reuses it instead of creating another scratch
 * database.
 */
public final class ShadowDatabase {
  private ShadowDatabase() {}

  /** Normalised models of this JVM, by server and DDL: a repeated plan of the same code creates no new scratch database. */
  private static final NormalizedCache CACHE = new NormalizedCache(8);

  /**
   * Forgets the normalised models kept for reuse, so the next {@link #normalize} creates a scratch
   * database again (for benchmarks measuring a cold run, and after changing roles or extensions on
   * the server, which the DDL text does not show).
   */
  public static void forgetNormalized() {
    CACHE.clear();
  }

  /** The model as PostgreSQL sees it once created: {@code model} applied to a fresh scratch database, introspected. */
  public static SchemaModel normalize(String serverUrl, SchemaModel model, IntrospectOptions options) {
    PgUrl base = PgUrl.parse(serverUrl);
    List<Change> changes = Differ.diff(SchemaModel.EMPTY, model);
    List<String> script = new java.util.ArrayList<>(externalStubs(model)); // the stubs are part of what the shadow holds
    script.addAll(DdlRenderer.render(changes));
    NormalizedCache.Key key = new NormalizedCache.Key(base.jdbcUrl(), base.user(), options, script);
    SchemaModel cached = CACHE.get(key);
    if (cached != null) return cached;
    String name = "sluice_shadow_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    try (Connection admin = base.connect(); Statement st = admin.createStatement()) {
      st.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the shadow database " + name + " on " + base
          + " (the role needs CREATEDB): " + e.getMessage(), e);
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
        SchemaModel normalized = present == null ? SchemaModel.EMPTY : Introspector.introspect(c, present);
        normalized = withoutStubbedFunctions(normalized, model).withExternalTables(model.externalTables())
            .withExternalFunctions(model.externalFunctions());
        CACHE.put(key, normalized);
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
