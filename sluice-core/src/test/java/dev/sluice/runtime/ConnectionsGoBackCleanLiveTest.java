package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.query.Dsl;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import dev.sluice.types.PgTypes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Session state one borrower leaves on a pooled connection never reaches the next (a pool of one). */
@PgTest
class ConnectionsGoBackCleanLiveTest {
  static Database single;
  static String login;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    login = TenancyFixtures.loginUser(pg.jdbcUrl());
    pg.execute("create table shadowed (v text)", "insert into shadowed values ('real')",
        "do $$ begin if not exists (select from pg_roles where rolname = 'sluice_clean_other') then"
            + " create role sluice_clean_other nologin; end if; end $$",
        "grant sluice_clean_other to current_user");
    single = Database.connect(pg.jdbcUrl(), c -> c.setMaximumPoolSize(1));
  }

  @AfterAll
  static void tearDown() {
    single.close();
  }

  static String state() {
    return single.select(Dsl.rawField(PgTypes.TEXT, "current_user || '|' || session_user || '|' "
            + "|| coalesce(current_setting('app.user_id', true), '') || '|' || current_setting('search_path') || '|' "
            + "|| (select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()) || '|' "
            + "|| (select count(*) from pg_listening_channels()) || '|' || (select string_agg(v, ',') from shadowed)"))
        .fetchOne();
  }

  @Test
  void sessionSettingsRolesLocksAndListensDoNotReachTheNextBorrower() {
    String clean = login + "|" + login + "||\"$user\", public|0|0|real";
    assertThat(state()).isEqualTo(clean);
    single.transaction(tx -> {
      tx.executeSql("select set_config('app.user_id', 'bob', false)");
      tx.executeSql("SET SESSION search_path = pg_catalog, public");
      tx.executeSql("select pg_advisory_lock(42)");
      tx.executeSql("LISTEN somewhere");
      tx.executeSql("SET SESSION ROLE sluice_clean_other");
      return null;
    });
    assertThat(state()).isEqualTo(clean);
  }

  @Test
  void aTempTableShadowingARealTableDoesNotReachTheNextBorrower() {
    single.transaction(tx -> {
      tx.executeSql("create temp table shadowed (v text)");
      tx.executeSql("insert into shadowed values ('planted')");
      return null;
    });
    assertThat(single.select(Dsl.rawField(PgTypes.TEXT, "(select string_agg(v, ',') from shadowed)")).fetchOne())
        .isEqualTo("real");
  }

  @Test
  void aConnectionLeftInsideATransactionIsRolledBackAndReset() throws Exception {
    try (Connection c = single.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute("insert into shadowed values ('uncommitted')");
        st.execute("select set_config('app.user_id', 'left', false)");
      }
    }
    assertThat(state()).endsWith("|real");
    try (Connection c = single.dataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select coalesce(current_setting('app.user_id', true), '')")) {
      rs.next();
      assertThat(rs.getString(1)).isEmpty();
    }
  }

  @Test
  void aSuperuserLoginIsReportedAsAbleToEscapeATenantScope() throws Exception {
    try (Connection c = single.dataSource().getConnection()) {
      assertThat(Tenancy.loginRoleProblem(c)).contains("login role " + login).contains("is a superuser");
    }
  }
}
