package dev.sluice.query.relational;

import static dev.sluice.query.relational.RelTables.Employees.EMPLOYEES;
import static dev.sluice.query.relational.RelTables.Members.MEMBERS;
import static dev.sluice.query.relational.RelTables.Projects.PROJECTS;
import static dev.sluice.query.relational.RelTables.Teams.TEAMS;
import static dev.sluice.query.relational.RelTables.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.query.Dsl;
import dev.sluice.sql.Rendered;
import org.junit.jupiter.api.Test;

class RelationalRenderTest {
  @Test
  void pagedManyLevelsKeepTheirOrderThroughRowNumberAndUniqueOnesJoin() {
    Rendered r = Dsl.query().query(TEAMS).columns(TEAMS.name)
        .with(TEAMS.members, m -> m.columns(MEMBERS.role).orderBy(MEMBERS.joinedAt).limit(5)
            .with(MEMBERS.user, u -> u.columns(USERS.name)))
        .where(TEAMS.id.gt(1L)).orderBy(TEAMS.name.asc()).limit(10).render();
    // ordered, paged levels with relations page their own rows first (derived table of the same name), then join;
    // users.id is the primary key, so the one-relation is a plain LEFT JOIN
    assertThat(r.sql()).isEqualTo("SELECT teams.name, r0.data AS members FROM (SELECT teams.id, teams.name, teams.kind, teams.lead_id, teams.created_by FROM teams"
        + " WHERE (teams.id > ?) ORDER BY teams.name LIMIT ?) AS teams LEFT JOIN LATERAL (SELECT coalesce(json_agg(s.r ORDER BY s.o),"
        + " '[]'::json) AS data FROM (SELECT json_build_array((team_members.role)::text, CASE WHEN users.id IS NULL"
        + " THEN NULL ELSE json_build_array(users.name) END) AS r, row_number() OVER (ORDER BY team_members.joined_at)"
        + " AS o FROM (SELECT team_members.team_id, team_members.user_id, team_members.role, team_members.joined_at FROM team_members WHERE team_members.team_id = teams.id"
        + " ORDER BY team_members.joined_at LIMIT ?) AS team_members LEFT JOIN users ON users.id = team_members.user_id)"
        + " AS s) AS r0 ON TRUE ORDER BY teams.name");
    assertThat(r.values()).containsExactly(1L, 10L, 5L);
  }

  @Test
  void unpagedManyLevelsAggregateTheirRowsInOrderDirectly() {
    Rendered r = Dsl.query().query(TEAMS).columns(TEAMS.name)
        .with(TEAMS.users, u -> u.columns(USERS.name, MEMBERS.role).orderBy(USERS.name)).render();
    assertThat(r.sql()).isEqualTo("SELECT teams.name, r0.data AS users FROM teams LEFT JOIN LATERAL"
        + " (SELECT coalesce(json_agg(json_build_array(users.name, (team_members.role)::text) ORDER BY users.name),"
        + " '[]'::json) AS data FROM users JOIN team_members ON team_members.user_id = users.id"
        + " WHERE team_members.team_id = teams.id) AS r0 ON TRUE");
    assertThat(r.values()).isEmpty();
  }

  @Test
  void aUniqueOneRelationOfTheRootJoinsAsPlainColumnsWithItsFilterInTheOnClause() {
    Rendered r = Dsl.query().query(MEMBERS).columns(MEMBERS.role)
        .with(MEMBERS.user, u -> u.columns(USERS.name).where(USERS.active.eq(true))).render();
    // the key says whether a row matched; no json is built or parsed
    assertThat(r.sql()).isEqualTo("SELECT team_members.role, users.id, users.name FROM team_members"
        + " LEFT JOIN users ON users.id = team_members.user_id AND (users.active = ?)");
  }

  @Test
  void aOneRelationToANonUniqueKeyReadsOneRowThroughALateral() {
    Rendered r = Dsl.query().query(PROJECTS).columns(PROJECTS.name)
        .with(PROJECTS.someMembership, m -> m.columns(MEMBERS.role)).render();
    assertThat(r.sql()).isEqualTo("SELECT projects.name, r0.data AS \"someMembership\" FROM projects"
        + " LEFT JOIN LATERAL (SELECT json_build_array((team_members.role)::text) AS data FROM team_members"
        + " WHERE team_members.team_id = projects.team_id LIMIT ?) AS r0 ON TRUE");
  }

  @Test
  void aSelfReferenceJoinsUnderAnAlias() {
    Rendered r = Dsl.query().query(EMPLOYEES).columns(EMPLOYEES.name)
        .with(EMPLOYEES.manager, m -> m.columns(EMPLOYEES.name)).render();
    assertThat(r.sql()).isEqualTo("SELECT employees.name, r0.id, r0.name FROM employees"
        + " LEFT JOIN employees AS r0 ON r0.id = employees.reports_to");
  }

  @Test
  void aFilteredSelfReferenceReachesItsParentThroughAKeyLateral() {
    // the filter is written against the unaliased table, so the level keeps its own name in a subquery
    Rendered r = Dsl.query().query(EMPLOYEES).columns(EMPLOYEES.name)
        .with(EMPLOYEES.manager, m -> m.columns(EMPLOYEES.name).where(EMPLOYEES.name.ne("x"))).render();
    assertThat(r.sql()).isEqualTo("SELECT employees.name, r0.data AS manager FROM employees"
        + " LEFT JOIN LATERAL (SELECT employees.reports_to AS k) AS r0_k ON TRUE"
        + " LEFT JOIN LATERAL (SELECT json_build_array(employees.name) AS data FROM employees"
        + " WHERE employees.id = r0_k.k AND (employees.name <> ?) LIMIT ?) AS r0 ON TRUE");
  }

  @Test
  void theRootsOneManyRelationIsJoinFetchedWithTheRootKeyToGroupBy() {
    Rendered r = Dsl.query().query(TEAMS).columns(TEAMS.name)
        .with(TEAMS.projects, p -> p.columns(PROJECTS.name).orderBy(PROJECTS.name).with(PROJECTS.owner, o -> o.columns(USERS.name)))
        .where(TEAMS.id.gt(1L)).limit(10).render();
    // root rows are paged first, so LIMIT counts teams; ORDER BY keeps each team's rows together
    assertThat(r.sql()).isEqualTo("SELECT teams.name, projects.team_id, projects.name, users.id, users.name, teams.id"
        + " FROM (SELECT teams.id, teams.name, teams.kind, teams.lead_id, teams.created_by FROM teams WHERE (teams.id > ?) LIMIT ?) AS teams"
        + " LEFT JOIN projects ON projects.team_id = teams.id LEFT JOIN users ON users.id = projects.owner_id"
        + " ORDER BY teams.id, projects.name");
  }

  @Test
  void existsOnASelfReferenceAliasesTheRelatedTable() {
    Rendered r = Dsl.query().query(EMPLOYEES).columns(EMPLOYEES.id)
        .where(Relations.exists(EMPLOYEES.reports, e -> e.name.eq("x"))).render();
    assertThat(r.sql()).isEqualTo("SELECT employees.id FROM employees WHERE EXISTS (SELECT 1 FROM"
        + " employees AS reports_0 WHERE reports_0.reports_to = employees.id"
        + " AND (reports_0.name = ?))");
  }
}
