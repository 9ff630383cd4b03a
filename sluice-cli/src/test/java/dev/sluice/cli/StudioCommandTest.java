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
  void printSetupSqlCreatesANologinReadRoleAndANoinheritLoginThatCanSwitchToIt(PgTestContext pg) throws Exception {
    Cli.Run run = Cli.run("studio", "--print-setup-sql");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("CREATE ROLE sluice_studio_read NOLOGIN").contains("GRANT pg_read_all_data TO sluice_studio_read")
        .contains("GRANT sluice_studio_read TO sluice_studio");
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
