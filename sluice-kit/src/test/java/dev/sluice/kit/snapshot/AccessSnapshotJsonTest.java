package dev.sluice.kit.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.model.DefaultPrivilegeModel;
import dev.sluice.schema.model.GrantModel;
import dev.sluice.schema.model.SchemaModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Column grants, the public schema's grant to PUBLIC (possibly empty) and default privileges in snapshots. */
class AccessSnapshotJsonTest {
  @Test
  void columnGrantsPublicSchemaAndDefaultPrivilegesRoundTrip() {
    SchemaModel model = SchemaModel.EMPTY.withDefaultPrivileges(List.of(
        new DefaultPrivilegeModel("app", "billing", "TABLES", "reader", List.of("SELECT")),
        new DefaultPrivilegeModel("app", null, "FUNCTIONS", "PUBLIC", List.of())));
    model = new SchemaModel(List.of("billing"), null, null, null, null, null, null, null,
        List.of(GrantModel.publicSchema(List.of()), GrantModel.columns("billing", "t", "reader", List.of("SELECT"), List.of("a", "b")),
            new GrantModel("TABLE", "billing", "t", "reader", List.of("INSERT"))),
        null, null, null, null, null, null, null, null, null, null, null, null, model.defaultPrivileges(), null, null);
    String json = SnapshotJson.write(model);
    assertThat(SnapshotJson.read(json)).isEqualTo(model);
    assertThat(SnapshotJson.write(SnapshotJson.read(json))).isEqualTo(json);
  }

  @Test
  void aGrantWithoutColumnsAndAModelWithoutDefaultPrivilegesWriteWhatTheyWroteBefore() {
    SchemaModel model = new SchemaModel(List.of("billing"), null, null, null, null, null, null, null,
        List.of(new GrantModel("SCHEMA", "billing", "billing", "reader", List.of("USAGE"))), null, null, null);
    String json = SnapshotJson.write(model);
    assertThat(json).doesNotContain("columns").doesNotContain("defaultPrivileges");
    assertThat(SnapshotJson.read(json)).isEqualTo(model);
  }
}
