package dev.sluice.kit.pull;

import dev.sluice.schema.Schema;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.Javac;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helper: compiles what the generator wrote, loads the holder and builds its model. */
final class GeneratedSchema {
  private GeneratedSchema() {}

  /** Compiles {@code sources} (relative path to text) and returns the holder's {@code schema()}. */
  static Schema load(Map<String, String> sources, String holderClassName) {
    Map<String, String> byClass = new LinkedHashMap<>();
    sources.forEach((path, text) -> byClass.put(path.replace('/', '.').replaceAll("\\.java$", ""), text));
    ClassLoader loader = Javac.compileAndLoad(byClass);
    try {
      Class<?> holder = Class.forName(holderClassName, true, loader);
      return (Schema) holder.getMethod("schema").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load " + holderClassName + ": " + e, e);
    }
  }

  /** generate -> compile -> load -> model. */
  static SchemaModel roundTrip(SchemaModel model, String pkg) {
    Map<String, String> sources = JavaSchemaGenerator.generate(model, pkg);
    try {
      return load(sources, pkg + "." + JavaSchemaGenerator.DEFAULT_HOLDER).toModel();
    } catch (RuntimeException | Error e) {
      StringBuilder sb = new StringBuilder(e.toString());
      sources.forEach((p, s) -> sb.append("\n===== ").append(p).append('\n').append(s));
      throw new AssertionError(sb.toString(), e);
    }
  }
}
