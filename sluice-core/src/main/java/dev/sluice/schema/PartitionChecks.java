package dev.sluice.schema;

import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import java.util.List;

/** Checks of a partitioned table's partitions' own indexes and foreign keys. */
final class PartitionChecks {
  private PartitionChecks() {}

  /**
   * Own indexes and foreign keys name only the parent's columns, and no own index repeats an index
   * of the parent: PostgreSQL would attach it to the parent's index (CREATE INDEX on a partitioned
   * table adopts a matching partition index), so it would not stay the partition's own.
   */
  static void check(String table, List<String> columns, List<IndexModel> parentIndexes, List<PartitionModel> partitions,
      List<String> problems) {
    for (PartitionModel p : partitions) {
      String what = "table " + table + ": partition " + p.name();
      for (IndexModel i : p.indexes()) {
        for (IndexModel.IndexElement e : i.elements()) {
          if (!e.isExpression() && !columns.isEmpty() && !columns.contains(e.expression())) {
            problems.add(what + ": index " + i.name() + " names column " + e.expression() + ", which the table does not have");
          }
        }
        for (IndexModel parent : parentIndexes) {
          if (sameDefinition(parent, i)) {
            problems.add(what + ": index " + i.name() + " repeats the table's index " + parent.name()
                + " (PostgreSQL attaches such an index to the parent's); declare it once, on the table");
          }
        }
      }
      for (ForeignKeyModel fk : p.foreignKeys()) {
        for (String c : fk.columns()) {
          if (!columns.isEmpty() && !columns.contains(c)) {
            problems.add(what + ": foreign key " + fk.name() + " names column " + c + ", which the table does not have");
          }
        }
      }
      if (p.subPartitioning() != null) check(table, columns, parentIndexes, p.subPartitioning().partitions(), problems);
    }
  }

  private static boolean sameDefinition(IndexModel a, IndexModel b) {
    return a.unique() == b.unique() && a.method().equals(b.method()) && a.elements().equals(b.elements())
        && a.include().equals(b.include()) && java.util.Objects.equals(a.where(), b.where())
        && a.nullsNotDistinct() == b.nullsNotDistinct();
  }
}
