package dev.sluice.kit.diff;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Names the first difference between two versions of a model record, for error messages such as
 * {@code "column email changed type (text -> citext)"}. Walks record components generically so that
 * a field added to a model record is reported without touching this class.
 */
final class Differences {
  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("columns", "column"), Map.entry("foreignKeys", "foreign key"), Map.entry("uniques", "unique constraint"),
      Map.entry("checks", "check"), Map.entry("exclusions", "exclusion constraint"), Map.entry("indexes", "index"),
      Map.entry("policies", "policy"), Map.entry("partitions", "partition"), Map.entry("elements", "element"),
      Map.entry("notNull", "not null"), Map.entry("defaultExpr", "default"), Map.entry("generatedExpr", "generated expression"),
      Map.entry("primaryKey", "primary key"), Map.entry("rlsEnabled", "row level security"),
      Map.entry("rlsForced", "forced row level security"), Map.entry("baseType", "base type"),
      Map.entry("dataType", "data type"), Map.entry("memberOf", "memberships"), Map.entry("withCheck", "with check"),
      Map.entry("subPartitioning", "sub-partitioning"), Map.entry("checkOption", "check option"),
      Map.entry("withData", "with data"), Map.entry("securityInvoker", "security_invoker"),
      Map.entry("securityBarrier", "security_barrier"), Map.entry("nullsNotDistinct", "nulls not distinct"));

  private Differences() {}

  /** What changed from {@code a} to {@code b}; both are non-null and not equal. */
  static String describe(Object a, Object b) {
    if (a.getClass().isRecord() && a.getClass() == b.getClass()) {
      for (RecordComponent rc : a.getClass().getRecordComponents()) {
        Object va = value(rc, a);
        Object vb = value(rc, b);
        if (!Objects.equals(va, vb)) return component(rc.getName(), va, vb);
      }
    }
    return "changed";
  }

  private static String component(String name, Object va, Object vb) {
    if (va instanceof List<?> la && vb instanceof List<?> lb && named(la, lb)) return namedList(name, la, lb);
    if (va != null && vb != null && va.getClass().isRecord() && va.getClass() == vb.getClass()) {
      return word(name) + " " + describe(va, vb);
    }
    return "changed " + word(name) + " (" + va + " -> " + vb + ")";
  }

  private static String namedList(String name, List<?> la, List<?> lb) {
    Map<String, Object> ma = byName(la);
    Map<String, Object> mb = byName(lb);
    String what = WORDS.getOrDefault(name, name);
    for (String n : mb.keySet()) {
      if (!ma.containsKey(n)) return what + " " + n + " added";
    }
    for (String n : ma.keySet()) {
      if (!mb.containsKey(n)) return what + " " + n + " removed";
    }
    for (String n : mb.keySet()) {
      if (!ma.get(n).equals(mb.get(n))) return what + " " + n + " " + describe(ma.get(n), mb.get(n));
    }
    return "changed the order of " + word(name) + " (" + new ArrayList<>(ma.keySet()) + " -> " + new ArrayList<>(mb.keySet()) + ")";
  }

  private static boolean named(List<?> la, List<?> lb) {
    Object sample = !la.isEmpty() ? la.get(0) : !lb.isEmpty() ? lb.get(0) : null;
    if (sample == null || !sample.getClass().isRecord()) return false;
    for (RecordComponent rc : sample.getClass().getRecordComponents()) {
      if (rc.getName().equals("name") && rc.getType() == String.class) return true;
    }
    return false;
  }

  private static Map<String, Object> byName(List<?> list) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Object o : list) {
      for (RecordComponent rc : o.getClass().getRecordComponents()) {
        if (rc.getName().equals("name")) m.put(String.valueOf(value(rc, o)), o);
      }
    }
    return m;
  }

  private static String word(String name) {
    String w = WORDS.get(name);
    return w != null ? w : name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
  }

  private static Object value(RecordComponent rc, Object record) {
    try {
      return rc.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + rc.getName() + " of " + record.getClass().getSimpleName(), e);
    }
  }
}
