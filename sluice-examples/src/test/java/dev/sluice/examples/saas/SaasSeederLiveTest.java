package dev.sluice.examples.saas;

import static dev.sluice.examples.saas.Projects.PROJECTS;
import static dev.sluice.examples.saas.TeamMembers.TEAM_MEMBERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.examples.ExampleMigrations;
import dev.sluice.kit.migrate.Migrator;
import dev.sluice.kit.seed.Progress;
import dev.sluice.kit.seed.Reset;
import dev.sluice.runtime.DataAccessException;
import dev.sluice.runtime.Database;
import dev.sluice.runtime.TenantContext;
import dev.sluice.runtime.TenantScope;
import dev.sluice.schema.model.TableModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import dev.sluice.test.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@PgTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SaasSeederLiveTest {
  static Database first;
  static Database second;
  static String secondUrl;

  @BeforeAll
  static void seedTwice(PgTestContext pg) {
    secondUrl = pg.server().createDatabase("saas_seed_twice");
    first = migrated(pg.jdbcUrl());
    second = migrated(secondUrl);
    SaasSeeder.seed(first, 7, 0.1, Progress.silent());
    SaasSeeder.seed(second, 7, 0.1, Progress.silent());
  }

  static Database migrated(String url) {
    Database db = Database.connect(url);
    new Migrator(db.dataSource(), ExampleMigrations.folder("saas").orElseThrow()).migrate();
    return db;
  }

  @AfterAll
  static void close() {
    if (first != null) first.close();
    if (second != null) second.close();
    TestDatabase.get().dropDatabase(secondUrl);
  }

  static Map<String, String> fingerprints(Database db) {
    Map<String, String> out = new LinkedHashMap<>();
    for (TableModel t : Saas.schema().toModel().tables()) {
      String q = "\"" + t.name() + "\"";
      String sql = "select count(*) || ':' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '') from " + q + " t";
      try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
        rs.next();
        out.put(t.name(), rs.getString(1));
      } catch (SQLException e) {
        throw new IllegalStateException(sql, e);
      }
    }
    return out;
  }

  @Test
  @Order(1) // before any test changes a row
  void theSameSeedGivesIdenticalTablesInTwoDatabases() {
    Map<String, String> a = fingerprints(first);
    assertThat(a).hasSize(9).allSatisfy((table, fp) -> assertThat(fp).doesNotStartWith("0:"));
    assertThat(fingerprints(second)).isEqualTo(a);
  }

  @Test
  void aMemberSeesOnlyTheirTeamsProjectsThroughRowLevelSecurity() {
    UUID team = first.select(TEAM_MEMBERS.teamId).from(TEAM_MEMBERS).orderBy(TEAM_MEMBERS.teamId).limit(1).fetchOne();
    UUID user = first.select(TEAM_MEMBERS.userId).from(TEAM_MEMBERS).where(TEAM_MEMBERS.teamId.eq(team)).limit(1).fetchOne();
    List<UUID> visible = first.as(TenantContext.builder().userId(user).tenantId(team).build())
        .select(PROJECTS.teamId).from(PROJECTS).withDeleted().fetch();
    long all = first.select(PROJECTS.teamId).from(PROJECTS).withDeleted().fetch().size();
    assertThat(visible).isNotEmpty().allMatch(team::equals);
    assertThat((long) visible.size()).isLessThan(all);
  }

  @Test
  void aMemberCannotChangeOrCreateAnotherTeamsProjects() {
    UUID team = first.select(TEAM_MEMBERS.teamId).from(TEAM_MEMBERS).orderBy(TEAM_MEMBERS.teamId).limit(1).fetchOne();
    UUID user = first.select(TEAM_MEMBERS.userId).from(TEAM_MEMBERS).where(TEAM_MEMBERS.teamId.eq(team)).limit(1).fetchOne();
    List<UUID> myTeams = first.select(TEAM_MEMBERS.teamId).from(TEAM_MEMBERS).where(TEAM_MEMBERS.userId.eq(user)).fetch();
    UUID other = first.select(PROJECTS.teamId).from(PROJECTS).where(PROJECTS.teamId.notIn(myTeams)).limit(1).fetchOne();
    TenantScope member = first.as(TenantContext.builder().userId(user).tenantId(team).build());

    int changed = member.transaction(tx -> tx.update(PROJECTS).set(PROJECTS.name, "hijacked")
        .where(PROJECTS.teamId.eq(other)).execute());
    assertThat(changed).isZero();
    assertThat(first.select(PROJECTS.name).from(PROJECTS).where(PROJECTS.name.eq("hijacked")).fetch()).isEmpty();

    assertThatThrownBy(() -> member.transaction(tx -> tx.insertInto(PROJECTS).set(PROJECTS.teamId, other)
        .set(PROJECTS.name, "planted").set(PROJECTS.slug, "planted").execute()))
        .isInstanceOfSatisfying(DataAccessException.class, e -> assertThat(e.sqlState()).isEqualTo("42501"));

    // claiming the other team as tenant does not help: the membership policy still applies
    TenantScope claimed = first.as(TenantContext.builder().userId(user).tenantId(other).build());
    assertThat(claimed.select(PROJECTS.id).from(PROJECTS).withDeleted().fetch()).isEmpty();
  }

  @Test
  void softDeletedProjectsAreHiddenUnlessAskedFor() {
    long live = first.select(PROJECTS.id).from(PROJECTS).fetch().size();
    long all = first.select(PROJECTS.id).from(PROJECTS).withDeleted().fetch().size();
    assertThat(live).isPositive().isLessThan(all);
  }

  @Test
  void changesToProjectsAreCapturedWithTheActor() {
    UUID team = first.select(TEAM_MEMBERS.teamId).from(TEAM_MEMBERS).orderBy(TEAM_MEMBERS.teamId).limit(1).fetchOne();
    UUID user = first.select(TEAM_MEMBERS.userId).from(TEAM_MEMBERS).where(TEAM_MEMBERS.teamId.eq(team)).limit(1).fetchOne();
    UUID project = first.select(PROJECTS.id).from(PROJECTS).where(PROJECTS.teamId.eq(team)).limit(1).fetchOne();
    first.as(TenantContext.builder().userId(user).tenantId(team).build()).transaction(tx ->
        tx.update(PROJECTS).set(PROJECTS.name, "Renamed by the test").where(PROJECTS.id.eq(project)).execute());
    String sql = "select actor_id, new_values->>'name' from sluice.change_log where table_name = 'app_projects'"
        + " and operation = 'UPDATE' order by id desc limit 1";
    try (Connection c = first.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(user.toString());
      assertThat(rs.getString(2)).isEqualTo("Renamed by the test");
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Test
  @Order(Integer.MAX_VALUE) // after the tests that read the second database
  void resetEmptiesEveryTableOfTheSchema() {
    Reset.truncate(second, Saas.schema().toModel());
    assertThat(fingerprints(second).values()).allMatch(fp -> fp.equals("0:"));
  }
}
