package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17 item 12: messages a user can act on, checked by exact text. */
class CliMessagesTest {
  @Test
  void anUnknownKeyInSluiceJsonIsNamedWithItsLineAndTheClosestKnownKey(@TempDir Path dir) throws Exception {
    Path cfg = dir.resolve("sluice.json");
    Files.writeString(cfg, "{\n  \"schema\": \"x.Y\",\n  \"migration\": \"m\"\n}\n");
    Cli.Run r = Cli.run("check", "--config", cfg.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: " + cfg + " line 3: unknown key \"migration\" (did you mean \"migrations\"?);"
        + " known keys: schema, classpath, migrations, url, schemas, excludeTables, placeholders\n");
  }

  @Test
  void aClasspathFolderThatDoesNotExistIsSaidNotToExist(@TempDir Path dir) {
    Path missing = dir.resolve("target/classes");
    Cli.Run r = Cli.run("check", "--schema", "com.acme.Schema", "--classpath", missing.toString(),
        "--migrations", dir.resolve("m").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: classpath folder " + missing + " does not exist (compile your project first,"
        + " e.g. mvn compile)\n");
  }

  @Test
  void anUnknownHostSaysSoWithoutTheMigrationHistoryPrefix(@TempDir Path dir) {
    Cli.Run r = Cli.run("status", "--migrations", dir.toString(), "--url", "postgresql://u@no-such-host.invalid/db");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: cannot connect to the database: unknown host no-such-host.invalid\n");
  }

  @Test
  void aRefusedConnectionIsAConnectionFailure(@TempDir Path dir) {
    Cli.Run r = Cli.run("status", "--migrations", dir.toString(), "--url", "postgresql://u@127.0.0.1:1/db");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: cannot connect to the database: Connection to 127.0.0.1:1 refused.")
        .doesNotContain("migration history");
  }

  @Test
  void anUnknownFlagSuggestsTheClosest() {
    Cli.Run r = Cli.run("generate", "--nmae", "x");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("Unknown option: '--nmae'\nPossible solutions: --name");
  }

  @Test
  void withJsonAnErrorIsJsonOnStdoutWithTheSameExitCode(@TempDir Path dir) {
    Cli.Run r = Cli.run("status", "--json", "--migrations", dir.toString(), "--url", "postgresql://u@no-such-host.invalid/db");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("{\"error\":{\"message\":\"cannot connect to the database: unknown host"
        + " no-such-host.invalid\",\"exit\":1}}\n");
    assertThat(r.err()).isEmpty();
  }
}
