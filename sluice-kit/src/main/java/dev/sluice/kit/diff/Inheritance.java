package dev.sluice.kit.diff;

import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.InheritedColumnModel;
import dev.sluice.schema.model.ParentTable;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table inheritance unit of the differ ({@code INHERITS}). A table's model lists only the columns
 * it declares; the columns of its parents are the parents' business: a column added to, retyped in or
 * dropped from a parent is changed there and PostgreSQL carries it to the children. So before the
 * column diff of a table both sides are aligned: the old side gets the columns its old parents gave
 * it (after {@code NO INHERIT} they stay as the table's own), and columns the new parents give are
 * left out of the comparison, except those the table does not have yet and gets only through a new
 * parent: they are added first, since {@code INHERIT} requires them. Parents are created before
 * their children and children dropped before their parents; {@code NO INHERIT} runs before drops,
 * {@code INHERIT} after columns and checks are in place.
 */
final class Inheritance {
  private final Map<String, TableModel> before;
  private final Map<String, TableModel> after;

  Inheritance(SchemaModel a, SchemaModel b) {
    before = SchemaDiff.byKey(a.tables(), t -> t.schema() + "." + t.name());
    after = SchemaDiff.byKey(b.tables(), t -> t.schema() + "." + t.name());
  }

  /** {@code x} (old) and {@code y} (new) of one table with the column lists the column diff should compare. */
  record Aligned(TableModel from, TableModel to) {}

  Aligned align(TableModel x, TableModel y) {
    if (x.inherits().isEmpty() && y.inherits().isEmpty()) return new Aligned(x, y);
    Map<String, ColumnModel> oldInherited = inherited(x, before, new HashSet<>());
    Map<String, ColumnModel> newInherited = inherited(y, after, new HashSet<>());
    // columns of parents kept on both sides: their changes travel from the parent
    Set<String> kept = new HashSet<>();
    Set<String> keptBefore = new HashSet<>();
    for (ParentTable p : y.inherits()) {
      if (!x.inherits().contains(p) || !after.containsKey(p.key()) || !before.containsKey(p.key())) continue;
      kept.addAll(effective(after.get(p.key()), after, new HashSet<>()).keySet());
      keptBefore.addAll(effective(before.get(p.key()), before, new HashSet<>()).keySet());
    }
    Map<String, ColumnModel> from = new LinkedHashMap<>(oldInherited);
    // the old side's own defaults and NOT NULL on inherited columns are what the table has (after NO INHERIT, its own)
    for (InheritedColumnModel o : x.inheritedColumns()) {
      ColumnModel c = from.get(o.name());
      if (c != null) from.put(o.name(), overridden(c, o));
    }
    // a column a kept parent drops goes from the child with it
    from.keySet().removeIf(n -> keptBefore.contains(n) && !kept.contains(n));
    for (ColumnModel c : x.columns()) from.put(c.name(), c);
    Map<String, ColumnModel> to = new LinkedHashMap<>();
    for (Map.Entry<String, ColumnModel> e : newInherited.entrySet()) {
      if (!from.containsKey(e.getKey()) && !kept.contains(e.getKey())) to.put(e.getKey(), e.getValue());
    }
    for (ColumnModel c : y.columns()) to.put(c.name(), c);
    for (String n : newInherited.keySet()) {
      if (from.containsKey(n) || kept.contains(n)) {
        from.remove(n);
        to.remove(n);
      }
    }
    // CHECK constraints of the new parents: the child's own copy (merged by INHERIT) is theirs; a missing one is added first
    Map<String, CheckModel> parentChecks = new LinkedHashMap<>();
    inheritedChecks(y, after, new HashSet<>(), parentChecks);
    // the old parents' checks are the child's too (after NO INHERIT, its own)
    Map<String, CheckModel> oldChecks = new LinkedHashMap<>();
    for (CheckModel k : x.checks()) oldChecks.put(k.name(), k);
    Map<String, CheckModel> oldParentChecks = new LinkedHashMap<>();
    inheritedChecks(x, before, new HashSet<>(), oldParentChecks);
    oldParentChecks.forEach(oldChecks::putIfAbsent);
    List<CheckModel> fromChecks = new ArrayList<>();
    for (CheckModel k : oldChecks.values()) if (!parentChecks.containsKey(k.name())) fromChecks.add(k);
    List<CheckModel> toChecks = new ArrayList<>();
    for (CheckModel k : y.checks()) if (!parentChecks.containsKey(k.name())) toChecks.add(k);
    Set<String> had = new HashSet<>(x.checks().stream().map(CheckModel::name).toList());
    Map<String, CheckModel> keptChecks = new LinkedHashMap<>();
    for (ParentTable p : y.inherits()) {
      if (!x.inherits().contains(p) || !after.containsKey(p.key())) continue;
      TableModel parent = after.get(p.key());
      for (CheckModel k : parent.checks()) keptChecks.putIfAbsent(k.name(), k);
      inheritedChecks(parent, after, new HashSet<>(), keptChecks);
    }
    for (CheckModel k : parentChecks.values()) {
      if (!had.contains(k.name()) && !oldParentChecks.containsKey(k.name()) && !keptChecks.containsKey(k.name())) toChecks.add(k);
    }
    TableModel from2 = withColumns(x, from.values());
    TableModel to2 = withColumns(y, to.values());
    return new Aligned(
        from2.withConstraints(from2.primaryKey(), from2.foreignKeys(), from2.uniques(), fromChecks, from2.exclusions(), from2.policies()),
        to2.withConstraints(to2.primaryKey(), to2.foreignKeys(), to2.uniques(), toChecks, to2.exclusions(), to2.policies()));
  }

  /** INHERIT / NO INHERIT of a table present on both sides. */
  static void links(TableModel x, TableModel y, List<Change> early, List<Change> late) {
    for (ParentTable p : x.inherits()) {
      if (!y.inherits().contains(p)) early.add(new Change.AlterInherit(y.schema(), y.name(), p, false));
    }
    for (ParentTable p : y.inherits()) {
      if (!x.inherits().contains(p)) late.add(new Change.AlterInherit(y.schema(), y.name(), p, true));
    }
  }

  /** New tables with each parent before its children (otherwise in the given order). */
  static List<TableModel> parentsFirst(List<TableModel> tables) {
    return Topological.sort(tables, t -> t.schema() + "." + t.name(),
        t -> t.inherits().stream().map(ParentTable::key).toList());
  }

  /** Dropped tables with each child before its parents (otherwise in the given order). */
  static List<TableModel> childrenFirst(List<TableModel> tables) {
    return Topological.sort(tables, t -> t.schema() + "." + t.name(), t -> tables.stream()
        .filter(c -> c.inherits().contains(new ParentTable(t.schema(), t.name())))
        .map(c -> c.schema() + "." + c.name()).toList());
  }

  /** Columns a table has through its parents (not those it declares), by name, parents' columns first. */
  private static Map<String, ColumnModel> inherited(TableModel t, Map<String, TableModel> tables, Set<String> seen) {
    Map<String, ColumnModel> out = new LinkedHashMap<>();
    seen.add(t.schema() + "." + t.name());
    for (ParentTable p : t.inherits()) {
      TableModel parent = tables.get(p.key());
      if (parent == null || seen.contains(p.key())) continue;
      effective(parent, tables, seen).forEach(out::putIfAbsent);
    }
    return out;
  }

  private static Map<String, ColumnModel> effective(TableModel t, Map<String, TableModel> tables, Set<String> seen) {
    Map<String, ColumnModel> out = inherited(t, tables, seen);
    for (ColumnModel c : t.columns()) out.putIfAbsent(c.name(), c);
    return out;
  }

  /** {@code t} without the columns and CHECK constraints it has through its parents (for comparisons). */
  static TableModel ownColumnsOnly(TableModel t, SchemaModel m) {
    if (t.inherits().isEmpty()) return t;
    Map<String, TableModel> tables = SchemaDiff.byKey(m.tables(), x -> x.schema() + "." + x.name());
    Set<String> names = inherited(t, tables, new HashSet<>()).keySet();
    Map<String, CheckModel> inheritedChecks = new LinkedHashMap<>();
    inheritedChecks(t, tables, new HashSet<>(), inheritedChecks);
    Set<String> checks = inheritedChecks.keySet();
    TableModel own = withColumns(t, t.columns().stream().filter(c -> !names.contains(c.name())).toList());
    return own.withConstraints(own.primaryKey(), own.foreignKeys(), own.uniques(),
        own.checks().stream().filter(k -> !checks.contains(k.name())).toList(), own.exclusions(), own.policies());
  }

  /** CHECK constraints a table has through its parents (at any depth), by name. */
  private static void inheritedChecks(TableModel t, Map<String, TableModel> tables, Set<String> seen,
      Map<String, CheckModel> out) {
    seen.add(t.schema() + "." + t.name());
    for (ParentTable p : t.inherits()) {
      TableModel parent = tables.get(p.key());
      if (parent == null || seen.contains(p.key())) continue;
      for (CheckModel k : parent.checks()) out.putIfAbsent(k.name(), k);
      inheritedChecks(parent, tables, seen, out);
    }
  }

  private static ColumnModel overridden(ColumnModel c, InheritedColumnModel o) {
    if (c.identity() != null || c.generatedExpr() != null) return c;
    return new ColumnModel(c.name(), c.type(), c.notNull() || o.notNull(), o.ownDefault() ? o.defaultExpr() : c.defaultExpr(),
        null, null, c.collation(), c.comment());
  }

  static TableModel withColumns(TableModel t, Collection<ColumnModel> columns) {
    return new TableModel(t.schema(), t.name(), new ArrayList<>(columns), t.primaryKey(), t.foreignKeys(), t.uniques(),
        t.checks(), t.exclusions(), t.indexes(), t.partitioning(), t.rlsEnabled(), t.rlsForced(), t.policies(), t.comment(),
        t.options(), t.inherits(), t.inheritedColumns());
  }
}
