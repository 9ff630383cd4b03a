package dev.sluice.kit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinterNewMaterializedViewTest {
  @Test
  void indexesOnAMaterializedViewCreatedInTheSameMigrationAreNotLockingRisks() {
    List<LintFinding> f = Linter.lint("CREATE MATERIALIZED VIEW s.summary AS SELECT 1 AS id;\n"
        + "CREATE UNIQUE INDEX summary_id_key ON s.summary (id);", LintContext.defaults().withLockTimeoutRequired(false));
    assertThat(f).extracting(LintFinding::code).doesNotContain("LK101", "MF102");
  }

  @Test
  void anIndexOnAnExistingMaterializedViewIsStillReported() {
    List<LintFinding> f = Linter.lint("CREATE INDEX summary_x_idx ON s.summary (x);",
        LintContext.defaults().withLockTimeoutRequired(false));
    assertThat(f).extracting(LintFinding::code).contains("LK101");
  }
}
