package dev.sluice.kit;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** {@code pg_dump --schema-only} of test databases, for the tests that compare a round trip or a migration whole. */
public final class SchemaDumps {
  /** The local pg_dump (Debian's PostgreSQL 15 client): it dumps servers up to PostgreSQL 15. */
  public static final Path PG_DUMP = Path.of("/usr/lib/postgresql/15/bin/pg_dump");

  private SchemaDumps() {}

  /** The major version of the server behind a JDBC URL. */
  public static int serverMajor(String jdbcUrl) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SHOW server_version_num")) {
      rs.next();
      return Integer.parseInt(rs.getString(1)) / 10000;
    }
  }

  /** {@code pg_dump --schema-only} of a test database, without the per-run {@code \restrict} key lines. */
  public static String dump(String jdbcUrl) throws IOException, InterruptedException {
    URI u = URI.create(jdbcUrl.substring("jdbc:".length()));
    String user = "postgres";
    String password = null;
    for (String kv : u.getQuery() == null ? new String[0] : u.getQuery().split("&")) {
      if (kv.startsWith("user=")) user = kv.substring(5);
      if (kv.startsWith("password=")) password = kv.substring(9);
    }
    ProcessBuilder b = new ProcessBuilder(PG_DUMP.toString(), "--schema-only", "-h", u.getHost(), "-p",
        String.valueOf(u.getPort()), "-U", user, "-d", u.getPath().substring(1));
    if (password != null) b.environment().put("PGPASSWORD", password);
    b.redirectErrorStream(true);
    Process p = b.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("pg_dump failed: " + out);
    return out.lines().filter(l -> !l.startsWith("\\restrict") && !l.startsWith("\\unrestrict")).collect(Collectors.joining("\n"));
  }
}
