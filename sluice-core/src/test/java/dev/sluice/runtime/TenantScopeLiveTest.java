package dev.sluice.runtime;

import static dev.sluice.runtime.TenancyFixtures.Projects.PROJECTS;
import static dev.sluice.runtime.TenancyFixtures.TeamMembers.TEAM_MEMBERS;
import static dev.sluice.runtime.TenancyFixtures.Tasks.TASKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.query.Cursor;
import dev.sluice.query.Dsl;
import dev.sluice.query.Field;
import dev.sluice.query.QueryFactory;
import dev.sluice.types.PgTypes;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PgTest
class TenantScopeLiveTest {
  static final UUID TEAM_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  static final UUID TEAM_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
  static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

  static final class Notes extends dev.sluice.schema.Table<Notes> {
    static final Notes NOTES = new Notes();
    final dev.sluice.schema.Column<UUID> userId = uuid("user_id").notNull().defaultSql("auth.uid()");
    final dev.sluice.schema.Column<String> body = text("body").notNull();

    private Notes() {
      super("notes");
    }
  }

  static Database db;
  static Database single;
  static String login;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    login = TenancyFixtures.loginUser(pg.jdbcUrl());
    TenancyFixtures.execute(pg.jdbcUrl(), TenancyFixtures.ddl(login));
    pg.execute(Tenancy.supabaseSql(),
        "insert into teams values ('" + TEAM_A + "', 'A'), ('" + TEAM_B + "', 'B')",
        "insert into team_members values ('" + TEAM_A + "', '" + ALICE + "', 'owner'), ('" + TEAM_B + "', '" + BOB + "', 'member')",
        "insert into projects (team_id, owner_id, name) values ('" + TEAM_A + "', '" + ALICE + "', 'a1'),"
            + " ('" + TEAM_A + "', '" + ALICE + "', 'a2'), ('" + TEAM_B + "', '" + BOB + "', 'b1')",
        "insert into tasks (team_id, title) values ('" + TEAM_A + "', 'ta'), ('" + TEAM_B + "', 'tb')",
        // a policy written for Supabase, verbatim
        "create table notes (id bigint generated always as identity primary key,"
            + " user_id uuid not null default auth.uid(), body text not null)",
        "alter table notes enable row level security",
        "alter table notes force row level security",
        "create policy \"own notes\" on notes for all to authenticated using (auth.uid() = user_id)"
            + " with check (auth.uid() = user_id)",
        "grant select, insert, update, delete on notes to authenticated",
        "insert into notes (user_id, body) values ('" + ALICE + "', 'alice note'), ('" + BOB + "', 'bob note')");
    db = Database.connect(pg.jdbcUrl());
    single = Database.connect(pg.jdbcUrl(), c -> c.setMaximumPoolSize(1));
  }

  @AfterAll
  static void tearDown() {
    db.close();
    single.close();
  }

  static TenantContext member(UUID user, UUID team, String... roles) {
    return TenantContext.builder().userId(user).tenantId(team).roles(roles).dbRole(TenancyFixtures.APP_ROLE).build();
  }

  static Field<String> setting(String name) {
    return Dsl.rawField(PgTypes.TEXT, "current_setting({}, true)", name);
  }

  static String one(QueryFactory q, Field<String> f) {
    return q.select(f).fetchOne();
  }

  @Test
  void statementsSeeTheContextThroughTheHelperFunctions() {
    TenantScope alice = db.as(member(ALICE, TEAM_A, "owner", "billing"));
    assertThat(one(alice, Dsl.rawField(PgTypes.TEXT, "sluice.current_user_id()"))).isEqualTo(ALICE.toString());
    assertThat(one(alice, Dsl.rawField(PgTypes.TEXT, "sluice.current_tenant_id()"))).isEqualTo(TEAM_A.toString());
    assertThat(alice.select(Dsl.rawField(PgTypes.BOOLEAN, "sluice.has_role('billing')")).fetchOne()).isTrue();
    assertThat(alice.select(Dsl.rawField(PgTypes.BOOLEAN, "sluice.has_role('admin')")).fetchOne()).isFalse();
    assertThat(one(alice, Dsl.rawField(PgTypes.TEXT, "current_user"))).isEqualTo(TenancyFixtures.APP_ROLE);
    assertThat(one(alice, Dsl.rawField(PgTypes.TEXT, "(current_setting('request.jwt.claims', true)::jsonb ->> 'sub')")))
        .isEqualTo(ALICE.toString());
  }

  @Test
  void helperFunctionsAreNullSafeWithoutAContext() {
    assertThat(one(db, Dsl.rawField(PgTypes.TEXT, "sluice.current_user_id()"))).isNull();
    assertThat(one(db, Dsl.rawField(PgTypes.TEXT, "sluice.current_tenant_id()"))).isNull();
    assertThat(db.select(Dsl.rawField(PgTypes.BOOLEAN, "sluice.has_role('owner')")).fetchOne()).isFalse();
    assertThat(db.select(Dsl.rawField(PgTypes.UUID_TYPE, "auth.uid()")).fetchOne()).isNull();
  }

  @Test
  void tenantColumnPolicyShowsUpdatesAndDeletesOnlyTheTenantsRows() {
    TenantScope alice = db.as(member(ALICE, TEAM_A));
    assertThat(alice.select(PROJECTS.name).from(PROJECTS).orderBy(PROJECTS.name).fetch()).containsExactly("a1", "a2");
    assertThat(alice.update(PROJECTS).set(PROJECTS.version, 1).all().execute()).isEqualTo(2);
    TenantScope bob = db.as(member(BOB, TEAM_B));
    assertThat(bob.deleteFrom(PROJECTS).where(PROJECTS.name.eq("a1")).execute()).isZero();
    assertThat(db.select(Dsl.count()).from(PROJECTS).fetchOne()).isEqualTo(3L);
    assertThat(db.select(PROJECTS.version).from(PROJECTS).where(PROJECTS.name.eq("b1")).fetchOne()).isZero();
  }

  @Test
  void insertIntoAnotherTenantIsRejectedByPostgres() {
    TenantScope alice = db.as(member(ALICE, TEAM_A));
    assertThatThrownBy(() -> alice.insertInto(PROJECTS).set(PROJECTS.teamId, TEAM_B).set(PROJECTS.name, "sneaky").execute())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("row-level security")
        .extracting(e -> ((DataAccessException) e).sqlState()).isEqualTo("42501");
    assertThat(db.select(Dsl.count()).from(PROJECTS).where(PROJECTS.name.eq("sneaky")).fetchOne()).isZero();
  }

  @Test
  void updateCannotMoveARowToAnotherTenant() {
    TenantScope alice = db.as(member(ALICE, TEAM_A));
    assertThatThrownBy(() -> alice.update(PROJECTS).set(PROJECTS.teamId, TEAM_B).where(PROJECTS.name.eq("a1")).execute())
        .isInstanceOf(DataAccessException.class)
        .extracting(e -> ((DataAccessException) e).sqlState()).isEqualTo("42501");
  }

  @Test
  void membershipPolicyShowsTasksOfTeamsTheUserBelongsTo() {
    // the tenant in the context does not matter for tasks: membership does
    assertThat(db.as(member(ALICE, TEAM_B)).select(TASKS.title).from(TASKS).fetch()).containsExactly("ta");
    assertThat(db.as(member(BOB, null)).select(TASKS.title).from(TASKS).fetch()).containsExactly("tb");
    assertThat(db.as(member(UUID.randomUUID(), TEAM_A)).select(TASKS.title).from(TASKS).fetch()).isEmpty();
    assertThat(db.as(member(ALICE, null)).select(TEAM_MEMBERS.teamId).from(TEAM_MEMBERS).fetch()).containsExactly(TEAM_A);
  }

  @Test
  void anEmptyContextSeesNothing() {
    TenantScope nobody = db.as(TenantContext.builder().dbRole(TenancyFixtures.APP_ROLE).build());
    assertThat(nobody.select(Dsl.count()).from(PROJECTS).fetchOne()).isZero();
    assertThat(nobody.select(Dsl.count()).from(TASKS).fetchOne()).isZero();
  }

  @Test
  void explicitTransactionSetsUpOnceAndSurvivesASavepointRollback() {
    TenantScope alice = db.as(member(ALICE, TEAM_A));
    List<String> seen = alice.transaction(tx -> {
      try {
        tx.transaction(inner -> inner.insertInto(PROJECTS).set(PROJECTS.teamId, TEAM_B).set(PROJECTS.name, "x").execute());
      } catch (DataAccessException expected) {
        // rolled back to the savepoint; the context was set before it and stays
      }
      return tx.select(PROJECTS.name).from(PROJECTS).orderBy(PROJECTS.name).fetch();
    });
    assertThat(seen).containsExactly("a1", "a2");
  }

  @Test
  void cursorRunsInsideTheContextAndReturnsTheConnectionClean() {
    TenantScope alice = db.as(member(ALICE, TEAM_A));
    try (Cursor<dev.sluice.query.Row> c = alice.select(PROJECTS.name).from(PROJECTS).orderBy(PROJECTS.name).fetchLazy(1)) {
      assertThat(c.stream().map(r -> r.get(PROJECTS.name)).toList()).containsExactly("a1", "a2");
    }
    PoolLeakCheck.assertNoLeaks(db);
  }

  @Test
  void poolOfOneAlternatingTenantsLeaksNoContext() {
    for (int i = 0; i < 20; i++) {
      boolean a = i % 2 == 0;
      UUID user = a ? ALICE : BOB;
      UUID team = a ? TEAM_A : TEAM_B;
      TenantScope scope = single.as(member(user, team));
      assertThat(one(scope, setting("app.tenant_id"))).isEqualTo(team.toString());
      assertThat(one(scope, setting("app.user_id"))).isEqualTo(user.toString());
      assertThat(scope.select(PROJECTS.teamId).from(PROJECTS).fetch()).isNotEmpty().containsOnly(team);
      if (i % 5 == 0) {
        // a failing statement must not leave the context behind either
        assertThatThrownBy(() -> scope.select(Dsl.rawField(PgTypes.INTEGER, "1 / 0")).fetchOne())
            .isInstanceOf(DataAccessException.class);
      }
      assertThat(one(single, setting("app.tenant_id"))).isNullOrEmpty();
      assertThat(one(single, setting("app.user_id"))).isNullOrEmpty();
      assertThat(one(single, setting("request.jwt.claims"))).isNullOrEmpty();
      assertThat(one(single, Dsl.rawField(PgTypes.TEXT, "current_user"))).isEqualTo(login);
      assertThat(single.select(Dsl.count()).from(PROJECTS).fetchOne()).isEqualTo(3L);
    }
    PoolLeakCheck.assertNoLeaks(single);
  }

  @Test
  void supabasePolicyRunsUnchanged() {
    TenantScope alice = db.as(TenantContext.supabase(ALICE, Map.of("email", "alice@example.com")));
    Notes n = Notes.NOTES;
    assertThat(alice.select(n.body).from(n).fetch()).containsExactly("alice note");
    assertThat(one(alice, Dsl.rawField(PgTypes.TEXT, "auth.role()"))).isEqualTo("authenticated");
    assertThat(one(alice, Dsl.rawField(PgTypes.TEXT, "auth.jwt() ->> 'email'"))).isEqualTo("alice@example.com");
    assertThat(one(alice, Dsl.rawField(PgTypes.TEXT, "current_user"))).isEqualTo("authenticated");
    alice.insertInto(n).set(n.body, "second").execute();
    assertThat(db.select(n.userId).from(n).where(n.body.eq("second")).fetchOne()).isEqualTo(ALICE);
    assertThatThrownBy(() -> alice.insertInto(n).set(n.userId, BOB).set(n.body, "forged").execute())
        .isInstanceOf(DataAccessException.class).extracting(e -> ((DataAccessException) e).sqlState()).isEqualTo("42501");
    assertThat(db.as(TenantContext.supabase(BOB, Map.of())).select(n.body).from(n).fetch()).containsExactly("bob note");
    TenantScope anon = db.as(TenantContext.supabaseAnon());
    assertThatThrownBy(() -> anon.select(n.body).from(n).fetch())
        .isInstanceOf(DataAccessException.class).hasMessageContaining("permission denied");
    assertThat(one(anon, Dsl.rawField(PgTypes.TEXT, "current_user"))).isEqualTo("anon");
  }

  @Test
  void actingAsASuperuserIsRefusedBecauseRlsWouldNotApply() {
    TenantScope root = db.as(TenantContext.builder().tenantId(TEAM_A).dbRole(login).build());
    assertThatThrownBy(() -> root.select(PROJECTS.name).from(PROJECTS).fetch())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("superuser");
    assertThat(one(db, setting("app.tenant_id"))).isNullOrEmpty();
    PoolLeakCheck.assertNoLeaks(db);
  }

  @Test
  void unknownRoleFailsWithAClearError() {
    TenantScope ghost = db.as(TenantContext.builder().dbRole("no_such_role_x").build());
    assertThatThrownBy(() -> one(ghost, setting("app.user_id")))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("no_such_role_x");
    PoolLeakCheck.assertNoLeaks(db);
  }
}
