package dev.sluice.schema;

import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.PrimaryKeyModel;
import dev.sluice.schema.model.UniqueModel;
import java.util.List;

/** Checks of a partitioned table's partitions' own indexes, foreign keys and constraints. */
final class PartitionChecks {
  private PartitionChecks() {}

  /**
   * Own indexes and foreign keys name only the parent's columns, and no own index repeats an index
   * of the parent: PostgreSQL would attach it to the parent's index (CREATE INDEX on a partitioned
   * table adopts a matching partition index), so it would not stay the partition's own. Own
   * constraints name only the parent's columns, and a partition has its own primary key only when
   * the table has none (the table's reaches every partition).
   */
  static void check(String table, List<String> columns, List<IndexModel> parentIndexes, PrimaryKeyModel parentKey,
      List<PartitionModel> partitions, List<String> problems) {
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
      if (p.primaryKey() != null) {
        if (parentKey != null) {
          problems.add(what + ": primary key " + p.primaryKey().name() + " of its own, but the table has primary key "
              + parentKey.name() + " (a table has one primary key; the table's reaches every partition)");
        }
        columns(what + ": primary key " + p.primaryKey().name(), p.primaryKey().columns(), columns, problems);
      }
      for (UniqueModel u : p.uniques()) columns(what + ": unique constraint " + u.name(), u.columns(), columns, problems);
      PrimaryKeyModel key = parentKey != null ? parentKey : p.primaryKey();
      if (p.subPartitioning() != null) check(table, columns, parentIndexes, key, p.subPartitioning().partitions(), problems);
    }
  }

  private static void columns(String what, List<String> named, List<String> columns, List<String> problems) {
    for (String c : named) {
      if (!columns.isEmpty() && !columns.contains(c)) problems.add(what + " names column " + c + ", which the table does not have");
    }
  }

  private static boolean sameDefinition(IndexModel a, IndexModel b) {
    return a.unique() == b.unique() && a.method().equals(b.method()) && a.elements().equals(b.elements())
        && a.include().equals(b.include()) && java.util.Objects.equals(a.where(), b.where())
        && a.nullsNotDistinct() == b.nullsNotDistinct();
  }
}
