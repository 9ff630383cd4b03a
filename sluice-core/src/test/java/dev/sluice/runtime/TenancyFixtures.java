package dev.sluice.runtime;

import dev.sluice.schema.Column;
import dev.sluice.schema.Policies;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.sql.Identifiers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A small multi-tenant schema (teams, members, projects by tenant column, tasks by membership) for the RLS tests. */
final class TenancyFixtures {
  /** The non-superuser role the tests act as (superusers bypass RLS). */
  static final String APP_ROLE = "sluice_test_app";

  private TenancyFixtures() {}

  static final class Teams extends Table<Teams> {
    static final Teams TEAMS = new Teams();
    final Column<UUID> id = uuid("id").primaryKey();
    final Column<String> name = text("name").notNull();

    private Teams() {
      super("teams");
    }
  }

  static final class TeamMembers extends Table<TeamMembers> {
    static final TeamMembers TEAM_MEMBERS = new TeamMembers();
    final Column<UUID> teamId = uuid("team_id").notNull();
    final Column<UUID> userId = uuid("user_id").notNull();
    final Column<String> role = text("role").notNull();

    private TeamMembers() {
      super("team_members");
      primaryKey(teamId, userId);
      forceRowLevelSecurity();
      // a user sees their own memberships: enough for the membership policy of tasks, and no recursion
      addPolicy(Policies.ownerOnly(userId));
    }
  }

  static final class Projects extends Table<Projects> {
    static final Projects PROJECTS = new Projects();
    final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    final Column<UUID> teamId = uuid("team_id").notNull();
    final Column<UUID> ownerId = uuid("owner_id");
    final Column<String> name = text("name").notNull();
    final Column<Integer> version = integer("version").notNull().defaultValue(0);

    private Projects() {
      super("projects");
      tenantColumn(teamId);
    }
  }

  static final class Tasks extends Table<Tasks> {
    static final Tasks TASKS = new Tasks();
    final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    final Column<UUID> teamId = uuid("team_id").notNull();
    final Column<String> title = text("title").notNull();

    private Tasks() {
      super("tasks");
      forceRowLevelSecurity();
      addPolicy(Policies.membership(teamId, TeamMembers.TEAM_MEMBERS, TeamMembers.TEAM_MEMBERS.teamId,
          TeamMembers.TEAM_MEMBERS.userId));
      index().on(teamId);
    }
  }

  /** DDL of the schema, RLS flags and policies taken from the table models (so the helpers' SQL runs live). */
  static List<String> ddl(String loginUser) {
    List<String> sql = new ArrayList<>();
    sql.add(Tenancy.installSql());
    sql.add(Tenancy.appRoleSql(APP_ROLE, loginUser));
    sql.add("create table teams (id uuid primary key, name text not null)");
    sql.add("create table team_members (team_id uuid not null references teams, user_id uuid not null,"
        + " role text not null, primary key (team_id, user_id))");
    sql.add("create table projects (id uuid primary key default gen_random_uuid(), team_id uuid not null references teams,"
        + " owner_id uuid, name text not null, version integer not null default 0)");
    sql.add("create index on projects (team_id)");
    sql.add("create table tasks (id uuid primary key default gen_random_uuid(), team_id uuid not null references teams,"
        + " title text not null)");
    sql.add("create index on tasks (team_id)");
    for (Table<?> t : List.of(TeamMembers.TEAM_MEMBERS, Projects.PROJECTS, Tasks.TASKS)) sql.addAll(rls(t.toModel()));
    sql.add("grant select, insert, update, delete on teams, team_members, projects, tasks to " + APP_ROLE);
    return sql;
  }

  /** ALTER TABLE ... ROW LEVEL SECURITY and CREATE POLICY from a model (what the kit renders). */
  static List<String> rls(TableModel t) {
    List<String> sql = new ArrayList<>();
    String table = Identifiers.qualify(t.schema(), t.name());
    if (t.rlsEnabled()) sql.add("alter table " + table + " enable row level security");
    if (t.rlsForced()) sql.add("alter table " + table + " force row level security");
    for (PolicyModel p : t.policies()) {
      StringBuilder sb = new StringBuilder("create policy ").append(Identifiers.quote(p.name())).append(" on ")
          .append(table).append(p.permissive() ? " as permissive" : " as restrictive").append(" for ")
          .append(p.command().name());
      if (p.using() != null) sb.append(" using (").append(p.using()).append(")");
      if (p.withCheck() != null) sb.append(" with check (").append(p.withCheck()).append(")");
      sql.add(sb.toString());
    }
    return sql;
  }

  static String loginUser(String jdbcUrl) {
    try (Connection c = DriverManager.getConnection(jdbcUrl); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select current_user")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void execute(String jdbcUrl, List<String> sql) {
    try (Connection c = DriverManager.getConnection(jdbcUrl); Statement st = c.createStatement()) {
      for (String s : sql) st.execute(s);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
