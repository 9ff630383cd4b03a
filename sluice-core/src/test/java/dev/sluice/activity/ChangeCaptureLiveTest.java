package dev.sluice.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Database;
import dev.sluice.schema.Column;
import dev.sluice.schema.Namespace;
import dev.sluice.schema.Schema;
import dev.sluice.schema.Table;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PgTest
class ChangeCaptureLiveTest {
  static final class Projects extends Table<Projects> {
    static final Projects PROJECTS = new Projects();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<String> name = text("name").notNull();
    final Column<Integer> budget = integer("budget");

    private Projects() {
      super(Namespace.of("app"), "projects");
      auditChanges();
    }
  }

  static final class Members extends Table<Members> {
    static final Members MEMBERS = new Members();
    final Column<Integer> teamId = integer("team_id");
    final Column<String> userName = text("user_name");

    private Members() {
      super(Namespace.of("app"), "members");
      primaryKey(teamId, userName);
    }
  }

  record Change(String table, String op, String pk, String oldValues, String newValues, String actor, String tenant) {}

  static final Projects P = Projects.PROJECTS;
  static final String USER = "6b0d7f5e-0000-4000-8000-000000000001";
  static Database db;
  static PgTestContext pg;

  @BeforeAll
  static void setUp(PgTestContext ctx) {
    pg = ctx;
    pg.execute("create schema app", "create table app.projects (id int primary key, name text not null, budget int)",
        "create table app.members (team_id int, user_name text, primary key (team_id, user_name))");
    pg.execute(ChangeCapture.installSql("sluice", Schema.of(P, Members.MEMBERS)));
    pg.execute(ChangeCapture.installSql("sluice", Members.MEMBERS)); // idempotent, adds members
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @BeforeEach
  void clean() {
    pg.execute("delete from app.projects", "delete from app.members", "truncate sluice.change_log");
  }

  static List<Change> changes() throws Exception {
    List<Change> out = new ArrayList<>();
    try (Connection c = pg.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select table_name, operation, primary_key::text, old_values::text, new_values::text,"
            + " actor_id, tenant_id from sluice.change_log order by id")) {
      while (rs.next()) {
        out.add(new Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7)));
      }
    }
    return out;
  }

  @Test
  void changesThroughTheAppAreCapturedWithTheActorOfTheTransaction() throws Exception {
    db.transaction(tx -> {
      tx.executeSql("select set_config('app.user_id', '" + USER + "', true), set_config('app.tenant_id', 't1', true)");
      tx.insertInto(P).set(P.id, 1).set(P.name, "Apollo").set(P.budget, 10).execute();
      tx.update(P).set(P.budget, 20).where(P.id.eq(1)).execute();
      tx.deleteFrom(P).where(P.id.eq(1)).execute();
      return null;
    });
    assertThat(changes()).containsExactly(
        new Change("projects", "INSERT", "{\"id\": 1}", null, "{\"id\": 1, \"name\": \"Apollo\", \"budget\": 10}", USER, "t1"),
        new Change("projects", "UPDATE", "{\"id\": 1}", "{\"budget\": 10}", "{\"budget\": 20}", USER, "t1"),
        new Change("projects", "DELETE", "{\"id\": 1}", "{\"id\": 1, \"name\": \"Apollo\", \"budget\": 20}", null, USER, "t1"));
  }

  @Test
  void changesByPlainSqlAreCapturedWithANullActor() throws Exception {
    pg.execute("insert into app.projects values (2, 'Gemini', null)", "update app.projects set name = 'Gemini II' where id = 2");
    List<Change> cs = changes();
    assertThat(cs).extracting(Change::op).containsExactly("INSERT", "UPDATE");
    assertThat(cs).extracting(Change::actor).containsOnlyNulls();
    assertThat(cs.get(1).oldValues()).isEqualTo("{\"name\": \"Gemini\"}");
    assertThat(cs.get(1).newValues()).isEqualTo("{\"name\": \"Gemini II\"}");
  }

  @Test
  void anUpdateThatChangesNothingIsNotLogged() throws Exception {
    pg.execute("insert into app.projects values (3, 'Mercury', 1)", "update app.projects set budget = 1 where id = 3");
    assertThat(changes()).extracting(Change::op).containsExactly("INSERT");
  }

  @Test
  void compositeKeysAndSupabaseClaimsAreRecorded() throws Exception {
    db.transaction(tx -> {
      tx.executeSql("select set_config('request.jwt.claims', '{\"sub\": \"u-42\", \"role\": \"authenticated\"}', true)");
      tx.insertInto(Members.MEMBERS).set(Members.MEMBERS.teamId, 7).set(Members.MEMBERS.userName, "ann").execute();
      return null;
    });
    Change c = changes().get(0);
    assertThat(c.table()).isEqualTo("members");
    assertThat(c.pk()).isEqualTo("{\"team_id\": 7, \"user_name\": \"ann\"}");
    assertThat(c.actor()).isEqualTo("u-42");
  }

  @Test
  void aRolledBackChangeLeavesNoLogRow() throws Exception {
    try {
      db.transaction(tx -> {
        tx.insertInto(P).set(P.id, 9).set(P.name, "x").execute();
        throw new IllegalStateException("rollback");
      });
    } catch (IllegalStateException expected) {
      // rolled back
    }
    assertThat(changes()).isEmpty();
  }

  @Test
  void uninstallRemovesTheTriggers() throws Exception {
    pg.execute(ChangeCapture.uninstallSql(Members.MEMBERS));
    pg.execute("insert into app.members values (1, 'bob')");
    assertThat(changes()).isEmpty();
    pg.execute(ChangeCapture.installSql("sluice", Members.MEMBERS));
  }

  @Test
  void onlyTablesThatOptInAreCapturedFromASchema() {
    String sql = ChangeCapture.installSql("sluice", Schema.of(P, Members.MEMBERS));
    assertThat(sql).contains("ON app.projects FOR EACH ROW EXECUTE FUNCTION sluice.capture_change('id');")
        .doesNotContain("ON app.members");
  }
}
