package dev.sluice.kit.pull;

import java.util.TreeSet;

/** The imports of one generated file, collected while its body is written. */
final class Imports {
  private final TreeSet<String> names = new TreeSet<>();

  /** Imports {@code fqcn} and returns its simple name. */
  String use(String fqcn) {
    names.add(fqcn);
    return fqcn.substring(fqcn.lastIndexOf('.') + 1);
  }

  /**
   * The import lines, sorted, followed by a blank line; only names {@code body} actually uses (type
   * expressions are prepared eagerly, so some requested imports end up unused).
   */
  String render(String body) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      String simple = n.substring(n.lastIndexOf('.') + 1);
      if (java.util.regex.Pattern.compile("(?<![\\w.$])" + java.util.regex.Pattern.quote(simple) + "(?![\\w$])")
          .matcher(body).find()) {
        sb.append("import ").append(n).append(";\n");
      }
    }
    return sb.length() == 0 ? "" : sb.append('\n').toString();
  }
}
