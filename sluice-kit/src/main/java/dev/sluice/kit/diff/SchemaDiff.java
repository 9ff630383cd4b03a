package dev.sluice.kit.diff;

import dev.sluice.schema.RenameHint;
import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.ExclusionModel;
import dev.sluice.schema.model.ExtensionModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.GrantModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.PrimaryKeyModel;
import dev.sluice.schema.model.RoleModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.SequenceModel;
import dev.sluice.schema.model.SequenceOptions;
import dev.sluice.schema.model.TableModel;
import dev.sluice.schema.model.UniqueModel;
import dev.sluice.schema.model.ViewModel;
import dev.sluice.sql.Identifiers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One comparison of two models (after renames), collecting changes into phases that are
 * concatenated in dependency order by {@link #run()}. See {@link Differ} for the order and why.
 */
final class SchemaDiff {
  private final SchemaModel a;
  private final SchemaModel b;
  private final DiffOptions options;

  // phases, in execution order
  private final List<Change> renames = new ArrayList<>();
  private final List<Change> revokes = new ArrayList<>();
  private final List<Change> dropViews = new ArrayList<>();
  private final List<Change> dropPolicies = new ArrayList<>();
  private final List<Change> dropForeignKeys = new ArrayList<>();
  private final List<Change> dropIndexes = new ArrayList<>();
  private final List<Change> dropConstraints = new ArrayList<>();
  private final List<Change> dropPartitions = new ArrayList<>();
  private final List<Change> dropColumns = new ArrayList<>();
  private final List<Change> dropTables = new ArrayList<>();
  private final List<Change> createBase = new ArrayList<>();
  private final List<Change> types = new ArrayList<>();
  private final List<Change> createTables = new ArrayList<>();
  private final List<Change> alterColumns = new ArrayList<>();
  /** {@code OWNED BY NONE} before anything is dropped, so a dropped column or table does not take a sequence along. */
  private final List<Change> releaseSequences = new ArrayList<>();
  /** {@code OWNED BY table.column} once the tables and columns exist. */
  private final List<Change> ownSequences = new ArrayList<>();
  private final List<Change> addConstraints = new ArrayList<>();
  /** A child's own default or NOT NULL on inherited columns: after INHERIT and the parents' column changes. */
  private final List<Change> inheritedColumns = new ArrayList<>();
  /** Partitions' own primary key, unique, check and exclusion constraints: after their partitions, before foreign keys. */
  private final List<Change> addPartitionConstraints = new ArrayList<>();
  private final List<Change> addForeignKeys = new ArrayList<>();
  private final List<Change> createIndexes = new ArrayList<>();
  /** Partitions' own indexes: after the parents' (CREATE INDEX on a parent adopts a matching partition index). */
  private final List<Change> createPartitionIndexes = new ArrayList<>();
  private final List<Change> createViews = new ArrayList<>();
  private final List<Change> security = new ArrayList<>();
  private final List<Change> policies = new ArrayList<>();
  private final List<Change> comments = new ArrayList<>();
  private final List<Change> grants = new ArrayList<>();
  private final List<Change> finalDrops = new ArrayList<>();

  /** Tables (schema.name) whose stored rows or columns change shape: views over them are recreated. */
  private final Set<String> reshapedTables = new HashSet<>();
  /** Columns (schema.table.column) whose type changes, by the enum rebuild or the column diff. */
  private final Set<String> retypedColumns = new HashSet<>();
  /** Columns whose default the enum rebuild already set. */
  private final Set<String> defaultHandled = new HashSet<>();
  /** Tables of {@code a} that become partitions, and partitions of {@code a} that become tables. */
  private final Set<String> attached = new HashSet<>();
  private final Set<String> detached = new HashSet<>();
  private final Set<String> droppedTables = new HashSet<>();
  private final Set<String> recreatedViews = new HashSet<>();
  /** Bare names of unit-kind objects (functions) dropped and re-created: what names them in {@code a} is rebuilt. */
  private final Set<String> rebuiltNames = new HashSet<>();
  private KindDiff kinds;
  private final Inheritance inheritance;

  SchemaDiff(SchemaModel a, SchemaModel b, DiffOptions options, List<Change> renames) {
    this.a = a;
    this.b = b;
    this.options = options;
    this.renames.addAll(renames);
    this.inheritance = new Inheritance(a, b);
  }

  List<Change> run() {
    checkAmbiguousRenames();
    schemasExtensionsRoles();
    enums();
    domains();
    CompositeTypeDiff.diff(a, b, types, comments, finalDrops);
    sequences();
    for (ObjectKind<?> k : Kinds.ALL) rebuiltNames.addAll(k.rebuilt(a, b));
    tables();
    InheritedColumns.diff(a, b, inheritedColumns);
    views();
    grants();
    objectKinds();
    schemaDrops();
    sequenceOwners();
    List<Change> out = new ArrayList<>();
    for (List<Change> phase : List.of(renames, releaseSequences, revokes, slot(DependencyGraph.Slot.DROP_FIRST), dropViews, dropPolicies,
        dropForeignKeys, dropIndexes, dropConstraints, dropPartitions, dropColumns, slot(DependencyGraph.Slot.DROP_BEFORE_TABLES),
        dropTables, slot(DependencyGraph.Slot.DROP_TYPES), slot(DependencyGraph.Slot.DROP_AFTER_TABLES), createBase,
        slot(DependencyGraph.Slot.BEFORE_TYPES), types, slot(DependencyGraph.Slot.AFTER_TYPES),
        createTables, alterColumns, ownSequences, slot(DependencyGraph.Slot.AFTER_TABLES), addConstraints, inheritedColumns, addPartitionConstraints,
        addForeignKeys, createIndexes, createPartitionIndexes, createViews, slot(DependencyGraph.Slot.AFTER_VIEWS), security, policies,
        slot(DependencyGraph.Slot.LAST), comments, grants, slot(DependencyGraph.Slot.AFTER_GRANTS),
        typeDrops(), slot(DependencyGraph.Slot.DROP_LAST), schemaDropList())) {
      out.addAll(phase);
    }
    CoverageGuard.check(a, b, out);
    return List.copyOf(out);
  }

  // --- unit kinds (functions, triggers): placed by the dependency graph --------------------------------

  private void objectKinds() {
    Set<String> droppedRelations = new HashSet<>(droppedTables);
    for (ViewModel v : a.views()) if (b.view(v.schema(), v.name()).isEmpty()) droppedRelations.add(key(v));
    kinds = new KindDiff(a, b, rebuiltNames, droppedRelations, recreatedViews);
    for (ObjectKind<?> k : Kinds.ALL) k.diff(kinds);
  }

  private List<Change> slot(DependencyGraph.Slot slot) {
    return kinds.slot(slot);
  }

  // --- rename detection ----------------------------------------------------------------------------

  private void checkAmbiguousRenames() {
    if (options.dropAndCreateAllowed()) return;
    List<RenameHint> candidates = new ArrayList<>();
    Map<String, TableModel> before = byKey(a.tables(), SchemaDiff::key);
    Map<String, TableModel> after = byKey(b.tables(), SchemaDiff::key);
    Set<String> partitionsBefore = partitionKeys(a);
    Set<String> partitionsAfter = partitionKeys(b);
    for (TableModel gone : a.tables()) {
      if (after.containsKey(key(gone)) || partitionsAfter.contains(key(gone))) continue;
      for (TableModel added : b.tables()) {
        if (before.containsKey(key(added)) || partitionsBefore.contains(key(added))) continue;
        if (gone.schema().equals(added.schema()) && similarShape(gone, added)) {
          candidates.add(RenameHint.table(gone.schema(), gone.name(), added.name()));
        } else if (gone.name().equals(added.name()) && similarShape(gone, added)) {
          candidates.add(RenameHint.moveTable(gone.schema(), gone.name(), added.schema(), added.name()));
        }
      }
    }
    for (TableModel t : a.tables()) {
      TableModel u = after.get(key(t));
      if (u == null) continue;
      for (ColumnModel gone : t.columns()) {
        if (u.column(gone.name()).isPresent()) continue;
        for (ColumnModel added : u.columns()) {
          if (t.column(added.name()).isEmpty() && added.type().equals(gone.type())) {
            candidates.add(RenameHint.column(t.schema(), t.name(), gone.name(), added.name()));
          }
        }
      }
    }
    Map<String, EnumModel> enumsAfter = byKey(b.enums(), e -> e.schema() + "." + e.name());
    Map<String, EnumModel> enumsBefore = byKey(a.enums(), e -> e.schema() + "." + e.name());
    for (EnumModel gone : a.enums()) {
      if (enumsAfter.containsKey(gone.schema() + "." + gone.name())) continue;
      for (EnumModel added : b.enums()) {
        if (!enumsBefore.containsKey(added.schema() + "." + added.name()) && added.schema().equals(gone.schema())
            && added.values().equals(gone.values())) {
          candidates.add(RenameHint.enumType(gone.schema(), gone.name(), added.name()));
        }
      }
    }
    for (EnumModel e : a.enums()) {
      EnumModel f = enumsAfter.get(e.schema() + "." + e.name());
      if (f == null) continue;
      for (String gone : e.values()) {
        if (f.values().contains(gone)) continue;
        for (String added : f.values()) {
          if (!e.values().contains(added)) candidates.add(RenameHint.enumValue(e.schema(), e.name(), gone, added));
        }
      }
    }
    if (!candidates.isEmpty()) throw new AmbiguousRenameException(candidates);
  }

  /** Same column types in order, or at least half of the old table's columns kept (name and type). */
  private static boolean similarShape(TableModel x, TableModel y) {
    List<String> tx = x.columns().stream().map(ColumnModel::type).toList();
    List<String> ty = y.columns().stream().map(ColumnModel::type).toList();
    if (tx.equals(ty)) return true;
    long kept = x.columns().stream().filter(c -> y.column(c.name()).map(d -> d.type().equals(c.type())).orElse(false)).count();
    return !x.columns().isEmpty() && kept * 2 >= x.columns().size();
  }

  private static Set<String> partitionKeys(SchemaModel m) {
    Set<String> out = new HashSet<>();
    for (TableModel t : m.tables()) {
      if (t.partitioning() != null) collectPartitions(t.schema(), t.partitioning(), out);
    }
    return out;
  }

  private static void collectPartitions(String schema, PartitioningModel p, Set<String> out) {
    for (PartitionModel part : p.partitions()) {
      out.add(schema + "." + part.name());
      if (part.subPartitioning() != null) collectPartitions(schema, part.subPartitioning(), out);
    }
  }

  // --- schemas, extensions, roles ------------------------------------------------------------------

  private void schemasExtensionsRoles() {
    for (String s : b.schemas()) if (!a.schemas().contains(s)) createBase.add(new Change.CreateSchema(s));
    Map<String, ExtensionModel> extBefore = byKey(a.extensions(), ExtensionModel::name);
    Map<String, ExtensionModel> extAfter = byKey(b.extensions(), ExtensionModel::name);
    for (ExtensionModel e : b.extensions()) {
      ExtensionModel old = extBefore.get(e.name());
      if (old == null) createBase.add(new Change.CreateExtension(e));
      else if (!Objects.equals(old.schema(), e.schema())) {
        if (e.schema() == null) {
          throw new UnsupportedChangeException("extension " + e.name(), "moves from schema " + old.schema()
              + " to its default schema; name the target schema explicitly");
        }
        createBase.add(new Change.AlterExtensionSchema(e.name(), e.schema()));
      }
      if (old != null && e.version() != null && !e.version().equals(old.version())) {
        createBase.add(new ExtensionUpdate(e.name(), e.version()));
      }
    }
    Map<String, RoleModel> rolesBefore = byKey(a.roles(), RoleModel::name);
    List<RoleModel> newRoles = b.roles().stream().filter(r -> !rolesBefore.containsKey(r.name())).toList();
    Topological.sort(newRoles, RoleModel::name, RoleModel::memberOf).forEach(r -> createBase.add(new Change.CreateRole(r)));
    for (RoleModel r : b.roles()) {
      RoleModel old = rolesBefore.get(r.name());
      if (old == null) continue;
      if (old.login() != r.login() || old.inherit() != r.inherit() || old.bypassRls() != r.bypassRls()
          || old.createDb() != r.createDb() || old.createRole() != r.createRole()) {
        createBase.add(new Change.AlterRole(r));
      }
      for (String g : r.memberOf()) if (!old.memberOf().contains(g)) createBase.add(new Change.RoleMembership(r.name(), g, true));
      for (String g : old.memberOf()) if (!r.memberOf().contains(g)) createBase.add(new Change.RoleMembership(r.name(), g, false));
    }
    // removed roles: never dropped (see Differ)
    for (ExtensionModel e : a.extensions()) if (!extAfter.containsKey(e.name())) finalDrops.add(new Change.DropExtension(e.name()));
  }

  // --- enums ---------------------------------------------------------------------------------------

  private void enums() {
    Map<String, EnumModel> before = byKey(a.enums(), e -> e.schema() + "." + e.name());
    Map<String, EnumModel> after = byKey(b.enums(), e -> e.schema() + "." + e.name());
    for (EnumModel e : b.enums()) {
      EnumModel old = before.get(e.schema() + "." + e.name());
      if (old == null) {
        types.add(new Change.CreateEnum(e));
      } else if (!old.values().equals(e.values())) {
        if (isSubsequence(old.values(), e.values())) addValues(old, e);
        else rebuildEnum(old, e);
      }
      comment(Change.CommentTarget.TYPE, e.schema(), e.name(), null, old == null ? null : old.comment(), e.comment());
    }
    for (EnumModel e : a.enums()) {
      if (!after.containsKey(e.schema() + "." + e.name())) finalDrops.add(0, new Change.DropEnum(e.schema(), e.name()));
    }
  }

  private static boolean isSubsequence(List<String> small, List<String> big) {
    int i = 0;
    for (String v : big) if (i < small.size() && small.get(i).equals(v)) i++;
    return i == small.size();
  }

  /** ADD VALUE in place: appended values plainly, inserted ones AFTER their predecessor (or BEFORE the first). */
  private void addValues(EnumModel old, EnumModel e) {
    List<String> values = e.values();
    if (old.values().isEmpty()) {
      for (String v : values) types.add(new Change.AddEnumValue(e.schema(), e.name(), v, null, null));
      return;
    }
    int firstOld = values.indexOf(old.values().get(0));
    int lastOld = values.indexOf(old.values().get(old.values().size() - 1));
    for (int i = firstOld - 1; i >= 0; i--) {
      types.add(new Change.AddEnumValue(e.schema(), e.name(), values.get(i), values.get(i + 1), null));
    }
    for (int i = firstOld + 1; i < values.size(); i++) {
      String v = values.get(i);
      if (old.values().contains(v)) continue;
      types.add(new Change.AddEnumValue(e.schema(), e.name(), v, null, i > lastOld ? null : values.get(i - 1)));
    }
  }

  /**
   * Values removed or reordered: PostgreSQL cannot do either in place, so a new type is created,
   * every column converted through text (failing loudly on a row holding a removed value), the old
   * type dropped and the new one renamed to the old name.
   */
  private void rebuildEnum(EnumModel old, EnumModel e) {
    if (a.domains().stream().anyMatch(d -> Renames.sameType(d.baseType(), Identifiers.qualify(old.schema(), old.name())))) {
      throw new UnsupportedChangeException("enum " + e.schema() + "." + e.name(),
          "values removed or reordered while a domain is based on it; rebuild the domain by hand");
    }
    if (a.compositeTypes().stream().anyMatch(ct -> ct.attributes().stream()
        .anyMatch(at -> Renames.sameType(at.type(), Identifiers.qualify(old.schema(), old.name()))))) {
      throw new UnsupportedChangeException("enum " + e.schema() + "." + e.name(),
          "values removed or reordered while a composite type has an attribute of it; PostgreSQL cannot retype the attribute"
              + " of a stored composite: rebuild the composite type by hand");
    }
    String tmp = e.name().length() > 50 ? e.name().substring(0, 50) + "_sluice_new" : e.name() + "_sluice_new";
    String oldType = Identifiers.qualify(old.schema(), old.name());
    String tmpType = Identifiers.qualify(e.schema(), tmp);
    boolean lossy = !e.values().containsAll(old.values());
    types.add(new Change.CreateEnum(new EnumModel(e.schema(), tmp, e.values(), null)));
    List<Change> resetDefaults = new ArrayList<>();
    for (TableModel t : a.tables()) {
      TableModel after = b.table(t.schema(), t.name()).orElse(null);
      if (after == null) continue;
      for (ColumnModel c : t.columns()) {
        ColumnModel d = after.column(c.name()).orElse(null);
        // columns leaving the enum in this diff are converted too: the old type is dropped before their own ALTER
        if (d == null || !Renames.sameType(c.type(), oldType)) continue;
        String suffix = c.type().substring(oldType.length());
        if (c.defaultExpr() != null) types.add(new Change.SetColumnDefault(t.schema(), t.name(), c.name(), null));
        String textType = suffix.isEmpty() ? "text" : "text" + suffix;
        types.add(new Change.AlterColumnType(t.schema(), t.name(), c.name(), c.type(), tmpType + suffix, null,
            Sql.name(c.name()) + "::" + textType + "::" + tmpType + suffix, lossy));
        if (!c.type().equals(d.type())) continue; // its own type change (and default) follows in the column diff
        if (d.defaultExpr() != null) resetDefaults.add(new Change.SetColumnDefault(t.schema(), t.name(), c.name(), d.defaultExpr()));
        defaultHandled.add(t.schema() + "." + t.name() + "." + c.name());
        retypedColumns.add(t.schema() + "." + t.name() + "." + c.name());
        reshapedTables.add(key(t));
      }
    }
    types.add(new Change.DropEnum(old.schema(), old.name()));
    types.add(new Change.RenameEnum(e.schema(), tmp, e.name()));
    types.addAll(resetDefaults);
  }

  // --- domains and sequences -----------------------------------------------------------------------

  private void domains() {
    Map<String, DomainModel> before = byKey(a.domains(), d -> d.schema() + "." + d.name());
    Map<String, DomainModel> after = byKey(b.domains(), d -> d.schema() + "." + d.name());
    for (DomainModel d : b.domains()) {
      DomainModel old = before.get(d.schema() + "." + d.name());
      if (old == null) {
        types.add(new Change.CreateDomain(d));
        for (CheckModel c : d.checks()) if (c.notValid()) types.add(new Change.AddDomainCheck(d.schema(), d.name(), c));
      } else {
        if (!old.baseType().equals(d.baseType())) {
          throw new UnsupportedChangeException("domain " + d.schema() + "." + d.name(), "changed base type (" + old.baseType()
              + " -> " + d.baseType() + "); PostgreSQL cannot alter a domain's type: create a new domain and move the columns");
        }
        if (!Objects.equals(old.collation(), d.collation())) {
          throw new UnsupportedChangeException("domain " + d.schema() + "." + d.name(), "changed collation ("
              + old.collation() + " -> " + d.collation() + "); PostgreSQL cannot alter a domain's collation: create a new"
              + " domain and move the columns");
        }
        if (!Objects.equals(old.defaultExpr(), d.defaultExpr())) types.add(new Change.SetDomainDefault(d.schema(), d.name(), d.defaultExpr()));
        if (old.notNull() != d.notNull()) types.add(new Change.SetDomainNotNull(d.schema(), d.name(), d.notNull()));
        Map<String, CheckModel> oldChecks = byKey(old.checks(), CheckModel::name);
        Map<String, CheckModel> newChecks = byKey(d.checks(), CheckModel::name);
        for (CheckModel c : old.checks()) {
          CheckModel n = newChecks.get(c.name());
          if (n == null || !n.expression().equals(c.expression()) || (!c.notValid() && n.notValid())) {
            types.add(new Change.DropDomainCheck(d.schema(), d.name(), c.name()));
          }
        }
        for (CheckModel c : d.checks()) {
          CheckModel o = oldChecks.get(c.name());
          if (o == null || !o.expression().equals(c.expression()) || (!o.notValid() && c.notValid())) {
            types.add(new Change.AddDomainCheck(d.schema(), d.name(), c));
          } else if (o.notValid() && !c.notValid()) {
            types.add(new Change.ValidateDomainCheck(d.schema(), d.name(), c.name()));
          }
        }
      }
      comment(Change.CommentTarget.DOMAIN, d.schema(), d.name(), null, old == null ? null : old.comment(), d.comment());
    }
    for (DomainModel d : a.domains()) {
      if (!after.containsKey(d.schema() + "." + d.name())) finalDrops.add(0, new Change.DropDomain(d.schema(), d.name()));
    }
  }

  private void sequences() {
    Map<String, SequenceModel> before = byKey(a.sequences(), s -> s.schema() + "." + s.name());
    Map<String, SequenceModel> after = byKey(b.sequences(), s -> s.schema() + "." + s.name());
    for (SequenceModel s : b.sequences()) {
      SequenceModel old = before.get(s.schema() + "." + s.name());
      if (old == null) types.add(new Change.CreateSequence(s));
      else if (!old.dataType().equals(s.dataType()) || !old.options().equals(s.options())) types.add(new Change.AlterSequence(old, s));
      comment(Change.CommentTarget.SEQUENCE, s.schema(), s.name(), null, old == null ? null : old.comment(), s.comment());
    }
    for (SequenceModel s : a.sequences()) {
      if (!after.containsKey(s.schema() + "." + s.name())) finalDrops.add(0, new Change.DropSequence(s.schema(), s.name()));
    }
  }

  /**
   * {@code OWNED BY}: a sequence whose owner goes away or changes, or whose owning table or column the plan drops
   * (also to create it again), is released first; one that gains an owner, or was released, is owned again
   * after the tables and columns exist.
   */
  private void sequenceOwners() {
    Set<String> droppedTables = new HashSet<>();
    Set<String> droppedColumns = new HashSet<>();
    for (Change c : dropTables) if (c instanceof Change.DropTable d) droppedTables.add(d.schema() + "." + d.name());
    for (Change c : dropColumns) {
      if (c instanceof Change.DropColumn d) droppedColumns.add(d.schema() + "." + d.table() + "." + d.column());
    }
    Map<String, SequenceModel> after = byKey(b.sequences(), s -> s.schema() + "." + s.name());
    Set<String> released = new HashSet<>();
    for (SequenceModel o : a.sequences()) {
      if (!o.owned()) continue;
      SequenceModel n = after.get(o.schema() + "." + o.name());
      boolean ownerGone = droppedTables.contains(o.schema() + "." + o.ownedByTable())
          || droppedColumns.contains(o.schema() + "." + o.ownedByTable() + "." + o.ownedByColumn());
      boolean same = n != null && Objects.equals(o.ownedByTable(), n.ownedByTable())
          && Objects.equals(o.ownedByColumn(), n.ownedByColumn());
      if (!same || ownerGone) {
        releaseSequences.add(new Change.SetSequenceOwner(o.schema(), o.name(), null, null));
        released.add(o.schema() + "." + o.name());
      }
    }
    Map<String, SequenceModel> before = byKey(a.sequences(), s -> s.schema() + "." + s.name());
    for (SequenceModel n : b.sequences()) {
      if (!n.owned()) continue;
      SequenceModel o = before.get(n.schema() + "." + n.name());
      boolean kept = o != null && !released.contains(n.schema() + "." + n.name())
          && Objects.equals(o.ownedByTable(), n.ownedByTable()) && Objects.equals(o.ownedByColumn(), n.ownedByColumn());
      if (!kept) ownSequences.add(new Change.SetSequenceOwner(n.schema(), n.name(), n.ownedByTable(), n.ownedByColumn()));
    }
  }

  // --- tables --------------------------------------------------------------------------------------

  private void tables() {
    Map<String, TableModel> before = byKey(a.tables(), SchemaDiff::key);
    Map<String, TableModel> after = byKey(b.tables(), SchemaDiff::key);
    Set<String> partitionsAfter = partitionKeys(b);
    Set<String> partitionsBefore = partitionKeys(a);
    for (TableModel t : a.tables()) {
      if (after.containsKey(key(t))) continue;
      if (partitionsAfter.contains(key(t))) {
        attached.add(key(t));
        continue;
      }
      droppedTables.add(key(t));
      reshapedTables.add(key(t));
    }
    // foreign keys between dropped tables (and their partitions) go first, so the tables can be dropped in any order
    Set<String> droppedWithPartitions = new HashSet<>(droppedTables);
    for (TableModel t : a.tables()) {
      if (droppedTables.contains(key(t))) partitionKeys(t.schema(), t.partitioning(), droppedWithPartitions);
    }
    for (TableModel t : a.tables()) {
      if (!droppedTables.contains(key(t))) continue;
      for (ForeignKeyModel fk : t.foreignKeys()) {
        String ref = fk.refSchema() + "." + fk.refTable();
        if (!ref.equals(key(t)) && droppedWithPartitions.contains(ref)) {
          dropForeignKeys.add(new Change.DropConstraint(t.schema(), t.name(), fk.name(), "foreign key"));
        }
      }
    }
    // children before their parents
    for (TableModel t : Inheritance.childrenFirst(a.tables().stream().filter(t -> droppedTables.contains(key(t))).toList())) dropTables.add(new Change.DropTable(t.schema(), t.name()));
    List<TableModel> created = new ArrayList<>();
    for (TableModel t : b.tables()) {
      TableModel old = before.get(key(t));
      if (old != null) {
        alterTable(old, t);
      } else if (partitionsBefore.contains(key(t))) {
        detached.add(key(t)); // DETACH emitted by the parent's partition diff; the table keeps what it had
      } else {
        created.add(t);
      }
    }
    for (TableModel t : Inheritance.parentsFirst(created)) {
      createTables.add(new Change.CreateTable(t));
      if (t.partitioning() != null) createPartitions(t, t.name(), t.partitioning(), createTables);
      for (CheckModel c : t.checks()) if (c.notValid()) createTables.add(new Change.AddCheck(t.schema(), t.name(), c));
      for (ForeignKeyModel fk : t.foreignKeys()) addForeignKeys.add(new Change.AddForeignKey(t.schema(), t.name(), fk));
      for (IndexModel i : t.indexes()) createIndexes.add(new Change.CreateIndex(t.schema(), t.name(), i));
      TableOptionsDiff.created(t, security);
      if (t.rlsEnabled() || t.rlsForced()) security.add(new Change.EnableRowLevelSecurity(t.schema(), t.name(), t.rlsEnabled(), t.rlsForced()));
      for (PolicyModel p : t.policies()) policies.add(new Change.CreatePolicy(t.schema(), t.name(), p));
      comment(Change.CommentTarget.TABLE, t.schema(), t.name(), null, null, t.comment());
      for (ColumnModel c : t.columns()) comment(Change.CommentTarget.COLUMN, t.schema(), t.name(), c.name(), null, c.comment());
      for (IndexModel i : t.indexes()) comment(Change.CommentTarget.INDEX, t.schema(), i.name(), null, null, i.comment());
    }
  }

  private void createPartitions(TableModel root, String parent, PartitioningModel p, List<Change> out) {
    List<String> columns = TableDdl.columnNames(root);
    for (PartitionModel part : p.partitions()) {
      out.add(new Change.CreatePartition(root.schema(), parent, part, columns));
      partitionOwn(root.schema(), null, part);
      if (part.subPartitioning() != null) createPartitions(root, part.name(), part.subPartitioning(), out);
    }
  }

  /**
   * A partition's own indexes and foreign keys, from {@code before} (null for a new partition) to
   * {@code after}: indexes after the parent's (so a parent index is never adopted from one of them),
   * foreign keys with the others, after every table.
   */
  private void partitionOwn(String s, PartitionModel before, PartitionModel after) {
    String t = after.name();
    List<IndexModel> oldIndexes = before == null ? List.of() : before.indexes();
    Map<String, IndexModel> newIdx = byKey(after.indexes(), IndexModel::name);
    Map<String, IndexModel> oldIdx = byKey(oldIndexes, IndexModel::name);
    for (IndexModel o : oldIndexes) {
      IndexModel n = newIdx.get(o.name());
      if (n == null || !definition(o).equals(definition(n))) dropIndexes.add(new Change.DropIndex(s, o.name(), false));
    }
    for (IndexModel n : after.indexes()) {
      IndexModel o = oldIdx.get(n.name());
      if (o == null || !definition(o).equals(definition(n))) {
        createPartitionIndexes.add(new Change.CreateIndex(s, t, n));
        comment(Change.CommentTarget.INDEX, s, n.name(), null, null, n.comment());
      } else {
        comment(Change.CommentTarget.INDEX, s, n.name(), null, o.comment(), n.comment());
      }
    }
    partitionConstraints(s, before, after);
    // foreign keys once every table is diffed (a referenced key rebuilt by a later table rebuilds them too)
    pendingPartitionKeys.add(new PartitionKeys(s, t, before == null ? List.of() : before.foreignKeys(), after.foreignKeys()));
  }

  /**
   * A partition's own primary key, unique, check and exclusion constraints, from {@code before} (null
   * for a new partition) to {@code after}: added after every partition exists and before the foreign
   * keys (which may reference them); a key dropped or rebuilt rebuilds the foreign keys referencing it.
   */
  private void partitionConstraints(String s, PartitionModel before, PartitionModel after) {
    String t = after.name();
    PrimaryKeyModel oldPk = before == null ? null : before.primaryKey();
    PrimaryKeyModel newPk = after.primaryKey();
    Set<Set<String>> rebuiltKeys = new HashSet<>();
    boolean pkKept = oldPk != null && newPk != null && oldPk.withComment(null).equals(newPk.withComment(null));
    if (!pkKept) {
      if (oldPk != null) {
        dropConstraints.add(new Change.DropConstraint(s, t, oldPk.name(), "primary key"));
        rebuiltKeys.add(Set.copyOf(oldPk.columns()));
      }
      if (newPk != null) addPartitionConstraints.add(new Change.AddPrimaryKey(s, t, newPk.withComment(null)));
    }
    if (newPk != null) constraintComment(s, t, newPk.name(), pkKept ? oldPk.comment() : null, newPk.comment());
    List<UniqueModel> oldUniques = before == null ? List.of() : before.uniques();
    Map<String, UniqueModel> oldU = byKey(oldUniques, UniqueModel::name);
    Map<String, UniqueModel> newU = byKey(after.uniques(), UniqueModel::name);
    for (UniqueModel o : oldUniques) {
      UniqueModel n = newU.get(o.name());
      if (n == null || !o.withComment(null).equals(n.withComment(null))) {
        dropConstraints.add(new Change.DropConstraint(s, t, o.name(), "unique constraint"));
        rebuiltKeys.add(Set.copyOf(o.columns()));
      }
    }
    for (UniqueModel n : after.uniques()) {
      UniqueModel o = oldU.get(n.name());
      boolean kept = o != null && o.withComment(null).equals(n.withComment(null));
      if (!kept) addPartitionConstraints.add(new Change.AddUnique(s, t, n.withComment(null)));
      constraintComment(s, t, n.name(), kept ? o.comment() : null, n.comment());
    }
    List<CheckModel> oldChecks = before == null ? List.of() : before.checks();
    Map<String, CheckModel> oldC = byKey(oldChecks, CheckModel::name);
    Map<String, CheckModel> newC = byKey(after.checks(), CheckModel::name);
    for (CheckModel o : oldChecks) {
      CheckModel n = newC.get(o.name());
      if (n == null || checkRebuilt(o, n, Set.of())) dropConstraints.add(new Change.DropConstraint(s, t, o.name(), "check"));
    }
    for (CheckModel n : after.checks()) {
      CheckModel o = oldC.get(n.name());
      boolean added = o == null || checkRebuilt(o, n, Set.of());
      if (added) addPartitionConstraints.add(new Change.AddCheck(s, t, n.withComment(null)));
      else if (o.notValid() && !n.notValid()) addPartitionConstraints.add(new Change.ValidateConstraint(s, t, n.name()));
      constraintComment(s, t, n.name(), added ? null : o.comment(), n.comment());
    }
    List<ExclusionModel> oldExclusions = before == null ? List.of() : before.exclusions();
    Map<String, ExclusionModel> oldX = byKey(oldExclusions, ExclusionModel::name);
    Map<String, ExclusionModel> newX = byKey(after.exclusions(), ExclusionModel::name);
    for (ExclusionModel o : oldExclusions) {
      ExclusionModel n = newX.get(o.name());
      if (n == null || !o.withComment(null).equals(n.withComment(null))) {
        dropConstraints.add(new Change.DropConstraint(s, t, o.name(), "exclusion constraint"));
      }
    }
    for (ExclusionModel n : after.exclusions()) {
      ExclusionModel o = oldX.get(n.name());
      boolean kept = o != null && o.withComment(null).equals(n.withComment(null));
      if (!kept) addPartitionConstraints.add(new Change.AddExclusion(s, t, n.withComment(null), partitionColumns(s, t)));
      constraintComment(s, t, n.name(), kept ? o.comment() : null, n.comment());
    }
    if (!rebuiltKeys.isEmpty()) rebuiltKeyTables.computeIfAbsent(s + "." + t, k -> new HashSet<>()).addAll(rebuiltKeys);
  }

  private void constraintComment(String s, String t, String name, String was, String now) {
    if (!Objects.equals(was, now)) comments.add(new MemberComments.CommentOn(MemberComments.Target.CONSTRAINT, s, t, name, now));
  }

  /** The columns of the partitioned table a partition (at any depth) belongs to, in the new model. */
  private List<String> partitionColumns(String s, String partition) {
    for (TableModel t : b.tables()) {
      if (t.schema().equals(s) && t.partitioning() != null && holds(t.partitioning(), partition)) return TableDdl.columnNames(t);
    }
    return List.of();
  }

  private static boolean holds(PartitioningModel p, String partition) {
    for (PartitionModel part : p.partitions()) {
      if (part.name().equals(partition) || (part.subPartitioning() != null && holds(part.subPartitioning(), partition))) return true;
    }
    return false;
  }

  private record PartitionKeys(String s, String t, List<ForeignKeyModel> oldFks, List<ForeignKeyModel> newKeys) {}

  private final List<PartitionKeys> pendingPartitionKeys = new ArrayList<>();

  private void partitionForeignKeys(PartitionKeys k) {
    String s = k.s();
    String t = k.t();
    List<ForeignKeyModel> oldFks = k.oldFks();
    Map<String, ForeignKeyModel> newFks = byKey(k.newKeys(), ForeignKeyModel::name);
    Map<String, ForeignKeyModel> oldFk = byKey(oldFks, ForeignKeyModel::name);
    for (ForeignKeyModel o : oldFks) {
      ForeignKeyModel n = newFks.get(o.name());
      if (n == null || partitionFkRebuilt(o, n)) dropForeignKeys.add(new Change.DropConstraint(s, t, o.name(), "foreign key"));
    }
    for (ForeignKeyModel n : k.newKeys()) {
      ForeignKeyModel o = oldFk.get(n.name());
      boolean added = o == null || partitionFkRebuilt(o, n);
      if (added) addForeignKeys.add(new Change.AddForeignKey(s, t, n.withComment(null)));
      else if (o.notValid() && !n.notValid()) addForeignKeys.add(new Change.ValidateConstraint(s, t, n.name()));
      String was = added ? null : o.comment();
      if (!Objects.equals(was, n.comment())) {
        comments.add(new MemberComments.CommentOn(MemberComments.Target.CONSTRAINT, s, t, n.name(), n.comment()));
      }
    }
  }

  private boolean partitionFkRebuilt(ForeignKeyModel o, ForeignKeyModel n) {
    return fkRebuilt(o.withComment(null), n.withComment(null), Set.of());
  }

  /** Own indexes and foreign keys of the partitions both sides have, at every level. */
  private void partitionsOwn(String s, PartitioningModel p, PartitioningModel q) {
    if (p == null || q == null) return;
    Map<String, PartitionModel> before = byKey(p.partitions(), PartitionModel::name);
    for (PartitionModel n : q.partitions()) {
      PartitionModel o = before.get(n.name());
      if (o == null) continue;
      partitionOwn(s, o, n);
      partitionsOwn(s, o.subPartitioning(), n.subPartitioning());
    }
  }

  private void alterTable(TableModel before, TableModel to) {
    Inheritance.Aligned aligned = inheritance.align(renameConstraints(before, to), to);
    TableModel x = aligned.from();
    TableModel y = aligned.to();
    String s = y.schema();
    String t = y.name();
    String what = "table " + s + "." + t;
    Map<String, ColumnModel> oldCols = byKey(x.columns(), ColumnModel::name);
    Map<String, ColumnModel> newCols = byKey(y.columns(), ColumnModel::name);

    // columns whose type changes (besides enum rebuilds)
    Set<String> retyped = new HashSet<>();
    for (ColumnModel c : y.columns()) {
      ColumnModel o = oldCols.get(c.name());
      if (o != null && (!o.type().equals(c.type()) || !Objects.equals(o.collation(), c.collation()))) retyped.add(c.name());
    }
    for (String c : retyped) retypedColumns.add(s + "." + t + "." + c);
    Set<String> allRetyped = new HashSet<>(retyped);
    for (String c : oldCols.keySet()) if (retypedColumns.contains(s + "." + t + "." + c)) allRetyped.add(c);
    // generated columns to drop and add again: expression changed, or a column they use changes type
    Set<String> regenerated = new LinkedHashSet<>();
    for (ColumnModel c : y.columns()) {
      ColumnModel o = oldCols.get(c.name());
      if (o == null || c.generatedExpr() == null) continue;
      boolean usesRetyped = o.generatedExpr() != null
          && SqlNames.of(o.generatedExpr()).stream().anyMatch(n -> allRetyped.contains(n) && !n.equals(c.name()));
      boolean callsRebuilt = o.generatedExpr() != null && mentionsSql(o.generatedExpr(), rebuiltNames);
      if (!c.generatedExpr().equals(o.generatedExpr()) || usesRetyped || callsRebuilt || !o.type().equals(c.type())) {
        regenerated.add(c.name());
      }
    }
    Set<String> gone = new LinkedHashSet<>();
    for (ColumnModel o : x.columns()) if (!newCols.containsKey(o.name())) gone.add(o.name());
    if (!gone.isEmpty() || !allRetyped.isEmpty() || !regenerated.isEmpty()) reshapedTables.add(key(y));
    Set<String> touched = new HashSet<>(gone);
    touched.addAll(regenerated);
    Set<String> sensitive = new HashSet<>(touched);
    sensitive.addAll(allRetyped);
    sensitive.addAll(rebuiltNames); // checks, indexes, policies calling a function that is dropped and re-created

    for (String c : regenerated) dropColumns.add(new Change.DropColumn(s, t, c, oldCols.get(c).generatedExpr() != null));
    for (String c : gone) dropColumns.add(new Change.DropColumn(s, t, c, oldCols.get(c).generatedExpr() != null));
    for (ColumnModel c : y.columns()) {
      ColumnModel o = oldCols.get(c.name());
      if (o == null || regenerated.contains(c.name())) {
        alterColumns.add(new Change.AddColumn(s, t, c));
        comment(Change.CommentTarget.COLUMN, s, t, c.name(), null, c.comment());
      } else {
        alterColumn(x, o, c);
        comment(Change.CommentTarget.COLUMN, s, t, c.name(), o.comment(), c.comment());
      }
    }

    // primary key, unique, check, exclusion
    boolean pkRebuilt = !Objects.equals(x.primaryKey(), y.primaryKey())
        || (x.primaryKey() != null && mentions(x.primaryKey().columns(), touched));
    Set<Set<String>> rebuiltKeys = new HashSet<>();
    if (pkRebuilt) {
      if (x.primaryKey() != null) {
        dropConstraints.add(new Change.DropConstraint(s, t, x.primaryKey().name(), "primary key"));
        rebuiltKeys.add(Set.copyOf(x.primaryKey().columns()));
      }
      if (y.primaryKey() != null) addConstraints.add(new Change.AddPrimaryKey(s, t, y.primaryKey()));
    }
    diffNamed(x.uniques(), y.uniques(), UniqueModel::name, (o, n) -> o.equals(n) && !mentions(o.columns(), touched),
        o -> {
          dropConstraints.add(new Change.DropConstraint(s, t, o.name(), "unique constraint"));
          rebuiltKeys.add(Set.copyOf(o.columns()));
        },
        n -> addConstraints.add(new Change.AddUnique(s, t, n)));
    diffChecks(s, t, x.checks(), y.checks(), sensitive);
    diffNamed(x.exclusions(), y.exclusions(), ExclusionModel::name,
        (o, n) -> o.equals(n) && o.elements().stream().noneMatch(e -> mentionsSql(e.expression(), sensitive))
            && (o.where() == null || !mentionsSql(o.where(), touched)),
        o -> dropConstraints.add(new Change.DropConstraint(s, t, o.name(), "exclusion constraint")),
        n -> addConstraints.add(new Change.AddExclusion(s, t, n, TableDdl.columnNames(y))));

    // indexes (CONCURRENTLY and comments are not part of an index's definition)
    diffIndexes(s, t, x.indexes(), y.indexes(), touched, sensitive, rebuiltKeys);
    if (!rebuiltKeys.isEmpty()) rebuiltKeyTables.put(key(y), rebuiltKeys);

    // foreign keys (this table's; keys referencing rebuilt keys are handled in foreignKeysTo)
    pendingForeignKeys.add(new TablePair(x, y, touched));

    partitions(x, y, what);
    TableOptionsDiff.altered(x, y, alterColumns, security);
    Inheritance.links(x, y, dropForeignKeys, addConstraints);

    if (x.rlsEnabled() != y.rlsEnabled() || x.rlsForced() != y.rlsForced()) {
      security.add(new Change.AlterRowLevelSecurity(s, t, x.rlsEnabled() != y.rlsEnabled() ? y.rlsEnabled() : null,
          x.rlsForced() != y.rlsForced() ? y.rlsForced() : null));
    }
    Map<String, PolicyModel> newPolicies = byKey(y.policies(), PolicyModel::name);
    Map<String, PolicyModel> oldPolicies = byKey(x.policies(), PolicyModel::name);
    for (PolicyModel o : x.policies()) {
      PolicyModel n = newPolicies.get(o.name());
      if (n == null || needsRecreate(o, n, sensitive)) dropPolicies.add(new Change.DropPolicy(s, t, o.name()));
    }
    for (PolicyModel n : y.policies()) {
      PolicyModel o = oldPolicies.get(n.name());
      if (o == null || needsRecreate(o, n, sensitive)) policies.add(new Change.CreatePolicy(s, t, n));
      else if (!o.equals(n)) policies.add(new Change.AlterPolicy(s, t, n));
    }
    comment(Change.CommentTarget.TABLE, s, t, null, x.comment(), y.comment());
  }

  /**
   * Constraints and indexes whose definition is unchanged but whose name differs are renamed in
   * place (no rebuild, no lock-heavy re-validation); returns {@code x} with the new names.
   */
  private TableModel renameConstraints(TableModel x, TableModel y) {
    String s = y.schema();
    String t = y.name();
    var pk = x.primaryKey();
    if (pk != null && y.primaryKey() != null && !pk.name().equals(y.primaryKey().name())
        && pk.columns().equals(y.primaryKey().columns())) {
      renames.add(new Change.RenameConstraint(s, t, pk.name(), y.primaryKey().name()));
      pk = y.primaryKey();
    }
    List<UniqueModel> us = renamed(x.uniques(), y.uniques(), UniqueModel::name,
        (u, n) -> new UniqueModel(n, u.columns(), u.nullsNotDistinct(), u.deferrable(), u.initiallyDeferred()),
        (o, n) -> renames.add(new Change.RenameConstraint(s, t, o, n)));
    List<CheckModel> cs = renamed(x.checks(), y.checks(), CheckModel::name, (c, n) -> new CheckModel(n, c.expression(), c.notValid()),
        (o, n) -> renames.add(new Change.RenameConstraint(s, t, o, n)));
    List<ExclusionModel> xs = renamed(x.exclusions(), y.exclusions(), ExclusionModel::name,
        (e, n) -> new ExclusionModel(n, e.method(), e.elements(), e.where(), e.deferrable(), e.initiallyDeferred()),
        (o, n) -> renames.add(new Change.RenameConstraint(s, t, o, n)));
    List<ForeignKeyModel> fks = renamed(x.foreignKeys(), y.foreignKeys(), ForeignKeyModel::name,
        (f, n) -> f.withName(n),
        (o, n) -> renames.add(new Change.RenameConstraint(s, t, o, n)));
    List<IndexModel> is = renamed(x.indexes(), y.indexes(), IndexModel::name,
        (i, n) -> new IndexModel(n, i.unique(), i.method(), i.elements(), i.include(), i.where(), i.with(), i.nullsNotDistinct(),
            i.concurrently(), i.comment()),
        (o, n) -> renames.add(new Change.RenameIndex(s, o, n)));
    return new TableModel(x.schema(), x.name(), x.columns(), pk, fks, us, cs, xs, is, x.partitioning(), x.rlsEnabled(),
        x.rlsForced(), x.policies(), x.comment(), x.options(), x.inherits(), x.inheritedColumns());
  }

  /** Pairs items only in {@code before} with items only in {@code after} that are equal once renamed. */
  private static <T> List<T> renamed(List<T> before, List<T> after, Function<T, String> name,
      java.util.function.BiFunction<T, String, T> withName, java.util.function.BiConsumer<String, String> rename) {
    Set<String> oldNames = before.stream().map(name).collect(Collectors.toSet());
    Set<String> newNames = after.stream().map(name).collect(Collectors.toSet());
    List<T> candidates = new ArrayList<>(after.stream().filter(n -> !oldNames.contains(name.apply(n))).toList());
    List<T> out = new ArrayList<>();
    for (T o : before) {
      T match = null;
      if (!newNames.contains(name.apply(o))) {
        for (T n : candidates) {
          T probe = withName.apply(o, name.apply(n));
          if (probe.equals(n) || (probe instanceof IndexModel pi && n instanceof IndexModel ni && definition(pi).equals(definition(ni)))) {
            match = n;
            break;
          }
        }
      }
      if (match == null) {
        out.add(o);
      } else {
        candidates.remove(match);
        rename.accept(name.apply(o), name.apply(match));
        out.add(withName.apply(o, name.apply(match)));
      }
    }
    return out;
  }

  private record TablePair(TableModel from, TableModel to, Set<String> touched) {}

  private final List<TablePair> pendingForeignKeys = new ArrayList<>();
  private final Map<String, Set<Set<String>>> rebuiltKeyTables = new LinkedHashMap<>();

  /** Foreign keys once every table's keys are known: a key rebuilt or a table dropped forces a drop and re-add. */
  private void foreignKeys() {
    pendingPartitionKeys.forEach(this::partitionForeignKeys);
    // a dropped table's key referencing a key dropped or rebuilt on a kept table (or partition) goes before that key
    for (TableModel t : a.tables()) {
      if (!droppedTables.contains(key(t))) continue;
      for (ForeignKeyModel fk : t.foreignKeys()) {
        String ref = fk.refSchema() + "." + fk.refTable();
        Set<Set<String>> keys = rebuiltKeyTables.get(ref);
        if (!droppedTables.contains(ref) && keys != null && keys.contains(Set.copyOf(fk.refColumns()))) {
          dropForeignKeys.add(new Change.DropConstraint(t.schema(), t.name(), fk.name(), "foreign key"));
        }
      }
    }
    for (TablePair p : pendingForeignKeys) {
      TableModel x = p.from();
      TableModel y = p.to();
      Map<String, ForeignKeyModel> newFks = byKey(y.foreignKeys(), ForeignKeyModel::name);
      Map<String, ForeignKeyModel> oldFks = byKey(x.foreignKeys(), ForeignKeyModel::name);
      for (ForeignKeyModel o : x.foreignKeys()) {
        ForeignKeyModel n = newFks.get(o.name());
        if (n == null || fkRebuilt(o, n, p.touched())) {
          dropForeignKeys.add(new Change.DropConstraint(x.schema(), x.name(), o.name(), "foreign key"));
        }
      }
      for (ForeignKeyModel n : y.foreignKeys()) {
        ForeignKeyModel o = oldFks.get(n.name());
        if (o == null || fkRebuilt(o, n, p.touched())) addForeignKeys.add(new Change.AddForeignKey(y.schema(), y.name(), n));
        else if (o.notValid() && !n.notValid()) addForeignKeys.add(new Change.ValidateConstraint(y.schema(), y.name(), n.name()));
      }
    }
  }

  private boolean fkRebuilt(ForeignKeyModel o, ForeignKeyModel n, Set<String> touched) {
    if (!withValid(o).equals(withValid(n)) || (!o.notValid() && n.notValid())) return true;
    if (mentions(o.columns(), touched)) return true;
    String ref = o.refSchema() + "." + o.refTable();
    if (droppedTables.contains(ref)) return true;
    Set<Set<String>> keys = rebuiltKeyTables.get(ref);
    return keys != null && keys.contains(Set.copyOf(o.refColumns()));
  }

  private static ForeignKeyModel withValid(ForeignKeyModel f) {
    return f.withNotValid(false);
  }

  private void alterColumn(TableModel table, ColumnModel o, ColumnModel c) {
    String s = table.schema();
    String t = table.name();
    String key = s + "." + t + "." + c.name();
    if (SERIALS.containsKey(o.type()) && !SERIALS.containsKey(c.type()) && o.identity() == null && c.identity() != null) {
      serialToIdentity(table, o, c);
      return;
    }
    if (!SERIALS.containsKey(o.type()) && SERIALS.containsKey(c.type()) && o.identity() != null && c.identity() == null) {
      identityToSerial(table, o, c);
      return;
    }
    boolean retype = !o.type().equals(c.type()) || !Objects.equals(o.collation(), c.collation());
    boolean defaultChanges = !defaultHandled.contains(key) && !Objects.equals(o.defaultExpr(), c.defaultExpr());
    // a default calling a function that is dropped and re-created goes before the drop and comes back after
    boolean defaultRebuilt = !defaultHandled.contains(key) && o.defaultExpr() != null && mentionsSql(o.defaultExpr(), rebuiltNames);
    if (defaultRebuilt) dropConstraints.add(new Change.SetColumnDefault(s, t, c.name(), null));
    if (o.generatedExpr() != null && c.generatedExpr() == null) alterColumns.add(new Change.DropColumnExpression(s, t, c.name()));
    boolean dropDefaultFirst = o.defaultExpr() != null && !defaultHandled.contains(key)
        && ((retype && needsUsing(o, c)) || (c.identity() != null && o.identity() == null) || (defaultChanges && c.defaultExpr() == null));
    if (dropDefaultFirst) alterColumns.add(new Change.SetColumnDefault(s, t, c.name(), null));
    if (o.identity() != null && c.identity() == null) alterColumns.add(new Change.DropIdentity(s, t, c.name()));
    if (retype) retype(s, t, o, c);
    if (o.notNull() != c.notNull()) alterColumns.add(new Change.SetColumnNotNull(s, t, c.name(), c.notNull()));
    if (o.identity() == null && c.identity() != null) {
      alterColumns.add(new Change.AddIdentity(s, t, c.name(), c.identity()));
      SequenceOptions opts = c.identity().options();
      if (opts.start() == null && (opts.increment() == null || opts.increment() > 0)) {
        alterColumns.add(new Change.SyncIdentitySequence(s, t, c.name()));
      }
    }
    if (o.identity() != null && c.identity() != null && !o.identity().equals(c.identity())) {
      alterColumns.add(new Change.AlterIdentity(s, t, c.name(), o.identity(), c.identity()));
    }
    if (c.defaultExpr() != null && !defaultHandled.contains(key) && (dropDefaultFirst || defaultChanges || defaultRebuilt)) {
      alterColumns.add(new Change.SetColumnDefault(s, t, c.name(), c.defaultExpr()));
    }
  }

  /**
   * serial to identity in place: a retype first if the integer type changes too (the old sequence
   * goes anyway), then one block that swaps the sequence and continues the numbering.
   */
  private void serialToIdentity(TableModel table, ColumnModel o, ColumnModel c) {
    String s = table.schema();
    String t = table.name();
    String base = SERIALS.get(o.type());
    if (!base.equals(c.type())) {
      alterColumns.add(new Change.AlterColumnType(s, t, c.name(), base, c.type(), c.collation(), null, TypeChanges.lossy(base, c.type())));
    }
    SequenceOptions opts = c.identity().options();
    boolean continueSequence = opts.start() == null && (opts.increment() == null || opts.increment() > 0);
    alterColumns.add(new Change.SerialToIdentity(s, t, c.name(), c.identity(), continueSequence));
    if (!c.notNull()) alterColumns.add(new Change.SetColumnNotNull(s, t, c.name(), false));
    if (c.defaultExpr() != null) alterColumns.add(new Change.SetColumnDefault(s, t, c.name(), c.defaultExpr()));
  }

  /** identity to serial in place (the down of {@link #serialToIdentity}): the numbering continues. */
  private void identityToSerial(TableModel table, ColumnModel o, ColumnModel c) {
    String s = table.schema();
    String t = table.name();
    String base = SERIALS.get(c.type());
    alterColumns.add(new Change.IdentityToSerial(s, t, c.name(), c.type()));
    if (!base.equals(o.type())) {
      alterColumns.add(new Change.AlterColumnType(s, t, c.name(), o.type(), base, c.collation(), null, TypeChanges.lossy(o.type(), base)));
      String seq = t + "_" + c.name() + "_seq";
      alterColumns.add(new Change.AlterSequence(new SequenceModel(s, seq, o.type(), null, null), new SequenceModel(s, seq, base, null, null)));
    }
  }

  /** An assignment cast converts the default along with the values; a USING conversion may not. */
  private static boolean needsUsing(ColumnModel o, ColumnModel c) {
    return !o.type().equals(c.type()) && !SERIALS.containsKey(o.type()) && TypeChanges.using(c.name(), o.type(), c.type()) != null;
  }

  private static final Map<String, String> SERIALS = Map.of("smallserial", "smallint", "serial", "integer", "bigserial", "bigint");

  private void retype(String s, String t, ColumnModel o, ColumnModel c) {
    String from = o.type();
    String to = c.type();
    boolean fromSerial = SERIALS.containsKey(from);
    boolean toSerial = SERIALS.containsKey(to);
    if (fromSerial != toSerial) {
      throw new UnsupportedChangeException("table " + s + "." + t, "column " + c.name() + " changes between serial and non-serial ("
          + from + " -> " + to + "); only serial <-> identity converts in place (make the column generatedByDefaultAsIdentity()"
          + " or generatedAlwaysAsIdentity()), else write the migration by hand");
    }
    if (fromSerial) {
      from = SERIALS.get(from);
      to = SERIALS.get(to);
      String seq = t + "_" + c.name() + "_seq";
      alterColumns.add(new Change.AlterColumnType(s, t, c.name(), from, to, c.collation(), null, TypeChanges.lossy(from, to)));
      alterColumns.add(new Change.AlterSequence(new SequenceModel(s, seq, from, null, null), new SequenceModel(s, seq, to, null, null)));
      return;
    }
    String using = from.equals(to) ? null : TypeChanges.using(c.name(), from, to);
    alterColumns.add(new Change.AlterColumnType(s, t, c.name(), from, to, c.collation(), using, TypeChanges.lossy(from, to)));
  }

  private void diffChecks(String s, String t, List<CheckModel> before, List<CheckModel> after, Set<String> sensitive) {
    Map<String, CheckModel> newChecks = byKey(after, CheckModel::name);
    Map<String, CheckModel> oldChecks = byKey(before, CheckModel::name);
    for (CheckModel o : before) {
      CheckModel n = newChecks.get(o.name());
      if (n == null || checkRebuilt(o, n, sensitive)) dropConstraints.add(new Change.DropConstraint(s, t, o.name(), "check"));
    }
    for (CheckModel n : after) {
      CheckModel o = oldChecks.get(n.name());
      if (o == null || checkRebuilt(o, n, sensitive)) addConstraints.add(new Change.AddCheck(s, t, n));
      else if (o.notValid() && !n.notValid()) addConstraints.add(new Change.ValidateConstraint(s, t, n.name()));
    }
  }

  private static boolean checkRebuilt(CheckModel o, CheckModel n, Set<String> sensitive) {
    return !o.expression().equals(n.expression()) || (!o.notValid() && n.notValid()) || mentionsSql(o.expression(), sensitive);
  }

  private void diffIndexes(String s, String t, List<IndexModel> before, List<IndexModel> after, Set<String> touched,
      Set<String> sensitive, Set<Set<String>> rebuiltKeys) {
    Map<String, IndexModel> newIdx = byKey(after, IndexModel::name);
    Map<String, IndexModel> oldIdx = byKey(before, IndexModel::name);
    for (IndexModel o : before) {
      IndexModel n = newIdx.get(o.name());
      if (n == null || indexRebuilt(o, n, touched, sensitive)) {
        dropIndexes.add(new Change.DropIndex(s, o.name(), n != null ? n.concurrently() : o.concurrently()));
        if (o.unique() && o.where() == null && o.elements().stream().noneMatch(IndexModel.IndexElement::isExpression)) {
          rebuiltKeys.add(o.elements().stream().map(IndexModel.IndexElement::expression).collect(Collectors.toSet()));
        }
      }
    }
    for (IndexModel n : after) {
      IndexModel o = oldIdx.get(n.name());
      if (o == null || indexRebuilt(o, n, touched, sensitive)) {
        createIndexes.add(new Change.CreateIndex(s, t, n));
        comment(Change.CommentTarget.INDEX, s, n.name(), null, null, n.comment());
      } else {
        comment(Change.CommentTarget.INDEX, s, n.name(), null, o.comment(), n.comment());
      }
    }
  }

  /**
   * Changed, or using a dropped/re-added column, or with an expression or predicate over a retyped
   * column (PostgreSQL re-parses those with the new type, which fails for e.g. enum comparisons).
   */
  private static boolean indexRebuilt(IndexModel o, IndexModel n, Set<String> touched, Set<String> sensitive) {
    if (!definition(o).equals(definition(n))) return true;
    for (IndexModel.IndexElement e : o.elements()) {
      if (mentionsSql(e.expression(), e.isExpression() ? sensitive : touched)) return true;
    }
    return mentions(o.include(), touched) || (o.where() != null && mentionsSql(o.where(), sensitive));
  }

  private static IndexModel definition(IndexModel i) {
    return new IndexModel(i.name(), i.unique(), i.method(), i.elements(), i.include(), i.where(), i.with(), i.nullsNotDistinct(),
        false, null);
  }

  private static boolean needsRecreate(PolicyModel o, PolicyModel n, Set<String> sensitive) {
    if (o.command() != n.command() || o.permissive() != n.permissive()) return true;
    if ((o.using() != null && n.using() == null) || (o.withCheck() != null && n.withCheck() == null)) return true;
    return (o.using() != null && mentionsSql(o.using(), sensitive)) || (o.withCheck() != null && mentionsSql(o.withCheck(), sensitive));
  }

  // --- partitions ----------------------------------------------------------------------------------

  private void partitions(TableModel x, TableModel y, String what) {
    partitions(y, y.name(), x.partitioning(), y.partitioning(), what);
    partitionsOwn(y.schema(), x.partitioning(), y.partitioning());
    if (y.partitioning() != null) {
      List<IndexModel> added = createIndexes.stream().filter(c -> c instanceof Change.CreateIndex i
          && i.schema().equals(y.schema()) && i.table().equals(y.name())).map(c -> ((Change.CreateIndex) c).index()).toList();
      if (!added.isEmpty()) keptOwnIndexesAdopted(what, added, x.partitioning(), y.partitioning());
      List<Change> keys = addConstraints.stream().filter(c -> (c instanceof Change.AddPrimaryKey k && k.schema().equals(y.schema())
          && k.table().equals(y.name())) || (c instanceof Change.AddUnique u && u.schema().equals(y.schema())
          && u.table().equals(y.name())) || (c instanceof Change.AddExclusion e && e.schema().equals(y.schema())
          && e.table().equals(y.name()))).toList();
      if (!keys.isEmpty() || !added.isEmpty()) keptOwnConstraintsAdopted(what, keys, added, x.partitioning(), y.partitioning());
    }
  }

  /**
   * Refuses a new primary key, unique or exclusion constraint (or unique index) of a partitioned
   * table that a partition's kept own constraint matches: PostgreSQL would attach the partition's
   * constraint to the new one instead of creating one, and the partition would lose it as its own.
   */
  private static void keptOwnConstraintsAdopted(String what, List<Change> keys, List<IndexModel> indexes, PartitioningModel p,
      PartitioningModel q) {
    if (p == null || q == null) return;
    Map<String, PartitionModel> before = byKey(p.partitions(), PartitionModel::name);
    for (PartitionModel n : q.partitions()) {
      PartitionModel o = before.get(n.name());
      if (o == null) continue;
      List<UniqueModel> kept = new ArrayList<>();
      if (o.primaryKey() != null && n.primaryKey() != null && o.primaryKey().withComment(null).equals(n.primaryKey().withComment(null))) {
        kept.add(new UniqueModel(n.primaryKey().name(), n.primaryKey().columns(), false, false, false));
      }
      Map<String, UniqueModel> oldU = byKey(o.uniques(), UniqueModel::name);
      for (UniqueModel u : n.uniques()) {
        UniqueModel w = oldU.get(u.name());
        if (w != null && w.withComment(null).equals(u.withComment(null))) kept.add(u);
      }
      Map<String, ExclusionModel> oldX = byKey(o.exclusions(), ExclusionModel::name);
      List<ExclusionModel> keptX = n.exclusions().stream().filter(e -> oldX.containsKey(e.name())
          && oldX.get(e.name()).withComment(null).equals(e.withComment(null))).toList();
      for (UniqueModel k : kept) {
        for (Change c : keys) {
          String parent = c instanceof Change.AddPrimaryKey pk && pk.primaryKey().columns().equals(k.columns())
              ? "primary key " + pk.primaryKey().name()
              : c instanceof Change.AddUnique u && u.unique().columns().equals(k.columns()) ? "unique constraint " + u.unique().name()
              : null;
          if (parent != null) adopted(what, parent, k.name(), n.name());
        }
        for (IndexModel i : indexes) {
          if (i.unique() && i.where() == null && i.include().isEmpty() && "btree".equals(i.method())
              && i.elements().equals(k.columns().stream().map(IndexModel.IndexElement::column).toList())) {
            adopted(what, "unique index " + i.name(), k.name(), n.name());
          }
        }
      }
      for (ExclusionModel k : keptX) {
        for (Change c : keys) {
          if (c instanceof Change.AddExclusion e && e.exclusion().method().equals(k.method())
              && e.exclusion().elements().equals(k.elements()) && Objects.equals(e.exclusion().where(), k.where())) {
            adopted(what, "exclusion constraint " + e.exclusion().name(), k.name(), n.name());
          }
        }
      }
      keptOwnConstraintsAdopted(what, keys, indexes, o.subPartitioning(), n.subPartitioning());
    }
  }

  private static void adopted(String what, String parent, String own, String partition) {
    throw new UnsupportedChangeException(what, "new " + parent + " has the definition of constraint " + own + " of partition "
        + partition + ", which PostgreSQL would attach to it instead of keeping it the partition's own;"
        + " drop " + own + " from the partition (the new one covers it) or give the two different definitions");
  }

  /**
   * Refuses a new index of a partitioned table whose definition a partition's kept own index has:
   * PostgreSQL would attach that index to the new one instead of creating one, and the partition
   * would lose it as its own.
   */
  private static void keptOwnIndexesAdopted(String what, List<IndexModel> added, PartitioningModel p, PartitioningModel q) {
    if (p == null || q == null) return;
    Map<String, PartitionModel> before = byKey(p.partitions(), PartitionModel::name);
    for (PartitionModel n : q.partitions()) {
      PartitionModel o = before.get(n.name());
      if (o == null) continue;
      Map<String, IndexModel> kept = byKey(o.indexes(), IndexModel::name);
      for (IndexModel i : n.indexes()) {
        IndexModel k = kept.get(i.name());
        if (k == null || !definition(k).equals(definition(i))) continue;
        for (IndexModel parent : added) {
          if (definition(parent).equals(definition(renamed(i, parent.name())))) {
            throw new UnsupportedChangeException(what, "new index " + parent.name() + " has the definition of index " + i.name()
                + " of partition " + n.name() + ", which PostgreSQL would attach to it instead of keeping it the partition's own;"
                + " drop " + i.name() + " from the partition (the new index covers it) or give the two different definitions");
          }
        }
      }
      keptOwnIndexesAdopted(what, added, o.subPartitioning(), n.subPartitioning());
    }
  }

  private static IndexModel renamed(IndexModel i, String name) {
    return new IndexModel(name, i.unique(), i.method(), i.elements(), i.include(), i.where(), i.with(), i.nullsNotDistinct(),
        i.concurrently(), i.comment());
  }

  private void partitions(TableModel root, String parent, PartitioningModel p, PartitioningModel q, String what) {
    if (p == null && q == null) return;
    if (p == null || q == null || p.strategy() != q.strategy() || !p.keys().equals(q.keys())) {
      throw new UnsupportedChangeException(what, (parent.equals(root.name()) ? "" : "partition " + parent + " ")
          + "changed partitioning (" + describe(p) + " -> " + describe(q) + "); PostgreSQL cannot re-partition a table in place:"
          + " create the new table, copy the rows and rename it (a hand-written migration)");
    }
    String s = root.schema();
    Map<String, PartitionModel> before = byKey(p.partitions(), PartitionModel::name);
    Map<String, PartitionModel> after = byKey(q.partitions(), PartitionModel::name);
    for (PartitionModel o : p.partitions()) {
      PartitionModel n = after.get(o.name());
      if (n == null) {
        if (b.table(s, o.name()).isPresent()) dropPartitions.add(new Change.DetachPartition(s, parent, o.name()));
        else dropPartitions.add(new Change.DropTable(s, o.name()));
      } else if (!o.bound().equals(n.bound())) {
        dropPartitions.add(new Change.DetachPartition(s, parent, o.name()));
        addConstraints.add(new Change.AttachPartition(s, parent, n.name(), n.bound()));
      }
      if (n != null) partitions(root, o.name(), o.subPartitioning(), n.subPartitioning(), what);
    }
    for (PartitionModel n : q.partitions()) {
      if (before.containsKey(n.name())) continue;
      if (a.table(s, n.name()).isPresent()) {
        if (n.subPartitioning() != null) {
          throw new UnsupportedChangeException(what, "table " + s + "." + n.name() + " becomes a sub-partitioned partition");
        }
        addConstraints.add(new Change.AttachPartition(s, parent, n.name(), n.bound()));
        // the attached table keeps its indexes and keys: those named as the partition's own already exist
        TableModel was = a.table(s, n.name()).orElseThrow();
        Set<String> own = new HashSet<>();
        n.indexes().forEach(i -> own.add(i.name()));
        n.foreignKeys().forEach(f -> own.add(f.name()));
        n.uniques().forEach(u -> own.add(u.name()));
        n.checks().forEach(k -> own.add(k.name()));
        n.exclusions().forEach(e -> own.add(e.name()));
        PrimaryKeyModel ownPk = was.primaryKey() != null && n.primaryKey() != null
            && was.primaryKey().name().equals(n.primaryKey().name()) ? was.primaryKey() : null;
        partitionOwn(s, new PartitionModel(n.name(), n.bound(), null,
            was.indexes().stream().filter(i -> own.contains(i.name())).toList(),
            was.foreignKeys().stream().filter(f -> own.contains(f.name())).toList(), ownPk,
            was.uniques().stream().filter(u -> own.contains(u.name())).toList(),
            was.checks().stream().filter(k -> own.contains(k.name())).toList(),
            was.exclusions().stream().filter(e -> own.contains(e.name())).toList()), n);
      } else {
        List<Change> created = new ArrayList<>();
        created.add(new Change.CreatePartition(s, parent, n, TableDdl.columnNames(root)));
        partitionOwn(s, null, n);
        if (n.subPartitioning() != null) createPartitions(root, n.name(), n.subPartitioning(), created);
        addConstraints.addAll(created);
      }
    }
  }

  private static void partitionKeys(String schema, PartitioningModel p, Set<String> out) {
    if (p == null) return;
    for (PartitionModel part : p.partitions()) {
      out.add(schema + "." + part.name());
      partitionKeys(schema, part.subPartitioning(), out);
    }
  }

  private static String describe(PartitioningModel p) {
    return p == null ? "none" : p.strategy() + " " + p.keys();
  }

  // --- views ---------------------------------------------------------------------------------------

  private void views() {
    foreignKeys();
    Map<String, ViewModel> before = byKey(a.views(), v -> v.schema() + "." + v.name());
    Map<String, ViewModel> after = byKey(b.views(), v -> v.schema() + "." + v.name());
    Set<String> dropped = new LinkedHashSet<>();
    for (ViewModel v : a.views()) {
      ViewModel n = after.get(key(v));
      if (n == null || !viewDefinition(v).equals(viewDefinition(n))) dropped.add(key(v));
    }
    // dependants: views whose query names a dropped or recreated view, or a table that changes shape
    boolean grew = true;
    while (grew) {
      grew = false;
      Set<String> names = new HashSet<>();
      for (String k : dropped) names.add(k.substring(k.indexOf('.') + 1));
      for (String k : reshapedTables) names.add(k.substring(k.indexOf('.') + 1));
      names.addAll(rebuiltNames);
      for (ViewModel v : a.views()) {
        if (dropped.contains(key(v))) continue;
        if (SqlNames.of(v.query()).stream().anyMatch(names::contains)) {
          dropped.add(key(v));
          grew = true;
        }
      }
    }
    List<ViewModel> order = Differ.viewOrder(a.views());
    Collections.reverse(order);
    for (ViewModel v : order) {
      if (dropped.contains(key(v))) dropViews.add(new Change.DropView(v.schema(), v.name(), v.materialized()));
    }
    List<ViewModel> toCreate = new ArrayList<>();
    for (ViewModel v : b.views()) {
      if (!before.containsKey(key(v)) || dropped.contains(key(v))) toCreate.add(v);
      if (before.containsKey(key(v)) && dropped.contains(key(v))) recreatedViews.add(key(v));
    }
    for (ViewModel v : Differ.viewOrder(toCreate)) {
      if (v.materialized()) {
        createViews.add(new Change.CreateMaterializedView(v));
        for (IndexModel i : v.indexes()) createViews.add(new Change.CreateIndex(v.schema(), v.name(), i));
      } else {
        if (!v.indexes().isEmpty()) {
          throw new IllegalArgumentException("view " + key(v) + " has indexes, but only materialized views can be indexed");
        }
        createViews.add(new Change.CreateView(v));
      }
      Change.CommentTarget target = v.materialized() ? Change.CommentTarget.MATERIALIZED_VIEW : Change.CommentTarget.VIEW;
      comment(target, v.schema(), v.name(), null, null, v.comment());
      columnComments(v, Map.of());
      for (IndexModel i : v.indexes()) comment(Change.CommentTarget.INDEX, v.schema(), i.name(), null, null, i.comment());
    }
    for (ViewModel v : b.views()) {
      ViewModel o = before.get(key(v));
      if (o == null || dropped.contains(key(v))) continue;
      Change.CommentTarget target = v.materialized() ? Change.CommentTarget.MATERIALIZED_VIEW : Change.CommentTarget.VIEW;
      comment(target, v.schema(), v.name(), null, o.comment(), v.comment());
      columnComments(v, o.columnComments());
      int mark = createIndexes.size();
      diffIndexes(v.schema(), v.name(), o.indexes(), v.indexes(), Set.of(), Set.of(), new HashSet<>());
      // matview indexes come with the views phase
      List<Change> moved = new ArrayList<>(createIndexes.subList(mark, createIndexes.size()));
      createIndexes.subList(mark, createIndexes.size()).clear();
      createViews.addAll(moved);
    }
  }

  /** A view's definition: everything but its comment and (materialized) indexes, which change in place. */
  private static ViewModel viewDefinition(ViewModel v) {
    return new ViewModel(v.schema(), v.name(), v.query(), v.materialized(), v.securityInvoker(), v.securityBarrier(),
        v.checkOption(), v.withData(), null, null);
  }

  // --- grants --------------------------------------------------------------------------------------

  /**
   * Grants are compared privilege by privilege (per column for column grants), so how a model groups
   * them does not matter; what changes is regrouped per object, grantee and column set. The public
   * schema's grant to PUBLIC is the difference from the server's default ({@link PublicSchemaAcl}).
   */
  private void grants() {
    Map<String, Set<String>> before = atoms(a.grants());
    Map<String, Set<String>> after = atoms(b.grants());
    Map<String, GrantModel> objects = new HashMap<>();
    for (GrantModel g : a.grants()) objects.putIfAbsent(objectKey(g), g);
    for (GrantModel g : b.grants()) objects.put(objectKey(g), g);
    java.util.TreeMap<String, Set<String>> removed = new java.util.TreeMap<>();
    java.util.TreeMap<String, Set<String>> added = new java.util.TreeMap<>();
    for (Map.Entry<String, Set<String>> e : before.entrySet()) {
      GrantModel o = objects.get(objectOf(e.getKey()));
      if (objectGone(o)) continue;
      Set<String> r = new java.util.TreeSet<>(e.getValue());
      r.removeAll(after.getOrDefault(e.getKey(), Set.of()));
      if (!r.isEmpty()) removed.put(e.getKey(), r);
    }
    for (Map.Entry<String, Set<String>> e : after.entrySet()) {
      GrantModel n = objects.get(objectOf(e.getKey()));
      Set<String> o = before.get(e.getKey());
      boolean recreated = o != null && (objectGone(n) || recreatedViews.contains(n.schema() + "." + n.name()));
      Set<String> ad = new java.util.TreeSet<>(e.getValue());
      if (o != null && !recreated) ad.removeAll(o);
      if (!ad.isEmpty()) added.put(e.getKey(), ad);
    }
    for (GrantModel g : regroup(removed, objects)) revokes.add(new Change.Revoke(g));
    for (GrantModel g : regroup(added, objects)) grants.add(new Change.Grant(g));
    PublicSchemaAcl.diff(a.grants(), b.grants(), revokes, grants);
  }

  /** {@code object-key \0 column} to privileges, the public schema's grant to PUBLIC left out. */
  private static Map<String, Set<String>> atoms(List<GrantModel> grants) {
    Map<String, Set<String>> out = new java.util.TreeMap<>();
    for (GrantModel g : grants) {
      if (g.isPublicSchemaToPublic()) continue;
      for (String column : g.columns().isEmpty() ? List.of("") : g.columns()) {
        out.computeIfAbsent(objectKey(g) + "\u0000" + column, x -> new java.util.TreeSet<>()).addAll(g.privileges());
      }
    }
    return out;
  }

  private static String objectOf(String atom) {
    return atom.substring(0, atom.indexOf('\u0000'));
  }

  /** One grant per object, grantee and set of privileges: the columns sharing those privileges together. */
  private static List<GrantModel> regroup(java.util.TreeMap<String, Set<String>> atoms, Map<String, GrantModel> objects) {
    Map<String, List<String>> columns = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> e : atoms.entrySet()) {
      String object = objectOf(e.getKey());
      String column = e.getKey().substring(object.length() + 1);
      columns.computeIfAbsent(object + "\u0000" + String.join(",", e.getValue()), x -> new ArrayList<>()).add(column);
    }
    List<GrantModel> out = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : columns.entrySet()) {
      String object = objectOf(e.getKey());
      GrantModel g = objects.get(object);
      List<String> privileges = List.of(e.getKey().substring(object.length() + 1).split(","));
      List<String> cols = e.getValue().equals(List.of("")) ? List.of() : e.getValue();
      out.add(new GrantModel(g.objectType(), g.schema(), g.name(), g.grantee(), privileges, cols));
    }
    return out;
  }

  /** Whether the granted object is dropped by this diff (its grants go with it). */
  private boolean objectGone(GrantModel g) {
    String type = g.objectType().toUpperCase(java.util.Locale.ROOT);
    if (type.equals("SCHEMA")) {
      String s = g.name() != null ? g.name() : g.schema();
      return !b.schemas().contains(s) && !"public".equals(s);
    }
    String k = g.schema() + "." + g.name();
    if (type.equals("SEQUENCE")) return b.sequences().stream().noneMatch(q -> (q.schema() + "." + q.name()).equals(k));
    if (type.equals("TABLE")) {
      return droppedTables.contains(k) || (a.view(g.schema(), g.name()).isPresent() && b.view(g.schema(), g.name()).isEmpty());
    }
    return false;
  }

  private static String objectKey(GrantModel g) {
    return g.objectType().toUpperCase(java.util.Locale.ROOT) + " " + g.schema() + "." + g.name() + " " + g.grantee();
  }

  // --- helpers -------------------------------------------------------------------------------------

  /** {@code COMMENT ON COLUMN} for each output column of {@code v} whose comment is not {@code before}'s. */
  private void columnComments(ViewModel v, Map<String, String> before) {
    java.util.Set<String> columns = new java.util.TreeSet<>(before.keySet());
    columns.addAll(v.columnComments().keySet());
    for (String c : columns) {
      comment(Change.CommentTarget.COLUMN, v.schema(), v.name(), c, before.get(c), v.columnComments().get(c));
    }
  }

  private void comment(Change.CommentTarget target, String schema, String name, String column, String before, String after) {
    if (!Objects.equals(before, after)) comments.add(new Change.SetComment(target, schema, name, column, after));
  }

  /** Drops items gone or changed (per {@code same}), adds items new or changed; drops run before adds by phase. */
  private static <T> void diffNamed(List<T> before, List<T> after, Function<T, String> name,
      java.util.function.BiPredicate<T, T> same, java.util.function.Consumer<T> drop, java.util.function.Consumer<T> add) {
    Map<String, T> newItems = byKey(after, name);
    Map<String, T> oldItems = byKey(before, name);
    for (T o : before) {
      T n = newItems.get(name.apply(o));
      if (n == null || !same.test(o, n)) drop.accept(o);
    }
    for (T n : after) {
      T o = oldItems.get(name.apply(n));
      if (o == null || !same.test(o, n)) add.accept(n);
    }
  }

  private static boolean mentions(List<String> columns, Set<String> names) {
    return columns.stream().anyMatch(names::contains);
  }

  private static boolean mentionsSql(String sql, Set<String> names) {
    return !names.isEmpty() && SqlNames.of(sql).stream().anyMatch(names::contains);
  }

  private static String key(TableModel t) {
    return t.schema() + "." + t.name();
  }

  private static String key(ViewModel v) {
    return v.schema() + "." + v.name();
  }

  static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
    Map<String, T> m = new LinkedHashMap<>();
    for (T t : items) m.put(key.apply(t), t);
    return m;
  }

  /** The final drops but the schemas'. */
  private List<Change> typeDrops() {
    return finalDrops.stream().filter(c -> !(c instanceof Change.DropSchema)).toList();
  }

  /** The schemas dropped, last (after collations, which {@link DependencyGraph.Slot#DROP_LAST} drops). */
  private List<Change> schemaDropList() {
    return finalDrops.stream().filter(c -> c instanceof Change.DropSchema).toList();
  }

  /** Schemas to drop last, after everything in them. */
  private void schemaDrops() {
    for (String s : new TreeSet<>(a.schemas())) if (!b.schemas().contains(s)) finalDrops.add(new Change.DropSchema(s));
  }
}
