package dev.sluice.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server tests talk to: {@code SLUICE_TEST_DATABASE_URL} when set (a
 * {@code postgresql://} or {@code jdbc:postgresql://} URL of a server where the user may create
 * databases), else one embedded PostgreSQL 17 (zonky) started once per test JVM and stopped at exit.
 * Each caller of {@link #createDatabase(String)} gets a fresh, empty database.
 */
public final class TestDatabase {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static volatile TestDatabase instance;

  private final String baseJdbcUrl; // without database name: jdbc:postgresql://host:port/
  private final String user;
  private final String password;
  private final String adminDatabase;

  private TestDatabase(String baseJdbcUrl, String adminDatabase, String user, String password) {
    this.baseJdbcUrl = baseJdbcUrl;
    this.adminDatabase = adminDatabase;
    this.user = user;
    this.password = password;
  }

  /** The server for this JVM, started on first use. */
  public static TestDatabase get() {
    TestDatabase db = instance;
    if (db == null) {
      synchronized (TestDatabase.class) {
        db = instance;
        if (db == null) {
          db = instance = start();
        }
      }
    }
    return db;
  }

  private static TestDatabase start() {
    String url = System.getenv("SLUICE_TEST_DATABASE_URL");
    if (url != null && !url.isBlank()) {
      return fromUrl(url.trim());
    }
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setServerConfig("max_connections", "300")
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off")
          .start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          pg.close();
        } catch (IOException ignored) {
          // the JVM is exiting
        }
      }, "sluice-embedded-pg-stop"));
      return new TestDatabase("jdbc:postgresql://localhost:" + pg.getPort() + "/", "postgres", "postgres", null);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL; set SLUICE_TEST_DATABASE_URL to use a server", e);
    }
  }

  static TestDatabase fromUrl(String url) {
    String u = url.startsWith("jdbc:") ? url.substring(5) : url;
    if (u.startsWith("postgres://")) u = "postgresql://" + u.substring("postgres://".length());
    URI uri = URI.create(u);
    String user = "postgres";
    String password = null;
    if (uri.getUserInfo() != null) {
      String[] parts = uri.getUserInfo().split(":", 2);
      user = parts[0];
      password = parts.length > 1 ? parts[1] : null;
    }
    String query = uri.getQuery();
    if (query != null) {
      for (String kv : query.split("&")) {
        String[] p = kv.split("=", 2);
        if (p[0].equals("user")) user = p[1];
        if (p[0].equals("password")) password = p[1];
      }
    }
    String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
    int port = uri.getPort() < 0 ? 5432 : uri.getPort();
    return new TestDatabase("jdbc:postgresql://" + uri.getHost() + ":" + port + "/", db, user, password);
  }

  /** Creates a new empty database named after {@code hint} (sanitised, made unique) and returns its JDBC URL. */
  public String createDatabase(String hint) {
    String name = ("sluice_" + hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")).replaceAll("_+$", "");
    if (name.length() > 40) name = name.substring(0, 40);
    name = name + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection c = adminConnection(); Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name);
      st.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name + ": " + e.getMessage(), e);
    }
    return jdbcUrl(name);
  }

  /** Drops a database created by {@link #createDatabase(String)} (terminating its connections). */
  public void dropDatabase(String jdbcUrl) {
    String name = jdbcUrl.substring(baseJdbcUrl.length());
    int q = name.indexOf('?');
    if (q >= 0) name = name.substring(0, q);
    try (Connection c = adminConnection(); Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      // best effort: a leftover test database is harmless
    }
  }

  /** The JDBC URL of database {@code name} on this server, with credentials as parameters. */
  public String jdbcUrl(String name) {
    StringBuilder sb = new StringBuilder(baseJdbcUrl).append(name).append("?user=").append(user);
    if (password != null) sb.append("&password=").append(password);
    return sb.toString();
  }

  /** A connection to the administrative database (for creating databases and roles). */
  public Connection adminConnection() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(adminDatabase));
  }

  /** True when the server offers extension {@code name} (e.g. {@code vector} is often missing). */
  public boolean hasExtension(String name) {
    try (Connection c = adminConnection(); Statement st = c.createStatement();
         var rs = st.executeQuery("select 1 from pg_available_extensions where name = '" + name.replace("'", "''") + "'")) {
      return rs.next();
    } catch (SQLException e) {
      return false;
    }
  }
}
