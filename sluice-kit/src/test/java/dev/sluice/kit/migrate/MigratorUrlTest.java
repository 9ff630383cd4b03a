package dev.sluice.kit.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class MigratorUrlTest {
  @Test
  void libpqStyleUrlsBecomeJdbcUrlsWithDecodedCredentials() {
    PGSimpleDataSource ds = (PGSimpleDataSource) Migrator.dataSource("postgresql://app:p%40ss@db.example:6543/shop?sslmode=disable");
    assertThat(ds.getServerNames()).containsExactly("db.example");
    assertThat(ds.getPortNumbers()).containsExactly(6543);
    assertThat(ds.getDatabaseName()).isEqualTo("shop");
    assertThat(ds.getUser()).isEqualTo("app");
    assertThat(ds.getPassword()).isEqualTo("p@ss");
    assertThat(ds.getSslMode()).isEqualTo("disable");
    assertThat(ds.getApplicationName()).isEqualTo("sluice migrate");
  }

  @Test
  void jdbcUrlsAreTakenAsTheyAre() {
    PGSimpleDataSource ds = (PGSimpleDataSource) Migrator.dataSource("jdbc:postgresql://h/db?user=u&ApplicationName=deployer");
    assertThat(ds.getDatabaseName()).isEqualTo("db");
    assertThat(ds.getUser()).isEqualTo("u");
    assertThat(ds.getApplicationName()).isEqualTo("deployer");
  }

  @Test
  void otherUrlsAreRefused() {
    assertThatThrownBy(() -> Migrator.dataSource("mysql://h/db")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a PostgreSQL URL");
  }
}
