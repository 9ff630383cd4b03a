package dev.sluice.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.examples.saas.Saas;
import dev.sluice.runtime.Database;
import dev.sluice.runtime.Tenancy;
import dev.sluice.test.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example service over HTTP: migrations ran on startup as the owner, the app logs in as the
 * authenticator, and each request acts as its header principal, so one team never sees another's projects.
 */
@SpringBootTest(classes = SaasApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SaasApplicationHttpTest {
  static final String AUTHENTICATOR = "sluice_boot_saas_authenticator";
  static final String PASSWORD = "boot-example-password";
  static final String TEAM_A = "0000000a-0000-0000-0000-000000000000";
  static final String TEAM_B = "0000000b-0000-0000-0000-000000000000";
  static final String ALICE = "00000000-0000-0000-0000-0000000000a1";
  static final String BOB = "00000000-0000-0000-0000-0000000000b1";
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static String ownerUrl;
  static boolean seeded;

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    ownerUrl = TestDatabase.get().createDatabase("boot14_saas");
    try (Connection c = DriverManager.getConnection(ownerUrl); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("select current_user")) {
      rs.next();
      String admin = rs.getString(1);
      st.execute(Tenancy.appRoleSql(Saas.APP_ROLE, admin));
      st.execute(Tenancy.authenticatorSql(AUTHENTICATOR, PASSWORD, Saas.APP_ROLE));
    }
    registry.add("SAAS_OWNER_URL", () -> ownerUrl);
    registry.add("SAAS_APP_URL", () -> ownerUrl.substring(0, ownerUrl.indexOf('?')) + "?user=" + AUTHENTICATOR + "&password=" + PASSWORD);
  }

  @BeforeEach
  void seedTwoTeams() {
    if (seeded) return;
    try (Database owner = Database.connect(ownerUrl)) {
      Tenancy.run(owner, List.of(
          "insert into app_users (id, email, name) values ('" + ALICE + "', 'alice@a.test', 'Alice'), ('" + BOB + "', 'bob@b.test', 'Bob')",
          "insert into app_teams (id, name, slug) values ('" + TEAM_A + "', 'A', 'a'), ('" + TEAM_B + "', 'B', 'b')",
          "insert into app_team_members (team_id, user_id, role) values ('" + TEAM_A + "', '" + ALICE + "', 'owner'),"
              + " ('" + TEAM_B + "', '" + BOB + "', 'owner')"));
    }
    seeded = true;
  }

  private HttpResponse<String> send(String method, String path, String user, String team, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (user != null) b.header("X-User-Id", user).header("X-Team-Id", team);
    if (json != null) b.header("Content-Type", "application/json");
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void oneTeamCannotSeeAnothersProjects() throws Exception {
    assertThat(send("POST", "/api/projects", ALICE, TEAM_A, "{\"name\":\"Apollo\",\"slug\":\"apollo\"}").statusCode()).isEqualTo(200);
    assertThat(send("POST", "/api/projects", BOB, TEAM_B, "{\"name\":\"Borealis\",\"slug\":\"borealis\"}").statusCode()).isEqualTo(200);

    assertThat(send("GET", "/api/projects", ALICE, TEAM_A, null).body()).contains("Apollo").doesNotContain("Borealis");
    assertThat(send("GET", "/api/projects", BOB, TEAM_B, null).body()).contains("Borealis").doesNotContain("Apollo");
    // Alice claiming team B: the membership policy shows her nothing there
    assertThat(send("GET", "/api/projects", ALICE, TEAM_B, null).body()).isEqualTo("[]");
    // and she cannot create a project in it
    assertThat(send("POST", "/api/projects", ALICE, TEAM_B, "{\"name\":\"Intrusion\",\"slug\":\"intrusion\"}").statusCode()).isEqualTo(403);
    assertThat(send("GET", "/api/projects", BOB, TEAM_B, null).body()).doesNotContain("Intrusion");
  }

  @Test
  void aRequestWithoutPrincipalHeadersIsUnauthorized() throws Exception {
    assertThat(send("GET", "/api/projects", null, null, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/api/projects", "not-a-uuid", TEAM_A, null).statusCode()).isEqualTo(401);
  }

  @Test
  void migrationsRanOnStartupAndHealthIsUp() throws Exception {
    assertThat(send("GET", "/actuator/health", null, null, null).body()).contains("\"status\":\"UP\"");
    // every migration of the SaaS app, however many it has by now, applied and none pending
    int all = dev.sluice.examples.ExampleMigrations.folder("saas").orElseThrow().migrations().size();
    assertThat(send("GET", "/actuator/sluice", null, null, null).body()).contains("\"counts\":{\"APPLIED\":" + all + "}");
  }
}
