package dev.sluice.kit.diff;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The identifiers an SQL text mentions, as PostgreSQL would resolve them: bare words folded to lower
 * case, quoted identifiers exact. String literals and comments are skipped, so a view whose query
 * contains {@code 'orders'} does not depend on a view named orders.
 */
final class SqlNames {
  private SqlNames() {}

  static Set<String> of(String sql) {
    Set<String> names = new HashSet<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'') {
        i = skipQuoted(sql, i, '\'');
      } else if (c == '"') {
        int end = skipQuoted(sql, i, '"');
        names.add(sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("\"\"", "\""));
        i = end;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) i++;
        names.add(sql.substring(start, i).toLowerCase(Locale.ROOT));
      } else {
        i++;
      }
    }
    return names;
  }

  /** Index just past the closing quote (doubled quotes are part of the text). */
  private static int skipQuoted(String sql, int open, char quote) {
    int i = open + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }
}
