package dev.sluice.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.schema.model.SchemaModel;

/**
 * A {@link SchemaModel} as a JSON snapshot: the file a migration folder keeps beside each migration
 * so that {@code generate} can diff the code against the last migrated state without a database.
 *
 * <p>The text is stable so snapshots diff well in review: pretty-printed, keys sorted
 * alphabetically at every level, null fields left out (they read back as null; empty lists are
 * written; composite types and table options are left out when empty or default, so snapshots of
 * schemas without them read as before). The root object carries {@code "version": 1}; {@link #read(String)} refuses other
 * versions and unknown fields rather than guessing.
 */
public final class SnapshotJson {
  /** The snapshot format this code writes and reads. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
      .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  private SnapshotJson() {}

  /** The model as pretty JSON with sorted keys and {@code "version": 1}, ending with a newline. */
  public static String write(SchemaModel model) {
    ObjectNode root = MAPPER.valueToTree(model);
    SnapshotDefaults.prune(root);
    root.put("version", VERSION);
    java.util.List<String> names = new java.util.ArrayList<>();
    root.fieldNames().forEachRemaining(names::add);
    java.util.Collections.sort(names);
    ObjectNode sorted = MAPPER.createObjectNode();
    for (String n : names) sorted.set(n, root.get(n));
    try {
      return MAPPER.writeValueAsString(sorted) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write snapshot: " + e.getMessage(), e);
    }
  }

  /**
   * The model of a snapshot written by {@link #write(SchemaModel)}.
   *
   * @throws IllegalArgumentException for text that is not a snapshot, a missing or unsupported
   *     version, or fields this version does not know
   */
  public static SchemaModel read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("snapshot is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) throw new IllegalArgumentException("snapshot must be a JSON object");
    JsonNode version = root.get("version");
    if (version == null || !version.isInt()) {
      throw new IllegalArgumentException("snapshot has no \"version\" number; is this a Sluice snapshot?");
    }
    if (version.intValue() != VERSION) {
      throw new IllegalArgumentException("snapshot version " + version.intValue() + " is not supported: this Sluice reads version "
          + VERSION + (version.intValue() > VERSION ? "; upgrade Sluice to read it" : ""));
    }
    ObjectNode model = ((ObjectNode) root).deepCopy();
    model.remove("version");
    try {
      return MAPPER.treeToValue(model, SchemaModel.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException("snapshot does not describe a schema model: " + e.getMessage(), e);
    }
  }
}
