package dev.sluice.kit.lint;

import dev.sluice.kit.lint.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * A small PostgreSQL lexer: enough to tell identifiers (quoted, unquoted, schema-qualified through
 * {@code .} tokens), keywords, literals and punctuation apart, so lint rules look at the statement's
 * structure instead of matching regular expressions that strings, comments or quoted names fool.
 */
final class Tokenizer {
  private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

  private Tokenizer() {}

  static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (s.startsWith("--", i)) {
        int end = s.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (s.startsWith("/*", i)) {
        i = dev.sluice.kit.sql.SqlScript.skipBlockComment(s, i);
      } else if (c == '\'') {
        int end = skipQuoted(s, i, '\'', false);
        out.add(new Token(Kind.STRING, s.substring(i, end), i));
        i = end;
      } else if (c == '"') {
        int end = skipQuoted(s, i, '"', false);
        out.add(new Token(Kind.QUOTED_IDENT, s.substring(i, end), i));
        i = end;
      } else if (c == '$') {
        int j = i + 1;
        while (j < n && Character.isDigit(s.charAt(j))) j++;
        if (j > i + 1) {
          out.add(new Token(Kind.PARAM, s.substring(i, j), i));
          i = j;
          continue;
        }
        j = i + 1;
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
        if (j < n && s.charAt(j) == '$') {
          String tag = s.substring(i, j + 1);
          int close = s.indexOf(tag, j + 1);
          int end = close < 0 ? n : close + tag.length();
          out.add(new Token(Kind.STRING, s.substring(i, end), i));
          i = end;
        } else {
          out.add(new Token(Kind.PUNCT, "$", i));
          i++;
        }
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
        int j = i;
        while (j < n && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.' || s.charAt(j) == '_')) j++;
        if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
          int k = j + 1;
          if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) k++;
          if (k < n && Character.isDigit(s.charAt(k))) {
            j = k;
            while (j < n && Character.isDigit(s.charAt(j))) j++;
          }
        }
        out.add(new Token(Kind.NUMBER, s.substring(i, j), i));
        i = j;
      } else if (Character.isLetter(c) || c == '_' || c > 127) {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '$'
            || s.charAt(j) > 127)) {
          j++;
        }
        String word = s.substring(i, j);
        // E'...', B'...', X'...', N'...' and U&'...' are string literals with a prefix
        if (j < n && s.charAt(j) == '\'' && word.length() == 1 && "EeBbXxNn".indexOf(word.charAt(0)) >= 0) {
          boolean escapes = word.charAt(0) == 'E' || word.charAt(0) == 'e';
          int end = skipQuoted(s, j, '\'', escapes);
          out.add(new Token(Kind.STRING, s.substring(i, end), i));
          i = end;
        } else if (word.equalsIgnoreCase("U") && s.startsWith("&'", j)) {
          int end = skipQuoted(s, j + 1, '\'', false);
          out.add(new Token(Kind.STRING, s.substring(i, end), i));
          i = end;
        } else {
          out.add(new Token(Kind.WORD, word, i));
          i = j;
        }
      } else if (c == ':' && i + 1 < n && s.charAt(i + 1) == ':') {
        out.add(new Token(Kind.PUNCT, "::", i));
        i += 2;
      } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
        int j = i;
        while (j < n && OPERATOR_CHARS.indexOf(s.charAt(j)) >= 0 && !s.startsWith("--", j) && !s.startsWith("/*", j)) {
          j++;
        }
        out.add(new Token(Kind.PUNCT, s.substring(i, j), i));
        i = j;
      } else {
        out.add(new Token(Kind.PUNCT, String.valueOf(c), i));
        i++;
      }
    }
    return out;
  }

  private static int skipQuoted(String s, int start, char q, boolean backslashEscapes) {
    int i = start + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == q) {
        if (i + 1 < s.length() && s.charAt(i + 1) == q) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return s.length();
  }
}
