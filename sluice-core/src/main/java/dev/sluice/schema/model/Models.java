package dev.sluice.schema.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Helpers for the canonical constructors: null-safe immutable copies, sorted where order is not semantic. */
final class Models {
  private Models() {}

  static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  static <T> List<T> sorted(List<T> list, Function<T, String> key) {
    if (list == null || list.isEmpty()) return List.of();
    List<T> l = new ArrayList<>(list);
    l.sort(Comparator.comparing(key));
    return List.copyOf(l);
  }
}
