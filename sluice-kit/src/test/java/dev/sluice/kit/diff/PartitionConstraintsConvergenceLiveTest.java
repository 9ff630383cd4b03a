package dev.sluice.kit.diff;

import static dev.sluice.kit.SchemaDumps.PG_DUMP;
import static dev.sluice.kit.SchemaDumps.dump;
import static dev.sluice.kit.SchemaDumps.serverMajor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Convergence of partitions' own primary key, unique, check and exclusion constraints
 * ({@link PartitionOwnFixtures#ownConstraints()}): up and down migrations apply with the rows kept and
 * re-diff empty against a shadow database created from the target; and (on a PostgreSQL 15 server,
 * with the local pg_dump) the migrated database dumps identical to one created from the target.
 */
@PgTest
class PartitionConstraintsConvergenceLiveTest {

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

}
