package dev.sluice.query;

import dev.sluice.sql.Bind;
import dev.sluice.sql.Rendered;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Placeholder}s of a statement rendered once and the values bound to them so far: what
 * prepared queries (flat and relational) substitute into their rendered statement on each run.
 * Immutable: {@link #bind} returns a new instance.
 */
public final class PlaceholderValues {
  private final String sql;
  private final Map<String, Placeholder<?>> placeholders;
  private final Map<String, Object> values;

  private PlaceholderValues(String sql, Map<String, Placeholder<?>> placeholders, Map<String, Object> values) {
    this.sql = sql;
    this.placeholders = placeholders;
    this.values = values;
  }

  /** The placeholders of {@code template}, none bound; a name used with two types is rejected. */
  public static PlaceholderValues of(Rendered template) {
    Map<String, Placeholder<?>> found = new LinkedHashMap<>();
    for (Bind b : template.binds()) {
      if (b.value() instanceof Placeholder<?> p) {
        Placeholder<?> other = found.putIfAbsent(p.name(), p);
        if (other != null && !other.dataType().equals(p.dataType())) {
          throw new IllegalArgumentException("placeholder :" + p.name() + " is used with two types ("
              + other.dataType().sqlName() + " and " + p.dataType().sqlName() + ") in: " + template.sql());
        }
      }
    }
    return new PlaceholderValues(template.sql(), Collections.unmodifiableMap(found), Map.of());
  }

  /** The placeholders, in order of first appearance. */
  public List<Placeholder<?>> placeholders() {
    return List.copyOf(placeholders.values());
  }

  /** These values with {@code placeholder} bound to {@code value} (null binds SQL NULL). */
  public <T> PlaceholderValues bind(Placeholder<T> placeholder, T value) {
    if (!placeholders.containsKey(placeholder.name())) {
      throw new IllegalArgumentException("placeholder :" + placeholder.name() + " does not occur in this query"
          + " (its placeholders: " + names() + "): " + sql);
    }
    Map<String, Object> next = new LinkedHashMap<>(values);
    next.put(placeholder.name(), value);
    return new PlaceholderValues(sql, placeholders, next);
  }

  /** {@code template} (with these placeholders) with the bound values: fails naming the first unbound one. */
  public Rendered apply(Rendered template) {
    if (placeholders.isEmpty()) return template;
    List<Bind> binds = new ArrayList<>(template.binds().size());
    for (Bind b : template.binds()) {
      if (b.value() instanceof Placeholder<?> p) {
        if (!values.containsKey(p.name())) {
          throw new IllegalStateException("placeholder :" + p.name() + " is not bound; call bind(" + p.name()
              + ", value) before running: " + template.sql());
        }
        binds.add(new Bind(b.type(), values.get(p.name())));
      } else {
        binds.add(b);
      }
    }
    return new Rendered(template.sql(), binds);
  }

  /** The placeholder names as {@code [:a, :b]}. */
  public List<String> names() {
    return placeholders.keySet().stream().map(n -> ":" + n).toList();
  }
}
