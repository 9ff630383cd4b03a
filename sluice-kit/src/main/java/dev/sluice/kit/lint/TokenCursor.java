package dev.sluice.kit.lint;

import java.util.ArrayList;
import java.util.List;

/** A read position over a statement's tokens with the small set of look-ahead helpers the rules need. */
final class TokenCursor {
  private final List<Token> tokens;
  private int pos;

  TokenCursor(List<Token> tokens) {
    this.tokens = tokens;
  }

  boolean atEnd() {
    return pos >= tokens.size();
  }

  Token peek() {
    return peek(0);
  }

  Token peek(int ahead) {
    int i = pos + ahead;
    return i < tokens.size() ? tokens.get(i) : null;
  }

  Token next() {
    return atEnd() ? null : tokens.get(pos++);
  }

  int position() {
    return pos;
  }

  /** The offset of the current token in the statement (end of statement when exhausted). */
  int offset() {
    Token t = peek();
    if (t != null) return t.offset();
    return tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).offset();
  }

  /** Whether the next tokens are exactly these keywords. */
  boolean isKw(String... keywords) {
    for (int k = 0; k < keywords.length; k++) {
      Token t = peek(k);
      if (t == null || !t.isWord(keywords[k])) return false;
    }
    return true;
  }

  /** Consumes the keywords if the next tokens are exactly these; tells whether it did. */
  boolean acceptKw(String... keywords) {
    if (!isKw(keywords)) return false;
    pos += keywords.length;
    return true;
  }

  boolean acceptPunct(String p) {
    Token t = peek();
    if (t != null && t.isPunct(p)) {
      pos++;
      return true;
    }
    return false;
  }

  /** Reads {@code name} or {@code schema.name}; null if the next token is not an identifier. */
  QualifiedName name() {
    Token first = peek();
    if (first == null || !first.isIdent()) return null;
    pos++;
    if (peek() != null && peek().isPunct(".") && peek(1) != null && peek(1).isIdent()) {
      pos++;
      Token second = next();
      return new QualifiedName(first.ident(), second.ident(), first.offset());
    }
    return new QualifiedName(null, first.ident(), first.offset());
  }

  /** Reads a comma-separated list of names (e.g. {@code DROP TABLE a, b}). */
  List<QualifiedName> names() {
    List<QualifiedName> out = new ArrayList<>();
    QualifiedName q = name();
    while (q != null) {
      out.add(q);
      if (!acceptPunct(",")) break;
      q = name();
    }
    return out;
  }

  /** Skips one token, or a whole balanced parenthesised group if the next token opens one. */
  void skipOne() {
    Token t = next();
    if (t == null || !t.isPunct("(")) return;
    int depth = 1;
    while (depth > 0 && !atEnd()) {
      Token u = next();
      if (u.isPunct("(")) depth++;
      else if (u.isPunct(")")) depth--;
    }
  }

  /** The remaining tokens split at commas that are not inside parentheses or brackets. */
  List<List<Token>> restSplitAtTopLevelCommas() {
    List<List<Token>> out = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    int depth = 0;
    while (!atEnd()) {
      Token t = next();
      if (t.isPunct("(") || t.isPunct("[")) depth++;
      else if (t.isPunct(")") || t.isPunct("]")) depth--;
      if (depth == 0 && t.isPunct(",")) {
        out.add(current);
        current = new ArrayList<>();
      } else {
        current.add(t);
      }
    }
    if (!current.isEmpty()) out.add(current);
    return out;
  }

  /** Whether any remaining token at parenthesis depth 0 is the keyword. */
  boolean restHasTopLevelKw(String keyword) {
    int depth = 0;
    for (int i = pos; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isPunct("(")) depth++;
      else if (t.isPunct(")")) depth--;
      else if (depth == 0 && t.isWord(keyword)) return true;
    }
    return false;
  }

  /** Whether the remaining tokens contain the keyword sequence at parenthesis depth 0. */
  boolean restHasTopLevelKws(String... keywords) {
    int depth = 0;
    for (int i = pos; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isPunct("(")) depth++;
      else if (t.isPunct(")")) depth--;
      else if (depth == 0 && matchesAt(i, keywords)) return true;
    }
    return false;
  }

  private boolean matchesAt(int i, String... keywords) {
    for (int k = 0; k < keywords.length; k++) {
      if (i + k >= tokens.size() || !tokens.get(i + k).isWord(keywords[k])) return false;
    }
    return true;
  }
}
