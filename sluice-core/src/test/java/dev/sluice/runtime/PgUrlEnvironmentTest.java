package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.test.PgCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 13: libpq's PG* variables fill what the URL leaves out. The live part runs against a
 * throwaway server whose pg_hba.conf demands a SCRAM password for role {@code secret}.
 */
class PgUrlEnvironmentTest {
  static PgCluster pg;

  @BeforeAll
  static void start() throws Exception {
    if (PgCluster.unavailableReason() != null) return;
    pg = PgCluster.startPrimary("pgurl_env");
    pg.execute("set password_encryption = 'scram-sha-256'; create role secret login password 'open sesame'");
    Path hba = pg.dataDirectory().resolve("pg_hba.conf");
    Files.writeString(hba, "host all secret 127.0.0.1/32 scram-sha-256\n" + Files.readString(hba));
    pg.execute("select pg_reload_conf()");
  }

  @AfterAll
  static void stop() throws Exception {
    if (pg != null) pg.close();
  }

  @Test
  void theEnvironmentFillsHostPortDatabaseUserAndSslmodeTheUrlLeavesOut() {
    Map<String, String> env = Map.of("PGHOST", "db.example", "PGPORT", "6543", "PGDATABASE", "app", "PGUSER", "ann",
        "PGPASSWORD", "pw", "PGSSLMODE", "require");
    PgUrl bare = PgUrl.parse("postgresql://", env);
    assertThat(bare).isEqualTo(new PgUrl("jdbc:postgresql://db.example:6543/app?sslmode=require", "ann", "pw"));
    PgUrl given = PgUrl.parse("postgresql://bob:x@h:1/d?sslmode=disable", env);
    assertThat(given).as("the URL wins").isEqualTo(new PgUrl("jdbc:postgresql://h:1/d?sslmode=disable", "bob", "x"));
    assertThat(PgUrl.parse("jdbc:postgresql://h/d", env)).isEqualTo(new PgUrl("jdbc:postgresql://h/d?sslmode=require", "ann", "pw"));
    assertThat(PgUrl.parse("postgresql:///d", Map.of("PGHOST", "/var/run/postgresql")).jdbcUrl())
        .as("a socket directory is not a TCP host").isEqualTo("jdbc:postgresql://localhost:5432/d");
  }

  @Test
  void thePasswordFileIsReadWithWildcardsAndEscapes(@TempDir Path dir) throws Exception {
    Path pass = dir.resolve("pgpass");
    Files.writeString(pass, "# comment\nother:*:*:ann:nope\nh:5432:*:ann:p\\:w\\\\1\n*:*:*:*:fallback\n");
    assertThat(PgUrl.parse("postgresql://ann@h/app", Map.of("PGPASSFILE", pass.toString())).password()).isEqualTo("p:w\\1");
    assertThat(PgUrl.parse("postgresql://zoe@h/app", Map.of("PGPASSFILE", pass.toString())).password()).isEqualTo("fallback");
    assertThat(PgUrl.parse("postgresql://ann@h/app", Map.of("PGPASSFILE", pass.toString(), "PGPASSWORD", "env"))
        .password()).as("PGPASSWORD comes first").isEqualTo("env");
  }

  @Test
  void pgpasswordLogsInToAPasswordProtectedRole(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(pg != null, "no PostgreSQL binaries: " + PgCluster.unavailableReason());
    String url = "postgresql://secret@127.0.0.1:" + pg.port() + "/postgres";
    assertThatThrownBy(() -> PgUrl.parse(url, Map.of()).connect().close()).isInstanceOf(SQLException.class);
    try (Connection c = PgUrl.parse(url, Map.of("PGPASSWORD", "open sesame")).connect();
         ResultSet rs = c.createStatement().executeQuery("select current_user")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("secret");
    }
    Path pass = dir.resolve("pgpass");
    Files.writeString(pass, "127.0.0.1:" + pg.port() + ":postgres:secret:open sesame\n");
    try (Connection c = PgUrl.parse(url, Map.of("PGPASSFILE", pass.toString())).connect()) {
      assertThat(c.isValid(5)).isTrue();
    }
    try (Connection c = PgUrl.parse("postgresql://127.0.0.1:" + pg.port() + "/postgres",
        Map.of("PGUSER", "secret", "PGPASSWORD", "open sesame")).connect()) {
      assertThat(c.isValid(5)).isTrue();
    }
  }
}
