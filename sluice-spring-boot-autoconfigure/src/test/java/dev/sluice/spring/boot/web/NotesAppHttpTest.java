package dev.sluice.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.test.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The starter in a real web app: migrations on startup, the tenant filter, actuator health and endpoint, over HTTP. */
@SpringBootTest(classes = NotesApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "management.endpoints.web.exposure.include=health,sluice", "management.endpoint.health.show-details=always"})
class NotesAppHttpTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String url = TestDatabase.get().createDatabase("boot14_web");
    registry.add("spring.datasource.url", () -> url);
  }

  private HttpResponse<String> send(String method, String path, String tenant, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (tenant != null) b.header("X-Tenant", tenant);
    if (body != null) b.header("Content-Type", "text/plain");
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void eachTenantSeesOnlyItsOwnNotes() throws Exception {
    assertThat(send("POST", "/api/notes", "acme", "acme plan").statusCode()).isEqualTo(200);
    assertThat(send("POST", "/api/notes", "globex", "globex plan").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/notes", "acme", null).body()).isEqualTo("[\"acme plan\"]");
    assertThat(send("GET", "/api/notes", "globex", null).body()).isEqualTo("[\"globex plan\"]");
  }

  @Test
  void aRequestWithoutPrincipalIsUnauthorized() throws Exception {
    assertThat(send("GET", "/api/notes", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void aTransactionalServiceThatThrowsRollsBackItsSluiceInsert() throws Exception {
    assertThat(send("POST", "/admin/failing/doomed", null, null).body()).isEqualTo("rolled back: 0");
  }

  @Test
  void healthIsUpAndTheEndpointListsTheAppliedMigrations() throws Exception {
    HttpResponse<String> health = send("GET", "/actuator/health", null, null);
    assertThat(health.statusCode()).isEqualTo(200);
    // parsed: Boot 4's Jackson 3 writes the keys in another order than Boot 3.5's Jackson 2
    com.fasterxml.jackson.databind.JsonNode sluiceHealth = new com.fasterxml.jackson.databind.ObjectMapper().readTree(health.body())
        .path("components").path("sluice");
    assertThat(sluiceHealth.path("status").asText()).isEqualTo("UP");
    assertThat(sluiceHealth.path("details").path("applied").asInt()).isEqualTo(2);
    HttpResponse<String> sluice = send("GET", "/actuator/sluice", null, null);
    assertThat(sluice.statusCode()).isEqualTo(200);
    assertThat(sluice.body()).contains("\"counts\":{\"APPLIED\":2}", "\"name\":\"0001_notes\"", "\"name\":\"0002_tenancy\"");
  }
}
