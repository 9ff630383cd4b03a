package dev.sluice.kit.diff;

import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.InheritedColumnModel;
import dev.sluice.schema.model.ParentTable;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A child's own default or NOT NULL on a column it only inherits ({@link InheritedColumnModel}). The
 * column itself is the parent's; after the tables, their columns and INHERIT links are in place,
 * each child (parents first) gets {@code ALTER COLUMN ... SET DEFAULT / DROP DEFAULT / SET NOT NULL
 * / DROP NOT NULL} where what it has then differs from what the model says. What it has then: a
 * new child has its parents' definition; a kept child its old own one, unless its parents' changed
 * (PostgreSQL carries a parent's SET/DROP DEFAULT and NOT NULL to every child, overwriting the
 * child's own), in which case the parents' new one.
 */
final class InheritedColumns {
  private InheritedColumns() {}

  /** What a table has for a column through its parents: the first parent's default, NOT NULL from any. */
  private record Inherited(String defaultExpr, boolean notNull) {}

  static void diff(SchemaModel a, SchemaModel b, List<Change> out) {
    Map<String, TableModel> before = SchemaDiff.byKey(a.tables(), t -> t.schema() + "." + t.name());
    Map<String, TableModel> after = SchemaDiff.byKey(b.tables(), t -> t.schema() + "." + t.name());
    for (TableModel y : Inheritance.parentsFirst(b.tables())) {
      if (y.inherits().isEmpty()) continue;
      TableModel x = before.get(y.schema() + "." + y.name());
      if (x != null && x.inherits().isEmpty()) x = null;
      Map<String, InheritedColumnModel> old = x == null ? Map.of() : SchemaDiff.byKey(x.inheritedColumns(), InheritedColumnModel::name);
      Map<String, InheritedColumnModel> now = SchemaDiff.byKey(y.inheritedColumns(), InheritedColumnModel::name);
      Set<String> names = new LinkedHashSet<>(old.keySet());
      names.addAll(now.keySet());
      for (String name : names) {
        if (y.column(name).isPresent()) continue;
        Inherited pNew = fromParents(y, name, after, new HashSet<>());
        if (pNew == null) continue;
        Inherited pOld = x == null || x.column(name).isPresent() ? null : fromParents(x, name, before, new HashSet<>());
        InheritedColumnModel o = pOld == null ? null : old.get(name);
        InheritedColumnModel n = now.get(name);
        String wantDefault = n != null && n.ownDefault() ? n.defaultExpr() : pNew.defaultExpr();
        String hasDefault = pOld == null || !Objects.equals(pOld.defaultExpr(), pNew.defaultExpr()) ? pNew.defaultExpr()
            : o != null && o.ownDefault() ? o.defaultExpr() : pOld.defaultExpr();
        if (!Objects.equals(wantDefault, hasDefault)) out.add(new Change.SetColumnDefault(y.schema(), y.name(), name, wantDefault));
        boolean wantNotNull = pNew.notNull() || (n != null && n.notNull());
        boolean hasNotNull = pOld == null || pOld.notNull() != pNew.notNull() ? pNew.notNull()
            : pOld.notNull() || (o != null && o.notNull());
        if (wantNotNull != hasNotNull) out.add(new Change.SetColumnNotNull(y.schema(), y.name(), name, wantNotNull));
      }
    }
  }

  private static Inherited fromParents(TableModel t, String column, Map<String, TableModel> tables, Set<String> seen) {
    if (!seen.add(t.schema() + "." + t.name())) return null;
    String defaultExpr = null;
    boolean found = false;
    boolean notNull = false;
    for (ParentTable p : t.inherits()) {
      TableModel parent = tables.get(p.key());
      if (parent == null) continue;
      Inherited e = effective(parent, column, tables, seen);
      if (e == null) continue;
      if (!found) defaultExpr = e.defaultExpr();
      found = true;
      notNull |= e.notNull();
    }
    return found ? new Inherited(defaultExpr, notNull) : null;
  }

  private static Inherited effective(TableModel t, String column, Map<String, TableModel> tables, Set<String> seen) {
    Optional<ColumnModel> declared = t.column(column);
    if (declared.isPresent()) return new Inherited(declared.get().defaultExpr(), declared.get().notNull());
    Inherited from = fromParents(t, column, tables, new HashSet<>(seen));
    if (from == null) return null;
    InheritedColumnModel o = t.inheritedColumns().stream().filter(c -> c.name().equals(column)).findFirst().orElse(null);
    if (o == null) return from;
    return new Inherited(o.ownDefault() ? o.defaultExpr() : from.defaultExpr(), from.notNull() || o.notNull());
  }
}
