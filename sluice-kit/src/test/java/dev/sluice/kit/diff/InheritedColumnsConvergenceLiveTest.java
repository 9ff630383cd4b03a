package dev.sluice.kit.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Convergence of children's own defaults and NOT NULL on inherited columns
 * ({@link InheritanceFixtures#columnOverrides()}): up and down apply with the rows kept, introspect
 * equal to and re-diff empty against a shadow database created from the target; and (on a
 * PostgreSQL 15 server, with the local pg_dump) the migrated database dumps identical to one created
 * from the target.
 */
@PgTest
class InheritedColumnsConvergenceLiveTest {
  @Test
  void childrensOwnDefaultsAndNotNullConvergeUpAndDown(PgTestContext pg) throws Exception {
    ChangeFixtures.Fixture f = InheritanceFixtures.columnOverrides();
    ConvergenceRun.converge(pg, f.name(), f.from(), f.to(), f.seed(), f.expect(), List.of(), List.of(), null,
        InheritedColumnsConvergenceLiveTest::only, (name, actual, want) -> assertThat(actual).isEqualTo(want));
  }

  @Test
  void aMigratedDatabaseDumpsLikeOneCreatedFromTheTarget(PgTestContext pg) throws Exception {
    PartitionConstraintsConvergenceLiveTest.dumpsLikeTarget(pg, InheritanceFixtures.columnOverrides());
  }

  private static SchemaModel only(String name, SchemaModel m) {
    return new SchemaModel(m.schemas().stream().filter(name::equals).toList(), List.of(), List.of(), List.of(), List.of(),
        List.of(), m.tables().stream().filter(t -> t.schema().equals(name)).toList(), List.of(), List.of());
  }
}
