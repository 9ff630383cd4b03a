package dev.sluice.kit.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.test.PgBouncer;
import dev.sluice.test.PgCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrator refuses to run through PgBouncer in transaction mode (detected, or declared with
 * {@code pgbouncer=true}) without taking or leaking its session lock, and runs on the direct URL of the
 * same server. Skipped with a notice when pgbouncer or the PostgreSQL server binaries are missing.
 */
class MigratorThroughPgBouncerLiveTest {
  static String skipReason;
  static PgCluster server;
  static PgBouncer bouncer;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    skipReason = PgBouncer.unavailableReason();
    if (skipReason == null) skipReason = PgCluster.unavailableReason();
    if (skipReason != null) return;
    server = PgCluster.startPrimary("scale15-migrate-bouncer");
    bouncer = PgBouncer.start("127.0.0.1", server.port(), 2);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (bouncer != null) bouncer.close();
    } finally {
      if (server != null) server.close();
    }
  }

  static void assume() {
    assumeTrue(skipReason == null, () -> "MigratorThroughPgBouncerLiveTest skipped: " + skipReason);
  }

  @Test
  void aTransactionPoolerIsDetectedAndRefusedBeforeAnyLockIsTaken() throws Exception {
    assume();
    MigrationFolder folder = MigrationFolder.of(dir);
    folder.write("things", "create table things (id int primary key);", "drop table things;", null);
    for (int attempt = 0; attempt < 5; attempt++) {
      assertThatThrownBy(() -> Migrator.connect(bouncer.url("postgres", "postgres"), folder).migrate())
          .isInstanceOf(MigrationException.class)
          .hasMessageContaining("transaction pooler")
          .hasMessageContaining("--direct-url");
    }
    assertThat(server.queryLong("select count(*) from pg_locks where locktype = 'advisory'"))
        .as("no migration lock left on a pooled server session").isZero();
    assertThat(server.queryBoolean("select to_regclass('public.things') is null")).as("nothing applied").isTrue();

    assertThat(Migrator.connect(server.url(), folder).migrate()).extracting(Migration::name).containsExactly("0001_things");
    assertThat(server.queryBoolean("select to_regclass('public.things') is not null")).isTrue();
  }

  @Test
  void aUrlDeclaredPgBouncerIsRefusedWithoutConnecting() {
    assume();
    assertThatThrownBy(() -> Migrator.connect(bouncer.url("postgres", "postgres") + "?pgbouncer=true", MigrationFolder.of(dir)))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("pgbouncer=true")
        .hasMessageContaining("--direct-url");
  }

  @Test
  void statusReadsThroughThePooler() {
    assume();
    MigrationFolder folder = MigrationFolder.of(dir);
    assertThat(Migrator.connect(bouncer.url("postgres", "postgres"), folder).status())
        .isEqualTo(Migrator.connect(server.url(), folder).status());
  }
}
