package dev.sluice.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.kit.sql.SqlScript;
import dev.sluice.kit.sql.SqlStatement;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The studio on a real-world schema: Northwind from shared/datasets. */
@PgTest
class StudioNorthwindTest {

  static Path northwind() {
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path f = p.resolve("shared/datasets/northwind.sql");
      if (Files.exists(f)) return f;
    }
    return null;
  }

  @Test
  void opensNorthwindTablesInTheGrid(PgTestContext pg) throws Exception {
    Path file = northwind();
    Assumptions.assumeTrue(file != null, "shared/datasets/northwind.sql not found above " + Paths.get("").toAbsolutePath());
    try (Connection c = pg.connect(); Statement st = c.createStatement()) {
      for (SqlStatement s : SqlScript.split(Files.readString(file))) {
        if (s.text().stripLeading().startsWith("\\")) continue;
        st.execute(s.text());
      }
    }
    try (Studio studio = Studio.start(StudioOptions.local(pg.jdbcUrl()).withAllowSuperuser(true))) {
      StudioClient api = new StudioClient(studio);
      JsonNode schema = api.get("schema");
      assertThat(schema.path("tables").findValuesAsText("name")).contains("orders", "customers", "products");
      JsonNode page = api.post("rows", Map.of("table", "orders", "limit", 25));
      assertThat(api.lastStatus).as(page.toString()).isEqualTo(200);
      assertThat(page.path("rows").size()).isEqualTo(25);
      assertThat(page.path("hasMore").asBoolean()).isTrue();
      JsonNode next = api.post("rows", Map.of("table", "orders", "limit", 25, "after", page.path("nextCursor")));
      assertThat(next.path("rows").get(0).get(0).asInt()).isGreaterThan(page.path("rows").get(24).get(0).asInt());
      JsonNode key = page.path("rows").get(0);
      JsonNode rel = api.post("relations", Map.of("table", "orders", "key", Map.of("order_id", key.get(0).asText())));
      assertThat(rel.path("outgoing").findValuesAsText("table")).as(rel.toString()).contains("customers");
      assertThat(rel.path("incoming").findValuesAsText("table")).contains("order_details");
    }
  }
}
