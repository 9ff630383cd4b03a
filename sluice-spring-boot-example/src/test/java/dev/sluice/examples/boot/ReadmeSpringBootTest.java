package dev.sluice.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README "With Spring Boot" shows this module's code and settings: its java block must be in
 * SaasApplication.java verbatim (modulo indentation) and its properties in application.properties,
 * so what SaasApplicationHttpTest runs is what the README shows.
 */
class ReadmeSpringBootTest {
  @Test
  void readmeSpringBootSectionIsCopiedFromThisModule() throws Exception {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.exists(root.resolve("README.md"))) root = root.getParent();
    String readme = Files.readString(root.resolve("README.md"));
    int start = readme.indexOf("## With Spring Boot");
    assertThat(start).as("README has a With Spring Boot section").isGreaterThanOrEqualTo(0);
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end);
    Path module = root.resolve("sluice-spring-boot-example");
    String app = normalize(Files.readString(module.resolve("src/main/java/dev/sluice/examples/boot/SaasApplication.java")));
    String props = Files.readString(module.resolve("src/main/resources/application.properties"));
    String pom = Files.readString(root.resolve("pom.xml"));

    List<String> kinds = new ArrayList<>();
    Matcher m = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL).matcher(section);
    while (m.find()) {
      kinds.add(m.group(1));
      String body = m.group(2);
      switch (m.group(1)) {
        case "java" -> {
          for (String part : body.split("\\n\\n")) assertThat(app).as("SaasApplication.java has:\n" + part).contains(normalize(part));
        }
        case "properties" -> {
          for (String line : body.strip().split("\\n")) assertThat(props).as("application.properties").contains(line);
        }
        case "xml" -> {
          assertThat(body).contains("<artifactId>sluice-spring-boot-starter</artifactId>");
          Matcher v = Pattern.compile("<version>([^<]+)</version>").matcher(body);
          assertThat(v.find()).isTrue();
          assertThat(pom).contains("<artifactId>sluice-parent</artifactId>\n  <version>" + v.group(1) + "</version>");
        }
        default -> throw new AssertionError("unexpected block kind " + m.group(1));
      }
    }
    assertThat(kinds).containsExactly("xml", "properties", "java");
  }

  private static String normalize(String code) {
    return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
  }
}
