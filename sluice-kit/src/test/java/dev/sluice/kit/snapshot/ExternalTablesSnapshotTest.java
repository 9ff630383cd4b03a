package dev.sluice.kit.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.PrimaryKeyModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** External tables survive snapshot JSON, and a model without any writes no {@code externalTables} key. */
class ExternalTablesSnapshotTest {
  @Test
  void externalTablesRoundTripAndAreLeftOutWhenThereAreNone() {
    TableModel users = new TableModel("auth", "users", List.of(new ColumnModel("id", "uuid", true, null, null, null, null, null)),
        new PrimaryKeyModel("users_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), List.of(), null, false, false,
        List.of(), null);
    TableModel profiles = new TableModel("public", "profiles",
        List.of(new ColumnModel("user_id", "uuid", true, null, null, null, null, null)), null,
        List.of(new ForeignKeyModel("profiles_user_id_fkey", List.of("user_id"), "auth", "users", List.of("id"), null, null, null,
            false, false, false)), List.of(), List.of(), List.of(), List.of(), null, false, false, List.of(), null);
    SchemaModel plain = new SchemaModel(null, null, null, null, null, null, List.of(profiles), null, null, null, null, null);
    SchemaModel model = plain.withExternalTables(List.of(users));
    String json = SnapshotJson.write(model);
    assertThat(json).contains("\"externalTables\"");
    assertThat(SnapshotJson.read(json)).isEqualTo(model);
    assertThat(SnapshotJson.write(plain)).doesNotContain("externalTables");
    assertThat(SnapshotJson.read(SnapshotJson.write(plain))).isEqualTo(plain);
  }
}
