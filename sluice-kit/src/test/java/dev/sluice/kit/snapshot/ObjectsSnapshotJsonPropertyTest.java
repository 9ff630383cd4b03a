package dev.sluice.kit.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.introspect.RandomModelsAccess;
import dev.sluice.kit.introspect.RandomObjects;
import dev.sluice.schema.model.SchemaModel;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Functions, procedures, triggers, aggregates and statistics survive snapshot JSON; snapshots written before they were modelled still read. */
class ObjectsSnapshotJsonPropertyTest {
  @Property(tries = 200)
  void randomFunctionsAndTriggersSurviveJson(@ForAll long seed) {
    String schema = "s" + Math.floorMod(seed, 5);
    SchemaModel model = RandomObjects.add(seed, RandomModelsAccess.model(seed, schema), schema);
    String json = SnapshotJson.write(model);
    assertThat(SnapshotJson.read(json)).isEqualTo(model);
    assertThat(SnapshotJson.write(SnapshotJson.read(json))).isEqualTo(json);
  }

  @Example
  void aSnapshotWrittenBeforeFunctionsWereModelledStillReads() {
    String old = "{\n  \"domains\" : [ ],\n  \"enums\" : [ ],\n  \"extensions\" : [ ],\n  \"grants\" : [ ],\n"
        + "  \"roles\" : [ ],\n  \"schemas\" : [ ],\n  \"sequences\" : [ ],\n  \"tables\" : [ ],\n  \"version\" : 1,\n"
        + "  \"views\" : [ ]\n}\n";
    SchemaModel m = SnapshotJson.read(old);
    assertThat(m).isEqualTo(SchemaModel.EMPTY);
    assertThat(m.functions()).isEmpty();
    assertThat(m.triggers()).isEmpty();
    assertThat(m.aggregates()).isEmpty();
    assertThat(m.statistics()).isEmpty();
    assertThat(m.rules()).isEmpty();
    assertThat(m.publications()).isEmpty();
    assertThat(m.eventTriggers()).isEmpty();
    assertThat(m.collations()).isEmpty();
    assertThat(m.rangeTypes()).isEmpty();
  }

  @Example
  void aModelWithoutAggregatesStatisticsOrRulesWritesTheSameSnapshotAsBefore() {
    String json = SnapshotJson.write(SchemaModel.EMPTY);
    assertThat(json).doesNotContain("aggregates").doesNotContain("statistics").doesNotContain("rules")
        .doesNotContain("publications").doesNotContain("eventTriggers").doesNotContain("collations")
        .doesNotContain("rangeTypes");
  }

  @Example
  void aNormalAggregateWritesTheSameSnapshotAsBeforeOrderedSetMovingSortopAndGrantsWereModelled() {
    SchemaModel m = SchemaModel.EMPTY.withAggregates(java.util.List.of(new dev.sluice.schema.model.AggregateModel("s", "total",
        java.util.List.of(), "int8inc", "bigint", null, null, false, null, null, null, null, "0", null, null)));
    String json = SnapshotJson.write(m);
    assertThat(json).doesNotContain("\"kind\"").doesNotContain("directArguments").doesNotContain("executeGrantees")
        .doesNotContain("moving").doesNotContain("sortOperator");
    assertThat(SnapshotJson.read(json)).isEqualTo(m);
  }

  @Property(tries = 100)
  void randomPublicationsAndEventTriggersSurviveJson(@ForAll long seed) {
    java.util.Random r = new java.util.Random(seed);
    java.util.List<dev.sluice.schema.model.PublicationModel> pubs = new java.util.ArrayList<>();
    int count = r.nextInt(4);
    for (int i = 0; i < count; i++) {
      boolean all = r.nextInt(4) == 0;
      java.util.List<dev.sluice.schema.model.PublicationModel.Member> members = new java.util.ArrayList<>();
      if (!all) {
        for (int t = 0; t < r.nextInt(3); t++) {
          members.add(new dev.sluice.schema.model.PublicationModel.Member("s", "t" + t,
              r.nextBoolean() ? java.util.List.of() : java.util.List.of("id", "it's"), r.nextBoolean() ? null : "(id > " + t + ")"));
        }
      }
      java.util.List<dev.sluice.schema.model.PublicationModel.Operation> ops = new java.util.ArrayList<>();
      for (var o : dev.sluice.schema.model.PublicationModel.Operation.values()) if (r.nextBoolean()) ops.add(o);
      pubs.add(new dev.sluice.schema.model.PublicationModel("p" + i, all, members,
          all || r.nextBoolean() ? java.util.List.of() : java.util.List.of("s"), ops.isEmpty() ? null : ops, r.nextBoolean(),
          r.nextBoolean() ? null : "pub " + i));
    }
    java.util.List<dev.sluice.schema.model.EventTriggerModel> events = new java.util.ArrayList<>();
    for (int i = 0; i < r.nextInt(3); i++) {
      events.add(new dev.sluice.schema.model.EventTriggerModel("e" + i, r.nextBoolean() ? "ddl_command_end" : "sql_drop",
          r.nextBoolean() ? java.util.List.of() : java.util.List.of("DROP TABLE", "CREATE TABLE"), "s", "f" + i,
          dev.sluice.schema.model.TriggerModel.Enabled.values()[r.nextInt(4)], r.nextBoolean() ? null : "it's " + i));
    }
    SchemaModel model = RandomModelsAccess.model(seed, "s").withPublications(pubs).withEventTriggers(events);
    String json = SnapshotJson.write(model);
    assertThat(SnapshotJson.read(json)).isEqualTo(model);
    assertThat(SnapshotJson.write(SnapshotJson.read(json))).isEqualTo(json);
  }

  @Property(tries = 100)
  void randomAggregatesStatisticsAndRulesSurviveJson(@ForAll long seed) {
    String schema = "s" + Math.floorMod(seed, 5);
    SchemaModel model = RandomObjects.add(seed, RandomModelsAccess.model(seed, schema), schema);
    SchemaModel read = SnapshotJson.read(SnapshotJson.write(model));
    assertThat(read.aggregates()).isEqualTo(model.aggregates());
    assertThat(read.statistics()).isEqualTo(model.statistics());
    assertThat(read.rules()).isEqualTo(model.rules());
  }
}
