package dev.sluice.kit.diff;

import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.schema.model.ViewModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The last line of "nothing is ignored silently": every object present on both sides whose
 * definition differs must have produced at least one change naming it. A miss is a differ bug, and
 * failing here is better than a migration that leaves the database behind the schema.
 */
final class CoverageGuard {
  private CoverageGuard() {}

  static void check(SchemaModel a, SchemaModel b, List<Change> changes) {
    List<String> described = changes.stream().map(Change::description).toList();
    pairs(a.enums(), b.enums(), e -> e.schema() + "." + e.name(), "enum", described, e -> e);
    pairs(a.domains(), b.domains(), d -> d.schema() + "." + d.name(), "domain", described, d -> d);
    pairs(a.compositeTypes(), b.compositeTypes(), t -> t.schema() + "." + t.name(), "composite type", described, t -> t);
    pairs(a.sequences(), b.sequences(), q -> q.schema() + "." + q.name(), "sequence", described, q -> q);
    pairs(a.views(), b.views(), v -> v.schema() + "." + v.name(), "view", described, v -> v.withIndexes(
        v.indexes().stream().map(CoverageGuard::normal).toList()));
    // a target without a version accepts any version, so the version is not compared here
    pairs(a.extensions(), b.extensions(), x -> x.name(), "extension", described, x -> x.name() + " " + x.schema());
    pairs(a.roles(), b.roles(), r -> r.name(), "role", described, r -> r);
    for (ObjectKind<?> k : Kinds.ALL) kind(k, a, b, described);
    Map<String, TableModel> after = SchemaDiff.byKey(b.tables(), t -> t.schema() + "." + t.name());
    for (TableModel x : a.tables()) {
      TableModel y = after.get(x.schema() + "." + x.name());
      if (y != null) {
        // columns a parent gives are the parent's (a column both inherited and declared compares as inherited)
        TableModel own = Inheritance.ownColumnsOnly(x, a);
        TableModel ownY = Inheritance.ownColumnsOnly(y, b);
        if (!own.inherits().isEmpty() || !ownY.inherits().isEmpty()) {
          java.util.Set<String> inheritedEither = new java.util.HashSet<>();
          for (ColumnModel c : x.columns()) if (!own.columns().contains(c)) inheritedEither.add(c.name());
          for (ColumnModel c : y.columns()) if (!ownY.columns().contains(c)) inheritedEither.add(c.name());
          java.util.Set<String> checksEither = new java.util.HashSet<>();
          for (var k : x.checks()) if (!own.checks().contains(k)) checksEither.add(k.name());
          for (var k : y.checks()) if (!ownY.checks().contains(k)) checksEither.add(k.name());
          x = strip(own, inheritedEither, checksEither);
          y = strip(ownY, inheritedEither, checksEither);
        }
      }
      if (y == null || normal(x).equals(normal(y))) continue;
      List<String> names = new ArrayList<>();
      names.add(x.schema() + "." + x.name());
      for (IndexModel i : x.indexes()) names.add(x.schema() + "." + i.name());
      for (IndexModel i : y.indexes()) names.add(y.schema() + "." + i.name());
      partitions(x.schema(), x.partitioning(), names);
      partitions(y.schema(), y.partitioning(), names);
      if (described.stream().noneMatch(d -> names.stream().anyMatch(d::contains))) {
        throw missed("table " + x.schema() + "." + x.name(), normal(x), normal(y));
      }
    }
  }

  private static <T> void pairs(List<T> before, List<T> afterList, Function<T, String> key, String kind, List<String> described,
      Function<T, Object> normal) {
    Map<String, T> after = SchemaDiff.byKey(afterList, key);
    for (T x : before) {
      T y = after.get(key.apply(x));
      if (y == null || normal.apply(x).equals(normal.apply(y))) continue;
      String name = key.apply(x);
      if (described.stream().noneMatch(d -> d.contains(name))) throw missed(kind + " " + name, x, y);
    }
  }

  private static <M> void kind(ObjectKind<M> k, SchemaModel a, SchemaModel b, List<String> described) {
    pairs(k.of(a), k.of(b), k::key, k.label(), described, k::definition);
  }

  private static void partitions(String schema, PartitioningModel p, List<String> names) {
    if (p == null) return;
    for (PartitioningModel.PartitionModel part : p.partitions()) {
      names.add(schema + "." + part.name());
      for (IndexModel i : part.indexes()) names.add(schema + "." + i.name());
      partitions(schema, part.subPartitioning(), names);
    }
  }

  private static IndexModel normal(IndexModel i) {
    return new IndexModel(i.name(), i.unique(), i.method(), i.elements(), i.include(), i.where(), i.with(), i.nullsNotDistinct(),
        false, i.comment());
  }

  /**
   * Column order and the CONCURRENTLY build hint are not part of a table's definition; nor are the
   * overrides of inherited columns as written ({@code InheritedColumns} compares what the child ends
   * up with: an override repeating the parent's definition needs no statement).
   */
  private static TableModel normal(TableModel t) {
    List<ColumnModel> columns = new ArrayList<>(t.columns());
    columns.sort(Comparator.comparing(ColumnModel::name));
    List<IndexModel> indexes = t.indexes().stream().map(CoverageGuard::normal).toList();
    return new TableModel(t.schema(), t.name(), columns, t.primaryKey(), t.foreignKeys(), t.uniques(), t.checks(), t.exclusions(),
        indexes, t.partitioning(), t.rlsEnabled(), t.rlsForced(), t.policies(), t.comment(), t.options(), t.inherits());
  }

  private static TableModel strip(TableModel t, java.util.Set<String> columns, java.util.Set<String> checks) {
    TableModel own = Inheritance.withColumns(t, t.columns().stream().filter(c -> !columns.contains(c.name())).toList());
    return own.withConstraints(own.primaryKey(), own.foreignKeys(), own.uniques(),
        own.checks().stream().filter(k -> !checks.contains(k.name())).toList(), own.exclusions(), own.policies());
  }

  private static UnsupportedChangeException missed(String object, Object x, Object y) {
    return new UnsupportedChangeException(object, Differences.describe(x, y)
        + ", but the differ produced no change for it (a Sluice bug: please report it)");
  }
}
