package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.migrate.MigrationFolder;
import dev.sluice.test.PgTest;
import dev.sluice.test.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17 item 12: Ctrl-C during migrate says what was rolled back (a real process, a real SIGINT). */
@PgTest
class InterruptedMigrateTest {
  @Test
  void ctrlCDuringMigrateRollsBackTheRunningMigrationAndSaysSo(@TempDir Path dir) throws Exception {
    String url = TestDatabase.get().createDatabase("cli17_sigint");
    try {
      MigrationFolder folder = MigrationFolder.of(dir);
      folder.write("fast", "create table fast (id int);", null, null);
      folder.write("slow", "create table slow (id int);\nselect pg_sleep(120);", null, null);
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SluiceCommand.class.getName(),
          "migrate", "--url", url, "--migrations", dir.toString()).start();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread outReader = copy(p.getInputStream(), out);
      Thread errReader = copy(p.getErrorStream(), err);
      try {
        for (int i = 0; i < 1200 && !sleeping(url); i++) Thread.sleep(50); // bounded: at most a minute
        assertThat(sleeping(url)).as("the slow migration is running; out: " + out + " err: " + err).isTrue();
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exited after SIGINT").isTrue();
      } finally {
        p.destroyForcibly();
      }
      outReader.join(10_000);
      errReader.join(10_000);
      String stdout = out.toString(StandardCharsets.UTF_8);
      String stderr = err.toString(StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(stdout + stderr).isEqualTo(130);
      assertThat(stdout).isEqualTo("applying 0001_fast.sql ... done in " + stdout.replaceAll("(?s).*done in (\\d+) ms.*", "$1")
          + " ms\napplying 0002_slow.sql ... ");
      assertThat(stderr).isEqualTo("\ninterrupted: 0002_slow.sql rolled back, 1 applied before it\n");
      assertThat(rows(url, "select name from sluice.migrations")).containsExactly("0001_fast");
      assertThat(rows(url, "select coalesce(to_regclass('slow')::text, 'none')")).containsExactly("none");
    } finally {
      TestDatabase.get().dropDatabase(url);
    }
  }

  private static boolean sleeping(String url) throws Exception {
    return !rows(url, "select pid::text from pg_stat_activity where state = 'active' and query like '%pg_sleep(120)%' and datname = current_database()"
        + " and pid <> pg_backend_pid()").isEmpty();
  }

  private static List<String> rows(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) out.add(rs.getString(1));
      return out;
    }
  }

  private static Thread copy(InputStream in, ByteArrayOutputStream to) {
    Thread t = new Thread(() -> {
      try {
        in.transferTo(to);
      } catch (java.io.IOException ignored) {
        // the process ended
      }
    });
    t.start();
    return t;
  }
}
