package dev.sluice.kit.diff;

import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.ExtensionModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.sql.Identifiers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code ALTER EXTENSION ... SET SCHEMA} moves the extension's types with it: a column of type
 * {@code old.citext} is of type {@code new.citext} afterwards without any change of its own. This
 * step writes the moved type names into the {@code from} model (for columns and domain bases whose
 * target type is exactly the moved name), so the differ does not also emit an {@code ALTER COLUMN
 * ... TYPE} for them.
 */
final class ExtensionMoves {
  private ExtensionMoves() {}

  static SchemaModel apply(SchemaModel from, SchemaModel to) {
    Map<String, String> moves = new HashMap<>();
    Map<String, ExtensionModel> after = SchemaDiff.byKey(to.extensions(), ExtensionModel::name);
    for (ExtensionModel x : from.extensions()) {
      ExtensionModel y = after.get(x.name());
      if (y == null || y.schema() == null) continue;
      String old = x.schema() == null ? "public" : x.schema();
      if (!old.equals(y.schema())) moves.put(Identifiers.quote(old) + ".", Identifiers.quote(y.schema()) + ".");
    }
    if (moves.isEmpty()) return from;
    Map<String, TableModel> targets = SchemaDiff.byKey(to.tables(), t -> t.schema() + "." + t.name());
    List<TableModel> tables = new ArrayList<>();
    for (TableModel t : from.tables()) {
      TableModel target = targets.get(t.schema() + "." + t.name());
      if (target == null) {
        tables.add(t);
        continue;
      }
      List<ColumnModel> columns = new ArrayList<>();
      for (ColumnModel c : t.columns()) {
        String want = target.column(c.name()).map(ColumnModel::type).orElse(null);
        String moved = moved(c.type(), want, moves);
        columns.add(moved == null ? c : Renames.withType(c, moved));
      }
      tables.add(Renames.table(t, t.schema(), t.name(), columns, t.primaryKey(), t.foreignKeys(), t.uniques(), t.exclusions(),
          t.indexes(), t.partitioning()));
    }
    Map<String, DomainModel> domainTargets = SchemaDiff.byKey(to.domains(), d -> d.schema() + "." + d.name());
    List<DomainModel> domains = new ArrayList<>();
    for (DomainModel d : from.domains()) {
      DomainModel target = domainTargets.get(d.schema() + "." + d.name());
      String moved = target == null ? null : moved(d.baseType(), target.baseType(), moves);
      domains.add(moved == null ? d : new DomainModel(d.schema(), d.name(), moved, d.notNull(), d.defaultExpr(), d.checks(),
          d.comment(), d.collation()));
    }
    return from.withDomainsAndTables(domains, tables);
  }

  /** {@code want} when {@code type} is {@code want} before the move, else null. */
  private static String moved(String type, String want, Map<String, String> moves) {
    if (want == null || type.equals(want)) return null;
    for (Map.Entry<String, String> m : moves.entrySet()) {
      if (type.startsWith(m.getKey()) && Objects.equals(m.getValue() + type.substring(m.getKey().length()), want)) return want;
    }
    return null;
  }
}
