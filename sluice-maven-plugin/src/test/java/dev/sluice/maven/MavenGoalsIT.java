package dev.sluice.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.test.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The goals as a user runs them: a real {@code mvn} on the sample project {@code src/it/library}
 * (its schema in Java, the plugin declared with the {@code check} goal), against the plugin and the
 * Sluice modules this build just packaged (installed into {@code target/it-repo} by invoker:install,
 * never into {@code ~/.m2}); other artifacts come from the user's local repository, else Central.
 * The steps build on each other, in order: generate, verify passing, verify failing on a schema
 * change without a migration, generate + migrate into a real database, check of the database failing
 * on an edited applied migration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MavenGoalsIT {
  private Path project;
  private Path settings;
  private String jdbcUrl;

  @BeforeAll
  void copySampleProject() throws IOException {
    Path work = Path.of(System.getProperty("sluice.it.work", "target/it-work"));
    project = work.resolve("library-" + System.nanoTime());
    Path source = Path.of(System.getProperty("sluice.it.projects", "src/it")).resolve("library");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path f : files.toList()) {
        Path to = project.resolve(source.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          String text = Files.readString(f).replace("@sluice.version@", System.getProperty("sluice.it.version"));
          Files.writeString(to, text);
        }
      }
    }
    settings = project.resolve("it-settings.xml");
    Path userRepo = Path.of(System.getProperty("user.home"), ".m2", "repository");
    Files.writeString(settings, """
        <settings>
          <profiles><profile><id>it</id>
            <repositories><repository><id>user-local</id><url>%1$s</url>
              <releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots></repository></repositories>
            <pluginRepositories><pluginRepository><id>user-local</id><url>%1$s</url>
              <releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots></pluginRepository></pluginRepositories>
          </profile></profiles>
          <activeProfiles><activeProfile>it</activeProfile></activeProfiles>
        </settings>
        """.formatted(userRepo.toUri()));
    jdbcUrl = TestDatabase.get().createDatabase("maven_goals");
  }

  @AfterAll
  void dropDatabase() {
    if (jdbcUrl != null) TestDatabase.get().dropDatabase(jdbcUrl);
  }

  @Test
  @Order(1)
  void generateWritesTheFirstMigrationFromTheCompiledSchema() throws Exception {
    Run r = mvn("compile", "sluice:generate", "-Dsluice.name=init");
    assertThat(r.exit).as(r.log).isZero();
    assertThat(project.resolve("migrations/0001_init.sql")).content().containsIgnoringCase("create table public.books");
    assertThat(project.resolve("migrations/0001_init.down.sql")).exists();
    assertThat(project.resolve("migrations/sluice.sum")).exists();
  }

  @Test
  @Order(2)
  void verifyRunsCheckAndPassesWhenTheMigrationsMatchTheCode() throws Exception {
    Run r = mvn("verify");
    assertThat(r.exit).as(r.log).isZero();
    assertThat(r.log).contains("sluice-maven-plugin").contains(":check")
        .contains("ok: 1 migration(s), integrity verified, code matches the last snapshot");
  }

  @Test
  @Order(3)
  void verifyFailsWhenTheSchemaChangedWithoutAMigration() throws Exception {
    evolve("public final Column<String> isbn = text(\"isbn\");");
    Run r = mvn("verify");
    assertThat(r.exit).as(r.log).isNotZero();
    assertThat(r.log).contains("BUILD FAILURE")
        .contains("sluice check failed (exit code 3)")
        .contains("schema change(s) without a migration (run sluice generate)")
        .contains("add column isbn");
  }

  @Test
  @Order(4)
  void generateThenMigrateAppliesBothMigrationsToTheDatabase() throws Exception {
    Run r = mvn("compile", "sluice:generate", "-Dsluice.name=isbn", "sluice:migrate", "sluice:status", "-Dsluice.url=" + jdbcUrl);
    assertThat(r.exit).as(r.log).isZero();
    assertThat(project.resolve("migrations/0002_isbn.sql")).exists();
    try (Connection c = DriverManager.getConnection(jdbcUrl);
         ResultSet rs = c.createStatement().executeQuery(
             "select column_name from information_schema.columns where table_name = 'books' order by ordinal_position")) {
      List<String> columns = new ArrayList<>();
      while (rs.next()) columns.add(rs.getString(1));
      assertThat(columns).containsExactly("id", "title", "isbn");
    }
    assertThat(r.log).contains("0001_init").contains("0002_isbn");
    Run verify = mvn("verify", "-Dsluice.check.db=true", "-Dsluice.url=" + jdbcUrl);
    assertThat(verify.exit).as(verify.log).isZero();
  }

  @Test
  @Order(5)
  void checkOfTheDatabaseFailsWhenAnAppliedMigrationWasEdited() throws Exception {
    Path first = project.resolve("migrations/0001_init.sql");
    Files.writeString(first, Files.readString(first) + "\n-- edited after it was applied\n");
    Run r = mvn("verify", "-Dsluice.check.db=true", "-Dsluice.url=" + jdbcUrl);
    assertThat(r.exit).as(r.log).isNotZero();
    assertThat(r.log).contains("BUILD FAILURE").contains("0001_init.sql");
  }

  @Test
  @Order(6)
  void aBadParameterIsAConfigurationErrorNamingIt() throws Exception {
    Run r = mvn("sluice:status", "-Dsluice.url=not a url at all");
    assertThat(r.exit).as(r.log).isNotZero();
    assertThat(r.log).contains("sluice status failed").doesNotContain("NullPointerException");
  }

  private void evolve(String declaration) throws IOException {
    Path books = project.resolve("src/main/java/com/example/db/Books.java");
    Files.writeString(books, Files.readString(books).replace("// EVOLVE", declaration));
  }

  private record Run(int exit, String log) {}

  private Run mvn(String... goals) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-e", "-s", settings.toString(),
        "-Dmaven.repo.local=" + Path.of(System.getProperty("sluice.it.repo", "target/it-repo")).toAbsolutePath()));
    cmd.addAll(List.of(goals));
    Path log = Files.createTempFile(project, "mvn", ".log");
    Process p = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("mvn " + String.join(" ", goals) + " did not finish in 5 minutes: " + Files.readString(log));
    }
    return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
