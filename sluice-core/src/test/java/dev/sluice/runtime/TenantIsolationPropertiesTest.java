package dev.sluice.runtime;

import static dev.sluice.runtime.TenancyFixtures.Projects.PROJECTS;
import static dev.sluice.runtime.TenancyFixtures.Tasks.TASKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.query.Row;
import dev.sluice.test.TestDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random teams, users, memberships, projects (tenant column) and tasks (membership policy), then random
 * operations through {@code db.as(...)}: no operation reads, updates or deletes a row of a tenant or
 * team the user is not acting for, and inserts into another tenant fail with SQLSTATE 42501.
 * The superuser's plain {@code db} is the ground truth (it bypasses RLS).
 */
class TenantIsolationPropertiesTest {
  static String url;
  static Database db;

  @BeforeContainer
  static void setUp() {
    url = TestDatabase.get().createDatabase("TenantIsolationProperties");
    TenancyFixtures.execute(url, TenancyFixtures.ddl(TenancyFixtures.loginUser(url)));
    db = Database.connect(url, c -> c.setMaximumPoolSize(2));
  }

  @AfterContainer
  static void tearDown() {
    if (db != null) db.close();
    if (url != null) TestDatabase.get().dropDatabase(url);
  }

  enum Kind { SELECT_PROJECTS, UPDATE_ALL, UPDATE_ONE, DELETE_ONE, INSERT_OWN, INSERT_OTHER, SELECT_TASKS, DELETE_TASKS }

  record Op(Kind kind, int user, int teamChoice, int target) {}

  record Scenario(int teams, int users, List<Boolean> extraMemberships, List<Integer> projectTeams,
      List<Integer> taskTeams, List<Op> ops) {
    boolean member(int user, int team) {
      return team == user % teams || extraMemberships.get((user * 7 + team) % extraMemberships.size());
    }

    List<Integer> teamsOf(int user) {
      List<Integer> out = new ArrayList<>();
      for (int t = 0; t < teams; t++) if (member(user, t)) out.add(t);
      return out;
    }
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Op> op = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 4),
        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 30)).as(Op::new);
    return Combinators.combine(Arbitraries.integers().between(2, 4), Arbitraries.integers().between(2, 5),
        Arbitraries.of(true, false).list().ofMinSize(1).ofMaxSize(20),
        Arbitraries.integers().between(0, 3).list().ofMinSize(1).ofMaxSize(12),
        Arbitraries.integers().between(0, 3).list().ofMaxSize(8),
        op.list().ofMinSize(1).ofMaxSize(12)).as(Scenario::new);
  }

  static UUID team(int i) {
    return new UUID(0xA, i + 1);
  }

  static UUID user(int i) {
    return new UUID(0xB, i + 1);
  }

  @Property(tries = 50)
  void noOperationCrossesATenant(@ForAll("scenarios") Scenario s) {
    seed(s);
    int n = 0;
    for (Op op : s.ops()) {
      int u = op.user() % s.users();
      List<Integer> mine = s.teamsOf(u);
      int t = mine.get(op.teamChoice() % mine.size());
      UUID tenant = team(t);
      Set<UUID> memberTeams = new HashSet<>();
      for (int m : mine) memberTeams.add(team(m));
      TenantScope as = db.as(TenantContext.builder().userId(user(u)).tenantId(tenant).roles("member")
          .dbRole(TenancyFixtures.APP_ROLE).build());
      Map<UUID, List<Object>> projectsBefore = projects();
      Map<UUID, UUID> tasksBefore = tasks();
      List<UUID> projectIds = new ArrayList<>(projectsBefore.keySet());
      UUID target = projectIds.isEmpty() ? UUID.randomUUID() : projectIds.get(op.target() % projectIds.size());
      long own = projectsBefore.values().stream().filter(r -> r.get(0).equals(tenant)).count();
      n++;
      switch (op.kind()) {
        case SELECT_PROJECTS -> {
          List<UUID> seen = as.select(PROJECTS.teamId).from(PROJECTS).fetch();
          assertThat(seen).hasSize((int) own).allMatch(tenant::equals);
        }
        case UPDATE_ALL -> assertThat(as.update(PROJECTS).set(PROJECTS.version, 1000 + n).all().execute())
            .isEqualTo(own);
        case UPDATE_ONE -> assertThat(as.update(PROJECTS).set(PROJECTS.name, "renamed " + n)
            .where(PROJECTS.id.eq(target)).execute())
            .isEqualTo(tenant.equals(teamOf(projectsBefore, target)) ? 1 : 0);
        case DELETE_ONE -> assertThat(as.deleteFrom(PROJECTS).where(PROJECTS.id.eq(target)).execute())
            .isEqualTo(tenant.equals(teamOf(projectsBefore, target)) ? 1 : 0);
        case INSERT_OWN -> assertThat(as.insertInto(PROJECTS).set(PROJECTS.teamId, tenant).set(PROJECTS.name, "new " + n)
            .execute()).isEqualTo(1);
        case INSERT_OTHER -> {
          UUID other = team((t + 1 + op.target() % (s.teams() - 1)) % s.teams());
          assertThatThrownBy(() -> as.insertInto(PROJECTS).set(PROJECTS.teamId, other).set(PROJECTS.name, "x").execute())
              .isInstanceOf(DataAccessException.class)
              .hasMessageContaining("row-level security")
              .extracting(e -> ((DataAccessException) e).sqlState()).isEqualTo("42501");
        }
        case SELECT_TASKS -> {
          List<UUID> seen = as.select(TASKS.teamId).from(TASKS).fetch();
          long visible = tasksBefore.values().stream().filter(memberTeams::contains).count();
          assertThat(seen).hasSize((int) visible).allMatch(memberTeams::contains);
        }
        case DELETE_TASKS -> as.deleteFrom(TASKS).all().execute();
      }
      // whatever ran, rows of other tenants / teams are exactly as they were
      Map<UUID, List<Object>> projectsAfter = projects();
      projectsBefore.forEach((id, row) -> {
        if (!row.get(0).equals(tenant)) assertThat(projectsAfter.get(id)).as("project of another tenant").isEqualTo(row);
      });
      projectsAfter.forEach((id, row) -> {
        if (!projectsBefore.containsKey(id)) assertThat(row.get(0)).as("new project's tenant").isEqualTo(tenant);
      });
      Map<UUID, UUID> tasksAfter = tasks();
      tasksBefore.forEach((id, teamId) -> {
        if (!memberTeams.contains(teamId)) assertThat(tasksAfter).as("task of a team the user is not in").containsKey(id);
      });
    }
    PoolLeakCheck.assertNoLeaks(db);
  }

  private static UUID teamOf(Map<UUID, List<Object>> projects, UUID id) {
    List<Object> row = projects.get(id);
    return row == null ? null : (UUID) row.get(0);
  }

  private void seed(Scenario s) {
    db.transaction(tx -> {
      tx.executeSql("truncate teams, team_members, projects, tasks");
      StringBuilder sql = new StringBuilder();
      for (int t = 0; t < s.teams(); t++) sql.append("insert into teams values ('").append(team(t)).append("', 't").append(t).append("');");
      for (int u = 0; u < s.users(); u++) {
        for (int t : s.teamsOf(u)) {
          sql.append("insert into team_members values ('").append(team(t)).append("', '").append(user(u)).append("', 'member');");
        }
      }
      for (int p : s.projectTeams()) {
        sql.append("insert into projects (team_id, name) values ('").append(team(p % s.teams())).append("', 'p');");
      }
      for (int p : s.taskTeams()) {
        sql.append("insert into tasks (team_id, title) values ('").append(team(p % s.teams())).append("', 't');");
      }
      tx.executeSql(sql.toString());
      return null;
    });
  }

  /** id -> [team_id, name, version], read by the superuser (no RLS). */
  private static Map<UUID, List<Object>> projects() {
    Map<UUID, List<Object>> out = new HashMap<>();
    for (Row r : db.select(PROJECTS.id, PROJECTS.teamId, PROJECTS.name, PROJECTS.version).from(PROJECTS).fetchRows()) {
      out.put(r.get(PROJECTS.id), List.of(r.get(PROJECTS.teamId), r.get(PROJECTS.name), r.get(PROJECTS.version)));
    }
    return out;
  }

  private static Map<UUID, UUID> tasks() {
    Map<UUID, UUID> out = new HashMap<>();
    for (Row r : db.select(TASKS.id, TASKS.teamId).from(TASKS).fetchRows()) out.put(r.get(TASKS.id), r.get(TASKS.teamId));
    return out;
  }
}
