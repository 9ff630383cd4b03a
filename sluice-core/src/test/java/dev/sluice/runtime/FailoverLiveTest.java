package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.query.Dsl;
import dev.sluice.query.Field;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.test.PgCluster;
import dev.sluice.types.PgTypes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A primary and a streaming standby ({@link PgCluster}) behind one multi-host URL
 * ({@code postgresql://127.0.0.1:p1,127.0.0.1:p2/postgres?target_session_attrs=read-write}): writers run,
 * the primary dies ({@code pg_ctl stop -m immediate}, a crash), the standby is promoted, and the same
 * pool carries on against the new primary. Measured and printed: recovery time (primary gone to the next
 * acknowledged write, and to every writer having committed again) and acknowledged writes missing after promotion, with and without a synchronous
 * standby. Skipped with a notice when PostgreSQL server binaries are not installed.
 */
class FailoverLiveTest {
  static final class Acks extends Table<Acks> {
    static final Acks ACKS = new Acks();
    final Column<Long> id = bigint("id").primaryKey();
    final Column<String> writer = text("writer").notNull();

    private Acks() {
      super("acks");
    }
  }

  static final Field<Boolean> IN_RECOVERY = Dsl.field(PgTypes.BOOLEAN, "pg_is_in_recovery()");
  static final Field<Integer> SERVER_PORT = Dsl.field(PgTypes.INTEGER, "inet_server_port()");
  static final int WRITERS = 4;

  static String skipReason;

  @BeforeAll
  static void tools() {
    skipReason = PgCluster.unavailableReason();
  }

  static void assumeServers() {
    assumeTrue(skipReason == null, () -> "FailoverLiveTest skipped: " + skipReason);
  }

  /** What one failover run saw. */
  record Outcome(long recoveryMs, long allWritersMs, long promoteMs, int acknowledged, int lost, int unknown, List<String> inFlightErrors,
      int retriedCommits) {}

  @Test
  void withASynchronousStandbyNoAcknowledgedWriteIsLost() throws Exception {
    assumeServers();
    Outcome o = failover("sync", "synchronous_standby_names = '*'", "synchronous_commit = on");
    System.out.println("failover (synchronous standby): " + o);
    assertThat(o.lost()).as("acknowledged writes missing on the promoted standby").isZero();
    assertThat(o.retriedCommits()).as("retrying transactions that committed after the failover").isPositive();
  }

  @Test
  void withAnAsynchronousStandbyTheLossWindowIsMeasured() throws Exception {
    assumeServers();
    Outcome o = failover("async");
    System.out.println("failover (asynchronous standby): " + o + " (lost = acknowledged writes missing after promotion)");
    assertThat(o.acknowledged()).isPositive();
    assertThat(o.retriedCommits()).isPositive();
  }

  @Test
  void replicatedDatabaseKeepsWorkingWhenTheStandbyBecomesThePrimary() throws Exception {
    assumeServers();
    try (PgCluster primary = PgCluster.startPrimary("scale15-swap");
        PgCluster standby = primary.startReplica("scale15_swap_standby")) {
      primary.execute("create table acks (id bigint primary key, writer text not null)");
      String hosts = "127.0.0.1:" + primary.port() + ",127.0.0.1:" + standby.port();
      Database writes = Database.connect("postgresql://postgres@" + hosts + "/postgres?target_session_attrs=read-write",
          c -> c.setConnectionTimeout(10_000));
      Database reads = ReplicatedDatabase.connectReplica("postgresql://postgres@" + hosts
          + "/postgres?target_session_attrs=prefer-standby");
      try (ReplicatedDatabase db = Database.withReplicas(writes, reads)) {
        Acks a = Acks.ACKS;
        assertThat(db.select(SERVER_PORT).fetchOne()).as("reads before").isEqualTo(standby.port());
        db.insertInto(a).set(a.id, 1L).set(a.writer, "before").execute();
        PgCluster.waitFor("the standby to replay", () -> standby.queryLong("select count(*) from acks") == 1);

        primary.stop("immediate");
        standby.promote();

        long id = db.retrying(30, TransactionOptions.DEFAULT, tx -> {
          tx.insertInto(a).set(a.id, 2L).set(a.writer, "after").execute();
          return tx.select(SERVER_PORT).fetchOne();
        });
        assertThat(id).as("the write went to the promoted standby").isEqualTo(standby.port());
        ReplicatedDatabase.Session session = db.session();
        session.insertInto(a).set(a.id, 3L).set(a.writer, "session").execute();
        assertThat(session.select(a.writer).from(a).where(a.id.eq(3L)).fetch()).as("read-your-writes after the swap")
            .containsExactly("session");
        PgCluster.waitFor("plain reads to answer from the new primary", Duration.ofSeconds(30),
            () -> db.select(Dsl.count()).from(a).fetchOne() == 3L);
        assertThat(db.select(IN_RECOVERY).fetchOne()).as("nobody is in recovery any more").isFalse();
      }
    }
  }

  /**
   * Starts a primary with {@code primaryConf} and a standby, runs {@link #WRITERS} writer threads (half
   * through {@link Database#retrying}, half with plain autocommit inserts whose failures are collected),
   * crashes the primary, promotes the standby, waits until every writer committed again, then counts
   * acknowledged ids missing on the new primary.
   */
  static Outcome failover(String name, String... primaryConf) throws Exception {
    try (PgCluster primary = PgCluster.startPrimary("scale15-fo-" + name, primaryConf);
        // pg_basebackup copies postgresql.conf: a promoted standby that kept synchronous_standby_names = '*'
        // with no standby of its own would block every commit (what a failover manager resets)
        PgCluster standby = primary.startReplica("scale15_fo_" + name, "synchronous_standby_names = ''")) {
      primary.execute("create table acks (id bigint primary key, writer text not null)");
      if (primaryConf.length > 0) {
        PgCluster.waitFor("the standby to be synchronous", () ->
            primary.queryBoolean("select count(*) = 1 from pg_stat_replication where sync_state = 'sync'"));
      }
      String url = "postgresql://postgres@127.0.0.1:" + primary.port() + ",127.0.0.1:" + standby.port()
          + "/postgres?target_session_attrs=read-write";
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong ids = new AtomicLong();
      Set<Long> acked = ConcurrentHashMap.newKeySet();
      Set<Long> unknown = ConcurrentHashMap.newKeySet();
      ConcurrentLinkedQueue<String> inFlight = new ConcurrentLinkedQueue<>();
      AtomicLong failedAt = new AtomicLong();
      AtomicLong firstAckAfter = new AtomicLong();
      AtomicLong allAckAfter = new AtomicLong();
      ConcurrentHashMap<Integer, Boolean> committedAfter = new ConcurrentHashMap<>();
      AtomicLong retriedCommits = new AtomicLong();
      Acks a = Acks.ACKS;
      try (Database db = Database.connect(url, c -> {
        c.setMaximumPoolSize(WRITERS);
        c.setConnectionTimeout(5_000);
      })) {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
          List<Future<?>> done = new ArrayList<>();
          for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            boolean retrying = w % 2 == 0;
            done.add(pool.submit(() -> {
              while (!stop.get()) {
                long id = ids.incrementAndGet();
                try {
                  if (retrying) {
                    db.retrying(40, TransactionOptions.DEFAULT, tx -> {
                      tx.insertInto(a).set(a.id, id).set(a.writer, "r" + writer).execute();
                      return null;
                    });
                  } else {
                    db.insertInto(a).set(a.id, id).set(a.writer, "p" + writer).execute();
                  }
                  acked.add(id);
                  if (failedAt.get() != 0) {
                    firstAckAfter.compareAndSet(0, System.nanoTime());
                    if (committedAfter.putIfAbsent(writer, true) == null && retrying) retriedCommits.incrementAndGet();
                    if (committedAfter.size() == WRITERS) allAckAfter.compareAndSet(0, System.nanoTime());
                  }
                } catch (CommitOutcomeUnknownException e) {
                  unknown.add(id);
                } catch (DataAccessException e) {
                  unknown.add(id); // an autocommit statement cut off by the crash may or may not have committed
                  inFlight.add((e.isTransient() ? "transient " : "NOT transient ") + e.sqlState() + " "
                      + e.getClass().getSimpleName());
                  if (!e.isTransient()) throw e;
                  sleepQuietly(20);
                }
              }
              return null;
            }));
          }
          PgCluster.waitFor("writes to flow", () -> acked.size() >= 200);
          primary.stop("immediate");
          failedAt.set(System.nanoTime());
          standby.promote();
          long promoted = System.nanoTime();
          PgCluster.waitFor("every writer to commit on the new primary", () -> committedAfter.size() == WRITERS);
          int target = acked.size() + 100;
          PgCluster.waitFor("more writes on the new primary", () -> acked.size() >= target);
          stop.set(true);
          for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
          Set<Long> present = new HashSet<>();
          try (Connection c = standby.connect(); Statement st = c.createStatement();
              ResultSet rs = st.executeQuery("select id from acks")) {
            while (rs.next()) present.add(rs.getLong(1));
          }
          Set<Long> missing = new HashSet<>(acked);
          missing.removeAll(present);
          return new Outcome((firstAckAfter.get() - failedAt.get()) / 1_000_000,
              (allAckAfter.get() - failedAt.get()) / 1_000_000, (promoted - failedAt.get()) / 1_000_000,
              acked.size(), missing.size(), unknown.size(), inFlight.stream().distinct().toList(),
              (int) retriedCommits.get());
        } finally {
          stop.set(true);
          pool.shutdownNow();
        }
      }
    }
  }

  static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
