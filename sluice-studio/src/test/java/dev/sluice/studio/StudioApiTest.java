package dev.sluice.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PgTest
class StudioApiTest {
  static Studio studio;
  static StudioClient api;

  @BeforeAll
  static void start(PgTestContext pg) {
    SampleSchema.create(pg);
    studio = Studio.start(StudioOptions.local(StudioLogins.readWriteLogin(pg)));
    api = new StudioClient(studio);
  }

  @AfterAll
  static void stop() {
    studio.close();
  }

  static Map<String, Object> rows(String table, Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("table", table);
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }

  @Test
  void schemaListsTablesColumnsConstraintsAndEnums() throws Exception {
    JsonNode s = api.get("schema");
    assertThat(s.path("tables").findValuesAsText("name")).contains("customers", "orders", "products");
    assertThat(s.path("enumValues").path("order_status").toString()).contains("paid");
    assertThat(s.toString()).contains("orders_qty_positive").contains("products_price_nonnegative");
  }

  @Test
  void keysetPagesWalkTheWholeTableWithoutOverlap() throws Exception {
    Set<String> seen = new HashSet<>();
    JsonNode after = null;
    int pages = 0;
    while (true) {
      JsonNode page = api.post("rows", rows("customers", "limit", 50, "after", after));
      assertThat(page.path("mode").asText()).isEqualTo("keyset");
      assertThat(page.path("total").asInt()).isEqualTo(120);
      for (JsonNode r : page.path("rows")) assertThat(seen.add(r.get(0).asText())).as(page.path("nextCursor") + " " + r).isTrue();
      pages++;
      if (!page.path("hasMore").asBoolean()) break;
      after = page.path("nextCursor");
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(120);
  }

  @Test
  void sortingByAnotherColumnFallsBackToOffsetPaging() throws Exception {
    JsonNode page = api.post("rows", rows("customers", "limit", 5, "offset", 5, "sort", Map.of("column", "name", "desc", true)));
    assertThat(page.path("mode").asText()).isEqualTo("offset");
    assertThat(page.path("rows").get(0).get(1).asText()).isEqualTo("Customer 115");
  }

  @Test
  void filtersAreTypeAwareAndNullIsDistinctFromEmpty() throws Exception {
    JsonNode p = api.post("rows", rows("customers", "filters", List.of(Map.of("column", "note", "op", "isnull"))));
    assertThat(p.path("total").asInt()).isEqualTo(12);
    assertThat(p.path("rows").get(0).get(4).isNull()).isTrue();
    p = api.post("rows", rows("customers", "filters", List.of(Map.of("column", "note", "op", "eq", "value", ""))));
    assertThat(p.path("total").asInt()).isEqualTo(12);
    assertThat(p.path("rows").get(0).get(4).asText()).isEmpty();
    p = api.post("rows", rows("customers", "filters", List.of(Map.of("column", "id", "op", "gt", "value", "110"),
        Map.of("column", "name", "op", "contains", "value", "11"))));
    assertThat(p.path("total").asInt()).isEqualTo(9); // 111..119 (110 is not > 110)
    p = api.post("rows", rows("orders", "filters", List.of(Map.of("column", "status", "op", "eq", "value", "paid"))));
    assertThat(p.path("total").asInt()).isEqualTo(4);
    p = api.post("rows", rows("customers", "filters", List.of(Map.of("column", "name", "op", "contains", "value", "%"))));
    assertThat(p.path("total").asInt()).isZero(); // % is a literal, not a wildcard
  }

  @Test
  void aBatchOfEditsIsAppliedInOneTransaction() throws Exception {
    List<Object> ops = new ArrayList<>();
    ops.add(Map.of("op", "insert", "values", Map.of("name", "Thingamajig", "price", "5.00", "attrs", "{\"a\": 1}")));
    ops.add(Map.of("op", "update", "key", Map.of("id", "3"), "values", Map.of("price", "3.50", "active", "false")));
    JsonNode res = api.post("edit", rows("products", "ops", ops));
    assertThat(res.path("ok").asBoolean()).as(res.toString()).isTrue();
    JsonNode p = api.post("rows", rows("products", "filters", List.of(Map.of("column", "id", "op", "eq", "value", "3"))));
    assertThat(p.path("rows").get(0).get(2).asText()).isEqualTo("3.50");
    assertThat(p.path("rows").get(0).get(4).asText()).isEqualTo("false");
  }

  @Test
  void aFailingEditRollsBackTheWholeBatchAndNamesTheConstraint() throws Exception {
    List<Object> ops = new ArrayList<>();
    ops.add(Map.of("op", "update", "key", Map.of("id", "1"), "values", Map.of("qty", "77")));
    ops.add(Map.of("op", "update", "key", Map.of("id", "2"), "values", Map.of("qty", "0")));
    JsonNode res = api.post("edit", rows("orders", "ops", ops));
    assertThat(res.path("ok").asBoolean()).isFalse();
    assertThat(res.path("index").asInt()).isEqualTo(1);
    assertThat(res.path("constraint").asText()).isEqualTo("orders_qty_positive");
    assertThat(res.path("sqlState").asText()).isEqualTo("23514");
    JsonNode p = api.post("rows", rows("orders", "filters", List.of(Map.of("column", "id", "op", "eq", "value", "1"))));
    assertThat(p.path("rows").get(0).get(4).asText()).isNotEqualTo("77");

    res = api.post("edit", rows("orders", "ops", List.of(Map.of("op", "insert", "values", Map.of("customer_id", "999", "qty", "1")))));
    assertThat(res.path("constraint").asText()).isEqualTo("orders_customer_id_fkey");
  }

  @Test
  void relationsFollowForeignKeysOutAndIn() throws Exception {
    JsonNode r = api.post("relations", rows("customers", "key", Map.of("id", "2")));
    assertThat(r.path("outgoing")).isEmpty();
    JsonNode in = r.path("incoming").get(0);
    assertThat(in.path("table").asText()).isEqualTo("orders");
    assertThat(in.path("rows").size()).isEqualTo(3); // orders 1, 6, 11 -> customer 1 + g % 5 = 2
    r = api.post("relations", rows("orders", "key", Map.of("id", "1")));
    assertThat(r.path("outgoing").findValuesAsText("table")).containsExactlyInAnyOrder("customers", "products");
  }

  @Test
  void consoleRunsQueriesAndExplainAnalyzeIsRolledBack() throws Exception {
    JsonNode r = api.post("sql", Map.of("sql", "select name, price from products order by id limit 2;"));
    assertThat(r.path("rows").get(0).get(0).asText()).isEqualTo("Widget");
    r = api.post("sql", Map.of("sql", "delete from customers where id = 120", "explain", true));
    assertThat(r.path("plan").get(0).path("Plan").path("Node Type").asText()).isEqualTo("ModifyTable");
    assertThat(api.post("sql", Map.of("sql", "select count(*) from customers where id = 120")).path("rows").get(0).get(0).asText()).isEqualTo("1");
    r = api.post("sql", Map.of("sql", "select 1/0"));
    assertThat(api.lastStatus).isEqualTo(422);
    assertThat(r.path("sqlState").asText()).isEqualTo("22012");
  }

  @Test
  void migrationsPanelReadsTheHistoryTable(PgTestContext pg) throws Exception {
    assertThat(api.get("migrations").path("migrations")).isEmpty();
    pg.execute("create schema if not exists sluice",
        "create table sluice.migrations (version int primary key, name text, sha256 text, applied_at timestamptz default now(), execution_ms bigint, applied_by text, success boolean)",
        "insert into sluice.migrations (version, name, sha256, success) values (1, 'init', 'x', true)");
    JsonNode m = api.get("migrations").path("migrations");
    assertThat(m.get(0).path("name").asText()).isEqualTo("init");
    assertThat(m.get(0).path("state").asText()).isEqualTo("APPLIED");

    // a second app's folder keeps its own history table (Migrator's historyTable option): listed too
    pg.execute("create table sluice.migrations_bookings (like sluice.migrations including all)",
        "insert into sluice.migrations_bookings (version, name, sha256, success) values (1, 'bookings_init', 'y', false)");
    JsonNode both = api.get("migrations").path("migrations");
    assertThat(both).hasSize(2);
    assertThat(both.get(0).path("history").asText()).isEqualTo("sluice.migrations");
    assertThat(both.get(1).path("history").asText()).isEqualTo("sluice.migrations_bookings");
    assertThat(both.get(1).path("state").asText()).isEqualTo("FAILED");
  }
}
