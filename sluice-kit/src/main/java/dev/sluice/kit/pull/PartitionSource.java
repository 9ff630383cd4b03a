package dev.sluice.kit.pull;

import static dev.sluice.kit.pull.JavaLiterals.string;

import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import java.util.ArrayList;
import java.util.List;

/** Java source for a partition's own indexes and foreign keys ({@code Partition.index/foreignKey} calls, model literals). */
final class PartitionSource {
  private PartitionSource() {}

  /** {@code .index(...)} and {@code .foreignKey(...)} calls chained on {@code partition(...)}. */
  static List<String> ownCalls(PartitionModel p, Imports im) {
    List<String> calls = new ArrayList<>();
    for (IndexModel i : p.indexes()) calls.add(".index(" + JavaSchemaGenerator.indexModelLiteral(i, im) + ")");
    for (ForeignKeyModel f : p.foreignKeys()) calls.add(".foreignKey(" + foreignKeyLiteral(f, im) + ")");
    return calls;
  }

  /** {@code , List.of(indexes), List.of(foreign keys)}: the last two arguments of a {@code PartitionModel} literal. */
  static String ownArguments(PartitionModel p, Imports im) {
    if (p.indexes().isEmpty() && p.foreignKeys().isEmpty()) return "";
    String list = im.use("java.util.List");
    List<String> is = p.indexes().stream().map(i -> JavaSchemaGenerator.indexModelLiteral(i, im)).toList();
    List<String> fs = p.foreignKeys().stream().map(f -> foreignKeyLiteral(f, im)).toList();
    return ", " + list + ".of(" + String.join(", ", is) + "), " + list + ".of(" + String.join(", ", fs) + ")";
  }

  static String foreignKeyLiteral(ForeignKeyModel f, Imports im) {
    String list = im.use("java.util.List");
    String fk = im.use("dev.sluice.schema.model.ForeignKeyModel");
    return "new " + fk + "(" + string(f.name()) + ", " + list + ".of(" + strings(f.columns()) + "), " + string(f.refSchema())
        + ", " + string(f.refTable()) + ", " + list + ".of(" + strings(f.refColumns()) + "), " + fk + ".Action." + f.onDelete()
        + ", " + fk + ".Action." + f.onUpdate() + ", " + fk + ".Match." + f.match() + ", " + f.deferrable() + ", "
        + f.initiallyDeferred() + ", " + f.notValid() + ", " + list + ".of(" + strings(f.onDeleteColumns()) + "), "
        + string(f.comment()) + ")";
  }

  private static String strings(List<String> values) {
    return String.join(", ", values.stream().map(JavaLiterals::string).toList());
  }
}
