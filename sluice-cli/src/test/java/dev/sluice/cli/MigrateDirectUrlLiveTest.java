package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.kit.migrate.MigrationFolder;
import dev.sluice.test.PgBouncer;
import dev.sluice.test.PgCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice migrate --url <pgbouncer>} is refused with a message naming {@code --direct-url}, and
 * {@code --direct-url <postgres>} next to it applies the migrations on the server itself. Skipped with a
 * notice when pgbouncer or the PostgreSQL server binaries are missing.
 */
class MigrateDirectUrlLiveTest {
  @Test
  void migrateThroughPgBouncerNeedsTheDirectUrl(@TempDir Path dir) throws Exception {
    String skip = PgBouncer.unavailableReason();
    if (skip == null) skip = PgCluster.unavailableReason();
    String reason = skip;
    assumeTrue(reason == null, () -> "MigrateDirectUrlLiveTest skipped: " + reason);
    try (PgCluster server = PgCluster.startPrimary("scale15-cli-direct");
        PgBouncer bouncer = PgBouncer.start("127.0.0.1", server.port(), 2)) {
      Path migrations = dir.resolve("migrations");
      MigrationFolder.of(migrations).write("create_notes", "CREATE TABLE notes (id int PRIMARY KEY);", "DROP TABLE notes;", null);
      String pooled = bouncer.url("postgres", "postgres");

      Cli.Run refused = Cli.run("migrate", "--url", pooled, "--migrations", migrations.toString());
      assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
      assertThat(refused.err()).contains("transaction pooler").contains("--direct-url");

      Cli.Run up = Cli.run("migrate", "--url", pooled, "--direct-url", server.url(), "--migrations", migrations.toString());
      assertThat(up.exit()).as(up.toString()).isZero();
      assertThat(up.out()).contains("applied 1 migration(s)");
      assertThat(server.queryBoolean("select to_regclass('public.notes') is not null")).isTrue();
    }
  }
}
