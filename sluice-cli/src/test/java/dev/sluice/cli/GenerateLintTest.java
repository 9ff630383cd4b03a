package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateLintTest {
  @Test
  void generateReportsAPolicyColumnWithoutAnIndexAndStrictRefusesToWrite(@TempDir Path dir) {
    Path m = dir.resolve("migrations");
    Cli.Run r = Cli.run("generate", "--schema", "dev.sluice.cli.fixtures.rls.Notes", "--migrations", m.toString(), "--name", "init");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("RL101").contains("owner_id");

    Cli.Run strict = Cli.run("generate", "--schema", "dev.sluice.cli.fixtures.rls.Notes",
        "--migrations", dir.resolve("strict").toString(), "--strict");
    assertThat(strict.exit()).as(strict.toString()).isEqualTo(3);
    assertThat(strict.out()).contains("not written");
  }
}
