package dev.sluice.kit.diff;

import dev.sluice.schema.RenameHint;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.CompositeTypeModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.ExclusionModel;
import dev.sluice.schema.model.ExtensionModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.GrantModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.ParentTable;
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PrimaryKeyModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.SequenceModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.schema.model.UniqueModel;
import dev.sluice.schema.model.ViewModel;
import dev.sluice.sql.Identifiers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Applies rename hints: emits the {@code RENAME} changes and returns the {@code from} model as it
 * is after them, so the rest of the diff compares renamed objects with their new definitions.
 * Names inside SQL text (checks, index expressions, view queries) are not rewritten: PostgreSQL
 * follows renames in stored expressions itself, and a text that differs is then compared as usual.
 */
final class Renames {
  private Renames() {}

  record Result(SchemaModel from, List<Change> changes) {}

  static Result apply(SchemaModel from, SchemaModel to, List<RenameHint> hints) {
    List<RenameHint> ordered = new ArrayList<>(hints);
    ordered.sort(Comparator.comparing(RenameHint::kind, Comparator.comparingInt(Renames::rank)));
    List<Change> out = new ArrayList<>();
    List<RenameHint> tableRenames = new ArrayList<>();
    List<RenameHint> enumRenames = new ArrayList<>();
    java.util.Map<String, String> schemaRenames = new java.util.HashMap<>();
    SchemaModel m = from;
    for (RenameHint hint : ordered) {
      // a hint may name its schema by the old or the new name (hints are reversed for down migrations)
      RenameHint h0 = hint.kind() != RenameHint.Kind.SCHEMA && schemaRenames.containsKey(hint.schema())
          ? new RenameHint(hint.kind(), schemaRenames.get(hint.schema()), hint.parent(), hint.from(), hint.to(), hint.toSchema())
          : hint;
      // a column (enum value) hint may name its table (enum) by the schema it moved from
      String parentSchema = h0.kind() == RenameHint.Kind.COLUMN ? movedSchema(h0, tableRenames)
          : h0.kind() == RenameHint.Kind.ENUM_VALUE ? movedSchema(h0, enumRenames) : h0.schema();
      RenameHint h = Objects.equals(parentSchema, h0.schema()) ? h0 : new RenameHint(h0.kind(), parentSchema, h0.parent(), h0.from(), h0.to());
      switch (h.kind()) {
        case SCHEMA -> {
          if (!applies(m.schemas().contains(h.from()), m.schemas().contains(h.to()), to.schemas().contains(h.to()),
              to.schemas().contains(h.from()), h)) continue;
          m = renameSchema(m, h.from(), h.to());
          schemaRenames.put(h.from(), h.to());
          out.add(new Change.RenameSchema(h.from(), h.to()));
        }
        case TABLE -> {
          String ts = h.targetSchema();
          if (!applies(m.table(h.schema(), h.from()).isPresent(), m.table(ts, h.to()).isPresent(),
              to.table(ts, h.to()).isPresent(), to.table(h.schema(), h.from()).isPresent(), h)) continue;
          if (h.toSchema() != null) {
            m = withSchema(m, ts, out);
            m = moveTable(m, h.schema(), h.from(), ts);
            out.add(new Change.SetSchema("TABLE", h.schema(), h.from(), ts));
          }
          if (!h.from().equals(h.to())) {
            m = renameTable(m, ts, h.from(), h.to());
            out.add(new Change.RenameTable(ts, h.from(), h.to()));
          }
          tableRenames.add(h);
        }
        case VIEW -> {
          String ts = h.targetSchema();
          var v = m.view(h.schema(), h.from());
          if (!applies(v.isPresent(), m.view(ts, h.to()).isPresent(), to.view(ts, h.to()).isPresent(),
              to.view(h.schema(), h.from()).isPresent(), h)) continue;
          if (h.toSchema() != null) {
            m = withSchema(m, ts, out);
            m = moveView(m, h.schema(), h.from(), ts);
            out.add(new Change.SetSchema(v.get().materialized() ? "MATERIALIZED VIEW" : "VIEW", h.schema(), h.from(), ts));
          }
          if (!h.from().equals(h.to())) {
            m = renameView(m, ts, h.from(), h.to());
            out.add(new Change.RenameView(ts, h.from(), h.to(), v.get().materialized()));
          }
        }
        case ENUM -> {
          String ts = h.targetSchema();
          if (!applies(m.enumType(h.schema(), h.from()).isPresent(), m.enumType(ts, h.to()).isPresent(),
              to.enumType(ts, h.to()).isPresent(), to.enumType(h.schema(), h.from()).isPresent(), h)) continue;
          if (h.toSchema() != null) {
            m = withSchema(m, ts, out);
            m = moveEnum(m, h.schema(), h.from(), ts);
            out.add(new Change.SetSchema("TYPE", h.schema(), h.from(), ts));
          }
          if (!h.from().equals(h.to())) {
            m = renameEnum(m, ts, h.from(), h.to());
            out.add(new Change.RenameEnum(ts, h.from(), h.to()));
          }
          enumRenames.add(h);
        }
        case COLUMN -> {
          String table = parent(h, tableRenames, n -> n);
          final SchemaModel cur = m;
          TableModel t = cur.table(h.schema(), table).orElse(null);
          TableModel target = to.table(h.schema(), table).orElse(null);
          if (t == null || target == null) continue; // the table is created or dropped by this diff: nothing to rename
          if (!applies(t.column(h.from()).isPresent(), t.column(h.to()).isPresent(), target.column(h.to()).isPresent(),
              target.column(h.from()).isPresent(), h)) continue;
          m = renameColumn(m, h.schema(), table, h.from(), h.to());
          out.add(new Change.RenameColumn(h.schema(), table, h.from(), h.to()));
        }
        case ENUM_VALUE -> {
          String enumName = parent(h, enumRenames, n -> n);
          EnumModel e = m.enumType(h.schema(), enumName).orElse(null);
          EnumModel target = to.enumType(h.schema(), enumName).orElse(null);
          if (e == null || target == null) continue; // the enum is created or dropped by this diff
          if (!applies(e.values().contains(h.from()), e.values().contains(h.to()), target.values().contains(h.to()),
              target.values().contains(h.from()), h)) continue;
          m = mapEnums(m, x -> x.schema().equals(h.schema()) && x.name().equals(enumName)
              ? new EnumModel(x.schema(), x.name(), x.values().stream().map(v -> v.equals(h.from()) ? h.to() : v).toList(), x.comment())
              : x);
          out.add(new Change.RenameEnumValue(h.schema(), enumName, h.from(), h.to()));
        }
        default -> throw new IllegalStateException(h.kind().toString());
      }
    }
    java.util.Map<String, String> relationRenames = new java.util.HashMap<>();
    for (RenameHint h : ordered) {
      if ((h.kind() == RenameHint.Kind.TABLE || h.kind() == RenameHint.Kind.VIEW) && h.toSchema() == null) {
        String s = schemaRenames.getOrDefault(h.schema(), h.schema());
        relationRenames.put(s + "." + h.from(), h.to());
      }
    }
    // functions and triggers are carried over from the original model with the renames applied
    m = Kinds.carry(m, from, s -> schemaRenames.getOrDefault(s, s),
        (s, r) -> relationRenames.getOrDefault(s + "." + r, r));
    // and so are the schema comments (the model steps above rebuild the model without them)
    Map<String, String> schemaComments = new java.util.HashMap<>();
    from.schemaComments().forEach((k, v) -> schemaComments.put(schemaRenames.getOrDefault(k, k), v));
    m = m.withSchemaComments(schemaComments);
    // triggers move with their table (PostgreSQL moves them with SET SCHEMA)
    for (RenameHint h : tableRenames) {
      if (h.toSchema() == null) continue;
      String s = schemaRenames.getOrDefault(h.schema(), h.schema());
      m = m.withObjects(m.functions(), m.triggers().stream().map(t -> t.schema().equals(s) && t.table().equals(h.from())
          ? new dev.sluice.schema.model.TriggerModel(h.toSchema(), h.to(), t.name(), t.timing(), t.events(), t.updateColumns(),
              t.forEachRow(), t.when(), t.oldTable(), t.newTable(), t.constraint(), t.deferrable(), t.initiallyDeferred(),
              t.functionSchema(), t.function(), t.arguments(), t.enabled(), t.comment())
          : t).toList());
    }
    return new Result(m, out);
  }

  private static int rank(RenameHint.Kind k) {
    return switch (k) {
      case SCHEMA -> 0;
      case TABLE -> 1;
      case VIEW -> 2;
      case ENUM -> 3;
      case COLUMN -> 4;
      case ENUM_VALUE -> 5;
    };
  }

  /**
   * The parent's current name: a hint may name the table (or enum) by its old or its new name,
   * because hints are written against the new model and reversed for down migrations.
   */
  private static String parent(RenameHint h, List<RenameHint> parentRenames, UnaryOperator<String> id) {
    for (RenameHint r : parentRenames) {
      if ((r.schema().equals(h.schema()) || r.targetSchema().equals(h.schema())) && r.from().equals(h.parent())) return r.to();
    }
    return id.apply(h.parent());
  }

  /**
   * Whether the hint must be applied. Skipped: a hint already applied (old name gone, new name
   * present), and a hint this diff does not concern (the target still has the old name, as when
   * the reversed hints of earlier migrations meet a later down migration). Throws for a hint that
   * matches neither state, which is a stale or mistyped hint.
   */
  private static boolean applies(boolean oldExists, boolean newExists, boolean targetHasNew, boolean targetHasOld, RenameHint h) {
    String what = h.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " "
        + (h.schema() == null ? "" : h.schema() + ".") + (h.parent() == null ? "" : h.parent() + ".");
    if (oldExists && newExists) {
      throw new IllegalArgumentException("rename hint " + h.toFlag() + ": both " + what + h.from() + " and " + what + h.to()
          + " exist in the source model; drop one first or remove the hint");
    }
    if (!oldExists) {
      if (newExists) return false;
      throw new IllegalArgumentException("rename hint " + h.toFlag() + ": the source model has neither " + what + h.from()
          + " nor " + what + h.to() + "; check the names in the hint");
    }
    if (targetHasOld && !targetHasNew) return false;
    if (!targetHasNew) {
      throw new IllegalArgumentException("rename hint " + h.toFlag() + ": the target model has no " + what + h.to());
    }
    return true;
  }

  // --- model rewriting -----------------------------------------------------------------------------

  private static SchemaModel mapTables(SchemaModel m, UnaryOperator<TableModel> f) {
    return new SchemaModel(m.schemas(), m.extensions(), m.roles(), m.enums(), m.domains(), m.sequences(),
        m.tables().stream().map(f).toList(), m.views(), m.grants(), m.compositeTypes());
  }

  private static SchemaModel mapEnums(SchemaModel m, UnaryOperator<EnumModel> f) {
    return new SchemaModel(m.schemas(), m.extensions(), m.roles(), m.enums().stream().map(f).toList(), m.domains(),
        m.sequences(), m.tables(), m.views(), m.grants(), m.compositeTypes());
  }

  static TableModel table(TableModel t, String schema, String name, List<ColumnModel> columns, PrimaryKeyModel pk,
      List<ForeignKeyModel> fks, List<UniqueModel> uniques, List<ExclusionModel> exclusions, List<IndexModel> indexes,
      PartitioningModel partitioning) {
    return new TableModel(schema, name, columns, pk, fks, uniques, t.checks(), exclusions, indexes, partitioning,
        t.rlsEnabled(), t.rlsForced(), t.policies(), t.comment(), t.options(), t.inherits(), t.inheritedColumns());
  }

  private static SchemaModel renameSchema(SchemaModel m, String from, String to) {
    UnaryOperator<String> s = x -> from.equals(x) ? to : x;
    UnaryOperator<String> type = x -> retype(x, Identifiers.quote(from) + ".", Identifiers.quote(to) + ".");
    List<String> schemas = m.schemas().stream().map(s).toList();
    List<TableModel> tables = m.tables().stream().map(t -> table(t, s.apply(t.schema()), t.name(),
        t.columns().stream().map(c -> withType(c, type.apply(c.type()))).toList(), t.primaryKey(),
        t.foreignKeys().stream().map(fk -> new ForeignKeyModel(fk.name(), fk.columns(), s.apply(fk.refSchema()), fk.refTable(),
            fk.refColumns(), fk.onDelete(), fk.onUpdate(), fk.match(), fk.deferrable(), fk.initiallyDeferred(), fk.notValid(),
            fk.onDeleteColumns(), fk.comment())).toList(),
        t.uniques(), t.exclusions(), t.indexes(), t.partitioning())
        .withInherits(t.inherits().stream().map(p -> new ParentTable(s.apply(p.schema()), p.name())).toList())).toList();
    return new SchemaModel(schemas,
        m.extensions().stream().map(e -> new ExtensionModel(e.name(), e.schema() == null ? null : s.apply(e.schema()), e.version()))
            .toList(),
        m.roles(),
        m.enums().stream().map(e -> new EnumModel(s.apply(e.schema()), e.name(), e.values(), e.comment())).toList(),
        m.domains().stream().map(d -> new DomainModel(s.apply(d.schema()), d.name(), type.apply(d.baseType()), d.notNull(),
            d.defaultExpr(), d.checks(), d.comment(), d.collation())).toList(),
        m.sequences().stream().map(q -> new SequenceModel(s.apply(q.schema()), q.name(), q.dataType(), q.options(), q.comment())).toList(),
        tables,
        m.views().stream().map(v -> v.at(s.apply(v.schema()), v.name())).toList(),
        m.grants().stream().map(g -> g.objectType().equalsIgnoreCase("SCHEMA")
            ? g.on(g.schema() == null ? null : s.apply(g.schema()), g.name() == null ? null : s.apply(g.name()))
            : g.on(g.schema() == null ? null : s.apply(g.schema()), g.name()))
            .toList(),
        m.compositeTypes().stream().map(c -> c.with(s.apply(c.schema()), c.attributes().stream()
            .map(at -> new CompositeTypeModel.Attribute(at.name(), type.apply(at.type()), at.collation())).toList()))
            .toList());
  }

  private static SchemaModel renameTable(SchemaModel m, String schema, String from, String to) {
    SchemaModel r = mapTables(m, t -> {
      List<ForeignKeyModel> fks = t.foreignKeys().stream().map(fk -> fk.refSchema().equals(schema) && fk.refTable().equals(from)
          ? new ForeignKeyModel(fk.name(), fk.columns(), fk.refSchema(), to, fk.refColumns(), fk.onDelete(), fk.onUpdate(),
              fk.match(), fk.deferrable(), fk.initiallyDeferred(), fk.notValid(), fk.onDeleteColumns(), fk.comment())
          : fk).toList();
      String name = t.schema().equals(schema) && t.name().equals(from) ? to : t.name();
      return table(t, t.schema(), name, t.columns(), t.primaryKey(), fks, t.uniques(), t.exclusions(), t.indexes(), t.partitioning())
          .withInherits(t.inherits().stream().map(p -> p.schema().equals(schema) && p.name().equals(from)
              ? new ParentTable(schema, to) : p).toList());
    });
    return withGrants(r, g -> !g.objectType().equalsIgnoreCase("SCHEMA") && schema.equals(g.schema()) && from.equals(g.name())
        ? g.on(g.schema(), to) : g);
  }

  /**
   * The schema a column or enum value hint's parent is in now: the hint may name it by the schema the
   * parent was moved from (a reversed hint of a down migration does).
   */
  private static String movedSchema(RenameHint h, List<RenameHint> parentMoves) {
    for (RenameHint r : parentMoves) {
      if (r.toSchema() != null && r.schema().equals(h.schema()) && (r.from().equals(h.parent()) || r.to().equals(h.parent()))) {
        return r.toSchema();
      }
    }
    return h.schema();
  }

  /** {@code m} with schema {@code s}, creating it first (in {@code out}) when only the target has it. */
  private static SchemaModel withSchema(SchemaModel m, String s, List<Change> out) {
    if (m.schemas().contains(s) || "public".equals(s)) return m;
    out.add(new Change.CreateSchema(s));
    List<String> schemas = new ArrayList<>(m.schemas());
    schemas.add(s);
    return new SchemaModel(schemas, m.extensions(), m.roles(), m.enums(), m.domains(), m.sequences(), m.tables(), m.views(),
        m.grants(), m.compositeTypes());
  }

  /** Table {@code schema.name} in {@code newSchema}: the foreign keys that reference it and its grants follow. */
  private static SchemaModel moveTable(SchemaModel m, String schema, String name, String newSchema) {
    SchemaModel r = mapTables(m, t -> {
      List<ForeignKeyModel> fks = t.foreignKeys().stream().map(fk -> fk.refSchema().equals(schema) && fk.refTable().equals(name)
          ? new ForeignKeyModel(fk.name(), fk.columns(), newSchema, fk.refTable(), fk.refColumns(), fk.onDelete(), fk.onUpdate(),
              fk.match(), fk.deferrable(), fk.initiallyDeferred(), fk.notValid())
          : fk).toList();
      boolean self = t.schema().equals(schema) && t.name().equals(name);
      return table(t, self ? newSchema : t.schema(), t.name(), t.columns(), t.primaryKey(), fks, t.uniques(), t.exclusions(),
          t.indexes(), t.partitioning()).withInherits(t.inherits().stream().map(p -> p.schema().equals(schema) && p.name().equals(name)
              ? new ParentTable(newSchema, name) : p).toList());
    });
    return moveGrants(r, schema, name, newSchema);
  }

  private static SchemaModel moveView(SchemaModel m, String schema, String name, String newSchema) {
    SchemaModel r = new SchemaModel(m.schemas(), m.extensions(), m.roles(), m.enums(), m.domains(), m.sequences(), m.tables(),
        m.views().stream().map(v -> v.schema().equals(schema) && v.name().equals(name)
            ? v.at(newSchema, v.name())
            : v).toList(), m.grants(), m.compositeTypes());
    return moveGrants(r, schema, name, newSchema);
  }

  /** Enum {@code schema.name} in {@code newSchema}: columns, domains and composite attributes of its type follow. */
  private static SchemaModel moveEnum(SchemaModel m, String schema, String name, String newSchema) {
    String oldType = Identifiers.qualify(schema, name);
    String newType = Identifiers.qualify(newSchema, name);
    UnaryOperator<String> retyped = x -> x != null && sameType(x, oldType) ? newType + x.substring(oldType.length()) : x;
    SchemaModel r = mapEnums(m, e -> e.schema().equals(schema) && e.name().equals(name)
        ? new EnumModel(newSchema, name, e.values(), e.comment()) : e);
    r = mapTables(r, t -> table(t, t.schema(), t.name(), t.columns().stream().map(c -> withType(c, retyped.apply(c.type()))).toList(),
        t.primaryKey(), t.foreignKeys(), t.uniques(), t.exclusions(), t.indexes(), t.partitioning()));
    return new SchemaModel(r.schemas(), r.extensions(), r.roles(), r.enums(),
        r.domains().stream().map(d -> new DomainModel(d.schema(), d.name(), retyped.apply(d.baseType()), d.notNull(),
            d.defaultExpr(), d.checks(), d.comment(), d.collation())).toList(),
        r.sequences(), r.tables(), r.views(), moveGrants(r, schema, name, newSchema).grants(),
        r.compositeTypes().stream().map(c -> c.with(c.schema(), c.attributes().stream()
            .map(at -> new CompositeTypeModel.Attribute(at.name(), retyped.apply(at.type()), at.collation())).toList()))
            .toList());
  }

  private static SchemaModel moveGrants(SchemaModel m, String schema, String name, String newSchema) {
    return withGrants(m, g -> !g.objectType().equalsIgnoreCase("SCHEMA") && schema.equals(g.schema()) && name.equals(g.name())
        ? g.on(newSchema, g.name()) : g);
  }

  private static SchemaModel renameView(SchemaModel m, String schema, String from, String to) {
    SchemaModel r = new SchemaModel(m.schemas(), m.extensions(), m.roles(), m.enums(), m.domains(), m.sequences(), m.tables(),
        m.views().stream().map(v -> v.schema().equals(schema) && v.name().equals(from)
            ? v.at(v.schema(), to)
            : v).toList(), m.grants(), m.compositeTypes());
    return withGrants(r, g -> !g.objectType().equalsIgnoreCase("SCHEMA") && schema.equals(g.schema()) && from.equals(g.name())
        ? g.on(g.schema(), to) : g);
  }

  private static SchemaModel withGrants(SchemaModel m, UnaryOperator<GrantModel> f) {
    return new SchemaModel(m.schemas(), m.extensions(), m.roles(), m.enums(), m.domains(), m.sequences(), m.tables(), m.views(),
        m.grants().stream().map(f).toList(), m.compositeTypes());
  }

  private static SchemaModel renameEnum(SchemaModel m, String schema, String from, String to) {
    String oldType = Identifiers.qualify(schema, from);
    String newType = Identifiers.qualify(schema, to);
    SchemaModel r = mapEnums(m, e -> e.schema().equals(schema) && e.name().equals(from)
        ? new EnumModel(schema, to, e.values(), e.comment()) : e);
    r = mapTables(r, t -> table(t, t.schema(), t.name(),
        t.columns().stream().map(c -> withType(c, sameType(c.type(), oldType) ? newType + c.type().substring(oldType.length())
            : c.type())).toList(),
        t.primaryKey(), t.foreignKeys(), t.uniques(), t.exclusions(), t.indexes(), t.partitioning()));
    return new SchemaModel(r.schemas(), r.extensions(), r.roles(), r.enums(),
        r.domains().stream().map(d -> sameType(d.baseType(), oldType) ? new DomainModel(d.schema(), d.name(),
            newType + d.baseType().substring(oldType.length()), d.notNull(), d.defaultExpr(), d.checks(), d.comment(),
            d.collation()) : d).toList(),
        r.sequences(), r.tables(), r.views(), r.grants(),
        r.compositeTypes().stream().map(c -> c.with(c.schema(), c.attributes().stream()
            .map(at -> sameType(at.type(), oldType) ? new CompositeTypeModel.Attribute(at.name(),
                newType + at.type().substring(oldType.length()), at.collation()) : at).toList())).toList());
  }

  /** Whether {@code type} is {@code qualified} or an array of it. */
  static boolean sameType(String type, String qualified) {
    return type.equals(qualified) || type.startsWith(qualified + "[");
  }

  private static String retype(String type, String oldPrefix, String newPrefix) {
    return type.startsWith(oldPrefix) ? newPrefix + type.substring(oldPrefix.length()) : type;
  }

  private static SchemaModel renameColumn(SchemaModel m, String schema, String table, String from, String to) {
    UnaryOperator<String> n = x -> from.equals(x) ? to : x;
    SchemaModel granted = withGrants(m, g -> !g.columns().isEmpty() && schema.equals(g.schema()) && table.equals(g.name())
        ? g.withColumns(g.columns().stream().map(n).toList()) : g);
    return mapTables(granted, t -> {
      boolean self = t.schema().equals(schema) && t.name().equals(table);
      List<ForeignKeyModel> fks = t.foreignKeys().stream().map(fk -> {
        boolean refs = fk.refSchema().equals(schema) && fk.refTable().equals(table);
        if (!self && !refs) return fk;
        return new ForeignKeyModel(fk.name(), self ? fk.columns().stream().map(n).toList() : fk.columns(), fk.refSchema(),
            fk.refTable(), refs ? fk.refColumns().stream().map(n).toList() : fk.refColumns(), fk.onDelete(), fk.onUpdate(),
            fk.match(), fk.deferrable(), fk.initiallyDeferred(), fk.notValid(),
            self ? fk.onDeleteColumns().stream().map(n).toList() : fk.onDeleteColumns(), fk.comment());
      }).toList();
      if (!self) {
        return table(t, t.schema(), t.name(), t.columns(), t.primaryKey(), fks, t.uniques(), t.exclusions(), t.indexes(),
            t.partitioning());
      }
      List<ColumnModel> cols = t.columns().stream().map(c -> c.name().equals(from) ? new ColumnModel(to, c.type(), c.notNull(),
          c.defaultExpr(), c.identity(), c.generatedExpr(), c.collation(), c.comment()) : c).toList();
      PrimaryKeyModel pk = t.primaryKey() == null ? null
          : new PrimaryKeyModel(t.primaryKey().name(), t.primaryKey().columns().stream().map(n).toList(), t.primaryKey().comment());
      List<UniqueModel> us = t.uniques().stream().map(u -> new UniqueModel(u.name(), u.columns().stream().map(n).toList(),
          u.nullsNotDistinct(), u.deferrable(), u.initiallyDeferred(), u.comment())).toList();
      List<ExclusionModel> xs = t.exclusions().stream().map(x -> new ExclusionModel(x.name(), x.method(),
          x.elements().stream().map(e -> new ExclusionModel.Element(n.apply(e.expression()), e.opclass(), e.operator())).toList(),
          x.where(), x.deferrable(), x.initiallyDeferred(), x.comment())).toList();
      List<IndexModel> is = t.indexes().stream().map(i -> new IndexModel(i.name(), i.unique(), i.method(),
          i.elements().stream().map(e -> e.isExpression() ? e : new IndexModel.IndexElement(n.apply(e.expression()), false,
              e.collation(), e.opclass(), e.descending(), e.nullsFirst())).toList(),
          i.include().stream().map(n).toList(), i.where(), i.with(), i.nullsNotDistinct(), i.concurrently(), i.comment())).toList();
      PartitioningModel p = t.partitioning() == null ? null
          : new PartitioningModel(t.partitioning().strategy(), t.partitioning().keys().stream().map(n).toList(),
              t.partitioning().partitions());
      return table(t, t.schema(), t.name(), cols, pk, fks, us, xs, is, p);
    });
  }

  static ColumnModel withType(ColumnModel c, String type) {
    return Objects.equals(c.type(), type) ? c
        : new ColumnModel(c.name(), type, c.notNull(), c.defaultExpr(), c.identity(), c.generatedExpr(), c.collation(), c.comment());
  }
}
