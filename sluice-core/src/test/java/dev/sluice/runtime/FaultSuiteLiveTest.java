package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.query.Dsl;
import dev.sluice.sql.Sql;
import dev.sluice.test.PgCluster;
import dev.sluice.types.PgTypes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Server restarts ({@code -m fast} and {@code -m immediate}) of a throwaway cluster under 8 threads
 * of mixed reads and acknowledged inserts, bounded by count and time. Guards: no acknowledged row is
 * lost, none is duplicated (the table has no unique key, so a retry that re-ran committed work would
 * show), no insert reported as failed (other than commit-outcome-unknown) is in the table, every error
 * is typed with its SQLSTATE (or is a CommitOutcomeUnknownException / PoolTimeoutException), and the
 * pool serves all threads again without restarting the application. Prints the figures.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class FaultSuiteLiveTest {
  static final int THREADS = 8;
  static final int MAX_OPS_PER_THREAD_PER_PHASE = 4_000;
  static final long WARM_UP_MS = 1_000;
  static final long TAIL_MS = 1_000;
  static final long PHASE_LIMIT_MS = 40_000;

  @Test
  void serverRestartsUnderLoadLoseNoAcknowledgedRowDuplicateNoneAndTypeEveryError() throws Exception {
    assumeTrue(PgCluster.unavailableReason() == null, () -> "skipped: " + PgCluster.unavailableReason());
    try (PgCluster pg = PgCluster.startPrimary("fault-suite")) {
      pg.execute("create table acks (id bigint not null, thread int not null, body text not null)");
      pg.execute("create index acks_id on acks (id)");
      try (Database db = Database.connect(pg.url(), c -> {
        c.setMaximumPoolSize(THREADS);
        c.setConnectionTimeout(1_000);
        c.setValidationTimeout(250);
      })) {
        AtomicLong ids = new AtomicLong();
        for (String mode : List.of("fast", "immediate")) {
          Phase phase = new Phase(db, ids);
          phase.run(pg, mode);
          phase.verify(pg, mode);
          poolServesEveryThreadAgain(db);
        }
      }
    }
  }

  /** All THREADS connections can be borrowed at once and used: the pool is back to full. */
  static void poolServesEveryThreadAgain(Database db) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch all = new CountDownLatch(THREADS);
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        results.add(pool.submit(() -> db.retrying(5, TransactionOptions.DEFAULT, tx -> {
          int one = tx.select(Dsl.field(PgTypes.INTEGER, "1")).fetchOne();
          all.countDown();
          all.await(10, TimeUnit.SECONDS); // every thread holds a connection at the same time
          return one;
        })));
      }
      for (Future<Integer> r : results) assertThat(r.get(30, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(all.getCount()).isZero();
      assertThat(db.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections()).isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  /** One restart under load and what the threads saw. */
  static final class Phase {
    final Database db;
    final AtomicLong ids;
    final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    final Set<Long> outcomeUnknown = ConcurrentHashMap.newKeySet();
    final Set<Long> reportedFailed = ConcurrentHashMap.newKeySet();
    final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Throwable> untyped = new ConcurrentLinkedQueue<>();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger ops = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    final AtomicLongArray lastSuccess = new AtomicLongArray(THREADS);
    volatile boolean stop;
    long downtimeMs;
    long recoveryMs;

    Phase(Database db, AtomicLong ids) {
      this.db = db;
      this.ids = ids;
    }

    void run(PgCluster pg, String mode) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      long hardDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PHASE_LIMIT_MS);
      List<Future<?>> workers = new ArrayList<>();
      try {
        for (int t = 0; t < THREADS; t++) {
          int thread = t;
          workers.add(pool.submit(() -> work(thread, hardDeadline)));
        }
        Thread.sleep(WARM_UP_MS);
        long stopAt = System.nanoTime();
        pg.restart(mode);
        long upAt = System.nanoTime();
        downtimeMs = TimeUnit.NANOSECONDS.toMillis(upAt - stopAt);
        // recovered when every thread has succeeded again after the server came back (bounded)
        while (System.nanoTime() < hardDeadline && !allSucceededSince(upAt)) Thread.sleep(5);
        recoveryMs = allSucceededSince(upAt) ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - upAt) : -1;
        Thread.sleep(TAIL_MS);
      } finally {
        stop = true;
        for (Future<?> w : workers) w.get(60, TimeUnit.SECONDS);
        pool.shutdownNow();
      }
    }

    boolean allSucceededSince(long nanos) {
      for (int t = 0; t < THREADS; t++) if (lastSuccess.get(t) - nanos <= 0) return false;
      return true;
    }

    void work(int thread, long hardDeadline) {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      for (int n = 0; n < MAX_OPS_PER_THREAD_PER_PHASE && !stop && System.nanoTime() < hardDeadline; n++) {
        ops.incrementAndGet();
        if (random.nextBoolean()) {
          long probe = random.nextLong(ids.get() + 1);
          try {
            db.select(Dsl.field(PgTypes.BIGINT, "(select count(*) from acks where id = {})", probe)).fetchOne();
            reads.incrementAndGet();
            lastSuccess.set(thread, System.nanoTime());
          } catch (RuntimeException e) {
            record(e);
          }
        } else {
          long id = ids.incrementAndGet();
          AtomicInteger attempts = new AtomicInteger();
          TransactionCallback<Void> insert = tx -> {
            if (attempts.incrementAndGet() > 1) retries.incrementAndGet();
            tx.executor().execute(Sql.sql("insert into acks (id, thread, body) values ({}, {}, {})", id, thread,
                "row " + id).render());
            return null;
          };
          try {
            // half the threads retry transient failures, half see every failure
            if (thread % 2 == 0) db.retrying(5, TransactionOptions.DEFAULT, insert);
            else db.transaction(insert);
            acknowledged.add(id);
            lastSuccess.set(thread, System.nanoTime());
          } catch (CommitOutcomeUnknownException e) {
            outcomeUnknown.add(id);
            record(e);
          } catch (RuntimeException e) {
            reportedFailed.add(id);
            record(e);
          }
        }
        try {
          Thread.sleep(1); // leave the shared machine some air
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    void record(RuntimeException e) {
      if (e instanceof DataAccessException d && (d.sqlState() != null || d instanceof PoolTimeoutException)) {
        String key = d.getClass().getSimpleName() + " " + d.sqlState();
        failures.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      } else {
        untyped.add(e);
      }
    }

    void verify(PgCluster pg, String mode) throws Exception {
      Map<Long, Integer> stored = new HashMap<>();
      try (Connection c = pg.connect(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select id, count(*) from acks group by id")) {
        while (rs.next()) stored.put(rs.getLong(1), rs.getInt(2));
      }
      long lost = acknowledged.stream().filter(id -> !stored.containsKey(id)).count();
      long duplicated = stored.values().stream().filter(n -> n > 1).count();
      long failedButStored = reportedFailed.stream().filter(stored::containsKey).count();
      long unknownCommitted = outcomeUnknown.stream().filter(stored::containsKey).count();
      Map<String, Integer> byType = new TreeMap<>();
      failures.forEach((k, v) -> byType.put(k, v.get()));
      System.out.printf("fault suite, restart -m %s: ops %d (reads %d, inserts acknowledged %d, reported failed %d,"
              + " outcome unknown %d of which committed %d), transaction retries %d, failures by type %s,"
              + " untyped %d; lost %d, duplicated %d, reported failed but stored %d; stop+start %d ms,"
              + " all %d threads working again %d ms after the server was up%n",
          mode, ops.get(), reads.get(), acknowledged.size(), reportedFailed.size(), outcomeUnknown.size(),
          unknownCommitted, retries.get(), byType, untyped.size(), lost, duplicated, failedButStored, downtimeMs,
          THREADS, recoveryMs);
      for (Throwable t : untyped.stream().limit(3).toList()) t.printStackTrace(System.out);
      assertThat(untyped).as("errors without a SQLSTATE or a type saying what happened").isEmpty();
      assertThat(lost).as("acknowledged rows lost").isZero();
      assertThat(duplicated).as("rows stored twice").isZero();
      assertThat(failedButStored).as("inserts reported as failed (not outcome-unknown) that committed").isZero();
      assertThat(recoveryMs).as("every thread works again after the restart, without restarting the app")
          .isGreaterThanOrEqualTo(0);
      assertThat(acknowledged).isNotEmpty();
    }
  }
}
