package dev.sluice.kit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class LintReportTest {
  private static final String SQL = "set lock_timeout = '5s';\n\ncreate index orders_user_idx on orders (user_id);\n"
      + "alter table orders add column code text not null;\n";

  @Test
  void textFormatIsFileLineCodeSeverityMessage() {
    LintReport report = LintReport.of("0003_add_index.sql", SQL, LintContext.defaults());
    String text = report.format();
    assertThat(text.lines().toList()).hasSize(2);
    assertThat(text).startsWith("0003_add_index.sql:3 LK101 warning: CREATE INDEX on existing table orders");
    assertThat(text).contains("\n0003_add_index.sql:4 MF101 error: ADD COLUMN code");
  }

  @Test
  void jsonListsEveryFindingWithItsRuleTitle() throws Exception {
    JsonNode json = new ObjectMapper().readTree(LintReport.of("0003_add_index.sql", SQL, LintContext.defaults())
        .toJson());
    assertThat(json).hasSize(2);
    assertThat(json.get(0).get("file").asText()).isEqualTo("0003_add_index.sql");
    assertThat(json.get(0).get("line").asInt()).isEqualTo(3);
    assertThat(json.get(0).get("code").asText()).isEqualTo("LK101");
    assertThat(json.get(0).get("severity").asText()).isEqualTo("warning");
    assertThat(json.get(0).get("title").asText()).isEqualTo(LintRule.LK101.title());
    assertThat(json.get(1).get("statement").asText()).isEqualTo("alter table orders add column code text not null");
    JsonNode rules = new ObjectMapper().readTree(LintReport.rulesJson());
    assertThat(rules).hasSize(LintRule.values().length);
    assertThat(rules.get(0).get("code").asText()).isEqualTo("DS101");
  }

  @Test
  void errorsFailAlwaysAndStrictFailsOnAnyFinding() {
    LintReport warningsOnly = LintReport.of("a.sql", "create index on orders (x)", LintContext.forGenerated(null));
    assertThat(warningsOnly.hasErrors()).isFalse();
    assertThat(warningsOnly.fails(false)).isFalse();
    assertThat(warningsOnly.fails(true)).isTrue();
    LintReport withError = LintReport.of("b.sql", "drop table orders", LintContext.forGenerated(null));
    assertThat(withError.hasErrors()).isTrue();
    assertThat(withError.fails(false)).isTrue();
    LintReport clean = LintReport.of("c.sql", "create table t (id int)", LintContext.defaults());
    assertThat(clean.fails(true)).isFalse();
    assertThat(LintReport.toJson(List.of(warningsOnly, withError))).contains("\"a.sql\"", "\"b.sql\"");
  }
}
