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

  /** The import lines, sorted, followed by a blank line (empty when nothing is imported). */
  String render() {
    if (names.isEmpty()) return "";
    StringBuilder sb = new StringBuilder();
    for (String n : names) sb.append("import ").append(n).append(";\n");
    return sb.append('\n').toString();
  }
}
