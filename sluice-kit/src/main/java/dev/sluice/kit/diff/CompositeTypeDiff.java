package dev.sluice.kit.diff;

import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.CompositeTypeModel;
import dev.sluice.schema.model.CompositeTypeModel.Attribute;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.sql.Identifiers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The composite type unit of the differ. New types are created in the types phase (after enums and
 * domains their attributes may use, before the tables whose columns use them), nested types first;
 * types gone are dropped at the end, dependants first.
 *
 * <p>A changed type is altered in place when PostgreSQL can reach the new attribute list that way:
 * attributes kept in the same relative order, new ones only after them ({@code ADD ATTRIBUTE}
 * appends), dropped ones removed ({@code DROP ATTRIBUTE}, destructive), a changed type or collation
 * with {@code ALTER ATTRIBUTE} when no column or other composite stores the type (PostgreSQL refuses
 * it otherwise: "cannot alter type because column uses it"). Anything else (reordering, inserting in
 * the middle) drops and re-creates a type nothing stores, and is refused for one that is stored.
 */
final class CompositeTypeDiff {
  private CompositeTypeDiff() {}

  static void diff(SchemaModel a, SchemaModel b, List<Change> types, List<Change> comments, List<Change> finalDrops) {
    Map<String, CompositeTypeModel> before = SchemaDiff.byKey(a.compositeTypes(), CompositeTypeDiff::key);
    Map<String, CompositeTypeModel> after = SchemaDiff.byKey(b.compositeTypes(), CompositeTypeDiff::key);
    for (CompositeTypeModel t : order(b.compositeTypes())) {
      CompositeTypeModel old = before.get(key(t));
      if (old == null) {
        types.add(new Change.CreateCompositeType(t));
      } else if (!old.attributes().equals(t.attributes())) {
        alter(a, b, old, t, types);
      }
      // a type created, or dropped and created again, has no comments yet
      boolean fresh = old == null || types.contains(new Change.DropCompositeType(old.schema(), old.name()));
      String was = fresh ? null : old.comment();
      if (!Objects.equals(was, t.comment())) {
        comments.add(new Change.SetComment(Change.CommentTarget.TYPE, t.schema(), t.name(), null, t.comment()));
      }
      Map<String, String> wasOn = fresh ? Map.of() : old.attributeComments();
      Set<String> attrs = new java.util.TreeSet<>(wasOn.keySet());
      attrs.addAll(t.attributeComments().keySet());
      for (String at : attrs) {
        String now = t.attributeComments().get(at);
        boolean kept = t.attributes().stream().anyMatch(x -> x.name().equals(at));
        if (kept && !Objects.equals(wasOn.get(at), now)) {
          comments.add(new Change.SetComment(Change.CommentTarget.COLUMN, t.schema(), t.name(), at, now));
        }
      }
    }
    for (CompositeTypeModel t : order(a.compositeTypes())) {
      if (!after.containsKey(key(t))) finalDrops.add(0, new Change.DropCompositeType(t.schema(), t.name()));
    }
  }

  private static void alter(SchemaModel a, SchemaModel b, CompositeTypeModel old, CompositeTypeModel t, List<Change> types) {
    Map<String, Attribute> oldAttrs = SchemaDiff.byKey(old.attributes(), Attribute::name);
    Map<String, Attribute> newAttrs = SchemaDiff.byKey(t.attributes(), Attribute::name);
    List<String> keptOld = old.attributes().stream().map(Attribute::name).filter(newAttrs::containsKey).toList();
    List<String> newNames = t.attributes().stream().map(Attribute::name).toList();
    List<String> keptNew = newNames.stream().filter(oldAttrs::containsKey).toList();
    int lastKept = keptNew.isEmpty() ? -1 : newNames.indexOf(keptNew.get(keptNew.size() - 1));
    boolean addedAtEnd = newNames.subList(0, lastKept + 1).stream().allMatch(oldAttrs::containsKey);
    List<String> users = users(a, b, old);
    String what = "composite type " + t.schema() + "." + t.name();
    if (!keptOld.equals(keptNew) || !addedAtEnd) {
      if (!users.isEmpty()) {
        throw new UnsupportedChangeException(what, "attributes reordered or inserted before existing ones ("
            + names(old) + " -> " + names(t) + ") while " + String.join(", ", users) + " stores it; PostgreSQL can only"
            + " append attributes: add new attributes last, or migrate the columns to a new type by hand");
      }
      types.add(new Change.DropCompositeType(old.schema(), old.name()));
      types.add(new Change.CreateCompositeType(t));
      return;
    }
    for (Attribute o : old.attributes()) {
      if (!newAttrs.containsKey(o.name())) types.add(new Change.DropAttribute(t.schema(), t.name(), o.name()));
    }
    for (String name : keptNew) {
      Attribute o = oldAttrs.get(name);
      Attribute n = newAttrs.get(name);
      if (o.equals(n)) continue;
      if (!users.isEmpty()) {
        throw new UnsupportedChangeException(what, "attribute " + name + " changes type (" + o.type()
            + (o.collation() == null ? "" : " collate " + o.collation()) + " -> " + n.type()
            + (n.collation() == null ? "" : " collate " + n.collation()) + ") while " + String.join(", ", users)
            + " stores it; PostgreSQL refuses ALTER ATTRIBUTE TYPE then: add a new attribute and copy the values by hand");
      }
      types.add(new Change.AlterAttributeType(t.schema(), t.name(), n));
    }
    for (Attribute n : t.attributes()) {
      if (!oldAttrs.containsKey(n.name())) types.add(new Change.AddAttribute(t.schema(), t.name(), n));
    }
  }

  /** Columns and composite types that store {@code t} at the time the types phase runs (kept by the diff). */
  private static List<String> users(SchemaModel a, SchemaModel b, CompositeTypeModel t) {
    String q = Identifiers.qualify(t.schema(), t.name());
    List<String> out = new ArrayList<>();
    for (TableModel x : a.tables()) {
      TableModel y = b.table(x.schema(), x.name()).orElse(null);
      if (y == null) continue;
      for (ColumnModel c : x.columns()) {
        if (Renames.sameType(c.type(), q) && y.column(c.name()).isPresent()) {
          out.add("column " + x.schema() + "." + x.name() + "." + c.name());
        }
      }
    }
    for (CompositeTypeModel o : a.compositeTypes()) {
      if (b.compositeType(o.schema(), o.name()).isEmpty()) continue;
      for (Attribute at : o.attributes()) {
        if (Renames.sameType(at.type(), q)) out.add("composite type " + o.schema() + "." + o.name());
      }
    }
    return out;
  }

  /** Composite types after the composite types their attributes use. */
  static List<CompositeTypeModel> order(List<CompositeTypeModel> all) {
    Map<String, String> byType = all.stream().collect(Collectors.toMap(
        t -> Identifiers.qualify(t.schema(), t.name()), CompositeTypeDiff::key));
    return Topological.sort(all, CompositeTypeDiff::key, t -> dependencies(t, byType));
  }

  private static Collection<String> dependencies(CompositeTypeModel t, Map<String, String> byType) {
    Set<String> out = new java.util.LinkedHashSet<>();
    for (Attribute at : t.attributes()) {
      String base = at.type().replaceAll("(\\[\\])+$", "");
      String k = byType.get(base);
      if (k != null) out.add(k);
    }
    return out;
  }

  private static String names(CompositeTypeModel t) {
    return t.attributes().stream().map(Attribute::name).collect(Collectors.joining(", ", "(", ")"));
  }

  private static String key(CompositeTypeModel t) {
    return t.schema() + "." + t.name();
  }
}
