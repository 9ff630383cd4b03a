package dev.sluice.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.test.PgBouncer;
import dev.sluice.test.PgCluster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The studio's API through a real PgBouncer in transaction mode ({@code pgbouncer=true} in the URL) with
 * one server connection, so every request shares that server session: grid, edits, console and EXPLAIN
 * work, and nothing a console statement leaves (settings, advisory locks, temp tables) reaches the next
 * request. Skipped with a notice when pgbouncer or the PostgreSQL server binaries are missing.
 */
class StudioThroughPgBouncerLiveTest {
  static String skipReason;
  static PgCluster server;
  static PgBouncer bouncer;
  static Studio studio;
  static StudioClient api;

  @BeforeAll
  static void start() throws Exception {
    skipReason = PgBouncer.unavailableReason();
    if (skipReason == null) skipReason = PgCluster.unavailableReason();
    if (skipReason != null) return;
    server = PgCluster.startPrimary("scale15-studio-bouncer");
    for (String sql : SampleSchema.SQL) server.execute(sql);
    bouncer = PgBouncer.start("127.0.0.1", server.port(), 1);
    // through a pooler the studio cannot pin a write role (session-level SET ROLE): the test logs in as the superuser
    studio = Studio.start(StudioOptions.local(bouncer.url("postgres", "postgres") + "?pgbouncer=true").withAllowSuperuser(true));
    api = new StudioClient(studio);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (studio != null) studio.close();
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
    JsonNode r = api.post("sql", Map.of("sql", statement));
    assertThat(r.has("rows")).as(r.toString()).isTrue();
    return r.path("rows").get(0).get(0).asText();
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
  void readOnlyModeIsRefusedThroughAPooler() {
    assume();
    assertThatThrownBy(() -> Studio.start(StudioOptions.local(bouncer.url("postgres", "postgres") + "?pgbouncer=true")
        .withReadOnly(true)).close())
        .hasMessageContaining("transaction pooler").hasMessageContaining("SET ROLE");
  }
}
