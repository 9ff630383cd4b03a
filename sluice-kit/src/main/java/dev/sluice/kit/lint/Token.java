package dev.sluice.kit.lint;

import java.util.Locale;

/**
 * One lexical token of a PostgreSQL statement.
 *
 * @param kind what the token is
 * @param text the token exactly as written (for strings: including quotes)
 * @param offset position of the first character in the statement text (for line numbers)
 */
record Token(Kind kind, String text, int offset) {
  enum Kind {
    /** Unquoted identifier or keyword (PostgreSQL folds it to lower case). */
    WORD,
    /** {@code "Quoted"} identifier (case kept). */
    QUOTED_IDENT,
    /** String literal: {@code '...'}, {@code E'...'}, {@code $tag$...$tag$}, bit/hex strings. */
    STRING,
    NUMBER,
    /** Positional parameter {@code $1}. */
    PARAM,
    /** Punctuation or operator: {@code ( ) , . ; [ ] ::} and operator character runs. */
    PUNCT
  }

  boolean isWord(String keyword) {
    return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
  }

  boolean isPunct(String p) {
    return kind == Kind.PUNCT && text.equals(p);
  }

  boolean isIdent() {
    return kind == Kind.WORD || kind == Kind.QUOTED_IDENT;
  }

  /** The identifier's name as PostgreSQL resolves it: unquoted folded to lower case, quoted kept. */
  String ident() {
    if (kind == Kind.QUOTED_IDENT) return text.substring(1, text.length() - 1).replace("\"\"", "\"");
    return text.toLowerCase(Locale.ROOT);
  }

  /** The value of a plain string literal (quotes removed, doubled quotes undone); other tokens: their text. */
  String stringValue() {
    if (kind != Kind.STRING) return text;
    if (text.startsWith("$")) {
      int tagEnd = text.indexOf('$', 1);
      return text.substring(tagEnd + 1, text.length() - tagEnd - 1);
    }
    int q = text.indexOf('\'');
    return text.substring(q + 1, text.length() - 1).replace("''", "'");
  }
}
