package dev.sluice.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PgTest
class StudioSecurityTest {
  static Studio studio;
  static Studio readOnly;
  static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start(PgTestContext pg) {
    SampleSchema.create(pg);
    studio = Studio.start(StudioOptions.local(StudioLogins.readWriteLogin(pg)));
    readOnly = Studio.start(StudioOptions.local(StudioLogins.readOnlyLogin(pg)).withReadOnly(true));
  }

  @AfterAll
  static void stop() {
    studio.close();
    readOnly.close();
  }

  static HttpResponse<String> get(String url, String... headers) throws Exception {
    var b = HttpRequest.newBuilder(URI.create(url)).GET();
    if (headers.length > 0) b.headers(headers);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void requestsWithoutTheTokenAreRefusedWith401() throws Exception {
    assertThat(get(studio.baseUrl() + "/api/schema").statusCode()).isEqualTo(401);
    assertThat(get(studio.baseUrl() + "/").statusCode()).isEqualTo(401);
    assertThat(get(studio.baseUrl() + "/api/schema", "X-Sluice-Token", "0".repeat(32)).statusCode()).isEqualTo(401);
    assertThat(get(studio.baseUrl() + "/api/schema", "Cookie", "sluice_studio_" + studio.port() + "=nope").statusCode()).isEqualTo(401);
  }

  @Test
  void theStartUrlSetsAStrictHttpOnlyCookieAndMovesTheTokenToTheFragment() throws Exception {
    HttpResponse<String> first = get(studio.url());
    assertThat(first.statusCode()).isEqualTo(302);
    assertThat(first.headers().firstValue("Location")).hasValue("/#token=" + studio.token());
    HttpResponse<String> offSite = get(studio.baseUrl() + "//evil.example/?token=" + studio.token());
    assertThat(offSite.headers().firstValue("Location").orElse("(none: " + offSite.statusCode() + ")"))
        .as("no redirect off-site").doesNotStartWith("//");
    String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").doesNotContain(studio.token());
    HttpResponse<String> page = get(studio.baseUrl() + "/", "Cookie", cookie.split(";")[0]);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Sluice");
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(get(studio.baseUrl() + "/api/schema", "X-Sluice-Token", studio.token()).statusCode()).isEqualTo(200);
  }

  @Test
  void aForeignHostHeaderIsRefusedWith403EvenWithTheToken() throws Exception {
    assertThat(rawStatus("evil.example:" + studio.port())).isEqualTo(403);
    assertThat(rawStatus("127.0.0.1:1")).isEqualTo(403);
    assertThat(rawStatus("localhost:" + studio.port())).isEqualTo(200);
  }

  private int rawStatus(String host) throws Exception {
    try (Socket s = new Socket("127.0.0.1", studio.port())) {
      OutputStream out = s.getOutputStream();
      out.write(("GET /api/schema HTTP/1.1\r\nHost: " + host + "\r\nX-Sluice-Token: " + studio.token()
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  @Test
  void aForeignOriginIsRefusedWith403EvenWithTheToken() throws Exception {
    var req = HttpRequest.newBuilder(URI.create(studio.baseUrl() + "/api/sql"))
        .header("X-Sluice-Token", studio.token()).header("Origin", "http://evil.example")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"sql\":\"select 1\"}")).build();
    assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    assertThat(get(studio.baseUrl() + "/api/schema", "X-Sluice-Token", studio.token(), "Origin", "null").statusCode()).isEqualTo(403);
    assertThat(get(studio.baseUrl() + "/api/schema", "X-Sluice-Token", studio.token(), "Origin", studio.baseUrl()).statusCode()).isEqualTo(200);
  }

  @Test
  void postsMustBeJsonSoPlainFormsCannotReachTheApi() throws Exception {
    var req = HttpRequest.newBuilder(URI.create(studio.baseUrl() + "/api/sql")).header("X-Sluice-Token", studio.token())
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("sql=select+1")).build();
    assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(415);
  }

  @Test
  void readOnlyModeIsEnforcedByPostgresEvenInTheConsole() throws Exception {
    StudioClient c = new StudioClient(readOnly);
    var res = c.post("sql", Map.of("sql", "insert into products (name, price) values ('x', 1)"));
    assertThat(c.lastStatus).isEqualTo(422);
    assertThat(res.path("sqlState").asText()).isEqualTo("25006");
    assertThat(res.path("message").asText()).contains("read-only transaction");
    res = c.post("sql", Map.of("sql", "set transaction read write"));
    assertThat(c.lastStatus).isEqualTo(422); // PostgreSQL refuses it: the transaction already took its snapshot
    assertThat(res.path("sqlState").asText()).isEqualTo("25001");
    res = c.post("sql", Map.of("sql", "commit; insert into products (name, price) values ('x', 1)"));
    assertThat(c.lastStatus).isEqualTo(400);
    res = c.post("edit", Map.of("table", "products", "ops", java.util.List.of(Map.of("op", "delete", "key", Map.of("id", "3")))));
    assertThat(res.path("ok").asBoolean()).isFalse();
    assertThat(res.path("sqlState").asText()).isEqualTo("25006");
    assertThat(c.post("sql", Map.of("sql", "select count(*) from products")).path("rows").get(0).get(0).asText()).isEqualTo("3");
  }

  @Test
  void bindingANonLoopbackAddressNeedsAllowRemote() {
    assertThatThrownBy(() -> Studio.start(new StudioOptions("postgresql://localhost/x", "0.0.0.0", 0, false, false)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--allow-remote");
  }
}
