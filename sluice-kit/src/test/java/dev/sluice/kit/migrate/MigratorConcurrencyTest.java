package dev.sluice.kit.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.test.PgTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@PgTest
class MigratorConcurrencyTest {
  @TempDir Path dir;

  @Test
  void eightMigratorsStartedTogetherApplyEachMigrationExactlyOnce() throws Exception {
    MigrationFolder folder = MigrationFolder.of(dir);
    folder.write("log", "create table applied_log (version int not null, at timestamptz default clock_timestamp());\n"
        + "insert into applied_log (version) values (1);", null, null);
    folder.write("users", "create table users (id int primary key);\nselect pg_sleep(0.3);\n"
        + "insert into applied_log (version) values (2);", null, null);
    folder.write("seed", "insert into users select generate_series(1, 100);\ninsert into applied_log (version) values (3);", null, null);
    folder.write("idx", "create index concurrently users_id_desc on users (id desc);\n"
        + "insert into applied_log (version) values (4);", null, null);
    folder.write("more", "alter table users add column name text;\nselect pg_sleep(0.2);\n"
        + "insert into applied_log (version) values (5);", null, null);

    try (LiveDb db = new LiveDb("mig_concurrency")) {
      int threads = 8;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Migration>>> results = new ArrayList<>();
      java.util.concurrent.atomic.AtomicInteger waited = new java.util.concurrent.atomic.AtomicInteger();
      try {
        for (int i = 0; i < threads; i++) {
          Migrator migrator = Migrator.connect(db.url, MigrationFolder.of(dir)).withListener(new MigrationListener() {
            @Override
            public void waitingForLock(String holder) {
              waited.incrementAndGet();
            }
          });
          results.add(pool.submit(() -> {
            start.await();
            return migrator.migrate();
          }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        int applied = 0;
        int idle = 0;
        for (Future<List<Migration>> f : results) {
          List<Migration> done = f.get(60, TimeUnit.SECONDS); // bounded: a deadlock fails here
          applied += done.size();
          if (done.isEmpty()) idle++;
        }
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(30);
        assertThat(applied).isEqualTo(5);
        assertThat(idle).isGreaterThanOrEqualTo(threads - 5);
        assertThat(waited.get()).as("migrators that reported waiting for the lock").isPositive();
      } finally {
        pool.shutdownNow();
      }
      assertThat(db.rows("select version from applied_log order by at")).containsExactly("1", "2", "3", "4", "5");
      assertThat(db.rows("select version, success from sluice.migrations order by version"))
          .containsExactly("1|t", "2|t", "3|t", "4|t", "5|t");
      assertThat(db.scalar("select count(*) from users")).isEqualTo("100");
      assertThat(db.scalar("select count(*) from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())")).isEqualTo("0");
    }
  }

  @Test
  void aMigratorGivesUpWaitingForTheLockAfterLockWaitTimeoutAndNamesTheHolder() throws Exception {
    MigrationFolder folder = MigrationFolder.of(dir);
    folder.write("one", "create table one (id int);", null, null);
    try (LiveDb db = new LiveDb("mig_lock_wait"); java.sql.Connection holder = db.connect()) {
      try (var ps = holder.prepareStatement("select pg_advisory_lock(?)")) {
        ps.setLong(1, Migrator.LOCK_KEY);
        ps.execute();
      }
      Migrator waiting = Migrator.connect(db.url, folder)
          .withOptions(MigratorOptions.DEFAULTS.withLockWaitTimeout(java.time.Duration.ofMillis(500)));
      org.assertj.core.api.Assertions.assertThatThrownBy(waiting::migrate).isInstanceOf(MigrationException.class)
          .hasMessageContaining("another migrator held the migration lock for more than PT0.5S (held by backend pid");
      assertThat(db.tableExists("one")).isFalse();
      holder.close();
      assertThat(waiting.migrate()).hasSize(1);
    }
  }
}
