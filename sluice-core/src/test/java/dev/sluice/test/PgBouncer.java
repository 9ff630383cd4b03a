package dev.sluice.test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PgBouncer process (Debian's {@code pgbouncer}) on a loopback port in front of a PostgreSQL
 * server, with its own ini and auth file in a temporary directory, {@code auth_type = trust}. Tests
 * skip with {@link #unavailableReason()} when the binary is not installed.
 */
public final class PgBouncer implements AutoCloseable {
  private static final Path BINARY = findBinary();

  private final Path dir;
  private final int port;
  private final Process process;

  private PgBouncer(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  /** Why PgBouncer cannot be started here, or null when it can. */
  public static String unavailableReason() {
    return BINARY == null ? "pgbouncer is not installed (apt-get install pgbouncer; .ci/run installs it)" : null;
  }

  /**
   * Starts PgBouncer in {@code pool_mode = transaction} in front of {@code host:serverPort}, every
   * database name mapped to the same name there, at most {@code poolSize} server connections per
   * database and user; {@code users} may connect (trust) and {@code postgres} may also use the admin
   * console ({@code SHOW STATS} on database {@code pgbouncer}).
   */
  public static PgBouncer start(String host, int serverPort, int poolSize, String... users) throws Exception {
    if (BINARY == null) throw new IllegalStateException(unavailableReason());
    Path dir = Files.createTempDirectory("sluice-pgbouncer");
    int port = PgCluster.freePort();
    StringBuilder auth = new StringBuilder("\"postgres\" \"\"\n");
    for (String u : users) auth.append('"').append(u).append("\" \"\"\n");
    Files.writeString(dir.resolve("userlist.txt"), auth.toString(), StandardCharsets.UTF_8);
    Map<String, String> ini = new LinkedHashMap<>();
    ini.put("listen_addr", "127.0.0.1");
    ini.put("listen_port", String.valueOf(port));
    ini.put("unix_socket_dir", "");
    ini.put("auth_type", "trust");
    ini.put("auth_file", dir.resolve("userlist.txt").toString());
    ini.put("admin_users", "postgres");
    ini.put("pool_mode", "transaction");
    ini.put("default_pool_size", String.valueOf(poolSize));
    ini.put("min_pool_size", "0");
    ini.put("reserve_pool_size", "0");
    ini.put("max_client_conn", "200");
    // pgjdbc sends extra_float_digits in its startup packet
    ini.put("ignore_startup_parameters", "extra_float_digits");
    ini.put("stats_period", "1");
    ini.put("logfile", dir.resolve("pgbouncer.log").toString());
    ini.put("pidfile", dir.resolve("pgbouncer.pid").toString());
    StringBuilder text = new StringBuilder("[databases]\n* = host=" + host + " port=" + serverPort + "\n\n[pgbouncer]\n");
    ini.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
    Path iniFile = dir.resolve("pgbouncer.ini");
    Files.writeString(iniFile, text.toString(), StandardCharsets.UTF_8);
    List<String> cmd = new ArrayList<>(List.of(BINARY.toString()));
    if ("root".equals(System.getProperty("user.name"))) {
      // pgbouncer refuses to run as root; -u switches to the postgres OS user after reading its files
      cmd.addAll(List.of("-u", "postgres"));
      PgCluster.run(List.of("chown", "-R", "postgres:", dir.toString()), Duration.ofSeconds(10));
    }
    cmd.add(iniFile.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("stdout.log").toFile()).start();
    PgBouncer b = new PgBouncer(dir, port, p);
    try {
      PgCluster.waitFor("pgbouncer to listen on " + port, Duration.ofSeconds(20), () -> {
        if (!p.isAlive()) throw new IllegalStateException("pgbouncer exited " + p.exitValue() + ": " + b.log());
        try (Socket s = new Socket("127.0.0.1", port)) {
          return true;
        } catch (IOException e) {
          return false;
        }
      });
    } catch (Exception e) {
      b.close();
      throw e;
    }
    return b;
  }

  public int port() {
    return port;
  }

  /** A {@code postgresql://} URL through PgBouncer for {@code user} on {@code database}. */
  public String url(String user, String database) {
    return "postgresql://" + user + "@127.0.0.1:" + port + "/" + database;
  }

  /**
   * One row of the admin console's {@code SHOW STATS} for {@code database}: total_xact_count,
   * total_query_count and the rest, as text by column name (empty map when the database has no row).
   */
  public Map<String, String> stats(String database) throws Exception {
    // the admin console speaks the simple protocol only and refuses pgjdbc's startup SETs: ask psql
    PgCluster.Result r = PgCluster.run(PgCluster.command("psql", "-h", "127.0.0.1", "-p", String.valueOf(port),
        "-U", "postgres", "-d", "pgbouncer", "-X", "-A", "-F", "|", "-P", "footer=off", "-c", "SHOW STATS"),
        Duration.ofSeconds(20));
    if (r.exit() != 0) throw new IllegalStateException("SHOW STATS failed: " + r.output());
    String[] lines = r.output().strip().split("\n");
    String[] names = lines[0].split("\\|", -1);
    for (int i = 1; i < lines.length; i++) {
      String[] values = lines[i].split("\\|", -1);
      if (!values[0].equals(database)) continue;
      Map<String, String> row = new LinkedHashMap<>();
      for (int k = 0; k < names.length && k < values.length; k++) row.put(names[k], values[k]);
      return row;
    }
    return Map.of();
  }

  /** PgBouncer's log, for failure messages. */
  public String log() {
    try {
      String log = Files.exists(dir.resolve("pgbouncer.log")) ? Files.readString(dir.resolve("pgbouncer.log")) : "";
      return log + Files.readString(dir.resolve("stdout.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops the process (SIGTERM, then SIGKILL after 10 s) and deletes its directory. */
  @Override
  public void close() throws Exception {
    try {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static Path findBinary() {
    List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/sbin/pgbouncer"), Path.of("/usr/bin/pgbouncer")));
    String path = System.getenv("PATH");
    if (path != null) for (String p : path.split(":")) if (!p.isEmpty()) candidates.add(Path.of(p, "pgbouncer"));
    return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
  }
}
