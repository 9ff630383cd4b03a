package dev.sluice.testkit;

import dev.sluice.runtime.PgUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server test databases live on: {@code SLUICE_TEST_DATABASE_URL} when set, else one embedded
 * PostgreSQL per JVM (stopped at exit). Creates and drops databases by name.
 */
final class TestServer {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static volatile TestServer instance;

  private final String hostPort; // jdbc:postgresql://host:port/
  private final String adminDatabase;
  private final String user;
  private final String password;

  private TestServer(String hostPort, String adminDatabase, String user, String password) {
    this.hostPort = hostPort;
    this.adminDatabase = adminDatabase;
    this.user = user;
    this.password = password;
  }

  static TestServer get() {
    TestServer s = instance;
    if (s == null) {
      synchronized (TestServer.class) {
        s = instance;
        if (s == null) s = instance = start();
      }
    }
    return s;
  }

  private static TestServer start() {
    String url = System.getenv("SLUICE_TEST_DATABASE_URL");
    if (url != null && !url.isBlank()) {
      PgUrl pg = PgUrl.parse(url.trim());
      String jdbc = pg.jdbcUrl();
      int q = jdbc.indexOf('?');
      String noQuery = q < 0 ? jdbc : jdbc.substring(0, q);
      int slash = noQuery.indexOf('/', "jdbc:postgresql://".length());
      String base = slash < 0 ? noQuery + "/" : noQuery.substring(0, slash + 1);
      String db = slash < 0 || slash == noQuery.length() - 1 ? "postgres" : noQuery.substring(slash + 1);
      return new TestServer(base, db, pg.user(), pg.password());
    }
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off")
          .start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          pg.close();
        } catch (IOException ignored) {
          // the JVM is exiting
        }
      }, "sluice-test-pg-stop"));
      return new TestServer("jdbc:postgresql://localhost:" + pg.getPort() + "/", "postgres", "postgres", null);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL; set SLUICE_TEST_DATABASE_URL to use a server", e);
    }
  }

  /** A fresh database name for this JVM. */
  String newName(String kind) {
    return "sluice_" + kind + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
  }

  /** Creates {@code name}, empty or as a copy of {@code template} (which must have no sessions). */
  void create(String name, String template) {
    execute("CREATE DATABASE " + name + " TEMPLATE " + (template == null ? "template0 ENCODING 'UTF8'" : template));
  }

  void drop(String name) {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  String jdbcUrl(String name) {
    StringBuilder sb = new StringBuilder(hostPort).append(name);
    if (user != null) sb.append("?user=").append(user);
    if (password != null) sb.append(user != null ? "&" : "?").append("password=").append(password);
    return sb.toString();
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(jdbcUrl(adminDatabase)); Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage() + " [SQLSTATE " + e.getSQLState() + "]", e);
    }
  }
}
