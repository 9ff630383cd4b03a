package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavacTest {

  @Test
  void validSnippetCompiles() {
    Javac.Result r = Javac.compile("demo.Ok", """
        package demo;
        import java.util.List;
        public class Ok {
          List<String> names = List.of("a", "b");
        }
        """);

    assertThat(r.success()).as(r.describe()).isTrue();
    assertThat(r.errors()).isEmpty();
  }

  @Test
  void snippetCanUseClassesFromTheTestClasspath() {
    // sluice-core's own classes must be visible, or type-safety tests would fail for the wrong reason.
    Javac.Result r = Javac.compile("UsesCore", """
        public class UsesCore {
          Class<?> c = dev.sluice.sql.Identifiers.class;
          Class<?> t = dev.sluice.test.Javac.class;
        }
        """);

    assertThat(r.success()).as(r.describe()).isTrue();
  }

  @Test
  void typeErrorIsReportedWithLineAndSourceText() {
    Javac.Result r = Javac.compile("Bad", """
        public class Bad {
          void f() {
            String s = 42;
          }
        }
        """);

    assertThat(r.success()).isFalse();
    assertThat(r.errors()).hasSize(1);
    Javac.Error e = r.errors().get(0);
    assertThat(e.message()).contains("incompatible types");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.sourceLine()).isEqualTo("String s = 42;");
  }
}
