package dev.sluice.kit.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Convergence of partitions' own primary key, unique, check and exclusion constraints
 * ({@link PartitionOwnFixtures#ownConstraints()}): up and down migrations apply with the rows kept and
 * re-diff empty against a shadow database created from the target; and (on a PostgreSQL 15 server,
 * with the local pg_dump) the migrated database dumps identical to one created from the target.
 */
@PgTest
class PartitionConstraintsConvergenceLiveTest {
  private static final Path PG_DUMP = Path.of("/usr/lib/postgresql/15/bin/pg_dump");

  @Test
  void partitionsOwnConstraintsConvergeUpAndDown(PgTestContext pg) throws Exception {
    ChangeFixtures.Fixture f = PartitionOwnFixtures.ownConstraints();
    ConvergenceRun.converge(pg, f.name(), f.from(), f.to(), f.seed(), f.expect(), List.of(), List.of(), null,
        PartitionConstraintsConvergenceLiveTest::only, (name, actual, want) -> assertThat(actual).isEqualTo(want));
  }

  @Test
  void aMigratedDatabaseDumpsLikeOneCreatedFromTheTarget(PgTestContext pg) throws Exception {
    dumpsLikeTarget(pg, PartitionOwnFixtures.ownConstraints());
  }

  /** {@code f} migrated up dumps like its target created directly, and migrated back down like its source. */
  static void dumpsLikeTarget(PgTestContext pg, ChangeFixtures.Fixture f) throws Exception {
    String migrated = pg.server().createDatabase("partcons_migrated");
    String target = pg.server().createDatabase("partcons_target");
    String source = pg.server().createDatabase("partcons_source");
    try {
      run(migrated, Differ.diff(SchemaModel.EMPTY, f.from()));
      try (Connection c = DriverManager.getConnection(migrated); Statement st = c.createStatement()) {
        for (String sql : f.seed()) st.execute(sql);
      }
      run(migrated, Differ.diff(f.from(), f.to()));
      run(target, Differ.diff(SchemaModel.EMPTY, f.to()));
      run(source, Differ.diff(SchemaModel.EMPTY, f.from()));
      int major = serverMajor(migrated);
      if (!Files.isExecutable(PG_DUMP) || major > 15) {
        System.out.println("NOTICE: pg_dump equality skipped: " + PG_DUMP + " cannot dump a PostgreSQL " + major + " server");
        return;
      }
      assertThat(dump(migrated)).as("up").isEqualTo(dump(target));
      run(migrated, Differ.diff(f.to(), f.from()));
      assertThat(dump(migrated)).as("down").isEqualTo(dump(source));
    } finally {
      pg.server().dropDatabase(source);
      pg.server().dropDatabase(target);
      pg.server().dropDatabase(migrated);
    }
  }

  private static SchemaModel only(String name, SchemaModel m) {
    return new SchemaModel(m.schemas().stream().filter(name::equals).toList(), List.of(), List.of(), List.of(), List.of(),
        List.of(), m.tables().stream().filter(t -> t.schema().equals(name)).toList(), List.of(), List.of());
  }

  private static void run(String url, List<Change> changes) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      for (String sql : DdlRenderer.render(changes)) {
        try {
          st.execute(sql);
        } catch (java.sql.SQLException e) {
          throw new AssertionError(e.getMessage() + "\nin:\n" + sql + "\nof:\n" + DdlRenderer.script(changes), e);
        }
      }
    }
  }

  private static int serverMajor(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SHOW server_version_num")) {
      rs.next();
      return Integer.parseInt(rs.getString(1)) / 10000;
    }
  }

  /** {@code pg_dump --schema-only} of a test database, without the per-run {@code \restrict} key lines. */
  private static String dump(String jdbcUrl) throws IOException, InterruptedException {
    URI u = URI.create(jdbcUrl.substring("jdbc:".length()));
    String user = "postgres";
    String password = null;
    for (String kv : u.getQuery() == null ? new String[0] : u.getQuery().split("&")) {
      if (kv.startsWith("user=")) user = kv.substring(5);
      if (kv.startsWith("password=")) password = kv.substring(9);
    }
    ProcessBuilder b = new ProcessBuilder(PG_DUMP.toString(), "--schema-only", "-h", u.getHost(), "-p",
        String.valueOf(u.getPort()), "-U", user, "-d", u.getPath().substring(1));
    if (password != null) b.environment().put("PGPASSWORD", password);
    b.redirectErrorStream(true);
    Process p = b.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("pg_dump failed: " + out);
    return out.lines().filter(l -> !l.startsWith("\\restrict") && !l.startsWith("\\unrestrict")).collect(Collectors.joining("\n"));
  }
}
