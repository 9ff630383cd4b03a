package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@PgTest
class StudioCommandTest {

  @Test
  void printSetupSqlCreatesNologinReadAndWriteRolesAndANoinheritLoginThatCanSwitchToThem(PgTestContext pg) throws Exception {
    Cli.Run run = Cli.run("studio", "--print-setup-sql");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("CREATE ROLE sluice_studio_read NOLOGIN").contains("CREATE ROLE sluice_studio_write NOLOGIN")
        .contains("GRANT SELECT ON ALL TABLES IN SCHEMA public TO sluice_studio_read")
        .contains("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO sluice_studio_write")
        .doesNotContain("GRANT pg_read_all_data").contains("GRANT sluice_studio_read, sluice_studio_write TO sluice_studio");
    pg.execute(run.out(), run.out()); // runs twice without error
    try (Connection c = pg.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
        "select r.rolcanlogin, r.rolsuper, l.rolcanlogin, l.rolinherit, pg_has_role('sluice_studio', 'sluice_studio_read', 'MEMBER')"
            + " from pg_roles r, pg_roles l where r.rolname = 'sluice_studio_read' and l.rolname = 'sluice_studio'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(1)).isFalse();
      assertThat(rs.getBoolean(2)).isFalse();
      assertThat(rs.getBoolean(3)).isTrue();
      assertThat(rs.getBoolean(4)).isFalse();
      assertThat(rs.getBoolean(5)).isTrue();
    }
  }

  @Test
  void theSetupRolesCannotReadPasswordHashes(PgTestContext pg) throws Exception {
    Cli.Run run = Cli.run("studio", "--print-setup-sql", "--setup-schemas", "public,sec12_extra");
    assertThat(run.exit()).as(run.toString()).isZero();
    pg.execute("create schema if not exists sec12_extra", "create table if not exists sec12_extra.t (x int)");
    pg.execute(run.out());
    try (Connection c = pg.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
        "select has_table_privilege(r, 'pg_catalog.pg_authid', 'SELECT'), has_table_privilege(r, 'sec12_extra.t', 'SELECT')"
            + " from unnest(array['sluice_studio_read', 'sluice_studio_write', 'sluice_studio']) r order by r")) {
      for (int i = 0; i < 3; i++) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBoolean(1)).as("pg_authid readable").isFalse();
      }
    }
    try (Connection c = pg.connect(); Statement st = c.createStatement()) {
      st.execute("set role sluice_studio_read");
      assertThat(st.execute("select count(*) from sec12_extra.t")).isTrue();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.executeQuery("select rolpassword from pg_authid"))
          .isInstanceOfSatisfying(java.sql.SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }
    pg.execute("drop schema sec12_extra cascade");
  }

  @Test
  void readWriteWithASuperuserLoginIsRefusedUnlessAllowed(PgTestContext pg) {
    Cli.Run run = Cli.run("studio", "--port", "0", "--url", pg.jdbcUrl());
    assertThat(run.exit()).as(run.toString()).isEqualTo(SluiceCommand.EXIT_USAGE);
    assertThat(run.err()).contains("superuser").contains("--allow-superuser");
  }

  @Test
  void readOnlyWithASuperuserLoginIsRefusedSayingHowToSetUpTheRole(PgTestContext pg) {
    Cli.Run run = Cli.run("studio", "--read-only", "--port", "0", "--url", pg.jdbcUrl());
    assertThat(run.exit()).as(run.toString()).isEqualTo(SluiceCommand.EXIT_USAGE);
    assertThat(run.err()).contains("superuser").contains("--print-setup-sql");
  }

  @Test
  void aReadRoleThatIsNotAPlainIdentifierIsRefused() {
    Cli.Run run = Cli.run("studio", "--print-setup-sql", "--read-role", "x; drop table t");
    assertThat(run.exit()).as(run.toString()).isEqualTo(SluiceCommand.EXIT_USAGE);
  }
}
