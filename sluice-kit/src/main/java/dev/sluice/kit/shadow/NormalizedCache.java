package dev.sluice.kit.shadow;

import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.schema.model.SchemaModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small least-recently-used map of normalised models; thread-safe. */
final class NormalizedCache {
  /** What a normalised model depends on: the server, the role, what is introspected, and the DDL applied. */
  record Key(String jdbcUrl, String user, IntrospectOptions options, List<String> ddl) {}

  private final Map<Key, SchemaModel> entries;

  NormalizedCache(int capacity) {
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, SchemaModel> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized SchemaModel get(Key key) {
    return entries.get(key);
  }

  synchronized void clear() {
    entries.clear();
  }

  synchronized void put(Key key, SchemaModel model) {
    entries.put(key, model);
  }
}
