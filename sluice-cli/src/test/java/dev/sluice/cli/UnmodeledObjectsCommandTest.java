package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.PgUrl;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pull, diff and push never skip silently what the model cannot hold. */
@PgTest
class UnmodeledObjectsCommandTest {
  static final String[] FILM = {
      "create table film (id int primary key, title text, last_update timestamptz)",
      "create text search configuration film_text (copy = pg_catalog.simple)",
      "create text search dictionary film_dict (template = pg_catalog.simple)",
  };

  @Test
  void pullListsWhatItDidNotPullAndTheGeneratedJavadocSaysSo(PgTestContext pg, @TempDir Path out) throws Exception {
    String url = pg.server().createDatabase("pull_unmodeled");
    execute(url, FILM);
    Cli.Run r = Cli.run("pull", "--url", url, "--package", "com.example.db", "--out", out.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("not modeled, not pulled (2): Sluice does not model these yet; recreate them with a custom"
        + " migration (sluice generate --custom)\n"
        + "  text search configuration public.film_text\n"
        + "  text search dictionary public.film_dict\n"
        + "pulled 1 table(s)");
    String holder = Files.readString(out.resolve("com/example/db/DatabaseSchema.java"));
    assertThat(holder).contains(" * <p>Not pulled: the database also holds 2 object(s) the model cannot hold yet")
        .contains(" *   <li>text search configuration public.film_text</li>\n *   <li>text search dictionary public.film_dict</li>\n")
        .doesNotContain("The whole schema");
  }

  @Test
  void pullStrictExitsThreeAndWritesNothingWhenSomethingIsNotModeled(PgTestContext pg, @TempDir Path out) throws Exception {
    String url = pg.server().createDatabase("pull_strict");
    execute(url, FILM);
    Cli.Run r = Cli.run("pull", "--strict", "--url", url, "--package", "com.example.db", "--out", out.toString());
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("error: refused (--strict): 2 object(s) are not modeled (listed above); nothing written\n");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).isEmpty();
    }
    String clean = pg.server().createDatabase("pull_strict_clean");
    execute(clean, "create table film (id int primary key)");
    Cli.Run ok = Cli.run("pull", "--strict", "--url", clean, "--package", "com.example.db", "--out", out.toString());
    assertThat(ok.exit()).as(ok.toString()).isZero();
    assertThat(ok.out()).startsWith("pulled 1 table(s)");
    assertThat(Files.readString(out.resolve("com/example/db/DatabaseSchema.java"))).contains("The whole schema");
  }

  @Test
  void diffOfDatabasesDifferingOnlyInAnUnmodeledObjectDoesNotLookIdentical(PgTestContext pg) throws Exception {
    String a = pg.server().createDatabase("diff_unmodeled_a");
    String b = pg.server().createDatabase("diff_unmodeled_b");
    execute(a, FILM[0]);
    execute(b, FILM);
    Cli.Run r = Cli.run("diff", "--from", a, "--to", b);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("not modeled, so not compared (2): differences in these objects cannot be computed and are"
        + " not in the SQL (the modeled objects are identical)\n"
        + "the databases differ in objects Sluice does not model:\n"
        + "  only in --to: text search configuration public.film_text\n"
        + "  only in --to: text search dictionary public.film_dict\n");

    Cli.Run same = Cli.run("diff", "--from", b, "--to", b);
    assertThat(same.err()).isEqualTo("not modeled, so not compared (2): differences in these objects cannot be computed and are"
        + " not in the SQL (the modeled objects are identical)\n"
        + "  in both (definitions not compared): text search configuration public.film_text\n"
        + "  in both (definitions not compared): text search dictionary public.film_dict\n");
  }

  @Test
  void pushListsTheObjectsItLeavesAlone(PgTestContext pg, @TempDir Path dir) throws Exception {
    String url = pg.server().createDatabase("push_unmodeled");
    Path m = dir.resolve("unused");
    assertThat(KitWorkflowTest.sluice(KitWorkflowTest.args("push", KitWorkflowTest.V1, m, url)).exit()).isZero();
    execute(url, "create text search configuration public.order_text (copy = pg_catalog.simple)");
    Cli.Run r = KitWorkflowTest.sluice(KitWorkflowTest.args("push", KitWorkflowTest.V1, m, url, "--dry-run"));
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("not modeled (1): the database holds these, which the code cannot declare yet; push leaves"
        + " them as they are\n"
        + "  text search configuration public.order_text\n"
        + "database is in sync with the code (as far as modeled: 1 object(s) not modeled, listed above)\n");
  }

  static void execute(String url, String... sql) throws Exception {
    try (Connection c = PgUrl.parse(url).connect(); Statement st = c.createStatement()) {
      for (String s : sql) st.execute(s);
    }
  }

  @Test
  void theSchemasFlagLimitsPullToThoseSchemas(PgTestContext pg, @TempDir Path out) throws Exception {
    String url = pg.server().createDatabase("pull_schemas_flag");
    execute(url, FILM);
    execute(url, "create schema billing", "create table billing.invoice (id int primary key)");
    Cli.Run r = Cli.run("pull", "--schemas", "billing", "--strict", "--url", url, "--package", "com.example.db", "--out",
        out.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("pulled 1 table(s)");
    assertThat(Files.readString(out.resolve("com/example/db/DatabaseSchema.java"))).contains("INVOICE").doesNotContain("FILM");
  }
}
