package dev.sluice.kit.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;

/** Random models with functions, procedures, triggers, aggregates, statistics, rules, collations and range types -> DDL -> live database -> introspection gives them back. */
class ObjectsRoundTripPropertyTest {
  private static final AtomicInteger TRY = new AtomicInteger();
  private static String url;

  private static synchronized String database() {
    if (url == null) url = TestDatabase.get().createDatabase("objects_roundtrip");
    return url;
  }

  @AfterContainer
  static void dropDatabase() {
    if (url != null) TestDatabase.get().dropDatabase(url);
  }

  @Property(tries = 30)
  void createdFunctionsAndTriggersIntrospectBackEqual(@ForAll long seed) throws SQLException {
    String schema = "ort_" + TRY.incrementAndGet();
    SchemaModel model = RandomObjects.add(seed, RandomModelsAccess.model(seed, schema), schema);
    model = new SchemaModel(model.schemas(), model.extensions(), model.roles(), model.enums(), model.domains(), model.sequences(),
        model.tables(), List.of(), List.of(), model.functions(), model.triggers(), model.compositeTypes())
        .withAggregates(model.aggregates()).withStatistics(model.statistics()).withRules(model.rules())
        .withCollations(model.collations()).withRangeTypes(model.rangeTypes());
    List<String> ddl = DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, model));
    try (Connection c = DriverManager.getConnection(database())) {
      try (Statement st = c.createStatement()) {
        for (String s : ddl) {
          try {
            st.execute(s);
          } catch (SQLException e) {
            throw new AssertionError(e.getMessage() + "\nin statement:\n" + s, e);
          }
        }
      }
      SchemaModel read = Introspector.introspect(c, IntrospectOptions.schemas(schema));
      assertThat(read.functions()).as("DDL:\n" + String.join(";\n", ddl)).isEqualTo(model.functions());
      assertThat(read.triggers()).as("DDL:\n" + String.join(";\n", ddl)).isEqualTo(model.triggers());
      assertThat(read.aggregates()).as("DDL:\n" + String.join(";\n", ddl)).isEqualTo(model.aggregates());
      assertThat(read.statistics()).as("DDL:\n" + String.join(";\n", ddl)).isEqualTo(model.statistics());
      assertThat(read.rules()).as("DDL:\n" + String.join(";\n", ddl)).isEqualTo(model.rules());
      assertThat(read.collations()).as("DDL:\n" + String.join(";\n", ddl)).isEqualTo(model.collations());
      assertThat(read.rangeTypes()).as("DDL:\n" + String.join(";\n", ddl)).isEqualTo(model.rangeTypes());
      assertThat(Differ.diff(read, model)).as("function and trigger changes between the created model and its introspection")
          .filteredOn(ch -> ch.description().startsWith("function") || ch.description().startsWith("trigger")
              || ch.description().startsWith("aggregate") || ch.description().startsWith("statistics")
              || ch.description().startsWith("rule") || ch.description().startsWith("collation")
              || ch.description().startsWith("range type")).isEmpty();
      try (Statement st = c.createStatement()) {
        st.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }
}
