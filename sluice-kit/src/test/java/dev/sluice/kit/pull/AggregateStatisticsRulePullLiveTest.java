package dev.sluice.kit.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.kit.sql.SqlScript;
import dev.sluice.kit.sql.SqlStatement;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A hand-written schema with aggregates (pagila's group_concat, final functions, built-in state
 * functions, variadic and zero-argument ones, ordered-set and hypothetical-set ones, moving mode, SORTOP,
 * EXECUTE grants) used by views, extended statistics of every shape and
 * rules on a table and a view, publications with column lists, row filters and a schema,
 * event triggers:
 * load it, introspect, pull to Java, compile, create the code in an empty database; both introspect
 * equal and (when the local pg_dump can dump the server) their {@code pg_dump --schema-only} outputs
 * are identical.
 */
@PgTest
class AggregateStatisticsRulePullLiveTest {
  private static final Path PG_DUMP = Path.of("/usr/lib/postgresql/15/bin/pg_dump");

  @Test
  void aggregatesStatisticsAndRulesPullToJavaThatRecreatesTheSchemaExactly(PgTestContext pg) throws Exception {
    String sql = new String(AggregateStatisticsRulePullLiveTest.class.getResourceAsStream("/objects/aggregates-statistics-rules.sql")
        .readAllBytes(), StandardCharsets.UTF_8);
    String source = pg.server().createDatabase("objb_agst_source");
    String copy = pg.server().createDatabase("objb_agst_pulled");
    try {
      try (Connection c = DriverManager.getConnection(source); Statement st = c.createStatement()) {
        for (SqlStatement s : SqlScript.split(sql)) st.execute(s.text());
      }
      SchemaModel live = ObjectsPullLiveTest.introspect(source);
      assertThat(live.aggregates()).hasSize(10);
      assertThat(live.statistics()).hasSize(4);
      assertThat(live.rules()).hasSize(4);
      assertThat(live.publications()).hasSize(2);
      assertThat(live.eventTriggers()).hasSize(2);

      Map<String, String> sources = JavaSchemaGenerator.generate(live, "agst.db", "AgstSchema", "agst");
      SchemaModel code;
      try {
        code = GeneratedSchema.load(sources, "agst.db.AgstSchema").toModel();
      } catch (RuntimeException | Error e) {
        throw new AssertionError(e + "\n" + sources.get("agst/db/AgstSchema.java"), e);
      }
      assertThat(code.aggregates()).as(sources.get("agst/db/AgstSchema.java")).isEqualTo(live.aggregates());
      assertThat(code.statistics()).isEqualTo(live.statistics());
      assertThat(code.rules()).isEqualTo(live.rules());
      assertThat(code.publications()).isEqualTo(live.publications());
      assertThat(code.eventTriggers()).isEqualTo(live.eventTriggers());
      assertThat(code).isEqualTo(live);
      assertThat(sources.get("agst/db/AgstSchema.java")).as("the state function is the pulled constant")
          .contains(".stateFunction(GROUP_CONCAT_FUNCTION)")
          .contains(".orderBy(\"integer\")", ".hypothetical()", ".orderByVariadic(null, \"\\\"any\\\"\")")
          .contains(".movingState(")
          .contains(".sortOperator(\">\")")
          .contains(".revokeExecuteFromPublic()");

      ObjectsPullLiveTest.createFromNothing(copy, code);
      ObjectsPullLiveTest.assertRecreates(copy, source, live);
    } finally {
      pg.server().dropDatabase(copy);
      pg.server().dropDatabase(source);
    }
  }

}
