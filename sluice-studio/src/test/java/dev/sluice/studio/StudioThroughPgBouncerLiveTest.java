package dev.sluice.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.test.PgBouncer;
import dev.sluice.test.PgCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio's API through a real PgBouncer in transaction mode ({@code pgbouncer=true} in the URL) with
 * one server connection, so every request shares that server session, logged in as the README's
 * least-privilege login: grid, edits, console and EXPLAIN work as the write role, the read-only studio
 * keeps its read role and {@code READ ONLY} in every request whatever the console runs, nothing a console
 * statement leaves (settings, roles, advisory locks, temp tables) reaches the next request, and no role or
 * {@code READ ONLY} reaches another client of the same server session. Skipped with a notice when pgbouncer
 * or the PostgreSQL server binaries are missing.
 */
class StudioThroughPgBouncerLiveTest {
  static String skipReason;
  static PgCluster server;
  static PgBouncer bouncer;
  static Studio studio;
  static StudioClient api;
  static Studio readOnlyStudio;
  static StudioClient readOnlyApi;

  @BeforeAll
  static void start() throws Exception {
    skipReason = PgBouncer.unavailableReason();
    if (skipReason == null) skipReason = PgCluster.unavailableReason();
    if (skipReason != null) return;
    server = PgCluster.startPrimary("scale15-studio-bouncer");
    for (String sql : SampleSchema.SQL) server.execute(sql);
    server.execute(StudioRoles.setupSql(StudioRoles.DEFAULT_READ_ROLE, StudioRoles.DEFAULT_LOGIN));
    bouncer = PgBouncer.start("127.0.0.1", server.port(), 1, StudioRoles.DEFAULT_LOGIN);
    String url = bouncer.url(StudioRoles.DEFAULT_LOGIN, "postgres") + "?pgbouncer=true";
    studio = Studio.start(StudioOptions.local(url));
    api = new StudioClient(studio);
    readOnlyStudio = Studio.start(StudioOptions.local(url).withReadOnly(true));
    readOnlyApi = new StudioClient(readOnlyStudio);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (studio != null) studio.close();
      if (readOnlyStudio != null) readOnlyStudio.close();
    } finally {
      try {
        if (bouncer != null) bouncer.close();
      } finally {
        if (server != null) server.close();
      }
    }
  }

  static void assume() {
    assumeTrue(skipReason == null, () -> "StudioThroughPgBouncerLiveTest skipped: " + skipReason);
  }

  static Map<String, Object> rows(String table, Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("table", table);
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }

  static String sql(String statement) throws Exception {
    return sql(api, statement);
  }

  static String sql(StudioClient client, String statement) throws Exception {
    JsonNode r = client.post("sql", Map.of("sql", statement));
    assertThat(r.has("rows")).as(r.toString()).isTrue();
    return r.path("rows").get(0).get(0).asText();
  }

  /** What a client of the pooler other than the studio sees on the (only) server session, as the same login. */
  static String otherClient(String query) throws Exception {
    Properties p = new Properties();
    p.setProperty("user", StudioRoles.DEFAULT_LOGIN);
    p.setProperty("prepareThreshold", "0");
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + bouncer.port() + "/postgres", p);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void gridEditsConsoleAndExplainWork() throws Exception {
    assume();
    assertThat(api.get("schema").path("tables").findValuesAsText("name")).contains("customers", "orders", "products");
    for (int i = 0; i < 8; i++) {
      JsonNode page = api.post("rows", rows("customers", "limit", 50));
      assertThat(page.path("total").asInt()).as(page.toString()).isEqualTo(120);
    }
    List<Object> ops = new ArrayList<>();
    ops.add(Map.of("op", "update", "key", Map.of("id", "3"), "values", Map.of("price", "3.50")));
    JsonNode res = api.post("edit", rows("products", "ops", ops));
    assertThat(res.path("ok").asBoolean()).as(res.toString()).isTrue();
    assertThat(sql("select price from products where id = 3")).isEqualTo("3.50");
    JsonNode plan = api.post("sql", Map.of("sql", "delete from customers where id = 120", "explain", true));
    assertThat(plan.has("plan")).as(plan.toString()).isTrue();
    assertThat(sql("select count(*) from customers")).as("EXPLAIN ANALYZE rolled back").isEqualTo("120");
  }

  @Test
  void consoleSessionStateDoesNotReachTheNextRequest() throws Exception {
    assume();
    api.post("sql", Map.of("sql", "set search_path = pg_catalog"));
    api.post("sql", Map.of("sql", "select pg_advisory_lock(42)"));
    api.post("sql", Map.of("sql", "create temp table scratch (i int)"));
    api.post("sql", Map.of("sql", "select set_config('app.leak', 'yes', false)"));
    JsonNode failed = api.post("sql", Map.of("sql", "select pg_advisory_lock(43), 1/0"));
    assertThat(failed.toString()).contains("division by zero");
    assertThat(sql("select current_setting('search_path')")).isEqualTo("\"$user\", public");
    assertThat(sql("select coalesce(current_setting('app.leak', true), '')")).isEmpty();
    assertThat(sql("select count(*) from pg_locks where locktype = 'advisory'")).isEqualTo("0");
    assertThat(sql("select count(*) from pg_class where relname = 'scratch'")).isEqualTo("0");
    assertThat(server.queryLong("select count(*) from pg_locks where locktype = 'advisory'")).isZero();
  }

  @Test
  void editsRunAsTheWriteRoleNotTheLogin() throws Exception {
    assume();
    assertThat(sql("select current_user")).isEqualTo(StudioRoles.DEFAULT_WRITE_ROLE);
    api.post("sql", Map.of("sql", "reset role"));
    assertThat(sql("select current_user")).isEqualTo(StudioRoles.DEFAULT_WRITE_ROLE);
    JsonNode drop = api.post("sql", Map.of("sql", "drop table products"));
    assertThat(drop.toString()).contains("must be owner");
  }

  @Test
  void readOnlyStudioKeepsItsRoleAndReadOnlyInEveryRequest() throws Exception {
    assume();
    assertThat(sql(readOnlyApi, "select count(*) from customers")).isEqualTo("120");
    assertThat(sql(readOnlyApi, "select current_user")).isEqualTo(StudioRoles.DEFAULT_READ_ROLE);
    assertThat(sql(readOnlyApi, "select current_setting('transaction_read_only')")).isEqualTo("on");
    for (String escape : List.of("reset role", "set role none", "set session authorization default",
        "select set_config('role', 'none', false)", "set session characteristics as transaction read write", "commit")) {
      readOnlyApi.post("sql", Map.of("sql", escape));
      assertThat(sql(readOnlyApi, "select current_user")).as("after " + escape).isEqualTo(StudioRoles.DEFAULT_READ_ROLE);
      assertThat(sql(readOnlyApi, "select current_setting('transaction_read_only')")).as("after " + escape).isEqualTo("on");
      JsonNode write = readOnlyApi.post("sql", Map.of("sql", "update products set price = price where id = 1"));
      assertThat(write.has("rows")).as("after " + escape + ": " + write).isFalse();
      assertThat(write.toString()).as("after " + escape).containsAnyOf("read-only transaction", "permission denied");
    }
    JsonNode edit = readOnlyApi.post("edit", rows("products", "ops",
        List.of(Map.of("op", "update", "key", Map.of("id", "2"), "values", Map.of("price", "9.99")))));
    assertThat(edit.path("ok").asBoolean()).as(edit.toString()).isFalse();
  }

  @Test
  void migrationsPanelReadsTheFolderStatusAsTheReadRole(@TempDir Path dir) throws Exception {
    assume();
    Files.writeString(dir.resolve("0001_init.sql"), "create table t1 (id int);");
    Files.writeString(dir.resolve("0002_more.sql"), "create table t2 (id int);");
    server.execute("create table if not exists sluice.migrations (version int primary key, name text, sha256 text,"
        + " applied_at timestamptz default now(), execution_ms bigint, applied_by text, success boolean)");
    server.execute("insert into sluice.migrations (version, name, sha256, success) values (1, 'init', 'x', true)"
        + " on conflict do nothing");
    String url = bouncer.url(StudioRoles.DEFAULT_LOGIN, "postgres") + "?pgbouncer=true";
    try (Studio withFolder = Studio.start(StudioOptions.local(url).withReadOnly(true).withMigrations(dir))) {
      JsonNode m = new StudioClient(withFolder).get("migrations").path("migrations");
      assertThat(m.findValuesAsText("state")).as(m.toString()).containsExactly("CHANGED", "PENDING");
    }
  }

  @Test
  void noRoleOrReadOnlyReachesAnotherClientOfTheServerSession() throws Exception {
    assume();
    String studioBackend = sql(readOnlyApi, "select pg_backend_pid()");
    readOnlyApi.post("sql", Map.of("sql", "set role sluice_studio_read"));
    sql("select pg_backend_pid()");
    assertThat(otherClient("select pg_backend_pid()")).as("one server session behind the pooler").isEqualTo(studioBackend);
    assertThat(otherClient("select current_user")).isEqualTo(StudioRoles.DEFAULT_LOGIN);
    assertThat(otherClient("select current_setting('transaction_read_only')")).isEqualTo("off");
    assertThat(otherClient("select current_setting('default_transaction_read_only')")).isEqualTo("off");
  }
}
