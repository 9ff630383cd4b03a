package dev.sluice.validation;

import static dev.sluice.validation.Products.PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class JsonSchemaTest {
  @Test
  void insertSchemaListsRequiredColumnsAndLeavesOutGeneratedOnes() {
    ObjectNode s = JsonSchemas.forTable(PRODUCTS, Mode.INSERT);
    assertThat(s.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(s.get("type").asText()).isEqualTo("object");
    assertThat(s.get("required").toString()).isEqualTo("[\"name\",\"price\",\"status\"]");
    assertThat(s.get("properties").has("seq")).isFalse();
    assertThat(s.get("additionalProperties").asBoolean()).isFalse();
  }

  @Test
  void propertiesCarryTypesFormatsLengthsEnumsAndBounds() {
    ObjectNode p = (ObjectNode) JsonSchemas.forTable(PRODUCTS, Mode.INSERT).get("properties");
    assertThat(p.get("id").toString()).isEqualTo("{\"format\":\"uuid\",\"type\":\"string\"}");
    assertThat(p.get("name").toString()).isEqualTo("{\"maxLength\":10,\"type\":\"string\"}");
    assertThat(p.get("code").toString()).isEqualTo("{\"maxLength\":3,\"type\":[\"string\",\"null\"]}");
    assertThat(p.get("price").toString()).isEqualTo("{\"minimum\":0,\"multipleOf\":0.01,\"type\":\"number\"}");
    assertThat(p.get("rating").toString()).isEqualTo("{\"minimum\":1,\"maximum\":5,\"type\":[\"integer\",\"null\"]}");
    assertThat(p.get("status").toString()).isEqualTo("{\"enum\":[\"draft\",\"live\"],\"type\":\"string\"}");
    assertThat(p.get("created_at").toString()).isEqualTo("{\"format\":\"date-time\",\"type\":\"string\"}");
    assertThat(p.get("launch").toString()).isEqualTo("{\"format\":\"date\",\"type\":[\"string\",\"null\"]}");
    assertThat(p.get("meta").toString()).isEqualTo("{}");
    assertThat(p.get("tags").toString()).isEqualTo("{\"items\":{\"type\":\"string\"},\"type\":[\"array\",\"null\"]}");
  }

  @Test
  void updateSchemaRequiresNothingAndSelectSchemaEverything() {
    assertThat(JsonSchemas.forTable(PRODUCTS, Mode.UPDATE).has("required")).isFalse();
    ObjectNode select = JsonSchemas.forTable(PRODUCTS, Mode.SELECT);
    assertThat(select.get("required")).hasSize(PRODUCTS.columns().size());
    assertThat(select.get("properties").has("seq")).isTrue();
  }
}
