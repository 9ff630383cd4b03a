package dev.sluice.kit.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.DataAccessException;
import dev.sluice.runtime.Database;
import dev.sluice.runtime.Tenancy;
import dev.sluice.runtime.TenantContext;
import dev.sluice.runtime.TenantScope;
import dev.sluice.schema.Column;
import dev.sluice.schema.Policies;
import dev.sluice.schema.Schema;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The multi-tenant schema (teams, members with roles, projects by tenant column) created by the
 * differ and DDL renderer, then used through {@code db.as(...)}: the policy DDL the kit renders keeps
 * USING and WITH CHECK, and RLS stays enabled and forced.
 */
@PgTest
class TenancyKitLiveTest {
  static final String APP_ROLE = "sluice_test_app";
  static final UUID TEAM_A = new UUID(0xA, 1);
  static final UUID TEAM_B = new UUID(0xA, 2);
  static final UUID ALICE = new UUID(0xB, 1);

  static final class Teams extends Table<Teams> {
    static final Teams T = new Teams();
    final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    final Column<String> name = text("name").notNull();

    private Teams() {
      super("teams");
    }
  }

  static final class Members extends Table<Members> {
    static final Members T = new Members();
    final Column<UUID> teamId = uuid("team_id").notNull().references(() -> Teams.T.id);
    final Column<UUID> userId = uuid("user_id").notNull();
    final Column<String> role = text("role").notNull().defaultValue("member");

    private Members() {
      super("team_members");
      primaryKey(teamId, userId);
      forceRowLevelSecurity();
      addPolicy(Policies.ownerOnly(userId));
      index().on(userId);
    }
  }

  static final class Projects extends Table<Projects> {
    static final Projects T = new Projects();
    final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    final Column<UUID> teamId = uuid("team_id").notNull().references(() -> Teams.T.id);
    final Column<String> name = text("name").notNull();

    private Projects() {
      super("projects");
      tenantColumn(teamId);
      addPolicy(Policies.membership(teamId, Members.T, Members.T.teamId, Members.T.userId).named("member_of_team")
          .restrictive());
    }
  }

  static Database db;

  @BeforeAll
  static void setUp(PgTestContext pg) throws Exception {
    String login;
    try (Connection c = pg.connect(); ResultSet rs = c.createStatement().executeQuery("select current_user")) {
      rs.next();
      login = rs.getString(1);
    }
    SchemaModel model = Schema.of(Teams.T, Members.T, Projects.T).toModel();
    pg.execute(Tenancy.installSql(), Tenancy.appRoleSql(APP_ROLE, login));
    pg.execute(DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, model)).toArray(String[]::new));
    pg.execute("grant select, insert, update, delete on teams, team_members, projects to " + APP_ROLE,
        "insert into teams (id, name) values ('" + TEAM_A + "', 'a'), ('" + TEAM_B + "', 'b')",
        "insert into team_members (team_id, user_id) values ('" + TEAM_A + "', '" + ALICE + "')",
        "insert into projects (team_id, name) values ('" + TEAM_A + "', 'pa'), ('" + TEAM_B + "', 'pb')");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void renderedDdlEnablesAndForcesRlsAndIndexesTheTenantColumn() {
    List<String> ddl = DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, Schema.of(Teams.T, Members.T, Projects.T).toModel()));
    assertThat(String.join("\n", ddl)).containsIgnoringCase("FORCE ROW LEVEL SECURITY")
        .contains("sluice.current_tenant_id()").containsIgnoringCase("WITH CHECK");
    assertThat(db.select(dev.sluice.query.Dsl.field(dev.sluice.types.PgTypes.BOOLEAN,
        "(select relforcerowsecurity and relrowsecurity from pg_class where oid = 'projects'::regclass)")).fetchOne()).isTrue();
    assertThat(db.select(dev.sluice.query.Dsl.field(dev.sluice.types.PgTypes.TEXT,
        "(select indexdef from pg_indexes where indexname = 'projects_team_id_idx')")).fetchOne()).contains("(team_id)");
  }

  @Test
  void tenantMemberSeesAndWritesOnlyTheirTeam() {
    TenantScope alice = db.as(TenantContext.builder().userId(ALICE).tenantId(TEAM_A).dbRole(APP_ROLE).build());
    Projects p = Projects.T;
    assertThat(alice.select(p.name).from(p).fetch()).containsExactly("pa");
    assertThat(alice.insertInto(p).set(p.teamId, TEAM_A).set(p.name, "pa2").execute()).isEqualTo(1);
    assertThatThrownBy(() -> alice.insertInto(p).set(p.teamId, TEAM_B).set(p.name, "x").execute())
        .isInstanceOf(DataAccessException.class).extracting(e -> ((DataAccessException) e).sqlState()).isEqualTo("42501");
    // tenant B in the context, but Alice is not a member of B: the restrictive membership policy hides it
    TenantScope wrongTeam = db.as(TenantContext.builder().userId(ALICE).tenantId(TEAM_B).dbRole(APP_ROLE).build());
    assertThat(wrongTeam.select(p.name).from(p).fetch()).isEmpty();
  }
}
