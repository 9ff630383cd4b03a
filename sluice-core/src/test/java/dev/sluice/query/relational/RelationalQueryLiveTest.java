package dev.sluice.query.relational;

import static dev.sluice.query.relational.RelTables.Employees.EMPLOYEES;
import static dev.sluice.query.relational.RelTables.Members.MEMBERS;
import static dev.sluice.query.relational.RelTables.Projects.PROJECTS;
import static dev.sluice.query.relational.RelTables.Teams.TEAMS;
import static dev.sluice.query.relational.RelTables.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.query.Dsl;
import dev.sluice.query.relational.RelTables.Role;
import dev.sluice.runtime.Database;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PgTest
class RelationalQueryLiveTest {
  static Database db;
  static CountingDataSource counting;
  static PgTestContext pg;

  @BeforeAll
  static void setUp(PgTestContext context) {
    pg = context;
    pg.execute(RelTables.DDL, RelTables.DATA);
    counting = new CountingDataSource(pg.jdbcUrl());
    db = Database.of(counting);
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  /** Rows of hand-written SQL, every value as PostgreSQL text. */
  static List<List<String>> sql(String query) {
    try (Connection c = pg.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      List<List<String>> rows = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) row.add(rs.getString(i));
        rows.add(row);
      }
      return rows;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> row(Object... values) {
    List<String> r = new ArrayList<>();
    for (Object v : values) r.add(v == null ? null : String.valueOf(v));
    return r;
  }

  // --- nested three levels -------------------------------------------------------------------------

  record ProjectName(String name) {}

  record OwnerView(String name, List<ProjectName> ownedProjects) {}

  record MemberView(Role role, OwnerView user) {}

  record TeamView(String name, List<MemberView> members) {}

  @Test
  void threeLevelsNestInOneStatementAndEqualTheHandWrittenJoin() {
    int before = counting.statements.get();
    List<TeamView> teams = db.query(TEAMS).columns(TEAMS.name)
        .with(TEAMS.members, m -> m.columns(MEMBERS.role).orderBy(MEMBERS.joinedAt)
            .with(MEMBERS.user, u -> u.columns(USERS.name)
                .with(USERS.ownedProjects, p -> p.columns(PROJECTS.name).orderBy(PROJECTS.name))))
        .orderBy(TEAMS.name)
        .findMany(TeamView.class);
    assertThat(counting.statements.get() - before).isEqualTo(1);

    List<List<String>> flat = new ArrayList<>();
    for (TeamView t : teams) {
      for (MemberView m : t.members()) {
        if (m.user().ownedProjects().isEmpty()) flat.add(row(t.name(), m.role(), m.user().name(), null));
        for (ProjectName p : m.user().ownedProjects()) flat.add(row(t.name(), m.role(), m.user().name(), p.name()));
      }
    }
    assertThat(flat).isEqualTo(sql("""
        select t.name, m.role, u.name, p.name from teams t
          join team_members m on m.team_id = t.id join users u on u.id = m.user_id
          left join projects p on p.owner_id = u.id
        order by t.name, m.joined_at, p.name"""));
  }

  // --- many-to-many through the junction, with its attributes --------------------------------------

  record UserWithRole(String name, Role role, OffsetDateTime joinedAt) {}

  record TeamUsers(String name, List<UserWithRole> users) {}

  @Test
  void manyToManyReadsTargetRowsWithTheJunctionsAttributes() {
    List<TeamUsers> teams = db.query(TEAMS)
        .with(TEAMS.users, u -> u.columns(USERS.name, MEMBERS.role, MEMBERS.joinedAt).orderBy(MEMBERS.joinedAt.desc()))
        .orderBy(TEAMS.id).findMany(TeamUsers.class);
    List<List<String>> flat = new ArrayList<>();
    for (TeamUsers t : teams) {
      for (UserWithRole u : t.users()) {
        flat.add(row(t.name(), u.name(), u.role(), u.joinedAt().toInstant().getEpochSecond()));
      }
    }
    assertThat(flat).isEqualTo(sql("""
        select t.name, u.name, m.role, extract(epoch from m.joined_at)::bigint from teams t
          join team_members m on m.team_id = t.id join users u on u.id = m.user_id
        order by t.id, m.joined_at desc"""));
    assertThat(teams.get(0).users().get(0).joinedAt()).isEqualTo(OffsetDateTime.parse("2024-03-01T00:00:00Z"));
  }

  // --- several named relations to the same table, optional one -----------------------------------

  record Person(String name, String email) {}

  record TeamPeople(String name, Optional<Person> lead, Person creator) {}

  @Test
  void namedRelationsToTheSameTableAndAnOptionalOne() {
    List<TeamPeople> teams = db.query(TEAMS).with(TEAMS.lead).with(TEAMS.creator).orderBy(TEAMS.id)
        .findMany(TeamPeople.class);
    List<List<String>> flat = teams.stream()
        .map(t -> row(t.name(), t.lead().map(Person::name).orElse(null), t.creator().name())).toList();
    assertThat(flat).isEqualTo(sql("""
        select t.name, l.name, c.name from teams t left join users l on l.id = t.lead_id
          join users c on c.id = t.created_by order by t.id"""));
    assertThat(teams.get(1).lead()).isEmpty();
  }

  record NullableLead(String name, Person lead) {}

  @Test
  void aOneRelationWithoutARowMapsToNull() {
    assertThat(db.query(TEAMS).with(TEAMS.lead).where(TEAMS.id.eq(2L)).findFirst(NullableLead.class))
        .contains(new NullableLead("Ops", null));
  }

  // --- where on related rows ------------------------------------------------------------------------

  record Name(String name) {}

  @Test
  void whereFiltersOnTheExistenceAndValuesOfRelatedRows() {
    assertThat(db.query(TEAMS).where(Relations.exists(TEAMS.members, m -> m.role.eq(Role.ADMIN)))
        .orderBy(TEAMS.name).findMany(Name.class))
        .extracting(Name::name)
        .isEqualTo(sql("select t.name from teams t where exists (select 1 from team_members m"
            + " where m.team_id = t.id and m.role = 'ADMIN') order by t.name").stream().map(r -> r.get(0)).toList());
    assertThat(db.query(TEAMS).where(Relations.notExists(TEAMS.projects)).findMany(Name.class))
        .containsExactly(new Name("Guild"));
    assertThat(db.query(TEAMS).where(Relations.exists(TEAMS.users, u -> u.name.eq("Bob"))).orderBy(TEAMS.id)
        .findMany(Name.class)).containsExactly(new Name("Core"), new Name("Ops"));
  }

  @Test
  void existsOnASelfReferenceFiltersTheRelatedRowsNotTheOuterOnes() {
    assertThat(db.query(EMPLOYEES).where(Relations.exists(EMPLOYEES.reports, r -> r.name.like("Dev%")))
        .findMany(Name.class)).containsExactly(new Name("Cto"));
  }

  // --- self reference, nested ------------------------------------------------------------------------

  record R4(String name) {}

  record R3(String name, List<R4> reports) {}

  record R2(String name, List<R3> reports) {}

  record R1(String name, List<R2> reports) {}

  record Boss(String name) {}

  record WithBoss(String name, Boss manager) {}

  @Test
  void selfReferencingRelationsNestThreeLevelsDeep() {
    List<R1> top = db.query(EMPLOYEES).where(EMPLOYEES.reportsTo.isNull())
        .with(EMPLOYEES.reports, r -> r.orderBy(EMPLOYEES.id)
            .with(EMPLOYEES.reports, r2 -> r2.orderBy(EMPLOYEES.id)
                .with(EMPLOYEES.reports, r3 -> r3.orderBy(EMPLOYEES.id).with(EMPLOYEES.reports))))
        .findMany(R1.class);
    assertThat(top).containsExactly(new R1("Ceo", List.of(
        new R2("Cto", List.of(new R3("Dev1", List.of(new R4("Intern"))), new R3("Dev2", List.of()))),
        new R2("Cfo", List.of(new R3("Acct", List.of()))))));

    List<WithBoss> withBoss = db.query(EMPLOYEES).with(EMPLOYEES.manager).orderBy(EMPLOYEES.id).findMany(WithBoss.class);
    assertThat(withBoss.stream().map(w -> row(w.name(), w.manager() == null ? null : w.manager().name())).toList())
        .isEqualTo(sql("select e.name, m.name from employees e left join employees m on m.id = e.reports_to order by e.id"));
  }

  // --- per-level order, limit, offset; extras -------------------------------------------------------

  record MemberName(OffsetDateTime joinedAt) {}

  record TeamLatest(String name, List<MemberName> members) {}

  @Test
  void limitOffsetAndOrderApplyPerParentRow() {
    List<TeamLatest> teams = db.query(TEAMS)
        .with(TEAMS.members, m -> m.orderBy(MEMBERS.joinedAt.desc()).limit(2).offset(1))
        .orderBy(TEAMS.id).limit(2).offset(0)
        .findMany(TeamLatest.class);
    List<List<String>> flat = new ArrayList<>();
    for (TeamLatest t : teams) {
      for (MemberName m : t.members()) flat.add(row(t.name(), m.joinedAt().toInstant().getEpochSecond()));
    }
    assertThat(flat).isEqualTo(sql("""
        select t.name, extract(epoch from x.joined_at)::bigint from (select * from teams order by id limit 2) t
          cross join lateral (select * from team_members m where m.team_id = t.id order by m.joined_at desc
            limit 2 offset 1) x order by t.id, x.joined_at desc"""));
    assertThat(teams).hasSize(2);
    assertThat(teams.get(1).members()).isEmpty();
  }

  @Test
  void anAliasedRootTableJoinsItsRelationsThroughTheAlias() {
    RelTables.Teams t = TEAMS.as("t");
    List<TeamLatest> teams = db.query(t).with(TEAMS.members, m -> m.orderBy(MEMBERS.joinedAt))
        .where(t.id.eq(1L).and(Relations.exists(t.projects))).findMany(TeamLatest.class);
    assertThat(teams).hasSize(1);
    assertThat(teams.get(0).members()).hasSize(3);
  }

  record Probe(long probe) {}

  record TeamProbe(String name, List<Probe> members) {}

  @Test
  void aPagedRootReadsRelationsOnlyForTheRowsOnItsPage() {
    pg.execute("create sequence if not exists probe");
    long start = db.select(Dsl.field(dev.sluice.types.PgTypes.BIGINT, "nextval('probe')")).fetchOne();
    List<TeamProbe> page = db.query(TEAMS).columns(TEAMS.name)
        .with(TEAMS.members, m -> m.columns().extra("probe", Dsl.field(dev.sluice.types.PgTypes.BIGINT, "nextval('probe')")))
        .orderBy(TEAMS.name.desc()).limit(1).findMany(TeamProbe.class);
    long end = db.select(Dsl.field(dev.sluice.types.PgTypes.BIGINT, "nextval('probe')")).fetchOne();
    assertThat(page).extracting(TeamProbe::name).containsExactly("Ops");
    assertThat(page.get(0).members()).hasSize(1);
    assertThat(end - start - 1).as("member rows whose relation level was evaluated (5 exist, Ops has 1)").isEqualTo(1);
  }

  record Counted(String name, long memberCount, List<Share> projects) {}

  record Share(String name, BigDecimal budget, Boolean big) {}

  @Test
  void extrasAddComputedValuesAtAnyLevel() {
    List<Counted> teams = db.query(TEAMS)
        .extra("memberCount", Dsl.select(Dsl.count()).from(MEMBERS).where(MEMBERS.teamId.eq(TEAMS.id)).field())
        .with(TEAMS.projects, p -> p.columns(PROJECTS.name, PROJECTS.budget)
            .extra("big", PROJECTS.budget.gt(new BigDecimal("100")).asField()).orderBy(PROJECTS.name))
        .orderBy(TEAMS.id).findMany(Counted.class);
    assertThat(teams).containsExactly(
        new Counted("Core", 3, List.of(new Share("Alpha", new BigDecimal("1000.00"), true),
            new Share("Beta", new BigDecimal("250.50"), true))),
        new Counted("Ops", 1, List.of(new Share("Delta", new BigDecimal("1.00"), false), new Share("Gamma", null, null))),
        new Counted("Guild", 1, List.of()));
  }

  // --- values decode to the same Java types as the flat path -----------------------------------------

  record UserAll(UUID id, String name, String email, BigDecimal score, String[] tags, JsonNode prefs, LocalDate born,
      boolean active, Long visits, byte[] photo, OffsetDateTime createdAt) {}

  record TeamAll(long id, List<UserAll> users) {}

  @Test
  void nestedValuesEqualTheFlatPathsValuesForEveryType() {
    List<UserAll> flat = db.select(USERS.id, USERS.name, USERS.email, USERS.score, USERS.tags, USERS.prefs, USERS.born,
        USERS.active, USERS.visits, USERS.photo, USERS.createdAt).from(USERS).orderBy(USERS.id).fetchInto(UserAll.class);
    List<UserAll> nested = db.query(TEAMS).with(TEAMS.users, u -> u.orderBy(USERS.id)).orderBy(TEAMS.id)
        .findMany(TeamAll.class).stream().flatMap(t -> t.users().stream()).toList();
    List<UserAll> expected = Stream.of(0, 1, 2, 1, 2).map(flat::get).toList(); // Core: Ann Bob Cid; Ops: Bob; Guild: Cid
    assertThat(nested).usingRecursiveFieldByFieldElementComparator().isEqualTo(expected);
    assertThat(nested.get(0).createdAt()).isEqualTo(flat.get(0).createdAt());
    assertThat(nested.get(2).born()).isEqualTo(LocalDate.MAX);
  }

  @Test
  void findFirstReadsOneRowAndIsEmptyWhenNothingMatches() {
    assertThat(db.query(TEAMS).orderBy(TEAMS.name.desc()).findFirst(Name.class)).contains(new Name("Ops"));
    assertThat(db.query(TEAMS).where(TEAMS.id.eq(99L)).findFirst(Name.class)).isEmpty();
  }

  @Test
  void everyRelationalCallIsOneStatement() {
    int before = counting.statements.get();
    db.query(TEAMS).with(TEAMS.members, m -> m.with(MEMBERS.user)).with(TEAMS.users).with(TEAMS.lead)
        .with(TEAMS.projects, p -> p.with(PROJECTS.owner, o -> o.with(USERS.memberships))).findMany(Name.class);
    db.query(EMPLOYEES).with(EMPLOYEES.reports, r -> r.with(EMPLOYEES.reports)).findFirst(Name.class);
    assertThat(counting.statements.get() - before).isEqualTo(2);
  }

  // --- join-fetch: one many-relation read with a plain join -----------------------------------------

  record OwnerName(String name) {}

  record ProjectWithOwner(String name, java.math.BigDecimal budget, OwnerName owner) {}

  record TeamProjects(Long id, String name, Optional<LeadName> lead, List<ProjectWithOwner> projects) {}

  @Test
  void aJoinFetchedManyRelationEqualsItsJsonFormAndPagesRootRows() {
    // the same levels, once as a plain join (no per-level limit) and once in json (a limit no level reaches)
    for (boolean first : new boolean[] {false, true}) {
      for (long offset : new long[] {0, 1, 2, 5}) {
        var joined = db.query(TEAMS).with(TEAMS.lead)
            .with(TEAMS.projects, p -> p.columns(PROJECTS.name, PROJECTS.budget).orderBy(PROJECTS.name).with(PROJECTS.owner))
            .orderBy(TEAMS.name).limit(first ? 1 : 2).offset(offset);
        var json = db.query(TEAMS).with(TEAMS.lead)
            .with(TEAMS.projects, p -> p.columns(PROJECTS.name, PROJECTS.budget).orderBy(PROJECTS.name).with(PROJECTS.owner)
                .limit(1_000_000))
            .orderBy(TEAMS.name).limit(first ? 1 : 2).offset(offset);
        assertThat(joined.render().sql()).doesNotContain("json_agg").contains("LEFT JOIN projects ON");
        assertThat(json.render().sql()).contains("json_agg");
        int before = counting.statements.get();
        List<TeamProjects> a = joined.findMany(TeamProjects.class);
        assertThat(counting.statements.get() - before).isEqualTo(1);
        assertThat(a).isEqualTo(json.findMany(TeamProjects.class));
        assertThat(a.size()).isLessThanOrEqualTo(first ? 1 : 2);
      }
    }
    List<TeamProjects> all = db.query(TEAMS).with(TEAMS.lead).with(TEAMS.projects, p -> p.with(PROJECTS.owner))
        .orderBy(TEAMS.id).findMany(TeamProjects.class);
    assertThat(all).extracting(TeamProjects::id).isEqualTo(sql("select id from teams order by id").stream()
        .map(r -> Long.valueOf(r.get(0))).toList());
    assertThat(all.stream().mapToInt(t -> t.projects().size()).sum())
        .isEqualTo(Integer.parseInt(sql("select count(*) from projects").get(0).get(0)));
    assertThat(all).anyMatch(t -> t.projects().isEmpty());
  }

  // --- prepared relational queries -------------------------------------------------------------------

  record LeadName(String name) {}

  record TeamWithLead(String name, Optional<LeadName> lead, List<MemberView> members) {}

  @Test
  void aPreparedRelationalQueryRendersOnceAndRunsWithEachBindingLikeTheUnpreparedOne() {
    var team = dev.sluice.query.Placeholder.of("team", dev.sluice.types.PgTypes.BIGINT);
    PreparedRelationalQuery<TeamWithLead> byId = db.query(TEAMS).columns(TEAMS.name).with(TEAMS.lead)
        .with(TEAMS.members, m -> m.columns(MEMBERS.role).orderBy(MEMBERS.joinedAt)
            .with(MEMBERS.user, u -> u.columns(USERS.name).with(USERS.ownedProjects)))
        .where(TEAMS.id.eq(team)).prepare(TeamWithLead.class);
    assertThat(byId.placeholders()).containsExactly(team);
    for (long id : new long[] {1, 2, 3, 99}) {
      int before = counting.statements.get();
      Optional<TeamWithLead> prepared = byId.bind(team, id).findFirst();
      assertThat(counting.statements.get() - before).isEqualTo(1);
      Optional<TeamWithLead> direct = db.query(TEAMS).columns(TEAMS.name).with(TEAMS.lead)
          .with(TEAMS.members, m -> m.columns(MEMBERS.role).orderBy(MEMBERS.joinedAt)
              .with(MEMBERS.user, u -> u.columns(USERS.name).with(USERS.ownedProjects)))
          .where(TEAMS.id.eq(id)).findFirst(TeamWithLead.class);
      assertThat(prepared).isEqualTo(direct);
      assertThat(byId.bind(team, id).findMany()).isEqualTo(direct.map(List::of).orElse(List.of()));
    }
  }

  @Test
  void aPreparedRelationalQueryNamesAnUnboundOrUnknownPlaceholder() {
    var team = dev.sluice.query.Placeholder.of("team", dev.sluice.types.PgTypes.BIGINT);
    var other = dev.sluice.query.Placeholder.of("other", dev.sluice.types.PgTypes.BIGINT);
    PreparedRelationalQuery<Name> q = db.query(TEAMS).where(TEAMS.id.eq(team)).prepare(Name.class);
    int before = counting.statements.get();
    assertThatThrownBy(q::findMany).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("placeholder :team is not bound");
    assertThatThrownBy(() -> q.bind(other, 1L)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(":other does not occur").hasMessageContaining(":team");
    assertThat(counting.statements.get()).isEqualTo(before);
    assertThatThrownBy(() -> db.query(TEAMS).where(TEAMS.id.eq(team)).findMany(Name.class))
        .hasMessageContaining("placeholder :team has no value");
  }

  // --- records that do not fit -------------------------------------------------------------------------

  record BadList(String name, List<String> members) {}

  record Missing(String name, String nickname) {}

  record BadMember(int role) {}

  record BadNested(String name, List<BadMember> members) {}

  record NotAList(String name, MemberView members) {}

  @Test
  void aRecordThatDoesNotFitFailsBeforeRunningAndNamesTheComponent() {
    int before = counting.statements.get();
    assertThatThrownBy(() -> db.query(TEAMS).with(TEAMS.members).findMany(BadList.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BadList").hasMessageContaining("component 'members'")
        .hasMessageContaining("must be a record");
    assertThatThrownBy(() -> db.query(TEAMS).findMany(Missing.class))
        .hasMessageContaining("Missing").hasMessageContaining("component 'nickname' has no matching column");
    assertThatThrownBy(() -> db.query(TEAMS).with(TEAMS.members).findMany(BadNested.class))
        .hasMessageContaining("BadMember").hasMessageContaining("component 'role' (int) cannot hold role of type Role");
    assertThatThrownBy(() -> db.query(TEAMS).with(TEAMS.members).findMany(NotAList.class))
        .hasMessageContaining("component 'members'").hasMessageContaining("must be a List<record>");
    assertThat(counting.statements.get() - before).isZero();
  }

  record Opaque(String name, Object blob) {}

  record TeamOpaque(String name, List<Opaque> projects) {}

  @Test
  void aNestedValueWhoseCodecCannotDecodeTextFailsBeforeRunning() {
    var noText = dev.sluice.types.DataType.custom("text", Object.class, new dev.sluice.types.Codec<Object>() {
      @Override
      public void bind(java.sql.PreparedStatement ps, int index, Object value) {}

      @Override
      public Object read(java.sql.ResultSet rs, int index) throws java.sql.SQLException {
        return rs.getObject(index);
      }
    });
    // a per-level limit keeps the projects in json (a plain join-fetch would read them with read())
    assertThatThrownBy(() -> db.query(TEAMS).with(TEAMS.projects, p -> p.columns(PROJECTS.name)
        .extra("blob", Dsl.field(noText, "'x'")).limit(100)).findMany(TeamOpaque.class))
        .hasMessageContaining("component 'projects'").hasMessageContaining("Opaque")
        .hasMessageContaining("the codec of blob (text) cannot decode text");
  }

  @Test
  void aRelationOfAnotherTableIsRejectedAtTheLevelItIsAddedTo() {
    assertThatThrownBy(() -> db.query(TEAMS).with(MEMBERS.user))
        .hasMessageContaining("relation team_members.user belongs to table team_members, not to teams");
  }

  @Test
  void theMappingPlanIsBuiltOncePerRecordAndShape() {
    LevelSpec spec = new LevelSpec(TEAMS, null);
    spec.addChild(TEAMS.members);
    assertThat(ResultMapping.plan(TeamLatest.class, spec.shape(), false))
        .isSameAs(ResultMapping.plan(TeamLatest.class, spec.shape(), false));
  }
}
