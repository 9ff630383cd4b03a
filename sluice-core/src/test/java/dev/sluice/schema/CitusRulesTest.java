package dev.sluice.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.model.DistributionModel;
import dev.sluice.schema.model.DistributionModel.Method;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What Citus refuses is refused when the schema is built, with the table, constraint and column named. */
class CitusRulesTest {
  static final class Teams extends Table<Teams> {
    static final Teams TEAMS = new Teams();
    final Column<UUID> id = uuid("id").primaryKey();

    private Teams() {
      super("c_teams");
      distributedBy(id);
    }
  }

  static final class Tasks extends Table<Tasks> {
    static final Tasks TASKS = new Tasks();
    final Column<UUID> teamId = uuid("team_id").notNull();
    final Column<UUID> id = uuid("id").primaryKey();

    private Tasks() {
      super("c_tasks");
      distributedBy(teamId).colocateWith(() -> Teams.TEAMS);
    }
  }

  static final class Orphans extends Table<Orphans> {
    static final Orphans ORPHANS = new Orphans();
    final Column<UUID> teamId = uuid("team_id").notNull().references(() -> Teams.TEAMS.id);
    final Column<Long> n = bigint("n").notNull();

    private Orphans() {
      super("c_orphans");
      primaryKey(teamId, n);
      distributedBy(teamId).colocateWithNone();
    }
  }

  static final class Plans extends Table<Plans> {
    static final Plans PLANS = new Plans();
    final Column<Long> id = bigint("id").primaryKey();
    final Column<UUID> teamId = uuid("team_id").references(() -> Teams.TEAMS.id);

    private Plans() {
      super("c_plans");
      reference();
    }
  }

  @Test
  void theDslDeclaresHashAndReferenceTablesWithTheirGroup() {
    var m = Schema.of(Teams.TEAMS).with(Distribution.hash("public", "c_teams", "id")).toModel();
    assertThat(m.distributions()).containsExactly(new DistributionModel("public", "c_teams", Method.HASH, "id", null, null));
  }

  @Test
  void aPrimaryKeyWithoutTheDistributionColumnIsRefused() {
    assertThatThrownBy(() -> Schema.of(Teams.TEAMS, Tasks.TASKS).toModel())
        .isInstanceOf(SchemaDefinitionException.class)
        .hasMessageContaining("table public.c_tasks: its primary key [id] must include the distribution column team_id");
  }

  @Test
  void aForeignKeyBetweenDistributedTablesMustBeCoLocated() {
    assertThatThrownBy(() -> Schema.of(Teams.TEAMS, Orphans.ORPHANS).toModel())
        .hasMessageContaining("table public.c_orphans: foreign key")
        .hasMessageContaining("to distributed table public.c_teams needs the tables co-located");
  }

  @Test
  void aReferenceTableCannotReferenceADistributedTable() {
    assertThatThrownBy(() -> Schema.of(Teams.TEAMS, Plans.PLANS).toModel())
        .hasMessageContaining("reference table public.c_plans cannot have foreign key")
        .hasMessageContaining("to distributed table public.c_teams");
  }

  @Test
  void aDistributionOfATableTheSchemaLacksIsRefused() {
    assertThatThrownBy(() -> Schema.of(Teams.TEAMS).with(Distribution.reference("public", "missing")).toModel())
        .hasMessageContaining("table public.missing is distributed but the schema has no such table");
  }

  @Test
  void coLocationAndAShardCountContradictEachOther() {
    assertThatThrownBy(() -> Distribution.hash("public", "t", "c").colocateWith("public", "u").shardCount(4))
        .isInstanceOf(SchemaDefinitionException.class).hasMessageContaining("give either colocateWith or shardCount");
  }

  @Test
  void aDistributedSchemaIsASchemaDefinition() {
    var m = Schema.of(Namespace.of("tenant_a").distributed()).toModel();
    assertThat(m.distributions()).containsExactly(new DistributionModel("tenant_a", null, Method.SCHEMA, null, null, null));
    assertThat(m.schemas()).contains("tenant_a");
  }
}
