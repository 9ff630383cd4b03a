package dev.sluice.kit.diff;

import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.ExtensionModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.GrantModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PartitioningModel;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.RoleModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.SequenceModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.schema.model.ViewModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares two {@link SchemaModel}s and lists the {@link Change}s that turn the first into the second.
 *
 * <p>This is the one diff behind {@code generate}, {@code push}, {@code diff} and {@code check}.
 * It currently creates what {@code to} adds; any removal or modification throws
 * {@link UnsupportedChangeException} naming the object, rather than being skipped.
 *
 * <p>Changes are ordered so that each statement only needs what came before it: schemas,
 * extensions (which may be installed into a new schema), roles (members after the roles they join),
 * enums, domains, sequences, tables (each partitioned parent followed by its partitions), NOT VALID
 * checks, foreign keys (after every table, so reference cycles work), indexes, views and
 * materialized views (a view after the views its query names; each materialized view followed by
 * its indexes), row level security, policies, comments, and grants.
 */
public final class Differ {
  private Differ() {}

  /** The ordered changes from {@code from} to {@code to}. */
  public static List<Change> diff(SchemaModel from, SchemaModel to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    List<String> schemas = added(from.schemas(), to.schemas(), s -> s, s -> "schema " + s);
    List<ExtensionModel> extensions = added(from.extensions(), to.extensions(), ExtensionModel::name, e -> "extension " + e.name());
    List<RoleModel> roles = added(from.roles(), to.roles(), RoleModel::name, r -> "role " + r.name());
    List<EnumModel> enums = added(from.enums(), to.enums(), e -> e.schema() + "." + e.name(), e -> "enum " + e.schema() + "." + e.name());
    List<DomainModel> domains = added(from.domains(), to.domains(), d -> d.schema() + "." + d.name(),
        d -> "domain " + d.schema() + "." + d.name());
    List<SequenceModel> sequences = added(from.sequences(), to.sequences(), s -> s.schema() + "." + s.name(),
        s -> "sequence " + s.schema() + "." + s.name());
    List<TableModel> tables = added(from.tables(), to.tables(), t -> t.schema() + "." + t.name(),
        t -> "table " + t.schema() + "." + t.name());
    List<ViewModel> views = added(from.views(), to.views(), v -> v.schema() + "." + v.name(), Differ::viewName);
    List<GrantModel> grants = added(from.grants(), to.grants(),
        g -> g.objectType() + " " + g.schema() + "." + g.name() + " " + g.grantee(),
        g -> "grant on " + g.objectType() + " " + (g.schema() == null ? "" : g.schema() + ".") + g.name() + " to " + g.grantee());

    List<Change> out = new ArrayList<>();
    schemas.forEach(s -> out.add(new Change.CreateSchema(s)));
    extensions.forEach(e -> out.add(new Change.CreateExtension(e)));
    Topological.sort(roles, RoleModel::name, RoleModel::memberOf).forEach(r -> out.add(new Change.CreateRole(r)));
    enums.forEach(e -> out.add(new Change.CreateEnum(e)));
    for (DomainModel d : domains) {
      out.add(new Change.CreateDomain(d));
      for (CheckModel c : d.checks()) {
        if (c.notValid()) out.add(new Change.AddDomainCheck(d.schema(), d.name(), c));
      }
    }
    sequences.forEach(s -> out.add(new Change.CreateSequence(s)));
    for (TableModel t : tables) {
      out.add(new Change.CreateTable(t));
      if (t.partitioning() != null) partitions(t, t.name(), t.partitioning(), out);
      for (CheckModel c : t.checks()) {
        if (c.notValid()) out.add(new Change.AddCheck(t.schema(), t.name(), c));
      }
    }
    for (TableModel t : tables) {
      for (ForeignKeyModel fk : t.foreignKeys()) out.add(new Change.AddForeignKey(t.schema(), t.name(), fk));
    }
    for (TableModel t : tables) {
      for (IndexModel i : t.indexes()) out.add(new Change.CreateIndex(t.schema(), t.name(), i));
    }
    for (ViewModel v : viewOrder(views)) {
      if (v.materialized()) {
        out.add(new Change.CreateMaterializedView(v));
        for (IndexModel i : v.indexes()) out.add(new Change.CreateIndex(v.schema(), v.name(), i));
      } else {
        if (!v.indexes().isEmpty()) {
          throw new IllegalArgumentException(viewName(v) + " has indexes, but only materialized views can be indexed");
        }
        out.add(new Change.CreateView(v));
      }
    }
    for (TableModel t : tables) {
      if (t.rlsEnabled() || t.rlsForced()) {
        out.add(new Change.EnableRowLevelSecurity(t.schema(), t.name(), t.rlsEnabled(), t.rlsForced()));
      }
    }
    for (TableModel t : tables) {
      for (PolicyModel p : t.policies()) out.add(new Change.CreatePolicy(t.schema(), t.name(), p));
    }
    out.addAll(Comments.of(enums, domains, sequences, tables, views));
    grants.forEach(g -> out.add(new Change.Grant(g)));
    return List.copyOf(out);
  }

  private static void partitions(TableModel root, String parent, PartitioningModel p, List<Change> out) {
    List<String> columns = TableDdl.columnNames(root);
    for (PartitioningModel.PartitionModel part : p.partitions()) {
      out.add(new Change.CreatePartition(root.schema(), parent, part, columns));
      if (part.subPartitioning() != null) partitions(root, part.name(), part.subPartitioning(), out);
    }
  }

  /** Views after the views their query names (by identifier, ignoring literals and comments). */
  private static List<ViewModel> viewOrder(List<ViewModel> views) {
    Map<ViewModel, Set<String>> mentioned = new LinkedHashMap<>();
    for (ViewModel v : views) mentioned.put(v, SqlNames.of(v.query()));
    return Topological.sort(views, v -> v.schema() + "." + v.name(),
        v -> views.stream().filter(w -> w != v && mentioned.get(v).contains(w.name()))
            .map(w -> w.schema() + "." + w.name()).collect(Collectors.toList()));
  }

  private static String viewName(ViewModel v) {
    return (v.materialized() ? "materialized view " : "view ") + v.schema() + "." + v.name();
  }

  /**
   * The items of {@code to} whose key {@code from} lacks, in {@code to}'s order; throws for an item
   * of {@code from} that {@code to} lacks or has in another form.
   */
  private static <T> List<T> added(List<T> from, List<T> to, Function<T, String> key, Function<T, String> describe) {
    Map<String, T> before = new LinkedHashMap<>();
    for (T t : from) before.put(key.apply(t), t);
    Map<String, T> after = new LinkedHashMap<>();
    for (T t : to) after.put(key.apply(t), t);
    for (Map.Entry<String, T> e : before.entrySet()) {
      T now = after.get(e.getKey());
      if (now == null) throw new UnsupportedChangeException(describe.apply(e.getValue()), "removed");
      if (!now.equals(e.getValue())) {
        throw new UnsupportedChangeException(describe.apply(e.getValue()), Differences.describe(e.getValue(), now));
      }
    }
    List<T> added = new ArrayList<>();
    for (Map.Entry<String, T> e : after.entrySet()) {
      if (!before.containsKey(e.getKey())) added.add(e.getValue());
    }
    return added;
  }

  /** COMMENT ON changes for every comment the new objects carry. */
  private static final class Comments {
    static List<Change> of(List<EnumModel> enums, List<DomainModel> domains, List<SequenceModel> sequences,
        List<TableModel> tables, List<ViewModel> views) {
      List<Change> out = new ArrayList<>();
      for (EnumModel e : enums) add(out, Change.CommentTarget.TYPE, e.schema(), e.name(), null, e.comment());
      for (DomainModel d : domains) add(out, Change.CommentTarget.DOMAIN, d.schema(), d.name(), null, d.comment());
      for (SequenceModel s : sequences) add(out, Change.CommentTarget.SEQUENCE, s.schema(), s.name(), null, s.comment());
      for (TableModel t : tables) {
        add(out, Change.CommentTarget.TABLE, t.schema(), t.name(), null, t.comment());
        for (ColumnModel c : t.columns()) add(out, Change.CommentTarget.COLUMN, t.schema(), t.name(), c.name(), c.comment());
        for (IndexModel i : t.indexes()) add(out, Change.CommentTarget.INDEX, t.schema(), i.name(), null, i.comment());
      }
      for (ViewModel v : views) {
        add(out, v.materialized() ? Change.CommentTarget.MATERIALIZED_VIEW : Change.CommentTarget.VIEW, v.schema(), v.name(),
            null, v.comment());
        for (IndexModel i : v.indexes()) add(out, Change.CommentTarget.INDEX, v.schema(), i.name(), null, i.comment());
      }
      return out;
    }

    private static void add(List<Change> out, Change.CommentTarget target, String schema, String name, String column,
        String comment) {
      if (comment != null) out.add(new Change.SetComment(target, schema, name, column, comment));
    }
  }
}
