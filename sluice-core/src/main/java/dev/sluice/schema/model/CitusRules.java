package dev.sluice.schema.model;

import dev.sluice.schema.model.DistributionModel.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Citus refuses, checked on the model before any SQL: a hash-distributed table's primary key and
 * unique constraints include its distribution column; a foreign key between hash-distributed tables
 * joins their distribution columns and the tables are co-located; a reference table has no foreign
 * key to a distributed table; a table is placed once; {@code colocateWith} names a hash-distributed
 * table of the model whose distribution column has the same type.
 */
public final class CitusRules {
  private CitusRules() {}

  /** The problems of {@code m}, one sentence each (empty when Citus accepts it). */
  public static List<String> problems(SchemaModel m) {
    List<String> problems = new ArrayList<>();
    Map<String, DistributionModel> byKey = new HashMap<>();
    for (DistributionModel d : m.distributions()) byKey.put(d.key(), d);
    Colocation groups = Colocation.of(m);
    for (DistributionModel d : m.distributions()) {
      if (d.method() == Method.SCHEMA) {
        for (DistributionModel other : m.distributions()) {
          if (other.method() != Method.SCHEMA && other.schema().equals(d.schema())) {
            problems.add("table " + other.key() + " is in distributed schema " + d.schema()
                + "; tables of a distributed schema are placed with it and cannot be distributed or reference tables themselves");
          }
        }
        continue;
      }
      Optional<TableModel> table = m.table(d.schema(), d.table());
      if (table.isEmpty()) {
        problems.add("table " + d.key() + " is distributed but the schema has no such table");
        continue;
      }
      TableModel t = table.get();
      if (d.method() == Method.HASH) hashTable(m, d, t, byKey, groups, problems);
      for (ForeignKeyModel fk : t.foreignKeys()) {
        DistributionModel target = byKey.get(fk.refSchema() + "." + fk.refTable());
        if (d.method() == Method.REFERENCE && target != null && target.method() == Method.HASH) {
          problems.add("reference table " + d.key() + " cannot have foreign key " + fk.name() + " to distributed table "
              + target.key() + " (Citus refuses it: a reference table's rows are on every node)");
        }
      }
    }
    return problems;
  }

  private static void hashTable(SchemaModel m, DistributionModel d, TableModel t, Map<String, DistributionModel> byKey,
      Colocation groups, List<String> problems) {
    if (t.columns().stream().noneMatch(c -> c.name().equals(d.column()))) {
      problems.add("table " + d.key() + " is distributed by " + d.column() + ", which it does not have");
      return;
    }
    if (t.primaryKey() != null && !t.primaryKey().columns().contains(d.column())) {
      problems.add("table " + d.key() + ": its primary key " + t.primaryKey().columns() + " must include the distribution column "
          + d.column() + " (Citus enforces uniqueness per shard)");
    }
    for (UniqueModel u : t.uniques()) {
      if (!u.columns().contains(d.column())) {
        problems.add("table " + d.key() + ": unique constraint " + u.name() + " " + u.columns()
            + " must include the distribution column " + d.column());
      }
    }
    for (IndexModel i : t.indexes()) {
      if (i.unique() && i.elements().stream().noneMatch(e -> !e.isExpression() && d.column().equals(e.expression()))) {
        problems.add("table " + d.key() + ": unique index " + i.name() + " must include the distribution column " + d.column());
      }
    }
    if (d.colocateWith() != null && !DistributionModel.NONE.equals(d.colocateWith())) {
      DistributionModel with = byKey.get(d.colocateWith());
      if (with == null || with.method() != Method.HASH) {
        problems.add("table " + d.key() + " is co-located with " + d.colocateWith() + ", which is not a hash-distributed table of the schema");
      } else if (!java.util.Objects.equals(Colocation.columnType(m, d), Colocation.columnType(m, with))) {
        problems.add("table " + d.key() + " is co-located with " + with.key() + " but their distribution columns' types differ ("
            + Colocation.columnType(m, d) + ", " + Colocation.columnType(m, with) + ")");
      }
    }
    for (ForeignKeyModel fk : t.foreignKeys()) {
      DistributionModel target = byKey.get(fk.refSchema() + "." + fk.refTable());
      if (target == null || target.method() != Method.HASH) continue;
      int at = fk.columns().indexOf(d.column());
      if (at < 0 || !target.column().equals(fk.refColumns().get(at))) {
        problems.add("table " + d.key() + ": foreign key " + fk.name() + " to distributed table " + target.key()
            + " must join the distribution columns (" + d.column() + " to " + target.column() + ")");
      } else if (!groups.together(d.key(), target.key())) {
        problems.add("table " + d.key() + ": foreign key " + fk.name() + " to distributed table " + target.key()
            + " needs the tables co-located (colocateWith)");
      }
    }
  }
}
