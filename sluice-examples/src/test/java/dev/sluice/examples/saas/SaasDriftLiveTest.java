package dev.sluice.examples.saas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.examples.ExampleMigrations;
import dev.sluice.kit.diff.Change;
import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.Introspector;
import dev.sluice.kit.migrate.Migrator;
import dev.sluice.runtime.Database;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import dev.sluice.test.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After the committed SaaS migrations (the hand-written 0007 included) the database holds the
 * row-level security the schema classes declare: RLS flags and policies of every table, the activity
 * log's too. The code's policy expressions are normalised by PostgreSQL itself: the RLS and policy
 * changes that would turn the migrated database into the code are applied to it in a transaction
 * (rolled back), the result is introspected and compared with the database as migrated. A shadow
 * database cannot do it here, because the policies call the hand-written SECURITY DEFINER functions of
 * migrations 0001 and 0005, which the code does not model.
 */
@PgTest
class SaasDriftLiveTest {
  @Test
  void migratedDatabaseHasTheRowLevelSecurityOfTheSchemaClassesActivityLogIncluded(PgTestContext pg) throws Exception {
    String url = pg.server().createDatabase("saas_drift");
    try {
      try (Database db = Database.connect(url)) {
        new Migrator(db.dataSource(), ExampleMigrations.folder("saas").orElseThrow()).migrate();
      }
      IntrospectOptions publicOnly = IntrospectOptions.schemas("public");
      try (Connection c = DriverManager.getConnection(url)) {
        SchemaModel migrated = Introspector.introspect(c, publicOnly);
        List<Change> toCode = modeled(Differ.diff(migrated, Saas.schema().toModel()));
        c.setAutoCommit(false);
        SchemaModel code;
        try (Statement st = c.createStatement()) {
          for (String ddl : DdlRenderer.render(toCode)) st.execute(ddl);
          code = Introspector.introspect(c, publicOnly);
        } finally {
          c.rollback();
        }
        assertThat(DdlRenderer.render(modeled(Differ.diff(migrated, code)))).isEmpty();
        SchemaModel again = Introspector.introspect(c, publicOnly);
        assertThat(again.tables().stream().filter(t -> t.name().equals("app_activity_log")).findFirst().orElseThrow())
            .satisfies(t -> assertThat(t.rlsForced()).isTrue())
            .satisfies(t -> assertThat(t.policies()).extracting(p -> p.name())
                .containsExactlyInAnyOrder("team_members_read", "members_append"));
      }
    } finally {
      TestDatabase.get().dropDatabase(url);
    }
  }

  /** The row-level security changes: RLS flags and policies. */
  private static List<Change> modeled(List<Change> changes) {
    return changes.stream()
        .filter(c -> c instanceof Change.EnableRowLevelSecurity || c instanceof Change.AlterRowLevelSecurity
            || c instanceof Change.CreatePolicy || c instanceof Change.DropPolicy || c instanceof Change.AlterPolicy)
        .toList();
  }
}
