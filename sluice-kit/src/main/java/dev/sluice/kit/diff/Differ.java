package dev.sluice.kit.diff;

import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.ViewModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares two {@link SchemaModel}s and lists the {@link Change}s that turn the first into the second.
 *
 * <p>This is the one diff behind {@code generate}, {@code push}, {@code diff} and {@code check}, and
 * (with {@link DiffOptions#reversed()}) behind down migrations: {@code diff(to, from, options.reversed())}.
 *
 * <p><b>Order.</b> Each statement only needs what came before it, and nothing is dropped while
 * something still depends on it:
 * <ol>
 *   <li>renames (schemas, tables, views, enums, columns, enum values), from {@link DiffOptions#renames()};
 *   <li>revokes; then drops of dependants first: views (reverse dependency order, including views
 *       recreated because their definition changed or because they name a recreated view or a table
 *       whose columns are dropped or retyped), policies, foreign keys, indexes, constraints,
 *       partitions (dropped or detached), columns, tables;
 *   <li>schemas, extensions, roles; enums (created, values added, or rebuilt), domains, sequences;
 *   <li>new tables with their partitions; column additions and alterations; primary key, unique,
 *       check and exclusion constraints and attached partitions; foreign keys (after every table, so
 *       cycles work); indexes; views and materialized views (with their indexes) in dependency order;
 *       row level security; policies; comments; grants; default privileges (after the grants, as
 *       pg_dump places them, so they shape only objects created later);
 *   <li>last, the drops of what the new definitions no longer use: sequences, domains, enums,
 *       extensions, schemas; then the comments on schemas, constraints (of tables and domains) and
 *       policies. Those comments are not part of what they annotate: a changed comment is only a
 *       {@code COMMENT ON}, and a constraint or policy re-created for another reason gets its
 *       comment again.
 * </ol>
 *
 * <p>Extensions: {@code CREATE EXTENSION IF NOT EXISTS name SCHEMA s VERSION v} comes before
 * every type, function and table (so extension types and functions can be used by them); a
 * changed version is {@code ALTER EXTENSION name UPDATE TO v}, a changed schema
 * {@code ALTER EXTENSION name SET SCHEMA s}. An extension without a version in the target model
 * keeps whichever version it has.
 *
 * <p>Functions, procedures and triggers are {@link ObjectKind} units placed into these phases by
 * {@link DependencyGraph}: trigger drops first, function drops after the columns (before the tables
 * when a dropped table's row type needs them, else after), function creates after the types (after
 * the tables or views whose row type they use), triggers after the policies.
 *
 * <p><b>Rules worth knowing.</b>
 * <ul>
 *   <li>Roles are never dropped: they are shared by every database of the cluster, and a role
 *       missing from the model may own objects elsewhere. A role removed from the model produces
 *       no change. Attribute changes become {@code ALTER ROLE}, membership changes GRANT/REVOKE.
 *   <li>A drop and a create of compatible shape (table, column of the same type, enum label) with
 *       no rename hint throw {@link AmbiguousRenameException}, unless
 *       {@link DiffOptions#allowDropAndCreate()}.
 *   <li>Changed constraints, indexes and policies that ALTER cannot express are dropped and added
 *       again; one whose only change is its name (default names follow a renamed table) is renamed
 *       in place. An index's {@code concurrently} flag is a build hint, not part of its definition.
 *   <li>A changed generated expression drops and re-adds the column (PostgreSQL before 17 cannot
 *       alter the expression; the values are derived, so nothing is lost). A generated column
 *       becoming plain keeps its values ({@code DROP EXPRESSION}, PostgreSQL 13+).
 *   <li>Enum values are added in place ({@code ADD VALUE ... BEFORE/AFTER}; see
 *       {@link Change#requiresCommitAfter()}); removing or reordering values rebuilds the type and
 *       converts every column through text.
 *   <li>A table moving to another schema has no hint kind yet: it is a (destructive) drop and create.
 *   <li>Adding an identity to a populated column moves its new sequence past the existing values.
 *   <li>Column order is not compared: PostgreSQL cannot reorder columns, and queries name them.
 *   <li>A partition detached to a standalone table, or a table attached as a partition, keeps the
 *       constraints and indexes it had; differences on it show in the next diff.
 *   <li>serial to identity (and back) converts in place in one {@code DO} block: values kept, the
 *       numbering continues where the old sequence (or the largest value) was, read at migrate time.
 *   <li>Anything else PostgreSQL cannot alter in place (re-partitioning, a domain's base type,
 *       serial to a plain integer) throws {@link UnsupportedChangeException} naming it.
 * </ul>
 */
public final class Differ {
  private Differ() {}

  /** The ordered changes from {@code from} to {@code to}, with no rename hints. */
  public static List<Change> diff(SchemaModel from, SchemaModel to) {
    return diff(from, to, DiffOptions.NONE);
  }

  /** The ordered changes from {@code from} to {@code to}, applying {@code options}' rename hints first. */
  public static List<Change> diff(SchemaModel from, SchemaModel to, DiffOptions options) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(options, "options");
    Externals.Pair own = Externals.strip(from, to);
    Renames.Result renamed = Renames.apply(own.from(), own.to(), options.renames());
    List<Change> plan = new SchemaDiff(MemberComments.strip(ExtensionMoves.apply(renamed.from(), own.to())),
        MemberComments.strip(own.to()), options, renamed.changes()).run();
    List<Change> comments = MemberComments.changes(renamed.from(), own.to(), plan);
    if (comments.isEmpty()) return plan;
    List<Change> out = new java.util.ArrayList<>(plan);
    out.addAll(comments);
    return List.copyOf(out);
  }

  /** Views after the views their query names (by identifier, ignoring literals and comments). */
  static List<ViewModel> viewOrder(List<ViewModel> views) {
    Map<ViewModel, Set<String>> mentioned = new LinkedHashMap<>();
    for (ViewModel v : views) mentioned.put(v, SqlNames.of(v.query()));
    return new java.util.ArrayList<>(Topological.sort(views, v -> v.schema() + "." + v.name(),
        v -> views.stream().filter(w -> w != v && mentioned.get(v).contains(w.name()))
            .map(w -> w.schema() + "." + w.name()).collect(Collectors.toList())));
  }
}
