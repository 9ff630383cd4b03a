package dev.sluice.kit.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PostgreSQL script into statements the way psql does: semicolons inside string literals
 * ({@code '...'}, {@code E'...'}), quoted identifiers, dollar-quoted bodies ({@code $$...$$},
 * {@code $tag$...$tag$}), line comments, nested block comments and parentheses
 * ({@code CREATE RULE ... DO INSTEAD (cmd; cmd)}) do not end a statement.
 */
public final class SqlScript {
  private SqlScript() {}

  /** The statements of {@code script}, in order; empty statements (only comments/whitespace) are dropped. */
  public static List<SqlStatement> split(String script) {
    List<SqlStatement> out = new ArrayList<>();
    int n = script.length();
    int i = 0;
    int line = 1;
    int stmtStart = -1;
    int stmtLine = 1;
    StringBuilder current = new StringBuilder();
    int parens = 0; // as psql: a semicolon inside parentheses (a multi-action CREATE RULE) does not end the statement
    while (i < n) {
      char c = script.charAt(i);
      // leading whitespace and comments before a statement are skipped
      if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
        int end = script.indexOf('\n', i);
        end = end < 0 ? n : end;
        if (stmtStart >= 0) current.append(script, i, end);
        i = end;
        continue;
      }
      if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
        int end = skipBlockComment(script, i);
        String chunk = script.substring(i, end);
        if (stmtStart >= 0) current.append(chunk);
        line += count(chunk, '\n');
        i = end;
        continue;
      }
      if (c == '\n') line++;
      if (stmtStart < 0) {
        if (Character.isWhitespace(c)) {
          i++;
          continue;
        }
        if (c == ';') {
          i++;
          continue;
        }
        stmtStart = i;
        stmtLine = line;
      }
      if (c == '(') parens++;
      if (c == ')' && parens > 0) parens--;
      if (c == ';' && parens == 0) {
        add(out, current, stmtLine);
        current.setLength(0);
        stmtStart = -1;
        i++;
        continue;
      }
      int end = i + 1;
      if (c == '\'') {
        boolean escapes = i > 0 && (script.charAt(i - 1) == 'E' || script.charAt(i - 1) == 'e')
            && (i < 2 || !Character.isLetterOrDigit(script.charAt(i - 2)));
        end = skipQuoted(script, i, '\'', escapes);
      } else if (c == '"') {
        end = skipQuoted(script, i, '"', false);
      } else if (c == '$') {
        String tag = dollarTag(script, i);
        if (tag != null) {
          int close = script.indexOf(tag, i + tag.length());
          end = close < 0 ? n : close + tag.length();
        }
      }
      String chunk = script.substring(i, end);
      current.append(chunk);
      if (end > i + 1) line += count(chunk, '\n');
      i = end;
    }
    add(out, current, stmtLine);
    List<SqlStatement> indexed = new ArrayList<>(out.size());
    for (int k = 0; k < out.size(); k++) indexed.add(new SqlStatement(out.get(k).text(), out.get(k).line(), k));
    return indexed;
  }

  /** {@code text} with comments removed (string literals and quoted parts are kept intact). */
  public static String stripComments(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
        int end = text.indexOf('\n', i);
        i = end < 0 ? n : end;
        continue;
      }
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        i = skipBlockComment(text, i);
        sb.append(' ');
        continue;
      }
      int end = i + 1;
      if (c == '\'') end = skipQuoted(text, i, '\'', i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e'));
      else if (c == '"') end = skipQuoted(text, i, '"', false);
      else if (c == '$') {
        String tag = dollarTag(text, i);
        if (tag != null) {
          int close = text.indexOf(tag, i + tag.length());
          end = close < 0 ? n : close + tag.length();
        }
      }
      sb.append(text, i, end);
      i = end;
    }
    return sb.toString();
  }

  private static void add(List<SqlStatement> out, StringBuilder current, int line) {
    String s = current.toString().strip();
    if (!s.isEmpty() && !stripComments(s).isBlank()) out.add(new SqlStatement(s, line, out.size()));
  }

  /**
   * The index just past the (possibly nested) block comment that starts at {@code start}
   * ({@code s.startsWith("/*", start)}), or {@code s.length()} when it is not closed.
   */
  public static int skipBlockComment(String s, int start) {
    int depth = 0;
    int i = start;
    int n = s.length();
    while (i < n) {
      if (s.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (s.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) return i;
      } else {
        i++;
      }
    }
    return n;
  }

  private static int skipQuoted(String s, int start, char q, boolean backslashEscapes) {
    int i = start + 1;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
        continue;
      }
      if (c == q) {
        if (i + 1 < n && s.charAt(i + 1) == q) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return n;
  }

  /** The dollar-quote tag starting at {@code i} ({@code $$} or {@code $tag$}), or null if {@code $} is not one. */
  private static String dollarTag(String s, int i) {
    if (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_')) return null; // e.g. col$1
    int j = i + 1;
    while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
    if (j < s.length() && s.charAt(j) == '$') {
      String tag = s.substring(i, j + 1);
      if (tag.length() > 2 && Character.isDigit(tag.charAt(1))) return null; // $1 positional parameter
      return tag;
    }
    return null;
  }

  private static int count(String s, char c) {
    int k = 0;
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) k++;
    return k;
  }
}
