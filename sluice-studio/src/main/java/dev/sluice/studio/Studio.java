package dev.sluice.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sluice.schema.model.TableModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sluice Studio: a local web UI to browse, edit and understand a PostgreSQL database.
 *
 * <p>Served by Jetty's core HTTP server (no web framework, no npm build): static HTML/JS/CSS from
 * {@code /studio} on the classpath and a small JSON API under {@code /api}. Safe by default: loopback only,
 * a per-start secret token, Host and Origin checks (see {@link RequestGuard}), read-only mode enforced by
 * PostgreSQL's privileges (see {@link StudioRoles}), and slow clients bounded: reads time out after
 * {@link #IDLE_TIMEOUT_MS} without data (headers and bodies alike; a waiting connection holds no thread), a first
 * request's headers must be complete within {@link #HEADER_DEADLINE_MS}, at most
 * {@link #MAX_CONNECTIONS} connections are open and {@link #MAX_THREADS} threads serve them.
 * Start with {@link #start(StudioOptions)}, open {@link #url()}, {@link #close()} to stop.
 */
public final class Studio implements AutoCloseable {
  private static final Map<String, String> ASSETS = Map.of(
      "/", "index.html", "/index.html", "index.html", "/app.js", "app.js", "/app.css", "app.css");

  /** A connection that sends nothing for this long (while sending headers, a body, or between requests) is closed. */
  static final int IDLE_TIMEOUT_MS = 10_000;
  /**
   * A new connection must have sent its first request's headers within this time, or it is closed: a client that
   * trickles a byte now and then keeps clear of {@link #IDLE_TIMEOUT_MS} but not of this.
   */
  static final int HEADER_DEADLINE_MS = 10_000;
  /** Open connections at most; further ones wait in the accept queue until one closes. */
  static final int MAX_CONNECTIONS = 256;
  /** Threads of the HTTP server (acceptor and selector included); they never wait for a client or the database. */
  static final int MAX_THREADS = 16;
  /** Threads that run API calls once their body has fully arrived, and how many calls may wait for one. */
  static final int WORKERS = 8;
  static final int MAX_QUEUED = 64;
  static final int MAX_BODY = 4 * 1024 * 1024;

  private final StudioOptions options;
  private final Server server;
  private final ServerConnector connector;
  private final ThreadPoolExecutor workers;
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
    this.db = new StudioDb(options.url(), options.readOnly(), options.readRole(), options.writeRole(), options.allowSuperuser());
    this.catalog = new Catalog(db);
    this.console = new Console(db, json);
    this.workers = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_QUEUED), r -> {
      Thread t = new Thread(r, "sluice-studio-worker");
      t.setDaemon(true);
      return t;
    });
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
    threads.setName("sluice-studio-http");
    threads.setDaemon(true);
    this.server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(options.host());
    connector.setPort(options.port());
    connector.setIdleTimeout(IDLE_TIMEOUT_MS);
    connector.addEventListener(new Connection.Listener() {
      @Override
      public void onOpened(Connection c) {
        connector.getScheduler().schedule(() -> {
          if (c.getMessagesIn() == 0) c.getEndPoint().close();
        }, HEADER_DEADLINE_MS, TimeUnit.MILLISECONDS);
      }
    });
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
    server.setHandler(new Handler.Abstract.NonBlocking() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        try {
          Studio.this.handle(request, response, callback);
        } catch (Throwable e) {
          callback.failed(e);
        }
        return true;
      }
    });
    try {
      connector.open(); // binds now, so the guard knows the port before the first request can arrive
      this.guard = new RequestGuard(options.host(), connector.getLocalPort());
      server.start();
    } catch (Exception e) {
      try {
        server.stop();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      workers.shutdownNow();
      db.close();
      throw new IOException("cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
    }
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

  /** The start URL, including the token; opening it sets the session cookie and hands the token to the page. */
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
    return connector.getLocalPort();
  }

  /** The secret token (for API clients that send it as {@code X-Sluice-Token}). */
  public String token() {
    return guard.token();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("stopping the studio's HTTP server: " + e.getMessage(), e);
    } finally {
      workers.shutdownNow();
      db.close();
    }
  }

  /** One request, answered through {@code callback}. */
  private void handle(Request req, Response res, Callback cb) throws IOException {
    HttpFields.Mutable h = res.getHeaders();
    h.put("X-Content-Type-Options", "nosniff");
    h.put("X-Frame-Options", "DENY");
    h.put("Referrer-Policy", "no-referrer");
    h.put("Cache-Control", "no-store");
    h.put("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'");
    String path = req.getHttpURI().getPath();
    boolean api = path.startsWith("/api/");
    String host = req.getHeaders().get(HttpHeader.HOST);
    switch (guard.check(host, req.getHeaders().get(HttpHeader.ORIGIN), api, req.getHeaders().get("X-Sluice-Token"),
        req.getHeaders().getValuesList(HttpHeader.COOKIE.asString()), req.getHttpURI().getQuery())) {
      case BAD_HOST -> {
        send(res, cb, 403, "text/plain", "403: unexpected Host header (DNS rebinding protection)");
        return;
      }
      case BAD_ORIGIN -> {
        send(res, cb, 403, "text/plain", "403: cross-origin request refused");
        return;
      }
      case NO_TOKEN -> {
        send(res, cb, 401, "text/plain", api
            ? "401: API calls need the X-Sluice-Token header (the token of the URL printed by `sluice studio`)"
            : "401: open the URL printed by `sluice studio` (it carries the access token)");
        return;
      }
      case SET_COOKIE -> {
        h.add("Set-Cookie", guard.cookieHeader());
        // The token leaves the address bar and history; the page picks it up from the fragment (never sent anywhere).
        h.put("Location", (ASSETS.containsKey(path) ? path : "/") + "#token=" + guard.token()); // never off-site: "//host"
        send(res, cb, 302, "text/plain", "");
        return;
      }
      case OK -> { }
    }
    if (!api) {
      asset(req, res, cb, path);
      return;
    }
    String route = path.substring(5);
    if (!req.getMethod().equals("POST")) {
      dispatch(res, cb, () -> api(res, cb, route, json.createObjectNode()));
      return;
    }
    String ct = req.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (ct == null || !ct.startsWith("application/json")) {
      sendJson(res, cb, 415, Map.of("error", "POST bodies must be application/json"));
      return;
    }
    // The body is collected without a thread (a client that stalls is dropped after IDLE_TIMEOUT_MS); only then
    // does a worker take the call.
    Content.Source.asByteArrayAsync(req, MAX_BODY).whenComplete((raw, failure) -> {
      if (failure != null) {
        send(res, cb, 400, "text/plain", "400: unreadable request body: " + failure.getMessage());
        return;
      }
      dispatch(res, cb, () -> {
        JsonNode body;
        try {
          body = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
        } catch (IOException e) {
          sendJson(res, cb, 400, Map.of("error", "request body is not JSON: " + e.getMessage()));
          return;
        }
        api(res, cb, route, body);
      });
    });
  }

  private interface Call {
    void run() throws IOException;
  }

  private void dispatch(Response res, Callback cb, Call call) {
    try {
      workers.execute(() -> {
        try {
          call.run();
        } catch (Throwable e) {
          cb.failed(e);
        }
      });
    } catch (RejectedExecutionException e) {
      send(res, cb, 503, "text/plain", "503: the studio is busy, try again");
    }
  }

  private void asset(Request req, Response res, Callback cb, String path) throws IOException {
    String name = ASSETS.get(path);
    if (name == null || !req.getMethod().equals("GET")) {
      send(res, cb, 404, "text/plain", "not found");
      return;
    }
    try (InputStream in = Studio.class.getResourceAsStream("/studio/" + name)) {
      if (in == null) throw new IOException("missing resource /studio/" + name);
      String type = name.endsWith(".html") ? "text/html; charset=utf-8"
          : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
      send(res, cb, 200, type, in.readAllBytes());
    }
  }

  private void api(Response res, Callback cb, String route, JsonNode body) throws IOException {
    try {
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
      sendJson(res, cb, 200, result);
    } catch (ApiException e) {
      sendJson(res, cb, e.status, Map.of("error", e.getMessage()));
    } catch (SQLException e) {
      sendJson(res, cb, 422, Edits.failure(-1, e));
    } catch (RuntimeException e) {
      sendJson(res, cb, 500, Map.of("error", String.valueOf(e.getMessage())));
    }
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

  private void sendJson(Response res, Callback cb, int status, Object body) throws IOException {
    send(res, cb, status, "application/json; charset=utf-8", json.writeValueAsBytes(body));
  }

  private static void send(Response res, Callback cb, int status, String type, String body) {
    send(res, cb, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(Response res, Callback cb, int status, String type, byte[] body) {
    res.setStatus(status);
    res.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    res.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    res.write(true, ByteBuffer.wrap(body), cb);
  }
}
