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
  void compositeTypesAndTableOptionsAreWrittenOnlyWhenPresent() {
    var plain = new dev.sluice.schema.model.TableModel("public", "t", java.util.List.of(
        dev.sluice.schema.model.ColumnModel.of("v", "public.pair")), null, null, null, null, null, null, null, false, false,
        null, null);
    var type = new dev.sluice.schema.model.CompositeTypeModel("public", "pair", java.util.List.of(
        new dev.sluice.schema.model.CompositeTypeModel.Attribute("a", "text", "C")), "two things");
    SchemaModel without = new SchemaModel(null, null, null, null, null, null, java.util.List.of(plain), null, null);
    assertThat(SnapshotJson.write(without)).doesNotContain("compositeTypes").doesNotContain("\"options\"");
    var options = new dev.sluice.schema.model.TableOptions(true, java.util.Map.of("fillfactor", "70"),
        dev.sluice.schema.model.TableOptions.ReplicaIdentity.FULL, null);
    SchemaModel with = new SchemaModel(null, null, null, null, null, null, java.util.List.of(plain.withOptions(options)), null,
        null, java.util.List.of(type));
    String json = SnapshotJson.write(with);
    assertThat(json).contains("\"compositeTypes\"").contains("\"options\"").contains("\"replicaIdentity\" : \"FULL\"");
    assertThat(SnapshotJson.read(json)).isEqualTo(with);
    assertThat(SnapshotJson.read(SnapshotJson.write(without))).isEqualTo(without);
  }

  @Example
  void extensionVersionsDomainCollationsAndCommentsOnConstraintsPoliciesAndSchemasAreWrittenOnlyWhenPresent() {
    String old = "{\n  \"domains\" : [ {\n    \"baseType\" : \"text\",\n    \"checks\" : [ {\n      \"expression\" : \"(VALUE <> '')\",\n"
        + "      \"name\" : \"d_check\",\n      \"notValid\" : false\n    } ],\n    \"name\" : \"d\",\n    \"notNull\" : false,\n"
        + "    \"schema\" : \"app\"\n  } ],\n  \"enums\" : [ ],\n  \"extensions\" : [ {\n    \"name\" : \"citext\"\n  } ],\n"
        + "  \"functions\" : [ ],\n  \"grants\" : [ ],\n  \"roles\" : [ ],\n  \"schemas\" : [ \"app\" ],\n  \"sequences\" : [ ],\n"
        + "  \"tables\" : [ ],\n  \"triggers\" : [ ],\n  \"version\" : 1,\n  \"views\" : [ ]\n}\n";
    SchemaModel read = SnapshotJson.read(old);
    assertThat(read.extensions().get(0).version()).isNull();
    assertThat(read.domains().get(0).collation()).isNull();
    assertThat(read.domains().get(0).checks().get(0).comment()).isNull();
    assertThat(read.schemaComments()).isEmpty();
    assertThat(SnapshotJson.write(read)).as("an old snapshot is written back byte for byte").isEqualTo(old);

    var d = read.domains().get(0);
    SchemaModel with = new SchemaModel(read.schemas(), java.util.List.of(new dev.sluice.schema.model.ExtensionModel("citext",
        "app", "1.6")), null, null, java.util.List.of(new dev.sluice.schema.model.DomainModel(d.schema(), d.name(), d.baseType(),
        true, null, java.util.List.of(d.checks().get(0).withComment("not empty")), null, "C")), null, null, null, null, null,
        null, null, java.util.Map.of("app", "the app"));
    String json = SnapshotJson.write(with);
    assertThat(json).contains("\"version\" : \"1.6\"", "\"collation\" : \"C\"", "\"comment\" : \"not empty\"",
        "\"schemaComments\" : {\n    \"app\" : \"the app\"\n  }");
    assertThat(SnapshotJson.read(json)).isEqualTo(with);
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
