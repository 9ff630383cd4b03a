package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import org.junit.jupiter.api.Test;

@PgTest
class DemoCommandTest {
  @Test
  void demoWithUrlMigratesSeedsToursAndExitsZero(PgTestContext pg) {
    String url = pg.server().createDatabase("demo_url");
    Cli.Run run = Cli.run("demo", "--no-studio", "--url", url, "--scale", "0.1", "--seed", "7");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).as(run.toString())
        .contains("migrations saas: 9 applied (0 already)")
        .contains("migrations bookings: 1 applied (0 already)")
        .contains("emptied the example tables (--url given)")
        .containsPattern("seeded [\\d,]+ rows in")
        .contains("1. Typed select: the newest workspaces")
        .contains("sql:   SELECT app_teams.name, app_teams.type, app_teams.created_at FROM app_teams WHERE")
        .contains("WITH RECURSIVE tree AS")
        .contains("app login: sluice_demo_authenticator (NOINHERIT")
        .contains("projects visible, from 1 team(s)")
        .contains("tour done: 7 queries")
        .doesNotContain("studio:");

    Cli.Run again = Cli.run("demo", "--no-studio", "--url", url, "--scale", "0.1", "--seed", "7");
    assertThat(again.exit()).as(again.toString()).isZero();
    assertThat(again.out()).contains("migrations saas: 0 applied (9 already)")
        .contains("migrations bookings: 0 applied (1 already)").contains("tour done: 7 queries");
  }

  @Test
  void demoWithoutUrlRunsOnAnEmbeddedPostgres() {
    Cli.Run run = Cli.run("demo", "--no-studio", "--scale", "0.05");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).as(run.toString())
        .containsPattern("embedded PostgreSQL on localhost:\\d+ in")
        .contains("migrations saas: 9 applied")
        .contains("tour done: 7 queries");
  }

  @Test
  void seedThenResetEmptiesTheSchemaAndResetWithoutTerminalNeedsYes(PgTestContext pg) {
    String url = pg.server().createDatabase("demo_seed_reset");
    Cli.Run demo = Cli.run("demo", "--no-studio", "--url", url, "--scale", "0.05");
    assertThat(demo.exit()).as(demo.toString()).isZero();
    String[] schema = {"--schema", "dev.sluice.examples.saas.Saas", "--url", url};

    Cli.Run refused = Cli.run("reset", schema[0], schema[1], schema[2], schema[3]);
    assertThat(refused.exit()).isEqualTo(SluiceCommand.EXIT_USAGE);
    assertThat(refused.err()).contains("pass --yes");

    Cli.Run reset = Cli.run("reset", "--yes", schema[0], schema[1], schema[2], schema[3]);
    assertThat(reset.exit()).as(reset.toString()).isZero();
    assertThat(reset.out()).contains("emptied 9 table(s)");

    Cli.Run seed = Cli.run("seed", "--url", url, "--seed", "3");
    assertThat(seed.exit()).as(seed.toString()).isZero();
    assertThat(seed.out()).contains("seeded with dev.sluice.examples.saas.SaasSeeder (seed 3, scale 1): 64,");

    Cli.Run noSeeder = Cli.run("seed", "--url", url, "--seeder", "java.lang.String");
    assertThat(noSeeder.exit()).isEqualTo(SluiceCommand.EXIT_USAGE);
    assertThat(noSeeder.err()).contains("has no public static seed(Database, long, int) method");
  }
}
