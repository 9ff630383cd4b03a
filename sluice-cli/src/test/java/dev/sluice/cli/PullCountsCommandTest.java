package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pull says how many objects of each unit kind it wrote, not only tables (an aggregate is never omitted silently). */
@PgTest
class PullCountsCommandTest {
  @Test
  void pullCountsFunctionsAggregatesStatisticsAndRules(PgTestContext pg, @TempDir Path out) throws Exception {
    String url = pg.server().createDatabase("objb_pull_counts");
    UnmodeledObjectsCommandTest.execute(url,
        "create table film (id int primary key, title text, rating text)",
        "create function _group_concat(text, text) returns text language sql immutable"
            + " as $$ select coalesce($1 || ', ' || $2, $2, $1) $$",
        "create aggregate group_concat(text) (sfunc = _group_concat, stype = text)",
        "create statistics film_stats on title, rating from film",
        "create rule film_keep as on delete to film do instead nothing");
    Cli.Run r = Cli.run("pull", "--strict", "--url", url, "--package", "com.example.db", "--out", out.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("pulled 1 table(s), 0 enum(s), 0 view(s), 1 function(s), 1 aggregate(s), 1 statistics,"
        + " 1 rule(s) into ");
    String holder = Files.readString(out.resolve("com/example/db/DatabaseSchema.java"));
    assertThat(holder).contains("Aggregate.of(Namespace.PUBLIC, \"group_concat\")").contains("Statistics.on(\"public\", \"film\"")
        .contains("Rule.on(");
  }
}
