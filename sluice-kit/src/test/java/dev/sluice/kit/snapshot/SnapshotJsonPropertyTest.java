package dev.sluice.kit.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.kit.ReadmeModels;
import dev.sluice.kit.diff.DslModels;
import dev.sluice.kit.introspect.RandomModelsAccess;
import dev.sluice.schema.model.SchemaModel;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** DSL -> model -> JSON -> model is the identity, and the JSON text is stable. */
class SnapshotJsonPropertyTest {
  @Property(tries = 200)
  void randomModelsSurviveJson(@ForAll long seed) {
    SchemaModel model = RandomModelsAccess.model(seed, "s" + Math.floorMod(seed, 5));
    String json = SnapshotJson.write(model);
    assertThat(SnapshotJson.read(json)).isEqualTo(model);
    assertThat(SnapshotJson.write(SnapshotJson.read(json))).isEqualTo(json);
  }

  @Example
  void dslSchemaWithEveryConstructSurvivesJson() {
    SchemaModel model = DslModels.everyConstruct();
    assertThat(model.tables()).isNotEmpty();
    assertThat(SnapshotJson.read(SnapshotJson.write(model))).isEqualTo(model);
  }

  @Example
  void readmeTourSchemaSurvivesJson() {
    SchemaModel model = ReadmeModels.tour();
    assertThat(SnapshotJson.read(SnapshotJson.write(model))).isEqualTo(model);
  }

  @Example
  void writesSortedKeysWithAVersion() {
    String json = SnapshotJson.write(SchemaModel.EMPTY);
    assertThat(json).isEqualTo("{\n  \"domains\" : [ ],\n  \"enums\" : [ ],\n  \"extensions\" : [ ],\n  \"functions\" : [ ],\n"
        + "  \"grants\" : [ ],\n  \"roles\" : [ ],\n  \"schemas\" : [ ],\n  \"sequences\" : [ ],\n  \"tables\" : [ ],\n"
        + "  \"triggers\" : [ ],\n  \"version\" : 1,\n"
        + "  \"views\" : [ ]\n}\n");
  }

  @Example
  void rejectsOtherVersionsAndUnknownFields() {
    assertThatThrownBy(() -> SnapshotJson.read("{\"version\": 2, \"tables\": []}"))
        .hasMessageContaining("snapshot version 2 is not supported").hasMessageContaining("upgrade Sluice");
    assertThatThrownBy(() -> SnapshotJson.read("{\"tables\": []}")).hasMessageContaining("no \"version\"");
    assertThatThrownBy(() -> SnapshotJson.read("{\"version\": 1, \"tablez\": []}")).hasMessageContaining("tablez");
    assertThatThrownBy(() -> SnapshotJson.read("[1]")).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> SnapshotJson.read("{")).hasMessageContaining("not valid JSON");
  }
}
