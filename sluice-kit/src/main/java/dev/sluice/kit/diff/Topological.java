package dev.sluice.kit.diff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Stable topological order: each item comes after the items it depends on, otherwise in input
 * order. Dependencies on names outside the list are ignored (those objects already exist). A
 * cycle, which for views can only come from over-approximated dependencies, is broken by input order.
 */
final class Topological {
  private Topological() {}

  static <T> List<T> sort(List<T> items, Function<T, String> key, Function<T, Collection<String>> dependencies) {
    Set<String> pendingKeys = new HashSet<>();
    for (T t : items) pendingKeys.add(key.apply(t));
    List<T> pending = new ArrayList<>(items);
    List<T> out = new ArrayList<>(items.size());
    while (!pending.isEmpty()) {
      T next = null;
      for (T t : pending) {
        String k = key.apply(t);
        boolean ready = dependencies.apply(t).stream().noneMatch(d -> !d.equals(k) && pendingKeys.contains(d));
        if (ready) {
          next = t;
          break;
        }
      }
      if (next == null) next = pending.get(0);
      pending.remove(next);
      pendingKeys.remove(key.apply(next));
      out.add(next);
    }
    return out;
  }
}
