package dev.sluice.kit.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.Introspector;
import dev.sluice.kit.push.WideSchema;
import dev.sluice.kit.snapshot.SnapshotJson;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The shadow sends its DDL in chunks; a failure must still name the one statement that failed. */
@PgTest
class ShadowScriptLiveTest {

  @Test
  void aStatementFailingInsideALaterChunkIsNamedWithItsSqlState(PgTestContext pg) throws Exception {
    String url = pg.server().createDatabase("shadow_chunks");
    try {
      try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
        st.execute(String.join(";\n", WideSchema.statements(120)));
      }
      SchemaModel live;
      try (Connection c = DriverManager.getConnection(url)) {
        live = Introspector.introspect(c, IntrospectOptions.all());
      }
      assertThat(ShadowDatabase.normalize(url, live, IntrospectOptions.all())).isEqualTo(live);

      String json = SnapshotJson.write(live);
      int table = json.indexOf("wide_00100");
      int check = json.indexOf("(amount >= (0)::numeric)", table);
      assertThat(table).isPositive();
      String broken = json.substring(0, check) + "(public.no_such_function(amount) > 0)"
          + json.substring(check + "(amount >= (0)::numeric)".length());
      SchemaModel code = SnapshotJson.read(broken);
      assertThatThrownBy(() -> ShadowDatabase.normalize(url, code, IntrospectOptions.all()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("(42883)")
          .hasMessageContaining("no_such_function")
          .satisfies(e -> {
            String statement = e.getMessage().substring(e.getMessage().indexOf("statement: "));
            assertThat(statement).startsWith("statement: CREATE TABLE public.wide_0010").contains("no_such_function")
                .doesNotContain("CREATE INDEX"); // the one statement, not its chunk
          });
    } finally {
      pg.server().dropDatabase(url);
    }
  }
}
