package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.query.Dsl;
import dev.sluice.query.Field;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.types.PgTypes;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts a real primary and a streaming replica (initdb, pg_basebackup -R) on loopback in a temp dir,
 * when PostgreSQL server binaries are installed; skipped with a notice otherwise. As root, the servers
 * run as the {@code postgres} OS user (initdb refuses root).
 */
class ReplicaLiveTest {
  static final Duration WAIT = Duration.ofSeconds(60);

  static final class Notes extends Table<Notes> {
    static final Notes NOTES = new Notes();
    final Column<Long> id = bigint("id").primaryKey();
    final Column<String> body = text("body");

    private Notes() {
      super("notes");
    }
  }

  static final Field<Boolean> IN_RECOVERY = Dsl.field(PgTypes.BOOLEAN, "pg_is_in_recovery()");

  static Path bin;
  static List<String> runAs = List.of();
  static Path dir;
  static Path primaryData;
  static Path replicaData;
  static int primaryPort;
  static int replicaPort;
  static String skipReason;
  static ReplicatedDatabase db;

  @BeforeAll
  static void startServers() throws Exception {
    bin = findBinaries();
    if (bin == null) {
      skipReason = "no PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) in /usr/lib/postgresql/*/bin or on PATH";
      return;
    }
    if ("root".equals(System.getProperty("user.name"))) {
      if (run(List.of("id", "-u", "postgres"), Duration.ofSeconds(10)).exit != 0) {
        skipReason = "running as root and there is no 'postgres' OS user to run initdb as";
        return;
      }
      runAs = List.of("runuser", "-u", "postgres", "--");
    }
    dir = Files.createTempDirectory("sluice-replica");
    if (!runAs.isEmpty()) {
      Result chown = run(List.of("chown", "-R", "postgres:", dir.toString()), Duration.ofSeconds(10));
      if (chown.exit != 0) {
        skipReason = "cannot give the temp dir to the postgres user: " + chown.output;
        return;
      }
    }
    primaryData = dir.resolve("primary");
    replicaData = dir.resolve("replica");
    primaryPort = freePort();
    replicaPort = freePort();
    pg("initdb", "-D", primaryData.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
    appendAsServerUser(primaryData.resolve("postgresql.conf"), String.join("\n",
        "listen_addresses = '127.0.0.1'", "port = " + primaryPort, "unix_socket_directories = '" + dir + "'",
        "wal_level = replica", "max_wal_senders = 5", "hot_standby = on", "fsync = off", ""));
    appendAsServerUser(primaryData.resolve("pg_hba.conf"), String.join("\n",
        "host replication all 127.0.0.1/32 trust", "host all all 127.0.0.1/32 trust", ""));
    pg("pg_ctl", "-D", primaryData.toString(), "-l", dir.resolve("primary.log").toString(), "-w", "-t", "60", "start");
    pg("pg_basebackup", "-h", "127.0.0.1", "-p", String.valueOf(primaryPort), "-U", "postgres", "-D",
        replicaData.toString(), "-R", "-X", "stream");
    appendAsServerUser(replicaData.resolve("postgresql.conf"), "port = " + replicaPort + "\n");
    pg("pg_ctl", "-D", replicaData.toString(), "-l", dir.resolve("replica.log").toString(), "-w", "-t", "60", "start");

    waitFor("the replica to be in recovery", () -> bool(replicaPort, "select pg_is_in_recovery()"));
    waitFor("the primary to stream to the replica",
        () -> bool(primaryPort, "select count(*) > 0 from pg_stat_replication where state = 'streaming'"));
    sql(primaryPort, "create table notes (id bigint primary key, body text)");
    sql(primaryPort, "insert into notes values (1, 'replicated')");
    waitFor("the replica to replay the first row", () -> bool(replicaPort, "select exists (select 1 from notes)"));

    Database dead = Database.connect("postgresql://postgres@127.0.0.1:" + freePort() + "/postgres", c -> {
      c.setInitializationFailTimeout(-1);
      c.setConnectionTimeout(500);
    });
    db = Database.withReplicas(Database.connect(url(primaryPort)), dead, Database.connect(url(replicaPort)))
        .withStickyWindow(Duration.ofMillis(500));
  }

  @AfterAll
  static void stopServers() throws Exception {
    if (db != null) db.close();
    if (bin == null || dir == null) return;
    for (Path data : new Path[] {replicaData, primaryData}) {
      if (data != null && Files.exists(data.resolve("postmaster.pid"))) {
        run(command("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "-t", "60", "stop"), WAIT);
      }
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
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
  void aSessionReadsItsOwnWritesFromThePrimaryDuringTheWindow() throws Exception {
    assumeServers();
    Notes n = Notes.NOTES;
    ReplicatedDatabase.Session session = db.session();
    assertThat(session.select(IN_RECOVERY).fetchOne()).as("before any write").isTrue();
    session.insertInto(n).set(n.id, 20L).set(n.body, "mine").execute();
    assertThat(session.sticky()).isTrue();
    assertThat(session.select(IN_RECOVERY).fetchOne()).as("right after the write").isFalse();
    assertThat(session.select(n.body).from(n).where(n.id.eq(20L)).fetch()).containsExactly("mine");
    assertThat(db.session().select(IN_RECOVERY).fetchOne()).as("another session").isTrue();
    Thread.sleep(600);
    assertThat(session.sticky()).isFalse();
    assertThat(session.select(IN_RECOVERY).fetchOne()).as("after the window").isTrue();
    session.transaction(tx -> tx.insertInto(n).set(n.id, 21L).set(n.body, "tx").execute());
    assertThat(session.select(IN_RECOVERY).fetchOne()).as("after a transaction").isFalse();
  }

  // --- servers ---------------------------------------------------------------------------------------

  static String url(int port) {
    return "postgresql://postgres@127.0.0.1:" + port + "/postgres";
  }

  static Path findBinaries() throws IOException {
    List<Path> candidates = new ArrayList<>();
    Path lib = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> versions = Files.list(lib)) {
        versions.map(v -> v.resolve("bin"))
            .sorted(Comparator.comparing((Path p) -> versionOf(p.getParent())).reversed())
            .forEach(candidates::add);
      }
    }
    String path = System.getenv("PATH");
    if (path != null) for (String p : path.split(":")) if (!p.isEmpty()) candidates.add(Path.of(p));
    for (Path c : candidates) {
      if (Stream.of("initdb", "pg_ctl", "pg_basebackup").allMatch(b -> Files.isExecutable(c.resolve(b)))) {
        // a PATH entry may hold wrappers or links: use the directory the real initdb lives in
        return c.resolve("initdb").toRealPath().getParent();
      }
    }
    return null;
  }

  private static int versionOf(Path dir) {
    try {
      return Integer.parseInt(dir.getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static List<String> command(String program, String... args) {
    List<String> cmd = new ArrayList<>(runAs);
    cmd.add(bin.resolve(program).toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Runs a server binary (as the postgres user when needed); fails with its output when it fails. */
  static void pg(String program, String... args) throws Exception {
    Result r = run(command(program, args), WAIT);
    if (r.exit != 0) throw new IllegalStateException(program + " failed (" + r.exit + "): " + r.output);
  }

  static void appendAsServerUser(Path file, String text) throws Exception {
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  record Result(int exit, String output) {}

  static Result run(List<String> cmd, Duration timeout) throws Exception {
    Path out = Files.createTempFile("sluice-pg", ".out");
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out after " + timeout + ": " + String.join(" ", cmd));
      }
      return new Result(p.exitValue(), Files.readString(out));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  interface Check {
    boolean ok() throws Exception;
  }

  static void waitFor(String what, Check check) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (check.ok()) return;
      } catch (SQLException e) {
        last = e;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("timed out after " + WAIT + " waiting for " + what, last);
  }

  static boolean bool(int port, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  static void sql(int port, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
