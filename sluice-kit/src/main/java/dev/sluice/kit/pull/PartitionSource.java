package dev.sluice.kit.pull;

import static dev.sluice.kit.pull.JavaLiterals.string;

import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.ExclusionModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.PrimaryKeyModel;
import dev.sluice.schema.model.UniqueModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Java source for a partition's own indexes, foreign keys and constraints ({@code Partition.index/foreignKey/primaryKey/
 * unique/check/exclusion} calls, model literals).
 */
final class PartitionSource {
  private PartitionSource() {}

  /** {@code .index(...)} and {@code .foreignKey(...)} calls chained on {@code partition(...)}. */
  static List<String> ownCalls(PartitionModel p, Imports im) {
    List<String> calls = new ArrayList<>();
    for (IndexModel i : p.indexes()) calls.add(".index(" + JavaSchemaGenerator.indexModelLiteral(i, im) + ")");
    for (ForeignKeyModel f : p.foreignKeys()) calls.add(".foreignKey(" + foreignKeyLiteral(f, im) + ")");
    if (p.primaryKey() != null) calls.add(".primaryKey(" + primaryKeyLiteral(p.primaryKey(), im) + ")");
    for (UniqueModel u : p.uniques()) calls.add(".unique(" + uniqueLiteral(u, im) + ")");
    for (CheckModel c : p.checks()) calls.add(".check(" + checkLiteral(c, im) + ")");
    for (ExclusionModel x : p.exclusions()) calls.add(".exclusion(" + exclusionLiteral(x, im) + ")");
    return calls;
  }

  /**
   * {@code , List.of(indexes), List.of(foreign keys)} and, when the partition has constraints of its own,
   * {@code , primary key, List.of(uniques), List.of(checks), List.of(exclusions)}: the arguments of a
   * {@code PartitionModel} literal after its sub-partitioning.
   */
  static String ownArguments(PartitionModel p, Imports im) {
    if (p.indexes().isEmpty() && p.foreignKeys().isEmpty() && !p.hasOwnConstraints()) return "";
    String list = im.use("java.util.List");
    List<String> is = p.indexes().stream().map(i -> JavaSchemaGenerator.indexModelLiteral(i, im)).toList();
    List<String> fs = p.foreignKeys().stream().map(f -> foreignKeyLiteral(f, im)).toList();
    String out = ", " + list + ".of(" + String.join(", ", is) + "), " + list + ".of(" + String.join(", ", fs) + ")";
    if (!p.hasOwnConstraints()) return out;
    return out + ", " + (p.primaryKey() == null ? "null" : primaryKeyLiteral(p.primaryKey(), im))
        + ", " + list + ".of(" + String.join(", ", p.uniques().stream().map(u -> uniqueLiteral(u, im)).toList()) + ")"
        + ", " + list + ".of(" + String.join(", ", p.checks().stream().map(c -> checkLiteral(c, im)).toList()) + ")"
        + ", " + list + ".of(" + String.join(", ", p.exclusions().stream().map(x -> exclusionLiteral(x, im)).toList()) + ")";
  }

  static String primaryKeyLiteral(PrimaryKeyModel k, Imports im) {
    return "new " + im.use("dev.sluice.schema.model.PrimaryKeyModel") + "(" + string(k.name()) + ", "
        + im.use("java.util.List") + ".of(" + strings(k.columns()) + "), " + string(k.comment()) + ")";
  }

  static String uniqueLiteral(UniqueModel u, Imports im) {
    return "new " + im.use("dev.sluice.schema.model.UniqueModel") + "(" + string(u.name()) + ", "
        + im.use("java.util.List") + ".of(" + strings(u.columns()) + "), " + u.nullsNotDistinct() + ", " + u.deferrable() + ", "
        + u.initiallyDeferred() + ", " + string(u.comment()) + ")";
  }

  static String checkLiteral(CheckModel c, Imports im) {
    return "new " + im.use("dev.sluice.schema.model.CheckModel") + "(" + string(c.name()) + ", " + string(c.expression()) + ", "
        + c.notValid() + ", " + string(c.comment()) + ")";
  }

  static String exclusionLiteral(ExclusionModel x, Imports im) {
    String ex = im.use("dev.sluice.schema.model.ExclusionModel");
    List<String> elements = x.elements().stream().map(e -> "new " + ex + ".Element(" + string(e.expression()) + ", "
        + string(e.opclass()) + ", " + string(e.operator()) + ")").toList();
    return "new " + ex + "(" + string(x.name()) + ", " + string(x.method()) + ", " + im.use("java.util.List") + ".of("
        + String.join(", ", elements) + "), " + string(x.where()) + ", " + x.deferrable() + ", " + x.initiallyDeferred() + ", "
        + string(x.comment()) + ")";
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
