package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** libpq's multi-host URLs and the Database URL flag {@code pgbouncer}, without a server. */
class PgUrlHostListTest {
  @Test
  void aLibpqHostListKeepsEveryHostInsteadOfFallingBackToLocalhost() {
    PgUrl pg = PgUrl.parse("postgresql://app:pw@db1:5433,db2:5434/shop?target_session_attrs=read-write", Map.of());
    assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db1:5433,db2:5434/shop?targetServerType=primary");
    assertThat(pg.user()).isEqualTo("app");
    assertThat(pg.password()).isEqualTo("pw");
  }

  @Test
  void hostsWithoutAPortGetPgportOr5432() {
    assertThat(PgUrl.parse("postgresql://db1,db2:6000/shop", Map.of("PGPORT", "5999")).jdbcUrl())
        .isEqualTo("jdbc:postgresql://db1:5999,db2:6000/shop");
    assertThat(PgUrl.parse("postgresql://db1,db2/shop", Map.of()).jdbcUrl())
        .isEqualTo("jdbc:postgresql://db1:5432,db2:5432/shop");
  }

  @Test
  void targetSessionAttrsMapsToPgjdbcsTargetServerType() {
    assertThat(PgUrl.parse("postgresql://a,b/d?target_session_attrs=prefer-standby&sslmode=disable", Map.of()).jdbcUrl())
        .isEqualTo("jdbc:postgresql://a:5432,b:5432/d?targetServerType=preferSecondary&sslmode=disable");
    assertThat(PgUrl.parse("postgresql://a/d?target_session_attrs=standby", Map.of()).jdbcUrl())
        .isEqualTo("jdbc:postgresql://a:5432/d?targetServerType=secondary");
    assertThatThrownBy(() -> PgUrl.parse("postgresql://a/d?target_session_attrs=whatever", Map.of()))
        .hasMessageContaining("unknown target_session_attrs: whatever");
  }

  @Test
  void anEmptyHostInTheListIsRejected() {
    assertThatThrownBy(() -> PgUrl.parse("postgresql://a,,b/d", Map.of())).hasMessageContaining("empty host");
  }

  @Test
  void thePgbouncerFlagIsReadAndRemovedFromTheUrl() {
    assertThat(Database.paramValue("postgresql://a/d?sslmode=disable&pgbouncer=true", "pgbouncer")).isEqualTo("true");
    assertThat(Database.withoutParam("postgresql://a/d?sslmode=disable&pgbouncer=true", "pgbouncer"))
        .isEqualTo("postgresql://a/d?sslmode=disable");
    assertThat(Database.withoutParam("postgresql://a/d?pgbouncer=true", "pgbouncer")).isEqualTo("postgresql://a/d");
    assertThat(Database.paramValue("postgresql://a/d", "pgbouncer")).isNull();
    assertThatThrownBy(() -> Database.connect("postgresql://a/d?pgbouncer=yes"))
        .hasMessageContaining("pgbouncer must be true or false");
  }
}
