package dev.sluice.examples.saas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.activity.ChangeCapture;
import dev.sluice.examples.ExampleMigrations;
import dev.sluice.kit.diff.Differ;
import dev.sluice.kit.migrate.MigrationFolder;
import dev.sluice.kit.snapshot.SnapshotJson;
import dev.sluice.schema.model.SchemaModel;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** What {@code sluice check} verifies, on the committed SaaS migrations. */
class SaasMigrationsTest {
  @Test
  void committedMigrationsAreIntactAndMatchTheCode() {
    MigrationFolder folder = ExampleMigrations.folder("saas").orElseThrow();
    assertThat(folder.verify()).isEmpty();
    assertThat(folder.migrations()).extracting(m -> m.name())
        .containsExactly("0001_tenancy", "0002_init", "0003_grants", "0004_change_capture", "0005_tenant_functions",
            "0006_tenant_safety", "0007_least_privilege", "0008_task_assignee_membership",
            "0009_task_assignee_membership_validate");
    SchemaModel committed = SnapshotJson.read(folder.latestSnapshot().orElseThrow());
    assertThat(Differ.diff(committed, Saas.schema().toModel())).isEmpty();
  }

  @Test
  void changeCaptureMigrationIsWhatChangeCaptureGeneratesForTheSchema() throws Exception {
    MigrationFolder folder = ExampleMigrations.folder("saas").orElseThrow();
    String sql = Files.readString(folder.dir().resolve("0004_change_capture.sql"));
    assertThat(sql).contains(ChangeCapture.installSql("sluice", Saas.schema())).contains("app_projects");
  }

  @Test
  void everyTableCarriesTheDefaultPrefix() {
    assertThat(Saas.schema().toModel().tables()).allSatisfy(t -> assertThat(t.name()).startsWith("app_"));
  }
}
