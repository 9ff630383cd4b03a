package dev.sluice.kit.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.test.Javac;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaLiteralsTest {
  static final List<String> HOSTILE = List.of("plain", "quote \" inside", "back\\slash", "line\nbreak\r\n",
      "tab\there", "\\u0022 looks like an escape", "\\\\u0041", "ünïcödé ✓ 🚀", "\u0000nul\u0007bell", "*/ end",
      "'single'", "");

  @Test
  void hostileStringsSurviveCompilationExactly() throws Exception {
    StringBuilder src = new StringBuilder("package lit;\npublic final class Strings {\n  public static final String[] ALL = {\n");
    for (String s : HOSTILE) src.append("    ").append(JavaLiterals.string(s)).append(",\n");
    src.append("    ").append(JavaLiterals.multiline("SELECT a,\n  b\nFROM \"t\"\n", "        ")).append("\n  };\n}\n");
    ClassLoader loader = Javac.compileAndLoad(Map.of("lit.Strings", src.toString()));
    String[] all = (String[]) loader.loadClass("lit.Strings").getField("ALL").get(null);
    assertThat(List.of(all).subList(0, HOSTILE.size())).containsExactlyElementsOf(HOSTILE);
    assertThat(all[HOSTILE.size()]).isEqualTo("SELECT a,\n  b\nFROM \"t\"\n");
  }

  @Test
  void literalsArePureAscii() {
    for (String s : HOSTILE) assertThat(JavaLiterals.string(s)).matches("[\\x20-\\x7e]*");
  }

  @Test
  void commentTextCannotEndTheLineOrSmuggleAnEscape() {
    assertThat(JavaLiterals.comment("db\nname \\u000a x")).isEqualTo("db?name ?u000a x");
  }

  @Test
  void javaNamesAreLegalAndKeywordSafe() {
    assertThat(JavaNames.camel("Order Details", "c")).isEqualTo("orderDetails");
    assertThat(JavaNames.camel("class", "c")).isEqualTo("class_");
    assertThat(JavaNames.camel("CustomerID", "c")).isEqualTo("customerId");
    assertThat(JavaNames.camel("2fa_code", "c")).isEqualTo("_2faCode");
    assertThat(JavaNames.camel("€", "column")).isEqualTo("column");
    assertThat(JavaNames.pascal("order_details", "T")).isEqualTo("OrderDetails");
    assertThat(JavaNames.upperSnake("orderDetails", "T")).isEqualTo("ORDER_DETAILS");
  }
}
