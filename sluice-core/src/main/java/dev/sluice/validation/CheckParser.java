package dev.sluice.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numeric bounds out of CHECK expressions of the simple shapes: conjunctions (AND) of
 * {@code col op number}, {@code number op col} (op one of {@code >= > <= < =}) and
 * {@code col BETWEEN a AND b}, with parentheses and {@code ::type} casts. Anything else (OR, functions,
 * two columns, NOT...) makes the whole check unparseable and it is skipped: the database still enforces
 * it, the validator only cannot report it early.
 */
final class CheckParser {
  private CheckParser() {}

  /** A numeric bound. */
  record Bound(BigDecimal value, boolean inclusive) {}

  /** The bounds one check puts on columns. */
  record Bounds(Map<String, Bound> min, Map<String, Bound> max) {}

  private static final Pattern TOKEN = Pattern.compile(
      "\\s*(?:(\"(?:[^\"]|\"\")+\")|(-?\\d+(?:\\.\\d+)?)|(\\x00)|([A-Za-z_][A-Za-z0-9_$]*)|(>=|<=|<>|!=|>|<|=|\\(|\\)))");

  /** {@code ::type}, {@code ::double precision}, {@code ::numeric(10,2)}: casts carry no bound. */
  private static final Pattern CAST = Pattern.compile(
      "::\\s*(?:\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_]*)(?:\\s+(?:precision|varying|with(?:out)?\\s+time\\s+zone))?"
          + "(?:\\(\\d+(?:\\s*,\\s*\\d+)?\\))?");

  /** Bounds of {@code expression}, or null when it is not of a supported shape. */
  static Bounds parse(String expression) {
    List<String> tokens = tokenize(expression);
    if (tokens == null) return null;
    Bounds b = new Bounds(new java.util.HashMap<>(), new java.util.HashMap<>());
    int[] pos = {0};
    if (!conjunction(tokens, pos, b) || pos[0] != tokens.size()) return null;
    return b;
  }

  private static List<String> tokenize(String s) {
    s = CAST.matcher(s).replaceAll(" ");
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(s);
    int at = 0;
    while (at < s.length()) {
      if (s.substring(at).isBlank()) break;
      if (!m.find(at) || m.start() != at) return null;
      if (m.group(1) != null) out.add("I" + m.group(1).substring(1, m.group(1).length() - 1).replace("\"\"", "\""));
      else if (m.group(2) != null) out.add("N" + m.group(2));
      else if (m.group(3) != null) { /* a cast: ignored */ }
      else if (m.group(4) != null) {
        String w = m.group(4).toLowerCase(Locale.ROOT);
        out.add(w.equals("and") || w.equals("between") ? "K" + w : "I" + w);
      } else out.add("O" + m.group(5));
      at = m.end();
    }
    // PostgreSQL prints constants as (0)::numeric: drop the parentheses around a lone number
    for (int i = 0; i + 2 < out.size(); i++) {
      if (out.get(i).equals("O(") && out.get(i + 1).startsWith("N") && out.get(i + 2).equals("O)")) {
        out.remove(i + 2);
        out.remove(i);
      }
    }
    return out;
  }

  private static boolean conjunction(List<String> t, int[] pos, Bounds b) {
    if (!atom(t, pos, b)) return false;
    while (pos[0] < t.size() && t.get(pos[0]).equals("Kand")) {
      pos[0]++;
      if (!atom(t, pos, b)) return false;
    }
    return true;
  }

  private static boolean atom(List<String> t, int[] pos, Bounds b) {
    int p = pos[0];
    if (p >= t.size()) return false;
    if (t.get(p).equals("O(")) {
      pos[0]++;
      if (!conjunction(t, pos, b) || pos[0] >= t.size() || !t.get(pos[0]).equals("O)")) return false;
      pos[0]++;
      return true;
    }
    if (p + 4 < t.size() && t.get(p).startsWith("I") && t.get(p + 1).equals("Kbetween")
        && t.get(p + 2).startsWith("N") && t.get(p + 3).equals("Kand") && t.get(p + 4).startsWith("N")) {
      String col = t.get(p).substring(1);
      tighten(b.min(), col, new Bound(new BigDecimal(t.get(p + 2).substring(1)), true), true);
      tighten(b.max(), col, new Bound(new BigDecimal(t.get(p + 4).substring(1)), true), false);
      pos[0] = p + 5;
      return true;
    }
    if (p + 2 >= t.size()) return false;
    String a = t.get(p), op = t.get(p + 1), c = t.get(p + 2);
    if (!op.startsWith("O") || op.equals("O(") || op.equals("O)") || op.equals("O<>") || op.equals("O!=")) return false;
    String o = op.substring(1);
    String col;
    BigDecimal n;
    if (a.startsWith("I") && c.startsWith("N")) {
      col = a.substring(1);
      n = new BigDecimal(c.substring(1));
    } else if (a.startsWith("N") && c.startsWith("I")) {
      col = c.substring(1);
      n = new BigDecimal(a.substring(1));
      o = switch (o) { case ">=" -> "<="; case ">" -> "<"; case "<=" -> ">="; case "<" -> ">"; default -> o; };
    } else {
      return false;
    }
    switch (o) {
      case ">=" -> tighten(b.min(), col, new Bound(n, true), true);
      case ">" -> tighten(b.min(), col, new Bound(n, false), true);
      case "<=" -> tighten(b.max(), col, new Bound(n, true), false);
      case "<" -> tighten(b.max(), col, new Bound(n, false), false);
      case "=" -> {
        tighten(b.min(), col, new Bound(n, true), true);
        tighten(b.max(), col, new Bound(n, true), false);
      }
      default -> {
        return false;
      }
    }
    pos[0] = p + 3;
    return true;
  }

  /** Keeps the stricter of two bounds. */
  static void tighten(Map<String, Bound> bounds, String col, Bound nb, boolean lower) {
    Bound old = bounds.get(col);
    if (old == null) {
      bounds.put(col, nb);
      return;
    }
    int cmp = nb.value().compareTo(old.value());
    boolean stricter = lower ? cmp > 0 || (cmp == 0 && !nb.inclusive()) : cmp < 0 || (cmp == 0 && !nb.inclusive());
    if (stricter) bounds.put(col, nb);
  }
}
