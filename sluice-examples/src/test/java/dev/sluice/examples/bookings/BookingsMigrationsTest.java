package dev.sluice.examples.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.diff.Differ;
import dev.sluice.kit.migrate.MigrationFolder;
import dev.sluice.kit.snapshot.SnapshotJson;
import dev.sluice.schema.model.SchemaModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BookingsMigrationsTest {
  static final Path FOLDER = Path.of("src/main/resources/migrations/bookings");

  @Test
  void committedMigrationFolderVerifies() {
    assertThat(MigrationFolder.of(FOLDER).verify()).isEmpty();
  }

  @Test
  void codeHasNoSchemaChangeWithoutAMigration() {
    String snapshot = MigrationFolder.of(FOLDER).latestSnapshot().orElseThrow();
    SchemaModel latest = SnapshotJson.read(snapshot);
    assertThat(Differ.diff(latest, Bookings.schema().toModel())).isEmpty();
  }

  @Test
  void theVectorAddOnIsTheOnlyDifferenceOfTheVectorSchema() {
    var withVector = Bookings.schema(true).toModel();
    assertThat(withVector.tables()).hasSize(Bookings.schema().toModel().tables().size() + 1);
    assertThat(Bookings.schema().toModel().extensions()).noneMatch(e -> e.name().equals("vector"));
    assertThat(withVector.extensions()).anyMatch(e -> e.name().equals("vector"));
  }
}
