package dev.sluice.kit.diff;

import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.ExtensionModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.GrantModel;
import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PartitioningModel.PartitionModel;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.RoleModel;
import dev.sluice.schema.model.SequenceModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.schema.model.ViewModel;
import dev.sluice.sql.Identifiers;
import java.util.Objects;

/**
 * One typed step of a schema migration, as produced by {@link Differ} and turned into SQL by
 * {@link DdlRenderer}.
 *
 * <p>Changes are data, not SQL, so that lint rules, the migrator and {@code check} can reason about
 * what a migration does (is it destructive? can it run in a transaction?) without parsing SQL. The
 * hierarchy is sealed so that every consumer is forced to handle every kind; the alter/drop half of
 * the differ adds its records here, next to the creates.
 */
public sealed interface Change {

  /**
   * True when the statement cannot run inside a transaction block (e.g. {@code CREATE INDEX
   * CONCURRENTLY}); a migrator must run it on its own, in autocommit mode.
   */
  default boolean requiresNoTransaction() {
    return false;
  }

  /** The object this change acts on, for messages: {@code "table public.users"}. */
  String description();

  /** {@code CREATE SCHEMA name}. */
  record CreateSchema(String name) implements Change {
    public CreateSchema {
      Identifiers.check(name);
    }

    @Override
    public String description() {
      return "schema " + name;
    }
  }

  /** {@code CREATE EXTENSION IF NOT EXISTS name [SCHEMA s]}. */
  record CreateExtension(ExtensionModel extension) implements Change {
    public CreateExtension {
      Objects.requireNonNull(extension, "extension");
    }

    @Override
    public String description() {
      return "extension " + extension.name();
    }
  }

  /** Creates a role unless the cluster already has it (roles are shared by all databases). */
  record CreateRole(RoleModel role) implements Change {
    public CreateRole {
      Objects.requireNonNull(role, "role");
    }

    @Override
    public String description() {
      return "role " + role.name();
    }
  }

  /** {@code CREATE TYPE ... AS ENUM (...)}. */
  record CreateEnum(EnumModel enumType) implements Change {
    public CreateEnum {
      Objects.requireNonNull(enumType, "enumType");
    }

    @Override
    public String description() {
      return "enum " + enumType.schema() + "." + enumType.name();
    }
  }

  /**
   * {@code CREATE DOMAIN}, with its valid checks inline; NOT VALID checks follow as
   * {@link AddDomainCheck} because CREATE DOMAIN cannot express them.
   */
  record CreateDomain(DomainModel domain) implements Change {
    public CreateDomain {
      Objects.requireNonNull(domain, "domain");
    }

    @Override
    public String description() {
      return "domain " + domain.schema() + "." + domain.name();
    }
  }

  /** {@code ALTER DOMAIN ... ADD CONSTRAINT ... CHECK (...) [NOT VALID]}. */
  record AddDomainCheck(String schema, String domain, CheckModel check) implements Change {
    public AddDomainCheck {
      Objects.requireNonNull(check, "check");
    }

    @Override
    public String description() {
      return "domain " + schema + "." + domain + ": check " + check.name();
    }
  }

  /** {@code CREATE SEQUENCE ... AS type ...}. */
  record CreateSequence(SequenceModel sequence) implements Change {
    public CreateSequence {
      Objects.requireNonNull(sequence, "sequence");
    }

    @Override
    public String description() {
      return "sequence " + sequence.schema() + "." + sequence.name();
    }
  }

  /**
   * {@code CREATE TABLE} with its columns, primary key, unique, valid check and exclusion
   * constraints inline, and its {@code PARTITION BY} clause. Foreign keys, indexes, partitions,
   * NOT VALID checks, RLS, policies and comments are separate changes, ordered by {@link Differ}.
   */
  record CreateTable(TableModel table) implements Change {
    public CreateTable {
      Objects.requireNonNull(table, "table");
    }

    @Override
    public String description() {
      return "table " + table.schema() + "." + table.name();
    }
  }

  /**
   * {@code CREATE TABLE partition PARTITION OF parent bound [PARTITION BY ...]}, in the parent's schema.
   *
   * @param parentColumns column names of the root table, used to tell plain column partition keys
   *     (quoted) from expressions (verbatim) in a sub-partitioning clause
   */
  record CreatePartition(String schema, String parent, PartitionModel partition,
      java.util.List<String> parentColumns) implements Change {
    public CreatePartition {
      Objects.requireNonNull(partition, "partition");
      parentColumns = parentColumns == null ? java.util.List.of() : java.util.List.copyOf(parentColumns);
    }

    @Override
    public String description() {
      return "partition " + schema + "." + partition.name() + " of " + schema + "." + parent;
    }
  }

  /**
   * {@code ALTER TABLE ... ADD CONSTRAINT ... CHECK (...) NOT VALID}: CREATE TABLE would silently
   * validate an inline NOT VALID check, so unvalidated checks are added after the table.
   */
  record AddCheck(String schema, String table, CheckModel check) implements Change {
    public AddCheck {
      Objects.requireNonNull(check, "check");
    }

    @Override
    public String description() {
      return "table " + schema + "." + table + ": check " + check.name();
    }
  }

  /** {@code ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY}; added after all tables so cycles work. */
  record AddForeignKey(String schema, String table, ForeignKeyModel foreignKey) implements Change {
    public AddForeignKey {
      Objects.requireNonNull(foreignKey, "foreignKey");
    }

    @Override
    public String description() {
      return "table " + schema + "." + table + ": foreign key " + foreignKey.name();
    }
  }

  /** {@code CREATE INDEX} on a table or materialized view {@code schema.table}. */
  record CreateIndex(String schema, String table, IndexModel index) implements Change {
    public CreateIndex {
      Objects.requireNonNull(index, "index");
    }

    /** CONCURRENTLY builds cannot run in a transaction block. */
    @Override
    public boolean requiresNoTransaction() {
      return index.concurrently();
    }

    @Override
    public String description() {
      return "index " + schema + "." + index.name() + " on " + schema + "." + table;
    }
  }

  /** {@code CREATE VIEW}. */
  record CreateView(ViewModel view) implements Change {
    public CreateView {
      Objects.requireNonNull(view, "view");
      if (view.materialized()) {
        throw new IllegalArgumentException("view " + view.name() + " is materialized: use CreateMaterializedView");
      }
    }

    @Override
    public String description() {
      return "view " + view.schema() + "." + view.name();
    }
  }

  /**
   * {@code CREATE MATERIALIZED VIEW ... WITH [NO] DATA}; its indexes follow as {@link CreateIndex}
   * changes.
   */
  record CreateMaterializedView(ViewModel view) implements Change {
    public CreateMaterializedView {
      Objects.requireNonNull(view, "view");
      if (!view.materialized()) {
        throw new IllegalArgumentException("view " + view.name() + " is not materialized: use CreateView");
      }
    }

    @Override
    public String description() {
      return "materialized view " + view.schema() + "." + view.name();
    }
  }

  /** {@code ALTER TABLE ... [ENABLE ROW LEVEL SECURITY] [, FORCE ROW LEVEL SECURITY]}. */
  record EnableRowLevelSecurity(String schema, String table, boolean enable, boolean force) implements Change {
    public EnableRowLevelSecurity {
      if (!enable && !force) throw new IllegalArgumentException("nothing to enable on " + table);
    }

    @Override
    public String description() {
      return "table " + schema + "." + table + ": row level security";
    }
  }

  /** {@code CREATE POLICY ... ON schema.table}. */
  record CreatePolicy(String schema, String table, PolicyModel policy) implements Change {
    public CreatePolicy {
      Objects.requireNonNull(policy, "policy");
    }

    @Override
    public String description() {
      return "policy " + policy.name() + " on " + schema + "." + table;
    }
  }

  /**
   * {@code COMMENT ON kind object IS 'text'} (or {@code IS NULL} when {@code comment} is null).
   *
   * @param name the object's name; for {@link CommentTarget#COLUMN} the table's name
   * @param column the column's name for {@link CommentTarget#COLUMN}, else null
   */
  record SetComment(CommentTarget target, String schema, String name, String column, String comment)
      implements Change {
    public SetComment {
      Objects.requireNonNull(target, "target");
      if ((target == CommentTarget.COLUMN) != (column != null)) {
        throw new IllegalArgumentException("a column name is required for, and only for, COMMENT ON COLUMN");
      }
    }

    @Override
    public String description() {
      return target.sql().toLowerCase(java.util.Locale.ROOT) + " " + schema + "." + name
          + (column == null ? "" : "." + column) + ": comment";
    }
  }

  /** The kinds of object {@link SetComment} can annotate. */
  enum CommentTarget {
    TABLE("TABLE"), COLUMN("COLUMN"), VIEW("VIEW"), MATERIALIZED_VIEW("MATERIALIZED VIEW"), TYPE("TYPE"),
    DOMAIN("DOMAIN"), INDEX("INDEX"), SEQUENCE("SEQUENCE");

    private final String sql;

    CommentTarget(String sql) {
      this.sql = sql;
    }

    /** The SQL keywords after {@code COMMENT ON}. */
    public String sql() {
      return sql;
    }
  }

  /** {@code GRANT privileges ON kind object TO grantee}. */
  record Grant(GrantModel grant) implements Change {
    public Grant {
      Objects.requireNonNull(grant, "grant");
    }

    @Override
    public String description() {
      return "grant on " + grant.objectType().toLowerCase(java.util.Locale.ROOT) + " "
          + (grant.schema() == null ? "" : grant.schema() + ".") + grant.name() + " to " + grant.grantee();
    }
  }
}
