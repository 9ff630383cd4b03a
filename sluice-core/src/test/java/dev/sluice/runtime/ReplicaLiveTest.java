package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.query.Dsl;
import dev.sluice.query.Field;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.test.PgCluster;
import dev.sluice.types.PgTypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real primary and two streaming replicas ({@link PgCluster}) on loopback, when PostgreSQL server
 * binaries are installed; skipped with a notice otherwise. Each fault test puts the servers back as
 * it found them (replica restarted, replay resumed).
 */
class ReplicaLiveTest {
  static final class Notes extends Table<Notes> {
    static final Notes NOTES = new Notes();
    final Column<Long> id = bigint("id").primaryKey();
    final Column<String> body = text("body");

    private Notes() {
      super("notes");
    }
  }

  static final Field<Boolean> IN_RECOVERY = Dsl.field(PgTypes.BOOLEAN, "pg_is_in_recovery()");
  static final Field<Integer> SERVER_PORT = Dsl.field(PgTypes.INTEGER, "inet_server_port()");

  static PgCluster primary;
  static PgCluster replicaA;
  static PgCluster replicaB;
  static String skipReason;
  /** primary + a replica nobody listens for + replica A. */
  static ReplicatedDatabase db;

  @BeforeAll
  static void startServers() throws Exception {
    skipReason = PgCluster.unavailableReason();
    if (skipReason != null) return;
    primary = PgCluster.startPrimary("replica-primary");
    replicaA = primary.startReplica("replica_a");
    replicaB = primary.startReplica("replica_b");
    primary.execute("create table notes (id bigint primary key, body text)");
    primary.execute("insert into notes values (1, 'replicated')");
    PgCluster.waitFor("the replicas to replay the first row", () ->
        replicaA.queryLong("select count(*) from notes") == 1 && replicaB.queryLong("select count(*) from notes") == 1);

    Database dead = Database.connect("postgresql://postgres@127.0.0.1:" + PgCluster.freePort() + "/postgres", c -> {
      c.setInitializationFailTimeout(-1);
      c.setConnectionTimeout(500);
    });
    db = Database.withReplicas(Database.connect(primary.url()), dead, Database.connect(replicaA.url()));
  }

  @AfterAll
  static void stopServers() throws Exception {
    if (db != null) db.close();
    for (PgCluster c : new PgCluster[] {replicaB, replicaA, primary}) if (c != null) c.close();
  }

  static void assumeServers() {
    assumeTrue(skipReason == null, () -> "ReplicaLiveTest skipped: " + skipReason);
  }

  @Test
  void readsGoToTheReplicaSkippingTheDeadOne() {
    assumeServers();
    for (int i = 0; i < 4; i++) {
      assertThat(db.select(IN_RECOVERY).fetchOne()).as("read %d answered by a replica", i).isTrue();
    }
    assertThat(db.select(Notes.NOTES.body).from(Notes.NOTES).where(Notes.NOTES.id.eq(1L)).fetch())
        .containsExactly("replicated");
  }

  @Test
  void writesAndTransactionsGoToThePrimary() {
    assumeServers();
    Notes n = Notes.NOTES;
    assertThat(db.insertInto(n).set(n.id, 10L).set(n.body, "written").execute()).isEqualTo(1);
    assertThat(db.insertInto(n).set(n.id, 11L).set(n.body, "returned").returning(n.id).fetchOne()).isEqualTo(11L);
    assertThat(db.update(n).set(n.body, "updated").where(n.id.eq(10L)).execute()).isEqualTo(1);
    boolean inTx = db.transaction(tx -> tx.select(IN_RECOVERY).fetchOne());
    assertThat(inTx).as("inside a transaction").isFalse();
    assertThat(db.primary().select(IN_RECOVERY).fetchOne()).isFalse();
    assertThat(db.insertMany(n, List.of(12L, 13L), (row, id) -> row.set(n.id, id).set(n.body, "bulk"))).isEqualTo(2);
    assertThat(db.select(n.id).from(n).where(n.id.eq(11L)).forUpdate().fetch()).containsExactly(11L);
  }

  @Test
  void aSessionReadsItsOwnWritesAndReturnsToTheReplicaOnceItReplayedThem() throws Exception {
    assumeServers();
    Notes n = Notes.NOTES;
    ReplicatedDatabase.Session session = db.session();
    assertThat(session.sticky()).as("before any write").isFalse();
    assertThat(session.select(IN_RECOVERY).fetchOne()).as("before any write").isTrue();
    session.insertInto(n).set(n.id, 20L).set(n.body, "mine").execute();
    assertThat(session.select(n.body).from(n).where(n.id.eq(20L)).fetch()).containsExactly("mine");
    PgCluster.waitFor("the session's reads to go back to the replica", Duration.ofSeconds(10),
        () -> session.select(IN_RECOVERY).fetchOne());
    assertThat(session.sticky()).isFalse();
    session.transaction(tx -> tx.insertInto(n).set(n.id, 21L).set(n.body, "tx").execute());
    assertThat(session.select(n.body).from(n).where(n.id.eq(21L)).fetch()).as("after a transaction").containsExactly("tx");
  }

  /**
   * Replay paused on the only replica: a session that wrote reads its own write every time (from the
   * primary), sessions that did not write still read from the (now stale) replica, and after replay
   * resumes the writing session reads from the replica again.
   */
  @Test
  void aSessionNeverReadsStaleRowsWhileReplayIsPaused() throws Exception {
    assumeServers();
    Notes n = Notes.NOTES;
    try (ReplicatedDatabase rdb = Database.withReplicas(Database.connect(primary.url()),
        ReplicatedDatabase.connectReplica(replicaA.url()))) {
      ReplicatedDatabase.Session session = rdb.session();
      int[] streaming = readOwnWrites(session, 1_000, 100);
      assertThat(streaming[0]).as("stale reads while replaying").isZero();

      replicaA.execute("select pg_wal_replay_pause()");
      try {
        PgCluster.waitFor("replay to be paused", () -> replicaA.queryBoolean(
            "select pg_get_wal_replay_pause_state() = 'paused'"));
        int[] paused = readOwnWrites(session, 2_000, 200);
        assertThat(paused[0]).as("stale reads while replay is paused").isZero();
        assertThat(paused[1]).as("reads answered by the paused replica").isZero();
        assertThat(rdb.session().select(IN_RECOVERY).fetchOne()).as("a session that did not write").isTrue();
        assertThat(rdb.select(n.id).from(n).where(n.id.eq(2_000L)).fetch())
            .as("the replica really is behind: a read without a session does not see the write").isEmpty();
        System.out.printf("replay paused: 200 write-then-read iterations, 0 stale, %d from the replica, %d from the"
            + " primary; with replay running: 100 iterations, %d stale, %d from the replica%n",
            paused[1], paused[2], streaming[0], streaming[1]);
      } finally {
        replicaA.execute("select pg_wal_replay_resume()");
      }
      PgCluster.waitFor("the session's reads to go back to the replica after resume", Duration.ofSeconds(10),
          () -> session.select(IN_RECOVERY).fetchOne());
      assertThat(session.select(n.body).from(n).where(n.id.eq(2_199L)).fetch()).containsExactly("w2199");
    }
  }

  /**
   * The cached replay position claims the paused replica is far ahead (as it would for a replica that
   * restarted behind its last probe): each session read still checks the position on the connection it
   * reads on, so it goes to the primary and is never stale.
   */
  @Test
  void aSessionReadIsCheckedOnItsOwnConnectionWhenTheCachedReplayPositionIsWrong() throws Exception {
    assumeServers();
    Notes n = Notes.NOTES;
    try (ReplicatedDatabase rdb = Database.withReplicas(Database.connect(primary.url()),
        ReplicatedDatabase.connectReplica(replicaA.url()))) {
      PgCluster.waitFor("replica A to be up", () -> rdb.healthOf(0).up() && rdb.healthOf(0).replayLsn() > 0);
      replicaA.execute("select pg_wal_replay_pause()");
      try {
        PgCluster.waitFor("replay to be paused", () -> replicaA.queryBoolean(
            "select pg_get_wal_replay_pause_state() = 'paused'"));
        ReplicatedDatabase.Session session = rdb.session();
        int stale = 0;
        int fromReplica = 0;
        for (long id = 3_000; id < 3_050; id++) {
          session.insertInto(n).set(n.id, id).set(n.body, "w" + id).execute();
          rdb.healthOf(0).observed(Long.MAX_VALUE - 1); // a wrong cache: "replayed everything"
          List<Boolean> seen = session.select(IN_RECOVERY).from(n).where(n.id.eq(id)).fetch();
          if (seen.isEmpty()) stale++;
          else if (seen.get(0)) fromReplica++;
        }
        assertThat(stale).as("stale reads").isZero();
        assertThat(fromReplica).as("reads answered by the paused replica").isZero();
      } finally {
        replicaA.execute("select pg_wal_replay_resume()");
      }
    }
  }

  /** Writes then reads back {@code count} rows through {@code session}: {stale, from replica, from primary}. */
  private static int[] readOwnWrites(ReplicatedDatabase.Session session, long firstId, int count) {
    Notes n = Notes.NOTES;
    int[] out = new int[3];
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
      long id = firstId + i;
      session.insertInto(n).set(n.id, id).set(n.body, "w" + id).execute();
      List<Boolean> seen = session.select(IN_RECOVERY).from(n).where(n.id.eq(id)).fetch();
      if (seen.isEmpty()) out[0]++;
      else if (seen.get(0)) out[1]++;
      else out[2]++;
    }
    return out;
  }

  /**
   * Replica B stopped with {@code -m immediate} and started again under 8 reader threads: no read fails,
   * no read waits longer than a bound of 3x the replica pools' connection timeout, nothing is read from
   * B while it is down, and B answers reads again after it is back.
   */
  @Test
  void aStoppedReplicaCostsReadersNoWaitAndIsUsedAgainAfterRestart() throws Exception {
    assumeServers();
    long timeoutMs = ReplicatedDatabase.REPLICA_CONNECTION_TIMEOUT_MS;
    try (ReplicatedDatabase rdb = Database.withReplicas(Database.connect(primary.url()),
        ReplicatedDatabase.connectReplica(replicaA.url()), ReplicatedDatabase.connectReplica(replicaB.url()))) {
      AtomicReference<String> phase = new AtomicReference<>("warm");
      Map<String, LongAdder> byPhaseAndPort = new ConcurrentHashMap<>();
      Map<String, AtomicLong> maxNanosByPhase = new ConcurrentHashMap<>();
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      LongAdder reads = new LongAdder();
      long hardStop = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      List<Thread> readers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        Thread th = new Thread(() -> {
          for (int i = 0; i < 200_000 && !phase.get().equals("done") && System.nanoTime() < hardStop; i++) {
            String p = phase.get();
            long start = System.nanoTime();
            try {
              int port = rdb.select(SERVER_PORT).fetchOne();
              byPhaseAndPort.computeIfAbsent(p + ":" + port, k -> new LongAdder()).increment();
            } catch (Throwable e) {
              failures.add(e);
            }
            long took = System.nanoTime() - start;
            maxNanosByPhase.computeIfAbsent(p, k -> new AtomicLong()).accumulateAndGet(took, Math::max);
            reads.increment();
            try {
              Thread.sleep(1);
            } catch (InterruptedException e) {
              return;
            }
          }
        }, "reader-" + t);
        th.start();
        readers.add(th);
      }
      String b = ":" + replicaB.port();
      try {
        PgCluster.waitFor("reads answered by replica B", () -> count(byPhaseAndPort, "warm" + b) > 10);
        replicaB.stop("immediate");
        long stoppedAt = System.nanoTime();
        phase.set("down");
        Thread.sleep(3_000);
        replicaB.start();
        phase.set("up");
        long startedAt = System.nanoTime();
        PgCluster.waitFor("replica B to answer reads again", Duration.ofSeconds(20), () -> count(byPhaseAndPort, "up" + b) > 0);
        long backMs = (System.nanoTime() - startedAt) / 1_000_000;
        phase.set("done");
        for (Thread th : readers) th.join(10_000);
        System.out.printf("replica stopped under 8 readers: %d reads, %d failures, reads by port %s, max latency ms by"
            + " phase %s, B used again %d ms after it accepted connections (down for %d ms)%n", reads.sum(),
            failures.size(), byPhaseAndPort, millis(maxNanosByPhase), backMs, (startedAt - stoppedAt) / 1_000_000);
        assertThat(failures).as("failed reads").isEmpty();
        assertThat(count(byPhaseAndPort, "down" + b)).as("reads answered by B while it was down").isZero();
        assertThat(count(byPhaseAndPort, "down:" + replicaA.port()) + count(byPhaseAndPort, "down:" + primary.port()))
            .as("reads answered while B was down").isPositive();
        long maxMs = maxNanosByPhase.values().stream().mapToLong(AtomicLong::get).max().orElse(0) / 1_000_000;
        assertThat(maxMs).as("the longest read (ms), against 3x the replica connection timeout").isLessThan(3 * timeoutMs);
      } finally {
        phase.set("done");
        for (Thread th : readers) th.join(10_000);
        if (!replicaB.running()) replicaB.start();
      }
    }
  }

  private static long count(Map<String, LongAdder> counts, String key) {
    LongAdder a = counts.get(key);
    return a == null ? 0 : a.sum();
  }

  private static Map<String, Long> millis(Map<String, AtomicLong> nanos) {
    Map<String, Long> out = new java.util.TreeMap<>();
    nanos.forEach((k, v) -> out.put(k, v.get() / 1_000_000));
    return out;
  }
}
