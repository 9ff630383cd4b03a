package dev.sluice.kit.diff;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a column type change needs and risks, judged from the canonical type names alone: whether
 * PostgreSQL's assignment cast converts the values (no USING needed) and whether every value
 * survives (a widening). Unknown pairs get an explicit {@code USING col::type} and count as lossy:
 * a false alarm costs a {@code --force}, a missed one costs data.
 */
final class TypeChanges {
  private TypeChanges() {}

  private static final Pattern MODIFIERS = Pattern.compile("^([^(\\[]*)\\s*(?:\\(([0-9, ]+)\\))?\\s*(.*)$");
  private static final List<Set<String>> ASSIGNMENT_FAMILIES = List.of(
      Set.of("smallint", "integer", "bigint", "numeric", "real", "double precision"),
      Set.of("text", "character varying", "character", "public.citext", "citext"),
      Set.of("date", "timestamp without time zone", "timestamp with time zone"),
      Set.of("time without time zone", "time with time zone"),
      Set.of("bit", "bit varying"));
  private static final List<String> INTEGER_RANK = List.of("smallint", "integer", "bigint", "numeric");

  /** The USING clause for {@code column} going from {@code from} to {@code to}, or null when none is needed. */
  static String using(String column, String from, String to) {
    boolean fromArray = from.endsWith("]");
    boolean toArray = to.endsWith("]");
    if (fromArray == toArray && sameFamily(base(element(from)), base(element(to)))) return null;
    return Sql.name(column) + "::" + to;
  }

  /** Whether some values of type {@code from} may not survive conversion to {@code to}. */
  static boolean lossy(String from, String to) {
    if (from.equals(to)) return false;
    if (to.equals("text")) return false;
    if (from.endsWith("]") != to.endsWith("]")) return true;
    String fb = base(element(from));
    String tb = base(element(to));
    Integer[] fm = modifiers(element(from));
    Integer[] tm = modifiers(element(to));
    if (fb.equals(tb)) {
      if (tm.length == 0) return false; // unconstrained: varchar, numeric, timestamp
      if (fm.length == 0) return true;
      if (fb.equals("numeric")) return tm[0] - (tm.length > 1 ? tm[1] : 0) < fm[0] - (fm.length > 1 ? fm[1] : 0)
          || (tm.length > 1 ? tm[1] : 0) < (fm.length > 1 ? fm[1] : 0);
      return tm[0] < fm[0];
    }
    if ((fb.equals("text") || fb.equals("character varying") || fb.equals("character")) && (tb.equals("public.citext") || tb.equals("citext"))) return false;
    int fi = INTEGER_RANK.indexOf(fb);
    int ti = INTEGER_RANK.indexOf(tb);
    if (fi >= 0 && ti >= 0) return ti < fi || (tb.equals("numeric") && tm.length > 0);
    if (fb.equals("real") && tb.equals("double precision")) return false;
    if (fb.equals("date") && tb.startsWith("timestamp")) return false;
    if (fb.startsWith("timestamp") && tb.startsWith("timestamp")) return tm.length > 0 && (fm.length == 0 || tm[0] < fm[0]);
    return true;
  }

  private static boolean sameFamily(String a, String b) {
    if (a.equals(b)) return true;
    for (Set<String> f : ASSIGNMENT_FAMILIES) {
      if (f.contains(a) && f.contains(b)) return true;
    }
    return false;
  }

  private static String element(String type) {
    int i = type.indexOf('[');
    return i < 0 ? type : type.substring(0, i);
  }

  /** {@code timestamp(3) with time zone} -> {@code timestamp with time zone}; {@code numeric(10,2)} -> {@code numeric}. */
  static String base(String type) {
    Matcher m = MODIFIERS.matcher(type.strip());
    if (!m.matches() || m.group(2) == null) return type.strip();
    String rest = m.group(3).strip();
    return rest.isEmpty() ? m.group(1).strip() : m.group(1).strip() + " " + rest;
  }

  private static Integer[] modifiers(String type) {
    Matcher m = MODIFIERS.matcher(type.strip());
    if (!m.matches() || m.group(2) == null) return new Integer[0];
    String[] parts = m.group(2).split(",");
    Integer[] out = new Integer[parts.length];
    for (int i = 0; i < parts.length; i++) out[i] = Integer.parseInt(parts[i].strip());
    return out;
  }
}
