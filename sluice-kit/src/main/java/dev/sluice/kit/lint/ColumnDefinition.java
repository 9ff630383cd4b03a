package dev.sluice.kit.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The parts of a column definition ({@code ADD COLUMN name type constraints...}) that decide whether
 * adding it to a table with rows fails, rewrites the table, or builds an index.
 */
record ColumnDefinition(String name, TypeRef type, boolean notNull, List<Token> defaultExpr, boolean identity,
    boolean generatedStored, boolean primaryKey, boolean unique) {
  private static final Set<String> CONSTRAINT_WORDS = Set.of("CONSTRAINT", "NOT", "NULL", "DEFAULT", "GENERATED",
      "PRIMARY", "UNIQUE", "CHECK", "REFERENCES", "COLLATE", "COMPRESSION", "DEFERRABLE", "INITIALLY", "STORAGE");

  /** Parses the tokens of a column definition (starting at the column name). */
  static ColumnDefinition parse(List<Token> tokens) {
    String name = tokens.isEmpty() ? "?" : tokens.get(0).ident();
    int i = 1;
    List<Token> typeTokens = new ArrayList<>();
    int depth = 0;
    while (i < tokens.size()) {
      Token t = tokens.get(i);
      if (depth == 0 && isConstraintWord(t)) break;
      if (t.isPunct("(")) depth++;
      if (t.isPunct(")")) depth--;
      typeTokens.add(t);
      i++;
    }
    boolean notNull = false;
    boolean identity = false;
    boolean generated = false;
    boolean pk = false;
    boolean unique = false;
    List<Token> def = null;
    while (i < tokens.size()) {
      Token t = tokens.get(i);
      if (t.isWord("NOT") && i + 1 < tokens.size() && tokens.get(i + 1).isWord("NULL")) {
        notNull = true;
        i += 2;
      } else if (t.isWord("DEFAULT")) {
        def = new ArrayList<>();
        i++;
        depth = 0;
        while (i < tokens.size()) {
          Token u = tokens.get(i);
          if (depth == 0 && isConstraintWord(u) && !(u.isWord("NULL") && def.isEmpty())) break;
          if (u.isPunct("(")) depth++;
          if (u.isPunct(")")) depth--;
          def.add(u);
          i++;
        }
      } else if (t.isWord("GENERATED")) {
        int j = i + 1;
        while (j < tokens.size() && !tokens.get(j).isWord("AS")) j++;
        if (j + 1 < tokens.size() && tokens.get(j + 1).isWord("IDENTITY")) {
          identity = true;
          notNull = true;
        } else {
          generated = true;
        }
        i = j + 1;
      } else if (t.isWord("PRIMARY")) {
        pk = true;
        notNull = true;
        i += 2;
      } else if (t.isWord("UNIQUE")) {
        unique = true;
        i++;
      } else {
        i++;
      }
    }
    return new ColumnDefinition(name, TypeRef.parse(typeTokens), notNull, def, identity, generated, pk, unique);
  }

  private static boolean isConstraintWord(Token t) {
    return t.kind() == Token.Kind.WORD && CONSTRAINT_WORDS.contains(t.text().toUpperCase(java.util.Locale.ROOT));
  }

  /** Whether existing rows get a non-null value for the new column (default, identity, serial, generated). */
  boolean fillsExistingRows() {
    return hasNonNullDefault() || identity || generatedStored || type.serial();
  }

  boolean hasNonNullDefault() {
    return defaultExpr != null && !defaultExpr.isEmpty() && !defaultExpr.get(0).isWord("NULL");
  }
}
