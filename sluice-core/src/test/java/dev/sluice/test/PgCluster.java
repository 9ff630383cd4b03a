package dev.sluice.test;

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

/**
 * A throwaway PostgreSQL server (initdb, pg_ctl) on loopback in a temp dir, for fault, failover
 * and replica tests: start, stop with a mode, restart, promote, add a streaming replica
 * ({@code pg_basebackup -R}). Uses the Debian binaries in {@code /usr/lib/postgresql/*}{@code /bin}
 * (newest first) or PATH. As root, the server runs as the {@code postgres} OS user (initdb refuses
 * root). {@link #unavailableReason()} says why no cluster can be started here, for
 * {@code assumeTrue}. Every wait is bounded by {@link #WAIT}.
 */
public final class PgCluster implements AutoCloseable {
  /** Upper bound of every wait on a server (start, stop, replay). */
  public static final Duration WAIT = Duration.ofSeconds(60);

  private static final Tools TOOLS = Tools.find();

  private final Path dir;
  private final Path data;
  private final int port;
  private final String name;

  private PgCluster(Path dir, Path data, int port, String name) {
    this.dir = dir;
    this.data = data;
    this.port = port;
    this.name = name;
  }

  /** Why clusters cannot be started on this machine, or null when they can. */
  public static String unavailableReason() {
    return TOOLS.skipReason;
  }

  /**
   * Creates and starts a primary with {@code wal_level = replica}, trust auth on 127.0.0.1 and
   * replication allowed. {@code extraConf} lines are appended to postgresql.conf.
   */
  public static PgCluster startPrimary(String name, String... extraConf) throws Exception {
    requireTools();
    Path dir = Files.createTempDirectory("sluice-pg-" + name);
    TOOLS.giveToServerUser(dir);
    Path data = dir.resolve("data");
    int port = freePort();
    pg("initdb", "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
    List<String> conf = new ArrayList<>(List.of(
        "listen_addresses = '127.0.0.1'", "port = " + port, "unix_socket_directories = '" + dir + "'",
        "wal_level = replica", "max_wal_senders = 5", "hot_standby = on", "fsync = off"));
    conf.addAll(List.of(extraConf));
    conf.add("");
    append(data.resolve("postgresql.conf"), String.join("\n", conf));
    append(data.resolve("pg_hba.conf"), String.join("\n",
        "host replication all 127.0.0.1/32 trust", "host all all 127.0.0.1/32 trust", ""));
    PgCluster c = new PgCluster(dir, data, port, name);
    c.start();
    return c;
  }

  /**
   * Creates and starts a streaming replica of this server ({@code pg_basebackup -R -X stream}),
   * waits until the primary streams to it. {@code extraConf} lines go to its postgresql.conf.
   */
  public PgCluster startReplica(String replicaName, String... extraConf) throws Exception {
    Path rdir = Files.createTempDirectory("sluice-pg-" + replicaName);
    TOOLS.giveToServerUser(rdir);
    Path rdata = rdir.resolve("data");
    int rport = freePort();
    pg("pg_basebackup", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", "-D",
        rdata.toString(), "-R", "-X", "stream", "-C", "-S", replicaName.replaceAll("[^a-z0-9_]", "_"));
    List<String> conf = new ArrayList<>(List.of("port = " + rport, "unix_socket_directories = '" + rdir + "'"));
    conf.addAll(List.of(extraConf));
    conf.add("");
    append(rdata.resolve("postgresql.conf"), String.join("\n", conf));
    PgCluster r = new PgCluster(rdir, rdata, rport, replicaName);
    r.start();
    waitFor(replicaName + " to be in recovery", () -> r.queryBoolean("select pg_is_in_recovery()"));
    waitFor(name + " to stream to " + replicaName,
        () -> queryBoolean("select count(*) > 0 from pg_stat_replication where state = 'streaming'"));
    return r;
  }

  /** Starts the (stopped) server and waits until it accepts connections. */
  public void start() throws Exception {
    pg("pg_ctl", "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t",
        String.valueOf(WAIT.toSeconds()), "start");
  }

  /** Stops the server with {@code mode} ({@code smart}, {@code fast} or {@code immediate}). */
  public void stop(String mode) throws Exception {
    pg("pg_ctl", "-D", data.toString(), "-m", mode, "-w", "-t", String.valueOf(WAIT.toSeconds()), "stop");
  }

  /** Stops with {@code mode}, then starts again. */
  public void restart(String mode) throws Exception {
    stop(mode);
    start();
  }

  /** Promotes this standby to a primary and waits until it leaves recovery. */
  public void promote() throws Exception {
    pg("pg_ctl", "-D", data.toString(), "-w", "-t", String.valueOf(WAIT.toSeconds()), "promote");
    waitFor(name + " to leave recovery", () -> !queryBoolean("select pg_is_in_recovery()"));
  }

  /** Whether the server process is running (its postmaster.pid exists). */
  public boolean running() {
    return Files.exists(data.resolve("postmaster.pid"));
  }

  public int port() {
    return port;
  }

  public Path dataDirectory() {
    return data;
  }

  /** The server's log file, for failure messages. */
  public String log() {
    try {
      return Files.readString(dir.resolve("server.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** A {@code postgresql://} URL for the superuser {@code postgres} on database {@code postgres}. */
  public String url() {
    return "postgresql://postgres@127.0.0.1:" + port + "/postgres";
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** A fresh JDBC connection as {@code postgres}. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), "postgres", "");
  }

  /** Runs one statement on a fresh connection. */
  public void execute(String sql) throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** The first column of the first row of {@code sql} as a boolean (false when no row). */
  public boolean queryBoolean(String sql) throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  /** The first column of the first row of {@code sql} as a long (0 when no row). */
  public long queryLong(String sql) throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** Stops the server immediately (if running) and deletes its directory. */
  @Override
  public void close() throws Exception {
    try {
      if (running()) {
        run(command("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "-t", "60", "stop"), WAIT);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  // --- waiting -----------------------------------------------------------------------------------

  /** A condition polled by {@link #waitFor}; SQLExceptions count as "not yet". */
  public interface Check {
    boolean ok() throws Exception;
  }

  /** Polls {@code check} every 100 ms until it holds, for at most {@link #WAIT}. */
  public static void waitFor(String what, Check check) throws Exception {
    waitFor(what, WAIT, check);
  }

  /** Polls {@code check} every 100 ms until it holds, for at most {@code timeout}. */
  public static void waitFor(String what, Duration timeout, Check check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (check.ok()) return;
      } catch (SQLException e) {
        last = e;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("timed out after " + timeout + " waiting for " + what, last);
  }

  // --- processes ---------------------------------------------------------------------------------

  /** A free TCP port on loopback. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void requireTools() {
    if (TOOLS.skipReason != null) throw new IllegalStateException("cannot start a cluster: " + TOOLS.skipReason);
  }

  /** The command line to run a server binary (as the postgres OS user when we are root). */
  public static List<String> command(String program, String... args) {
    requireTools();
    List<String> cmd = new ArrayList<>(TOOLS.runAs);
    cmd.add(TOOLS.bin.resolve(program).toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Runs a server binary; fails with its output when it fails. */
  public static void pg(String program, String... args) throws Exception {
    Result r = run(command(program, args), WAIT);
    if (r.exit() != 0) throw new IllegalStateException(program + " failed (" + r.exit() + "): " + r.output());
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  /** What a process printed (stdout and stderr) and its exit code; -1 when it timed out. */
  public record Result(int exit, String output) {}

  /** Runs a process with a bounded wait; a process still running at {@code timeout} is killed. */
  public static Result run(List<String> cmd, Duration timeout) throws Exception {
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

  /** The server binaries and how to run them, found once per JVM. */
  private static final class Tools {
    final Path bin;
    final List<String> runAs;
    final String skipReason;

    private Tools(Path bin, List<String> runAs, String skipReason) {
      this.bin = bin;
      this.runAs = runAs;
      this.skipReason = skipReason;
    }

    static Tools find() {
      try {
        Path bin = findBinaries();
        if (bin == null) {
          return new Tools(null, List.of(),
              "no PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) in /usr/lib/postgresql/*/bin or on PATH");
        }
        if ("root".equals(System.getProperty("user.name"))) {
          if (run(List.of("id", "-u", "postgres"), Duration.ofSeconds(10)).exit() != 0) {
            return new Tools(bin, List.of(), "running as root and there is no 'postgres' OS user to run initdb as");
          }
          return new Tools(bin, List.of("runuser", "-u", "postgres", "--"), null);
        }
        return new Tools(bin, List.of(), null);
      } catch (Exception e) {
        return new Tools(null, List.of(), "cannot look for PostgreSQL binaries: " + e);
      }
    }

    void giveToServerUser(Path dir) throws Exception {
      if (runAs.isEmpty()) return;
      Result chown = run(List.of("chown", "-R", "postgres:", dir.toString()), Duration.ofSeconds(10));
      if (chown.exit() != 0) throw new IllegalStateException("cannot give " + dir + " to the postgres user: " + chown.output());
    }

    private static Path findBinaries() throws IOException {
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
  }
}
