package dev.sluice.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.schema.model.TableModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sluice Studio: a local web UI to browse, edit and understand a PostgreSQL database.
 *
 * <p>Served by the JDK's own HTTP server (no web framework, no npm build): static HTML/JS/CSS from
 * {@code /studio} on the classpath and a small JSON API under {@code /api}. Safe by default: loopback only,
 * a per-start secret token, Host and Origin checks (see {@link RequestGuard}) and PostgreSQL-enforced
 * read-only mode. Start with {@link #start(StudioOptions)}, open {@link #url()}, {@link #close()} to stop.
 */
public final class Studio implements AutoCloseable {
  private static final Map<String, String> ASSETS = Map.of(
      "/", "index.html", "/index.html", "index.html", "/app.js", "app.js", "/app.css", "app.css");

  private final StudioOptions options;
  private final HttpServer server;
  private final ExecutorService executor;
  private final StudioDb db;
  private final Catalog catalog;
  private final Console console;
  private final RequestGuard guard;
  private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Studio(StudioOptions options) throws IOException {
    this.options = options;
    boolean loopback = RequestGuard.isLoopback(options.host());
    if (!loopback && !options.allowRemote()) {
      throw new IllegalArgumentException("refusing to bind " + options.host() + ": the studio is a SQL proxy for "
          + "this database; binding a non-loopback address needs --allow-remote");
    }
    this.db = new StudioDb(options.url(), options.readOnly(), options.readRole());
    try {
      this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
    } catch (IOException e) {
      db.close();
      throw new IOException("cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
    }
    this.guard = new RequestGuard(options.host(), server.getAddress().getPort());
    this.catalog = new Catalog(db);
    this.console = new Console(db, json);
    this.executor = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "sluice-studio-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    if (!loopback) {
      System.err.println("WARNING: sluice studio listens on " + options.host() + " (not loopback): anyone who can reach"
          + " this address and learns the token can read" + (options.readOnly() ? "" : " and WRITE") + " the database.");
    }
  }

  /** Starts the server; the returned studio serves until {@link #close()}. */
  public static Studio start(StudioOptions options) {
    try {
      return new Studio(options);
    } catch (IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The start URL, including the token; opening it sets the session cookie. */
  public String url() {
    return baseUrl() + "/?token=" + guard.token();
  }

  /** The URL without the token (requests to it are refused until the cookie is set). */
  public String baseUrl() {
    String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
    if (host.equals("0.0.0.0") || host.equals("[::]")) host = "127.0.0.1";
    return "http://" + host + ":" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The secret token (for API clients that send it as {@code X-Sluice-Token}). */
  public String token() {
    return guard.token();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    db.close();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      var h = ex.getResponseHeaders();
      h.set("X-Content-Type-Options", "nosniff");
      h.set("X-Frame-Options", "DENY");
      h.set("Referrer-Policy", "no-referrer");
      h.set("Cache-Control", "no-store");
      h.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'");
      switch (guard.check(ex)) {
        case BAD_HOST -> {
          send(ex, 403, "text/plain", "403: unexpected Host header (DNS rebinding protection)");
          return;
        }
        case BAD_ORIGIN -> {
          send(ex, 403, "text/plain", "403: cross-origin request refused");
          return;
        }
        case NO_TOKEN -> {
          send(ex, 401, "text/plain", "401: open the URL printed by `sluice studio` (it carries the access token)");
          return;
        }
        case SET_COOKIE -> {
          h.add("Set-Cookie", guard.cookieHeader());
          if (!ex.getRequestURI().getPath().startsWith("/api/")) {
            h.set("Location", ex.getRequestURI().getPath()); // drop the token from the address bar and history
            send(ex, 302, "text/plain", "");
            return;
          }
        }
        case OK -> { }
      }
      String path = ex.getRequestURI().getPath();
      if (path.startsWith("/api/")) api(ex, path.substring(5));
      else asset(ex, path);
    }
  }

  private void asset(HttpExchange ex, String path) throws IOException {
    String name = ASSETS.get(path);
    if (name == null || !ex.getRequestMethod().equals("GET")) {
      send(ex, 404, "text/plain", "not found");
      return;
    }
    try (InputStream in = Studio.class.getResourceAsStream("/studio/" + name)) {
      if (in == null) throw new IOException("missing resource /studio/" + name);
      String type = name.endsWith(".html") ? "text/html; charset=utf-8"
          : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
      send(ex, 200, type, in.readAllBytes());
    }
  }

  private void api(HttpExchange ex, String route) throws IOException {
    try {
      JsonNode body = readBody(ex);
      Object result = switch (route) {
        case "schema" -> catalog.view(db.readOnly);
        case "rows" -> db.tx(true, c -> GridQueries.page(c, table(body), body));
        case "edit" -> edit(body);
        case "relations" -> {
          TableModel t = table(body);
          yield db.tx(true, c -> Relations.of(c, catalog.model(), t, Edits.key(body), catalog));
        }
        case "sql" -> body.path("explain").asBoolean(false)
            ? console.explain(body.path("sql").asText(null)) : console.run(body.path("sql").asText(null));
        case "migrations" -> MigrationsView.of(db, options.migrationsDir());
        default -> throw new ApiException(404, "no API route " + route);
      };
      sendJson(ex, 200, result);
    } catch (ApiException e) {
      sendJson(ex, e.status, Map.of("error", e.getMessage()));
    } catch (SQLException e) {
      sendJson(ex, 422, Edits.failure(-1, e));
    } catch (RuntimeException e) {
      sendJson(ex, 500, Map.of("error", String.valueOf(e.getMessage())));
    }
  }

  private JsonNode readBody(HttpExchange ex) throws IOException {
    if (!ex.getRequestMethod().equals("POST")) return json.createObjectNode();
    String ct = ex.getRequestHeaders().getFirst("Content-Type");
    if (ct == null || !ct.startsWith("application/json")) throw new ApiException(415, "POST bodies must be application/json");
    byte[] raw = ex.getRequestBody().readNBytes(4 * 1024 * 1024);
    return raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
  }

  private Object edit(JsonNode body) throws SQLException {
    TableModel t = table(body);
    try {
      return db.tx(c -> Edits.apply(c, t, body.path("ops")));
    } catch (Edits.Failed f) {
      return f.report; // the transaction was rolled back: nothing of the batch was applied
    }
  }

  private TableModel table(JsonNode body) throws SQLException {
    String name = body.path("table").asText(null);
    if (name == null) throw ApiException.badRequest("request names no table");
    return catalog.table(body.path("schema").asText("public"), name);
  }

  private void sendJson(HttpExchange ex, int status, Object body) throws IOException {
    send(ex, status, "application/json; charset=utf-8", json.writeValueAsBytes(body));
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
