package dev.sluice.kit.sql;

/**
 * One statement of an SQL script.
 *
 * @param text the statement without its terminating semicolon, leading comments kept out
 * @param line 1-based line in the script where the statement starts
 * @param index 0-based position of the statement in the script
 */
public record SqlStatement(String text, int line, int index) {
  /** The statement's first keywords, upper-cased and single-spaced (for classification and lint). */
  public String head(int words) {
    String[] parts = SqlScript.stripComments(text).trim().split("\\s+", words + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(words, parts.length); i++) {
      if (i > 0) sb.append(' ');
      sb.append(parts[i].toUpperCase(java.util.Locale.ROOT));
    }
    return sb.toString();
  }
}
