package dev.sluice.kit.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random model -> differ -> DDL -> live database -> introspection gives the model back. Each try
 * gets its own schema in one shared database (a database per try would be too slow).
 */
class RoundTripPropertyTest {
  private static final AtomicInteger TRY = new AtomicInteger();
  private static String url;
  private static String viewQuery;

  private static synchronized String database() throws SQLException {
    if (url == null) {
      url = TestDatabase.get().createDatabase("roundtrip");
      try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
        st.execute("CREATE SCHEMA probe");
        st.execute("CREATE TABLE probe.t0 (id integer)");
        st.execute("CREATE VIEW probe.v AS SELECT id FROM probe.t0");
        st.execute("SET search_path = ''");
        try (ResultSet rs = st.executeQuery("SELECT pg_get_viewdef('probe.v'::regclass, true)")) {
          rs.next();
          viewQuery = rs.getString(1).strip().replaceAll(";$", "").replace("probe", "SCHEMA");
        }
        st.execute("DROP SCHEMA probe CASCADE");
      }
    }
    return url;
  }

  @AfterContainer
  static void dropDatabase() {
    if (url != null) TestDatabase.get().dropDatabase(url);
  }

  @Property(tries = 30)
  void createdModelIntrospectsBackEqual(@ForAll long seed) throws SQLException {
    String db = database();
    String schema = "rt_" + TRY.incrementAndGet();
    SchemaModel model = RandomModels.model(seed, schema, viewQuery);
    List<String> ddl = DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, model));
    try (Connection c = DriverManager.getConnection(db)) {
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
      assertThat(read).as("DDL:\n" + String.join(";\n", ddl)).isEqualTo(model);
      try (Statement st = c.createStatement()) {
        st.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }
}
