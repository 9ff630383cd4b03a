package dev.sluice.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** IDE completion: the configuration processor's metadata names every sluice.* property with its description. */
class ConfigurationMetadataTest {
  @Test
  void everySluicePropertyIsDescribedInTheMetadata() throws Exception {
    Map<String, String> described = new HashMap<>();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("spring-configuration-metadata.json is generated").isNotNull();
      for (JsonNode p : new ObjectMapper().readTree(in).get("properties")) {
        described.put(p.get("name").asText(), p.path("description").asText(""));
      }
    }
    for (String name : new String[] {"sluice.migrate.enabled", "sluice.migrate.location", "sluice.migrate.history-table",
        "sluice.migrate.out-of-order", "sluice.migrate.baseline-version", "sluice.migrate.url", "sluice.migrate.user",
        "sluice.migrate.password", "sluice.tenant.filter-enabled", "sluice.tenant.url-patterns"}) {
      assertThat(described).as(name).containsKey(name);
      assertThat(described.get(name)).as("description of " + name).isNotBlank();
    }
  }
}
