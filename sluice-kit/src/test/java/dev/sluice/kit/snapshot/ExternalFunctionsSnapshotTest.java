package dev.sluice.kit.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.model.FunctionModel;
import dev.sluice.schema.model.SchemaModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** External functions survive snapshot JSON, and a model without any writes no {@code externalFunctions} key. */
class ExternalFunctionsSnapshotTest {
  @Test
  void externalFunctionsRoundTripAndAreLeftOutWhenThereAreNone() {
    SchemaModel plain = new SchemaModel(null, null, null, null, null, null, null, null, null, null, null, null);
    SchemaModel model = plain.withExternalFunctions(List.of(
        FunctionModel.external("auth", "uid", List.of(), "uuid", FunctionModel.Volatility.STABLE),
        FunctionModel.external("auth", "has_role", List.of(FunctionModel.Argument.in("r", "text"),
            new FunctionModel.Argument(FunctionModel.Mode.IN, "exact", "boolean", "false")), "boolean", null)));
    String json = SnapshotJson.write(model);
    assertThat(json).contains("\"externalFunctions\"");
    assertThat(SnapshotJson.read(json)).isEqualTo(model);
    assertThat(SnapshotJson.write(plain)).doesNotContain("externalFunctions");
    assertThat(SnapshotJson.read(SnapshotJson.write(plain))).isEqualTo(plain);
  }
}
