package dev.sluice.kit.pull;

/**
 * Java source literals for arbitrary text. Everything outside printable ASCII is written as a
 * {@code \\uXXXX} escape so generated files are pure ASCII (no encoding surprises) and a hostile name
 * (quotes, backslashes, line breaks, text that looks like a unicode escape) cannot break out of the
 * literal or the comment it appears in.
 */
final class JavaLiterals {
  private JavaLiterals() {}

  /** {@code "text"} with escapes, or {@code null}. */
  static String string(String s) {
    if (s == null) return "null";
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    return sb.append('"').toString();
  }

  /**
   * A string literal split after each line break into {@code "line\n" +} pieces on separate lines,
   * so multi-line SQL (view queries) stays readable; {@code indent} is the continuation indent.
   */
  static String multiline(String s, String indent) {
    if (s == null || s.indexOf('\n') < 0 || s.indexOf('\n') == s.length() - 1) return string(s);
    StringBuilder sb = new StringBuilder();
    int start = 0;
    while (start < s.length()) {
      int nl = s.indexOf('\n', start);
      int end = nl < 0 ? s.length() : nl + 1;
      if (start > 0) sb.append(" +\n").append(indent);
      sb.append(string(s.substring(start, end)));
      start = end;
    }
    return sb.toString();
  }

  /** A {@code long} literal ({@code 42L}); Long.MIN_VALUE is valid source as {@code -9223372036854775808L}. */
  static String longLiteral(Long v) {
    return v == null ? "null" : v + "L";
  }

  /** Text safe inside a line comment: printable ASCII only, no backslashes (javac reads unicode escapes in comments). */
  static String comment(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c >= 0x20 && c <= 0x7e && c != '\\' ? c : '?');
    }
    return sb.toString();
  }
}
