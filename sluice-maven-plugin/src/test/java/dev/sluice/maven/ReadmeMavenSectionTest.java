package dev.sluice.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README's "With Maven" block is the declaration {@link MavenGoalsIT} runs, so it works as written. */
class ReadmeMavenSectionTest {
  @Test
  void readmesPluginDeclarationIsTheOneTheIntegrationTestRuns() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    int section = readme.indexOf("### With Maven");
    assertThat(section).as("README has a With Maven section").isPositive();
    Matcher xml = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(section));
    assertThat(xml.find()).isTrue();
    String pom = Files.readString(Path.of("src/it/library/pom.xml"));
    assertThat(squash(pom)).contains(squash(xml.group(1)));
  }

  private static String squash(String s) {
    return s.replaceAll("\\s+", "");
  }
}
