package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** sluice-bom manages every published module of the build, at the build's version. */
class BomTest {
  /**
   * Modules that are not libraries: the BOM, the benchmarks, the Spring Boot example app, and the tests of the
   * starter on Spring Boot 4 (no jar, {@code maven.deploy.skip}).
   */
  private static final List<String> NOT_PUBLISHED = List.of("sluice-bom", "sluice-bench", "sluice-spring-boot-example",
      "sluice-spring-boot4-test");

  @Test
  void theBomListsEveryPublishedModule() throws Exception {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.exists(root.resolve("sluice-bom/pom.xml"))) root = root.getParent();
    String parent = Files.readString(root.resolve("pom.xml"));
    String bom = Files.readString(root.resolve("sluice-bom/pom.xml"));
    List<String> modules = new ArrayList<>();
    Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
    while (m.find()) modules.add(m.group(1));
    assertThat(modules).contains("sluice-core", "sluice-test", "sluice-spring-boot-starter");
    for (String module : modules) {
      if (NOT_PUBLISHED.contains(module)) continue;
      assertThat(bom).as("sluice-bom manages " + module).contains("<artifactId>" + module + "</artifactId><version>${project.version}</version>");
    }
    Matcher version = Pattern.compile("<artifactId>sluice-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(parent);
    assertThat(version.find()).isTrue();
    assertThat(bom).contains("<artifactId>sluice-bom</artifactId>\n  <version>" + version.group(1) + "</version>");
  }
}
