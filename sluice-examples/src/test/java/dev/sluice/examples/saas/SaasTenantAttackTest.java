package dev.sluice.examples.saas;

import static dev.sluice.examples.saas.Accounts.ACCOUNTS;
import static dev.sluice.examples.saas.Projects.PROJECTS;
import static dev.sluice.examples.saas.Tasks.TASKS;
import static dev.sluice.examples.saas.TeamMembers.TEAM_MEMBERS;
import static dev.sluice.examples.saas.Teams.TEAMS;
import static dev.sluice.examples.saas.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.examples.ExampleMigrations;
import dev.sluice.kit.migrate.Migrator;
import dev.sluice.query.Dsl;
import dev.sluice.runtime.DataAccessException;
import dev.sluice.runtime.Database;
import dev.sluice.runtime.Tenancy;
import dev.sluice.runtime.TenantContext;
import dev.sluice.runtime.TenantScope;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import dev.sluice.test.TestDatabase;
import dev.sluice.types.PgTypes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The SaaS reference app attacked by a member of one team (alice, owner of team A) who wants team B's
 * data, with the setup the README recommends: migrations as the owner, the app logged in as an
 * authenticator (NOINHERIT, no privileges of its own) that switches to {@code app_user} per
 * transaction. Each test is one attack that worked on the app as first shipped (all privileges on all
 * tables to app_user, no RLS on teams, members, users, accounts or the activity log, single-column
 * foreign keys, a superuser login, COPY under RLS, session state left on pooled connections).
 */
@PgTest
class SaasTenantAttackTest {
  static final String AUTHENTICATOR = "saas_attack_authenticator";
  static final String PASSWORD = "attack-test-password";
  static final UUID TEAM_A = UUID.fromString("0000000a-0000-0000-0000-000000000000");
  static final UUID TEAM_B = UUID.fromString("0000000b-0000-0000-0000-000000000000");
  static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  static final UUID DAVE = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
  static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
  static final UUID CAROL = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
  static final UUID PROJECT_A = UUID.fromString("0000000a-0000-0000-0000-00000000000a");
  static final UUID PROJECT_B = UUID.fromString("0000000b-0000-0000-0000-00000000000b");

  static String ownerUrl;
  static Database owner;
  static Database app;
  static Database single;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    ownerUrl = pg.server().createDatabase("saas_attack");
    owner = Database.connect(ownerUrl);
    new Migrator(owner.dataSource(), ExampleMigrations.folder("saas").orElseThrow()).migrate();
    Tenancy.run(owner, List.of(Tenancy.authenticatorSql(AUTHENTICATOR, PASSWORD, Saas.APP_ROLE),
        "insert into app_users (id, email, name) values ('" + ALICE + "', 'alice@a.test', 'Alice'),"
            + " ('" + DAVE + "', 'dave@a.test', 'Dave'), ('" + BOB + "', 'bob@b.test', 'Bob'),"
            + " ('" + CAROL + "', 'carol@b.test', 'Carol')",
        "insert into app_accounts (user_id, provider, provider_account_id) values ('" + ALICE + "', 'github', 'alice-gh'),"
            + " ('" + BOB + "', 'github', 'bob-gh')",
        "insert into app_teams (id, name, slug) values ('" + TEAM_A + "', 'A', 'a'), ('" + TEAM_B + "', 'B', 'b')",
        "insert into app_team_members (team_id, user_id, role) values ('" + TEAM_A + "', '" + ALICE + "', 'owner'),"
            + " ('" + TEAM_A + "', '" + DAVE + "', 'member'), ('" + TEAM_B + "', '" + BOB + "', 'owner'),"
            + " ('" + TEAM_B + "', '" + CAROL + "', 'member')",
        "insert into app_projects (id, team_id, name, slug) values ('" + PROJECT_A + "', '" + TEAM_A + "', 'pa', 'pa'),"
            + " ('" + PROJECT_B + "', '" + TEAM_B + "', 'pb', 'pb')",
        "insert into app_tasks (team_id, project_id, title) values ('" + TEAM_A + "', '" + PROJECT_A + "', 'ta'),"
            + " ('" + TEAM_B + "', '" + PROJECT_B + "', 'tb')",
        "insert into app_activity_log (team_id, user_id, action, created_at) values"
            + " ('" + TEAM_B + "', '" + BOB + "', 'b.secret', '2026-06-01'), ('" + TEAM_A + "', '" + ALICE + "', 'a.entry', '2026-06-01')"));
    String appUrl = ownerUrl.substring(0, ownerUrl.indexOf('?')) + "?user=" + AUTHENTICATOR + "&password=" + PASSWORD;
    app = Database.connect(appUrl);
    single = Database.connect(appUrl, c -> c.setMaximumPoolSize(1));
  }

  @AfterAll
  static void tearDown() {
    if (app != null) app.close();
    if (single != null) single.close();
    if (owner != null) owner.close();
    TestDatabase.get().dropDatabase(ownerUrl);
  }

  static TenantScope as(Database db, UUID user, UUID team) {
    return db.as(TenantContext.builder().userId(user).tenantId(team).build());
  }

  static TenantScope alice() {
    return as(app, ALICE, TEAM_A);
  }

  /** Alice acting with team B as her tenant: the tenant id comes from the request, so she can claim any. */
  static TenantScope aliceClaimingB() {
    return as(app, ALICE, TEAM_B);
  }

  static void assertRefused(String sqlState, Executable attack) {
    assertThatThrownBy(attack::execute).isInstanceOfSatisfying(DataAccessException.class,
        e -> assertThat(e.sqlState()).as(e.getMessage()).isEqualTo(sqlState));
  }

  static long teamsNamed(String name) {
    return owner.select(Dsl.count()).from(TEAMS).where(TEAMS.name.eq(name)).fetchOne();
  }

  // --- the SaaS app's data ---------------------------------------------------------------------------

  @Test
  void aMemberCannotDeleteAnotherTeamAndItsCascade() {
    assertRefused("42501", () -> alice().transaction(tx -> tx.deleteFrom(TEAMS).where(TEAMS.id.eq(TEAM_B)).execute()));
    assertRefused("42501", () -> aliceClaimingB().transaction(tx -> tx.deleteFrom(TEAMS).where(TEAMS.id.eq(TEAM_B)).execute()));
    // not even her own: a team (and everything that cascades from it) is deleted by the owner role only
    assertRefused("42501", () -> alice().transaction(tx -> tx.deleteFrom(TEAMS).where(TEAMS.id.eq(TEAM_A)).execute()));
    assertThat(teamsNamed("B")).isOne();
    assertThat(owner.select(Dsl.count()).from(PROJECTS).where(PROJECTS.teamId.eq(TEAM_B)).withDeleted().fetchOne()).isOne();
  }

  @Test
  void aMemberCannotJoinAnotherTeamAsOwner() {
    for (TenantScope attacker : List.of(alice(), aliceClaimingB())) {
      assertRefused("42501", () -> attacker.transaction(tx -> tx.insertInto(TEAM_MEMBERS).set(TEAM_MEMBERS.teamId, TEAM_B)
          .set(TEAM_MEMBERS.userId, ALICE).set(TEAM_MEMBERS.role, MemberRole.OWNER).execute()));
    }
    // nor promote herself where she is a plain member, nor make a member owner as an admin
    TenantScope dave = as(app, DAVE, TEAM_A);
    assertRefused("42501", () -> dave.transaction(tx -> tx.insertInto(TEAM_MEMBERS).set(TEAM_MEMBERS.teamId, TEAM_A)
        .set(TEAM_MEMBERS.userId, CAROL).set(TEAM_MEMBERS.role, MemberRole.MEMBER).execute()));
    assertThat((int) dave.transaction(tx -> tx.update(TEAM_MEMBERS).set(TEAM_MEMBERS.role, MemberRole.OWNER)
        .where(TEAM_MEMBERS.userId.eq(DAVE)).execute())).isZero();
    assertThat(owner.select(Dsl.count()).from(TEAM_MEMBERS)
        .where(TEAM_MEMBERS.teamId.eq(TEAM_B).and(TEAM_MEMBERS.userId.eq(ALICE))).fetchOne()).isZero();
    assertThat(owner.select(TEAM_MEMBERS.role).from(TEAM_MEMBERS)
        .where(TEAM_MEMBERS.teamId.eq(TEAM_A).and(TEAM_MEMBERS.userId.eq(DAVE))).fetchOne()).isEqualTo(MemberRole.MEMBER);
  }

  @Test
  void anOwnerStillManagesTheirOwnTeam() {
    // the legitimate paths the policies must keep open
    TenantScope alice = alice();
    alice.transaction(tx -> tx.insertInto(TEAM_MEMBERS).set(TEAM_MEMBERS.teamId, TEAM_A).set(TEAM_MEMBERS.userId, BOB)
        .set(TEAM_MEMBERS.role, MemberRole.MEMBER).execute());
    assertThat(alice.select(TEAM_MEMBERS.userId).from(TEAM_MEMBERS).where(TEAM_MEMBERS.teamId.eq(TEAM_A)).fetch())
        .containsExactlyInAnyOrder(ALICE, DAVE, BOB);
    assertThat((int) alice.transaction(tx -> tx.deleteFrom(TEAM_MEMBERS)
        .where(TEAM_MEMBERS.teamId.eq(TEAM_A).and(TEAM_MEMBERS.userId.eq(BOB))).execute())).isOne();
    UUID created = alice.transaction(tx -> tx.select(Dsl.rawField(PgTypes.UUID_TYPE,
        "public.app_create_team({}, {})", "Alice's side project", "alice-side")).fetchOne());
    assertThat(as(app, ALICE, created).select(TEAM_MEMBERS.role).from(TEAM_MEMBERS)
        .where(TEAM_MEMBERS.teamId.eq(created)).fetch()).containsExactly(MemberRole.OWNER);
    assertThat((int) alice.transaction(tx -> tx.update(TEAMS).set(TEAMS.name, "A renamed").where(TEAMS.id.eq(TEAM_A)).execute()))
        .isOne();
    assertThat((int) alice.transaction(tx -> tx.update(TEAMS).set(TEAMS.name, "B renamed").where(TEAMS.id.eq(TEAM_B)).execute()))
        .isZero();
    assertThat(teamsNamed("B")).isOne();
  }

  @Test
  void aUserCannotReadStrangersEmailsOrProviderIds() {
    assertThat(alice().select(USERS.email).from(USERS).fetch())
        .containsExactlyInAnyOrder("alice@a.test", "dave@a.test");
    assertThat(aliceClaimingB().select(USERS.email).from(USERS).fetch()).doesNotContain("bob@b.test", "carol@b.test");
    assertThat(alice().select(ACCOUNTS.providerAccountId).from(ACCOUNTS).fetch()).containsExactly("alice-gh");
    assertThat(as(app, DAVE, TEAM_A).select(ACCOUNTS.providerAccountId).from(ACCOUNTS).fetch()).isEmpty();
  }

  @Test
  void aMemberCannotReadAnotherTeamsMembersOrActivityLog() {
    for (TenantScope attacker : List.of(alice(), aliceClaimingB())) {
      assertThat(attacker.select(TEAM_MEMBERS.userId).from(TEAM_MEMBERS).where(TEAM_MEMBERS.teamId.eq(TEAM_B)).fetch())
          .isEmpty();
      assertThat(attacker.select(Saas.ACTIVITY.action).from(Saas.ACTIVITY).fetch()).doesNotContain("b.secret");
      assertThat(attacker.select(TEAMS.name).from(TEAMS).fetch()).doesNotContain("B");
    }
    assertThat(alice().select(Saas.ACTIVITY.action).from(Saas.ACTIVITY).fetch()).containsExactly("a.entry");
    // a partition read directly would skip the parent's policies: the app role has no privilege on it
    assertRefused("42501", () -> alice().transaction(tx -> {
      tx.executeSql("select * from app_activity_log_y2026m06");
      return null;
    }));
  }

  @Test
  void aTaskCannotPointAtAnotherTeamsProject() {
    assertRefused("23503", () -> alice().transaction(tx -> tx.insertInto(TASKS).set(TASKS.teamId, TEAM_A)
        .set(TASKS.projectId, PROJECT_B).set(TASKS.title, "planted in B").execute()));
    assertRefused("23503", () -> alice().transaction(tx -> tx.update(TASKS).set(TASKS.projectId, PROJECT_B)
        .where(TASKS.title.eq("ta")).execute()));
    assertThat(owner.select(Dsl.count()).from(TASKS).where(TASKS.projectId.eq(PROJECT_B)).fetchOne()).isOne();
  }

  @Test
  void foreignKeyErrorsDoNotTellWhichOtherTeamsIdsExist() {
    UUID missing = UUID.fromString("0000000b-0000-0000-0000-0000000000ff");
    String existing = pointTaskAt(PROJECT_B).replace(PROJECT_B.toString(), "<id>");
    String absent = pointTaskAt(missing).replace(missing.toString(), "<id>");
    assertThat(existing).isEqualTo(absent);
  }

  private static String pointTaskAt(UUID project) {
    try {
      alice().transaction(tx -> tx.insertInto(TASKS).set(TASKS.teamId, TEAM_A).set(TASKS.projectId, project)
          .set(TASKS.title, "probe").execute());
      return "inserted";
    } catch (DataAccessException e) {
      return e.sqlState() + " " + e.getCause().getMessage();
    }
  }

  @Test
  void aTaskCannotBeAssignedToSomeoneOutsideItsTeam() {
    // bob exists (team B's owner) but is no member of A: with assignee_id -> app_users he was assignable
    assertRefused("23503", () -> alice().transaction(tx -> tx.insertInto(TASKS).set(TASKS.teamId, TEAM_A)
        .set(TASKS.projectId, PROJECT_A).set(TASKS.assigneeId, BOB).set(TASKS.title, "for bob").execute()));
    assertRefused("23503", () -> alice().transaction(tx -> tx.update(TASKS).set(TASKS.assigneeId, CAROL)
        .where(TASKS.title.eq("ta")).execute()));
    assertThat(owner.select(Dsl.count()).from(TASKS).where(TASKS.assigneeId.in(BOB, CAROL).and(TASKS.teamId.eq(TEAM_A)))
        .fetchOne()).isZero();
    // a member of the team is assignable
    assertThat((int) alice().transaction(tx -> tx.insertInto(TASKS).set(TASKS.teamId, TEAM_A)
        .set(TASKS.projectId, PROJECT_A).set(TASKS.assigneeId, DAVE).set(TASKS.title, "for dave").execute())).isOne();
  }

  @Test
  void assigneeErrorsDoNotTellWhetherAUserIdExists() {
    UUID nobody = UUID.fromString("00000000-0000-0000-0000-0000000000ff");
    String existing = assignTaskTo(BOB).replace(BOB.toString(), "<id>");
    String absent = assignTaskTo(nobody).replace(nobody.toString(), "<id>");
    assertThat(existing).startsWith("23503").isEqualTo(absent);
  }

  private static String assignTaskTo(UUID user) {
    try {
      alice().transaction(tx -> tx.insertInto(TASKS).set(TASKS.teamId, TEAM_A).set(TASKS.projectId, PROJECT_A)
          .set(TASKS.assigneeId, user).set(TASKS.title, "probe").execute());
      return "inserted";
    } catch (DataAccessException e) {
      return e.sqlState() + " " + e.getCause().getMessage();
    }
  }

  @Test
  void removingAMemberClearsOnlyTheAssigneeNotTheTeam() {
    UUID erin = UUID.fromString("00000000-0000-0000-0000-0000000000a3");
    Tenancy.run(owner, List.of("insert into app_users (id, email, name) values ('" + erin + "', 'erin@a.test', 'Erin')",
        "insert into app_team_members (team_id, user_id, role) values ('" + TEAM_A + "', '" + erin + "', 'member')"));
    UUID task = alice().transaction(tx -> tx.insertInto(TASKS).set(TASKS.teamId, TEAM_A).set(TASKS.projectId, PROJECT_A)
        .set(TASKS.assigneeId, erin).set(TASKS.title, "for erin").returning(TASKS.id).fetchOne());
    assertThat((int) alice().transaction(tx -> tx.deleteFrom(TEAM_MEMBERS)
        .where(TEAM_MEMBERS.teamId.eq(TEAM_A).and(TEAM_MEMBERS.userId.eq(erin))).execute())).isOne();
    // ON DELETE SET NULL (assignee_id): a plain SET NULL would also null team_id and orphan the task
    List<String> after = owner.select(TASKS.teamId, TASKS.assigneeId).from(TASKS).where(TASKS.id.eq(task))
        .fetch((team, assignee) -> team + "|" + assignee);
    assertThat(after).containsExactly(TEAM_A + "|null");
    assertThat(alice().select(TASKS.title).from(TASKS).where(TASKS.id.eq(task)).fetch()).containsExactly("for erin");
  }

  /**
   * Team slugs are a public namespace by design (like GitHub organisation names: a team's URL is its
   * slug, and a sign-up form must say "taken" anyway). A taken slug tells exactly that, and nothing
   * else about the team behind it: not its id, name, members or data.
   */
  @Test
  void aTakenSlugTellsOnlyThatItIsTakenNotWhoseTeamItIs() {
    String viaCreate = slugRefusal(() -> alice().transaction(tx -> tx.select(Dsl.rawField(PgTypes.UUID_TYPE,
        "public.app_create_team({}, {})", "Probe", "b")).fetchOne()));
    String viaRename = slugRefusal(() -> alice().transaction(tx -> tx.update(TEAMS).set(TEAMS.slug, "b")
        .where(TEAMS.id.eq(TEAM_A)).execute()));
    for (String refusal : List.of(viaCreate, viaRename)) {
      // at most the slug she typed (PostgreSQL leaves key values out of the error when RLS applies to the caller)
      assertThat(refusal).startsWith("23505").contains("app_teams_slug_key").doesNotContain(TEAM_B.toString(),
          BOB.toString(), "bob@b.test", "pb");
    }
    // and the slug does not open the team: a non-member still sees no row of it
    assertThat(alice().select(TEAMS.id).from(TEAMS).where(TEAMS.slug.eq("b")).fetch()).isEmpty();
    assertThat(owner.select(TEAMS.slug).from(TEAMS).where(TEAMS.id.eq(TEAM_A)).fetchOne()).isEqualTo("a");
  }

  private static String slugRefusal(Executable attempt) {
    try {
      attempt.execute();
      return "accepted";
    } catch (DataAccessException e) {
      return e.sqlState() + " " + e.getMessage() + " " + e.getCause().getMessage();
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  // --- the tenant context -----------------------------------------------------------------------------

  @Test
  void claimsCannotOverrideTheContextsUserOrRole() {
    assertThatThrownBy(() -> TenantContext.supabase(ALICE, Map.of("sub", BOB.toString())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TenantContext.supabase(ALICE, Map.of("role", "service_role")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TenantContext.builder().userId(ALICE).claim("sub", BOB.toString()).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBypassRlsRoleIsRefusedAsTheContextRole() {
    Tenancy.run(owner, List.of("do $$ begin if not exists (select from pg_roles where rolname = 'saas_attack_bypass') then"
        + " create role saas_attack_bypass nologin noinherit bypassrls; end if; end $$",
        "grant saas_attack_bypass to " + AUTHENTICATOR, "grant select on app_projects to saas_attack_bypass"));
    TenantScope bypass = app.as(TenantContext.builder().userId(ALICE).tenantId(TEAM_A).dbRole("saas_attack_bypass").build());
    assertThatThrownBy(() -> bypass.select(PROJECTS.name).from(PROJECTS).fetch())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("BYPASSRLS");
  }

  @Test
  void rawResetRoleInsideAScopeLandsOnARoleThatSeesNoTenantRows() {
    for (String escape : List.of("RESET ROLE", "SET ROLE NONE", "SET LOCAL ROLE " + AUTHENTICATOR)) {
      String who = alice().transaction(tx -> {
        tx.executeSql(escape);
        return tx.select(Dsl.rawField(PgTypes.TEXT, "current_user")).fetchOne();
      });
      assertThat(who).isEqualTo(AUTHENTICATOR);
      // the authenticator holds no privilege on any tenant table: nothing to read, with or without RLS
      for (var table : List.of(PROJECTS, TASKS, TEAMS, TEAM_MEMBERS, USERS, ACCOUNTS)) {
        assertRefused("42501", () -> alice().transaction(tx -> {
          tx.executeSql(escape);
          return tx.select(Dsl.count()).from(table).fetchOne();
        }));
      }
    }
    // and it cannot become anyone else
    assertRefused("42501", () -> alice().transaction(tx -> {
      tx.executeSql("SET ROLE postgres");
      return null;
    }));
    assertRefused("42501", () -> alice().transaction(tx -> {
      tx.executeSql("SET SESSION AUTHORIZATION postgres");
      return null;
    }));
  }

  @Test
  void insertManyOf600RowsInsideAScopeDoesNotUseCopy() {
    List<Integer> items = IntStream.range(0, 600).boxed().toList();
    long n = alice().insertMany(TASKS, items, (row, i) -> row.set(TASKS.teamId, TEAM_A).set(TASKS.projectId, PROJECT_A)
        .set(TASKS.title, "bulk " + i));
    assertThat(n).isEqualTo(600);
    long m = alice().transaction(tx -> tx.insertMany(TASKS, items.stream(), (row, i) -> row.set(TASKS.teamId, TEAM_A)
        .set(TASKS.projectId, PROJECT_A).set(TASKS.title, "bulk tx " + i)));
    assertThat(m).isEqualTo(600);
    assertThat(owner.select(Dsl.count()).from(TASKS).where(TASKS.title.like("bulk%")).fetchOne()).isEqualTo(1200);
    // and RLS still checks every row: a batch into another team fails as a whole
    assertRefused("42501", () -> alice().insertMany(TASKS, items, (row, i) -> row.set(TASKS.teamId, TEAM_B)
        .set(TASKS.projectId, PROJECT_B).set(TASKS.title, "bulk into B " + i)));
    assertThat(owner.select(Dsl.count()).from(TASKS).where(TASKS.title.like("bulk into B%")).fetchOne()).isZero();
  }

  // --- pooled connections (a pool of one: the next borrower gets the same connection) ---------------

  @Test
  void aSessionLevelSetConfigAndSetRoleDoNotReachTheNextBorrower() {
    single.transaction(tx -> {
      tx.executeSql("SET SESSION ROLE app_user; SET SESSION search_path = pg_catalog");
      tx.executeSql("select set_config('app.user_id', '" + BOB + "', false), set_config('app.tenant_id', '" + TEAM_B + "', false)");
      return null;
    });
    // a job using the database without a tenant context would have run as app_user, as bob in team B
    List<String> next = single.select(Dsl.rawField(PgTypes.TEXT, "current_user"),
            Dsl.rawField(PgTypes.TEXT, "coalesce(current_setting('app.user_id', true), '')"),
            Dsl.rawField(PgTypes.TEXT, "current_setting('search_path')"))
        .fetch((role, user, path) -> role + "|" + user + "|" + path);
    assertThat(next).containsExactly(AUTHENTICATOR + "||\"$user\", public");
  }

  @Test
  void aTempTableShadowingARealOneDoesNotReachTheNextBorrower() {
    single.transaction(tx -> {
      tx.executeSql("create temp table app_projects (id uuid, team_id uuid, parent_id uuid, name text, slug text,"
          + " tags text[], updated_at timestamptz, deleted_at timestamptz)");
      tx.executeSql("insert into app_projects (name) values ('planted by the previous borrower')");
      return null;
    });
    List<String> names = as(single, ALICE, TEAM_A).select(PROJECTS.name).from(PROJECTS).fetch();
    assertThat(names).containsExactly("pa");
  }
}
