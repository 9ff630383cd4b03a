package dev.sluice.query.relational;

import static dev.sluice.query.relational.RelTables.Employees.EMPLOYEES;
import static dev.sluice.query.relational.RelTables.Members.MEMBERS;
import static dev.sluice.query.relational.RelTables.Teams.TEAMS;
import static dev.sluice.query.relational.RelTables.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.query.Dsl;
import dev.sluice.sql.Rendered;
import org.junit.jupiter.api.Test;

class RelationalRenderTest {
  @Test
  void nestedLevelsRenderAsLateralJsonAggregatesWithBoundPaging() {
    Rendered r = Dsl.query().query(TEAMS).columns(TEAMS.name)
        .with(TEAMS.members, m -> m.columns(MEMBERS.role).orderBy(MEMBERS.joinedAt).limit(5)
            .with(MEMBERS.user, u -> u.columns(USERS.name)))
        .where(TEAMS.id.gt(1L)).limit(10).render();
    // paged levels with relations page their own rows first (derived table of the same name), then join
    assertThat(r.sql()).isEqualTo("SELECT teams.name, r0.data AS members FROM (SELECT teams.* FROM teams"
        + " WHERE (teams.id > ?) LIMIT ?) AS teams LEFT JOIN LATERAL (SELECT coalesce(json_agg(s.r ORDER BY s.o),"
        + " '[]'::json) AS data FROM (SELECT json_build_array((team_members.role)::text, r1.data) AS r,"
        + " row_number() OVER (ORDER BY team_members.joined_at) AS o FROM (SELECT team_members.* FROM team_members"
        + " WHERE team_members.team_id = teams.id ORDER BY team_members.joined_at LIMIT ?) AS team_members"
        + " LEFT JOIN LATERAL (SELECT json_build_array(users.name) AS data FROM users"
        + " WHERE users.id = team_members.user_id LIMIT ?) AS r1 ON TRUE) AS s) AS r0 ON TRUE");
    assertThat(r.values()).containsExactly(1L, 10L, 5L, 1L);
  }

  @Test
  void unpagedLevelsJoinTheirRelationsDirectly() {
    Rendered r = Dsl.query().query(TEAMS).columns(TEAMS.name)
        .with(TEAMS.users, u -> u.columns(USERS.name, MEMBERS.role).orderBy(USERS.name)).render();
    assertThat(r.sql()).isEqualTo("SELECT teams.name, r0.data AS users FROM teams LEFT JOIN LATERAL"
        + " (SELECT coalesce(json_agg(s.r ORDER BY s.o), '[]'::json) AS data FROM (SELECT json_build_array(users.name,"
        + " (team_members.role)::text) AS r, row_number() OVER (ORDER BY users.name) AS o FROM users"
        + " JOIN team_members ON team_members.user_id = users.id WHERE team_members.team_id = teams.id"
        + " ORDER BY users.name) AS s) AS r0 ON TRUE");
    assertThat(r.values()).isEmpty();
  }

  @Test
  void aSelfReferenceReachesItsParentThroughAKeyLateral() {
    Rendered r = Dsl.query().query(EMPLOYEES).columns(EMPLOYEES.name)
        .with(EMPLOYEES.manager, m -> m.columns(EMPLOYEES.name)).render();
    assertThat(r.sql()).isEqualTo("SELECT employees.name, r0.data AS manager FROM employees"
        + " LEFT JOIN LATERAL (SELECT employees.reports_to AS k) AS r0_k ON TRUE"
        + " LEFT JOIN LATERAL (SELECT json_build_array(employees.name) AS data FROM employees"
        + " WHERE employees.id = r0_k.k LIMIT ?) AS r0 ON TRUE");
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
