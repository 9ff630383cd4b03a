package dev.sluice.kit.shadow;

import dev.sluice.schema.model.SchemaModel;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small least-recently-used map of normalised models by {@link NormalizedKey} digest; thread-safe. */
final class NormalizedCache {
  private final Map<String, SchemaModel> entries;

  NormalizedCache(int capacity) {
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, SchemaModel> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized SchemaModel get(String digest) {
    return entries.get(digest);
  }

  synchronized void clear() {
    entries.clear();
  }

  synchronized void put(String digest, SchemaModel model) {
    entries.put(digest, model);
  }
}
