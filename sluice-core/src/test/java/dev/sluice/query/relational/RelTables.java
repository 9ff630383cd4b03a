package dev.sluice.query.relational;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.schema.Column;
import dev.sluice.schema.PgEnum;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The relational test schema: teams, users, team_members (role, joined_at), projects, employees. */
final class RelTables {
  private RelTables() {}

  enum Role { ADMIN, MEMBER }

  enum Kind { WORKSPACE, COMMUNITY }

  static final PgEnum<Role> ROLE = PgEnum.of("member_role", Role.class);
  static final PgEnum<Kind> KIND = PgEnum.of("team_kind", Kind.class);

  static final String DDL = """
      create type member_role as enum ('ADMIN', 'MEMBER');
      create type team_kind as enum ('WORKSPACE', 'COMMUNITY');
      create table users (id uuid primary key, name text not null, email varchar(255) not null unique,
        score numeric(10,2), tags text[], prefs jsonb, born date, active boolean not null default true,
        visits bigint, photo bytea, created_at timestamptz not null);
      create table teams (id bigint primary key, name text not null, kind team_kind not null,
        lead_id uuid references users(id), created_by uuid not null references users(id));
      create table team_members (team_id bigint not null references teams(id), user_id uuid not null references users(id),
        role member_role not null, joined_at timestamptz not null, primary key (team_id, user_id));
      create table projects (id integer primary key, team_id bigint not null references teams(id), name text not null,
        budget numeric(12,2), due date, owner_id uuid references users(id));
      create table employees (id integer primary key, name text not null, reports_to integer references employees(id));
      """;

  static final UUID U1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
  static final UUID U2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
  static final UUID U3 = UUID.fromString("00000000-0000-0000-0000-000000000003");
  static final UUID U4 = UUID.fromString("00000000-0000-0000-0000-000000000004");

  static final String DATA = """
      insert into users values
        ('00000000-0000-0000-0000-000000000001', 'Ann', 'ann@x.org', 10.50, '{a,"b c"}', '{"theme":"dark","n":[1,2]}', '1990-02-03', true, 12, '\\x0102', '2024-01-01 10:00:00.123456+00'),
        ('00000000-0000-0000-0000-000000000002', 'Bob', 'bob@x.org', 0.00, '{}', null, null, false, null, null, '2024-01-02 11:30:00+02'),
        ('00000000-0000-0000-0000-000000000003', 'Cid', 'cid@x.org', -3.25, null, '[]', 'infinity', true, 9000000000, '\\x', '2024-01-03 00:00:00+00'),
        ('00000000-0000-0000-0000-000000000004', 'Dee', 'dee@x.org', null, '{NULL,x}', '"s"', '2000-01-01', true, 0, null, '2024-01-04 00:00:00+00');
      insert into teams values
        (1, 'Core', 'WORKSPACE', '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002'),
        (2, 'Ops', 'WORKSPACE', null, '00000000-0000-0000-0000-000000000001'),
        (3, 'Guild', 'COMMUNITY', '00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000003');
      insert into team_members values
        (1, '00000000-0000-0000-0000-000000000001', 'ADMIN', '2024-01-01 00:00:00+00'),
        (1, '00000000-0000-0000-0000-000000000002', 'MEMBER', '2024-02-01 00:00:00+00'),
        (1, '00000000-0000-0000-0000-000000000003', 'MEMBER', '2024-03-01 00:00:00+00'),
        (2, '00000000-0000-0000-0000-000000000002', 'ADMIN', '2024-01-15 00:00:00+00'),
        (3, '00000000-0000-0000-0000-000000000003', 'MEMBER', '2024-05-01 00:00:00+00');
      insert into projects values
        (1, 1, 'Alpha', 1000.00, '2024-06-30', '00000000-0000-0000-0000-000000000001'),
        (2, 1, 'Beta', 250.50, null, '00000000-0000-0000-0000-000000000002'),
        (3, 2, 'Gamma', null, '2025-01-01', '00000000-0000-0000-0000-000000000002'),
        (4, 2, 'Delta', 1.00, null, '00000000-0000-0000-0000-000000000001');
      insert into employees values (1, 'Ceo', null), (2, 'Cto', 1), (3, 'Cfo', 1), (4, 'Dev1', 2), (5, 'Dev2', 2),
        (6, 'Acct', 3), (7, 'Intern', 4);
      """;

  static final class Users extends Table<Users> {
    static final Users USERS = new Users();
    final Column<UUID> id = uuid("id").primaryKey();
    final Column<String> name = text("name").notNull();
    final Column<String> email = varchar("email", 255).notNull().unique();
    final Column<BigDecimal> score = numeric("score", 10, 2);
    final Column<String[]> tags = text("tags").array();
    final Column<JsonNode> prefs = jsonb("prefs");
    final Column<LocalDate> born = date("born");
    final Column<Boolean> active = bool("active").notNull();
    final Column<Long> visits = bigint("visits");
    final Column<byte[]> photo = bytea("photo");
    final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull();

    final Relation<Members> memberships = many(() -> Members.MEMBERS, m -> m.userId);
    final Relation<Projects> ownedProjects = many(() -> Projects.PROJECTS, id, p -> p.ownerId);
    final Relation<Teams> ledTeams = many(() -> Teams.TEAMS, id, t -> t.leadId);

    private Users() {
      super("users");
    }
  }

  static final class Teams extends Table<Teams> {
    static final Teams TEAMS = new Teams();
    final Column<Long> id = bigint("id").primaryKey();
    final Column<String> name = text("name").notNull();
    final Column<Kind> kind = column("kind", KIND).notNull();
    final Column<UUID> leadId = uuid("lead_id").references(() -> Users.USERS.id);
    final Column<UUID> createdBy = uuid("created_by").notNull().references(() -> Users.USERS.id);

    final Relation<Members> members = many(() -> Members.MEMBERS, m -> m.teamId);
    final Relation<Users> users = manyToMany(id, () -> Members.MEMBERS, m -> m.teamId, m -> m.userId,
        () -> Users.USERS, u -> u.id);
    final Relation<Users> lead = one(() -> Users.USERS, leadId);
    final Relation<Users> creator = one(() -> Users.USERS, createdBy, u -> u.id);
    final Relation<Projects> projects = many(() -> Projects.PROJECTS, id, p -> p.teamId);

    private Teams() {
      super("teams");
    }
  }

  static final class Members extends Table<Members> {
    static final Members MEMBERS = new Members();
    final Column<Long> teamId = bigint("team_id").notNull().references(() -> Teams.TEAMS.id);
    final Column<UUID> userId = uuid("user_id").notNull().references(() -> Users.USERS.id);
    final Column<Role> role = column("role", ROLE).notNull();
    final Column<OffsetDateTime> joinedAt = timestamptz("joined_at").notNull();

    final Relation<Users> user = one(() -> Users.USERS, userId);
    final Relation<Teams> team = one(() -> Teams.TEAMS, teamId);

    private Members() {
      super("team_members");
      primaryKey(teamId, userId);
    }
  }

  static final class Projects extends Table<Projects> {
    static final Projects PROJECTS = new Projects();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<Long> teamId = bigint("team_id").notNull().references(() -> Teams.TEAMS.id);
    final Column<String> name = text("name").notNull();
    final Column<BigDecimal> budget = numeric("budget", 12, 2);
    final Column<LocalDate> due = date("due");
    final Column<UUID> ownerId = uuid("owner_id").references(() -> Users.USERS.id);

    final Relation<Users> owner = one(() -> Users.USERS, ownerId, u -> u.id);
    /** A one-relation to a non-unique key: some membership of the project's team. */
    final Relation<Members> someMembership = one(() -> Members.MEMBERS, teamId, m -> m.teamId);

    private Projects() {
      super("projects");
    }
  }

  static final class Employees extends Table<Employees> {
    static final Employees EMPLOYEES = new Employees();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<String> name = text("name").notNull();
    final Column<Integer> reportsTo = integer("reports_to").references(() -> Employees.EMPLOYEES.id);

    final Relation<Employees> manager = one(() -> EMPLOYEES, reportsTo);
    final Relation<Employees> reports = many(() -> EMPLOYEES, e -> e.reportsTo);

    private Employees() {
      super("employees");
    }
  }
}
