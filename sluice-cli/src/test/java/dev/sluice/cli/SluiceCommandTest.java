package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SluiceCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = new CommandLine(new SluiceCommand());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void versionPrintsProjectAndJavaVersion() {
    int code = run("--version");

    assertThat(code).isEqualTo(0);
    String[] lines = out.toString().split("\\R");
    assertThat(lines[0]).isEqualTo("sluice 0.1.0-SNAPSHOT");
    assertThat(lines[1]).startsWith("Java " + System.getProperty("java.version"));
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void helpExitsZeroAndDocumentsExitCodes() {
    int code = run("--help");

    assertThat(code).isEqualTo(0);
    assertThat(out.toString())
        .contains("Usage: sluice")
        .contains("Exit codes:")
        .contains("0   success")
        .contains("1   failure")
        .contains("2   usage error");
  }

  @Test
  void noArgumentsPrintsUsageToStderrAndExitsTwo() {
    int code = run();

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Usage: sluice");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void unknownOptionIsUsageError() {
    int code = run("--no-such-option");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--no-such-option'");
  }
}
