package dev.sluice.kit.diff;

import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.ExclusionModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.schema.model.UniqueModel;
import dev.sluice.sql.Identifiers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Comments on constraints (of tables and domains), policies and schemas. They are not part of the
 * definition of what they annotate: {@link Differ} compares the models without them (so a changed
 * comment never re-creates a constraint or policy) and then sets each comment that differs, or that
 * a re-created object lost, with {@code COMMENT ON}, after everything else.
 */
final class MemberComments {
  private MemberComments() {}

  /** The model without comments on constraints, domain checks and policies. */
  static SchemaModel strip(SchemaModel m) {
    List<TableModel> tables = new ArrayList<>();
    for (TableModel t : m.tables()) {
      tables.add(t.withConstraints(t.primaryKey() == null ? null : t.primaryKey().withComment(null),
          t.foreignKeys().stream().map(f -> f.withComment(null)).toList(),
          t.uniques().stream().map(u -> u.withComment(null)).toList(),
          t.checks().stream().map(c -> c.withComment(null)).toList(),
          t.exclusions().stream().map(x -> x.withComment(null)).toList(),
          t.policies().stream().map(p -> p.withComment(null)).toList()));
    }
    List<DomainModel> domains = m.domains().stream()
        .map(d -> d.withChecks(d.checks().stream().map(c -> c.withComment(null)).toList())).toList();
    return m.withDomainsAndTables(domains, tables);
  }

  /**
   * The comment changes from {@code a} to {@code b}, given the {@code plan} computed without them:
   * what the plan creates (a new table's constraints, a constraint or policy added again) has no
   * comment yet; a constraint the plan renames keeps its comment.
   */
  static List<Change> changes(SchemaModel a, SchemaModel b, List<Change> plan) {
    Set<String> fresh = new HashSet<>();
    Map<String, String> renamedFrom = new HashMap<>();
    for (Change c : plan) {
      if (c instanceof Change.CreateTable x) fresh.add(key(x.table().schema(), x.table().name()));
      else if (c instanceof Change.AddPrimaryKey x) fresh.add(key(x.schema(), x.table(), x.primaryKey().name()));
      else if (c instanceof Change.AddUnique x) fresh.add(key(x.schema(), x.table(), x.unique().name()));
      else if (c instanceof Change.AddCheck x) fresh.add(key(x.schema(), x.table(), x.check().name()));
      else if (c instanceof Change.AddForeignKey x) fresh.add(key(x.schema(), x.table(), x.foreignKey().name()));
      else if (c instanceof Change.AddExclusion x) fresh.add(key(x.schema(), x.table(), x.exclusion().name()));
      else if (c instanceof Change.CreatePolicy x) fresh.add("policy " + key(x.schema(), x.table(), x.policy().name()));
      else if (c instanceof Change.CreateDomain x) fresh.add("domain " + key(x.domain().schema(), x.domain().name()));
      else if (c instanceof Change.AddDomainCheck x) fresh.add("domain " + key(x.schema(), x.domain(), x.check().name()));
      else if (c instanceof Change.RenameConstraint x) renamedFrom.put(key(x.schema(), x.table(), x.to()), x.from());
    }
    List<Change> out = new ArrayList<>();
    for (String s : b.schemas()) {
      String before = a.schemas().contains(s) ? a.schemaComments().get(s) : null;
      String after = b.schemaComments().get(s);
      if (!Objects.equals(before, after)) out.add(new CommentOn(Target.SCHEMA, null, null, s, after));
    }
    // public exists on both sides; a model without its comment means PostgreSQL's own
    String publicBefore = a.schemaComments().getOrDefault("public", SchemaModel.PUBLIC_SCHEMA_COMMENT);
    String publicAfter = b.schemaComments().getOrDefault("public", SchemaModel.PUBLIC_SCHEMA_COMMENT);
    if (!publicBefore.equals(publicAfter)) {
      out.add(new CommentOn(Target.SCHEMA, null, null, "public", publicAfter.isEmpty() ? null : publicAfter));
    }
    Map<String, TableModel> tablesBefore = SchemaDiff.byKey(a.tables(), t -> key(t.schema(), t.name()));
    for (TableModel t : b.tables()) {
      TableModel old = fresh.contains(key(t.schema(), t.name())) ? null : tablesBefore.get(key(t.schema(), t.name()));
      Map<String, String> oldComments = old == null ? Map.of() : constraintComments(old);
      for (Map.Entry<String, String> e : constraintComments(t).entrySet()) {
        String k = key(t.schema(), t.name(), e.getKey());
        String before = fresh.contains(k) ? null : oldComments.get(renamedFrom.getOrDefault(k, e.getKey()));
        if (!Objects.equals(before, e.getValue())) {
          out.add(new CommentOn(Target.CONSTRAINT, t.schema(), t.name(), e.getKey(), e.getValue()));
        }
      }
      Map<String, PolicyModel> oldPolicies = old == null ? Map.of() : SchemaDiff.byKey(old.policies(), PolicyModel::name);
      for (PolicyModel p : t.policies()) {
        PolicyModel o = fresh.contains("policy " + key(t.schema(), t.name(), p.name())) ? null : oldPolicies.get(p.name());
        String before = o == null ? null : o.comment();
        if (!Objects.equals(before, p.comment())) out.add(new CommentOn(Target.POLICY, t.schema(), t.name(), p.name(), p.comment()));
      }
    }
    Map<String, DomainModel> domainsBefore = SchemaDiff.byKey(a.domains(), d -> key(d.schema(), d.name()));
    for (DomainModel d : b.domains()) {
      DomainModel old = fresh.contains("domain " + key(d.schema(), d.name())) ? null : domainsBefore.get(key(d.schema(), d.name()));
      Map<String, CheckModel> oldChecks = old == null ? Map.of() : SchemaDiff.byKey(old.checks(), CheckModel::name);
      for (CheckModel c : d.checks()) {
        CheckModel o = fresh.contains("domain " + key(d.schema(), d.name(), c.name())) ? null : oldChecks.get(c.name());
        String before = o == null ? null : o.comment();
        if (!Objects.equals(before, c.comment())) out.add(new CommentOn(Target.DOMAIN_CONSTRAINT, d.schema(), d.name(), c.name(), c.comment()));
      }
    }
    return out;
  }

  /** Every constraint of {@code t} by name, with its comment (null when it has none). */
  private static Map<String, String> constraintComments(TableModel t) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (t.primaryKey() != null) out.put(t.primaryKey().name(), t.primaryKey().comment());
    for (UniqueModel u : t.uniques()) out.put(u.name(), u.comment());
    for (CheckModel c : t.checks()) out.put(c.name(), c.comment());
    for (ForeignKeyModel f : t.foreignKeys()) out.put(f.name(), f.comment());
    for (ExclusionModel x : t.exclusions()) out.put(x.name(), x.comment());
    return out;
  }

  private static String key(String... parts) {
    return String.join(".", parts);
  }

  /** What {@link CommentOn} annotates. */
  enum Target { SCHEMA, CONSTRAINT, DOMAIN_CONSTRAINT, POLICY }

  /**
   * {@code COMMENT ON SCHEMA name}, {@code COMMENT ON CONSTRAINT name ON [DOMAIN] schema.relation}
   * or {@code COMMENT ON POLICY name ON schema.relation}, {@code IS 'text'} ({@code IS NULL} when
   * {@code comment} is null).
   *
   * @param relation the table or domain of a constraint or policy; null for a schema
   */
  record CommentOn(Target target, String schema, String relation, String name, String comment) implements Change.ObjectChange {
    CommentOn {
      Objects.requireNonNull(target, "target");
      Identifiers.check(name);
      if ((target == Target.SCHEMA) != (relation == null)) {
        throw new IllegalArgumentException("a relation is required for, and only for, comments on constraints and policies");
      }
    }

    @Override
    public String sql() {
      String text = comment == null ? "NULL" : Sql.literal(comment);
      return switch (target) {
        case SCHEMA -> "COMMENT ON SCHEMA " + Sql.name(name) + " IS " + text;
        case CONSTRAINT -> "COMMENT ON CONSTRAINT " + Sql.name(name) + " ON " + Sql.qualified(schema, relation) + " IS " + text;
        case DOMAIN_CONSTRAINT -> "COMMENT ON CONSTRAINT " + Sql.name(name) + " ON DOMAIN " + Sql.qualified(schema, relation)
            + " IS " + text;
        case POLICY -> "COMMENT ON POLICY " + Sql.name(name) + " ON " + Sql.qualified(schema, relation) + " IS " + text;
      };
    }

    @Override
    public String description() {
      return switch (target) {
        case SCHEMA -> "schema " + name + ": comment";
        case CONSTRAINT -> "table " + schema + "." + relation + ": constraint " + name + " comment";
        case DOMAIN_CONSTRAINT -> "domain " + schema + "." + relation + ": constraint " + name + " comment";
        case POLICY -> "policy " + name + " on " + schema + "." + relation + ": comment";
      };
    }
  }
}
