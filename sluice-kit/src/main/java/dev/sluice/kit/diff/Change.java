package dev.sluice.kit.diff;

import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.ExtensionModel;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.GrantModel;
import dev.sluice.schema.model.IdentityModel;
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
 * hierarchy is sealed so that every consumer is forced to handle every kind. Records come in four
 * groups: creates, renames, drops and alters. Three flags tell a migrator and lint what they need:
 * {@link #destructive()} (data may be lost), {@link #requiresNoTransaction()} (must run alone, in
 * autocommit) and {@link #requiresCommitAfter()} (what it creates is usable only once committed).
 */
public sealed interface Change {

  /**
   * True when the statement cannot run inside a transaction block (e.g. {@code CREATE INDEX
   * CONCURRENTLY}); a migrator must run it on its own, in autocommit mode.
   */
  default boolean requiresNoTransaction() {
    return false;
  }

  /**
   * True when the change can lose data: dropping a table, column, schema or sequence, or a column
   * type change that may not keep every value (narrowing, enum value removal). {@code push} refuses
   * these without {@code --force}; lint reports them.
   */
  default boolean destructive() {
    return false;
  }

  /**
   * True when what this change creates cannot be used until it is committed: since PostgreSQL 12
   * {@code ALTER TYPE ... ADD VALUE} runs inside a transaction, but the new label cannot be used
   * (in a default, a check, an insert) before that transaction commits. A migrator or generator
   * that keeps one transaction per migration must commit after such a change (or split the file)
   * when a later statement uses the value.
   */
  default boolean requiresCommitAfter() {
    return false;
  }

  /** The object this change acts on and what happens to it, for messages and prompts: {@code "table public.users"}. */
  String description();

  /**
   * A change of an object kind that is its own unit (functions, triggers...; see {@code ObjectKind}):
   * the record lives with its kind and renders itself, so adding a kind does not touch this file.
   */
  non-sealed interface ObjectChange extends Change {
    /** The statement, without a trailing semicolon. */
    String sql();
  }

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

  // --- renames -------------------------------------------------------------------------------------

  /** {@code ALTER SCHEMA from RENAME TO to}. */
  record RenameSchema(String from, String to) implements Change {
    @Override
    public String description() {
      return "schema " + from + ": rename to " + to;
    }
  }

  /** {@code ALTER TABLE schema.from RENAME TO to}; keeps rows, indexes, constraints and grants. */
  record RenameTable(String schema, String from, String to) implements Change {
    @Override
    public String description() {
      return "table " + schema + "." + from + ": rename to " + to;
    }
  }

  /**
   * {@code ALTER TABLE|VIEW|MATERIALIZED VIEW|TYPE schema.name SET SCHEMA newSchema}: the object moves
   * with its rows, indexes, constraints, grants and (for a table) owned sequences.
   *
   * @param objectType {@code TABLE}, {@code VIEW}, {@code MATERIALIZED VIEW} or {@code TYPE}
   */
  record SetSchema(String objectType, String schema, String name, String newSchema) implements Change {
    public SetSchema {
      if (!java.util.Set.of("TABLE", "VIEW", "MATERIALIZED VIEW", "TYPE").contains(objectType)) {
        throw new IllegalArgumentException("SET SCHEMA of a " + objectType);
      }
    }

    @Override
    public String description() {
      String what = objectType.equals("TYPE") ? "enum" : objectType.toLowerCase(java.util.Locale.ROOT);
      return what + " " + schema + "." + name + ": move to schema " + newSchema;
    }
  }

  /** {@code ALTER TABLE schema.table RENAME COLUMN from TO to}. */
  record RenameColumn(String schema, String table, String from, String to) implements Change {
    @Override
    public String description() {
      return "table " + schema + "." + table + ": rename column " + from + " to " + to;
    }
  }

  /** {@code ALTER TYPE schema.from RENAME TO to}. */
  record RenameEnum(String schema, String from, String to) implements Change {
    @Override
    public String description() {
      return "enum " + schema + "." + from + ": rename to " + to;
    }
  }

  /** {@code ALTER TYPE schema.enumName RENAME VALUE 'from' TO 'to'}; rows holding the label follow it. */
  record RenameEnumValue(String schema, String enumName, String from, String to) implements Change {
    @Override
    public String description() {
      return "enum " + schema + "." + enumName + ": rename value " + from + " to " + to;
    }
  }

  /** {@code ALTER [MATERIALIZED] VIEW schema.from RENAME TO to}. */
  record RenameView(String schema, String from, String to, boolean materialized) implements Change {
    @Override
    public String description() {
      return (materialized ? "materialized view " : "view ") + schema + "." + from + ": rename to " + to;
    }
  }

  /**
   * {@code ALTER TABLE ... RENAME CONSTRAINT from TO to}: a constraint whose definition is unchanged
   * but whose name is (typically after a table rename, as default names derive from the table).
   */
  record RenameConstraint(String schema, String table, String from, String to) implements Change {
    @Override
    public String description() {
      return "table " + schema + "." + table + ": rename constraint " + from + " to " + to;
    }
  }

  /** {@code ALTER INDEX schema.from RENAME TO to}: same definition, new name; no rebuild. */
  record RenameIndex(String schema, String from, String to) implements Change {
    @Override
    public String description() {
      return "index " + schema + "." + from + ": rename to " + to;
    }
  }

  // --- drops ---------------------------------------------------------------------------------------

  /** {@code DROP SCHEMA name} (no CASCADE: everything in it was dropped by earlier changes). */
  record DropSchema(String name) implements Change {
    @Override
    public boolean destructive() {
      return true;
    }

    @Override
    public String description() {
      return "schema " + name + ": drop";
    }
  }

  /** {@code DROP EXTENSION name}. */
  record DropExtension(String name) implements Change {
    @Override
    public String description() {
      return "extension " + name + ": drop";
    }
  }

  /** {@code DROP TYPE schema.name} of an enum nothing uses any more. */
  record DropEnum(String schema, String name) implements Change {
    @Override
    public String description() {
      return "enum " + schema + "." + name + ": drop";
    }
  }

  /** {@code DROP DOMAIN schema.name}. */
  record DropDomain(String schema, String name) implements Change {
    @Override
    public String description() {
      return "domain " + schema + "." + name + ": drop";
    }
  }

  /** {@code DROP SEQUENCE schema.name}; loses the sequence's current value. */
  record DropSequence(String schema, String name) implements Change {
    @Override
    public boolean destructive() {
      return true;
    }

    @Override
    public String description() {
      return "sequence " + schema + "." + name + ": drop";
    }
  }

  /** {@code DROP TABLE schema.name} (a table or a partition); loses its rows. */
  record DropTable(String schema, String name) implements Change {
    @Override
    public boolean destructive() {
      return true;
    }

    @Override
    public String description() {
      return "table " + schema + "." + name + ": drop (its rows are lost)";
    }
  }

  /** {@code DROP [MATERIALIZED] VIEW schema.name}; dependants are dropped before by their own changes. */
  record DropView(String schema, String name, boolean materialized) implements Change {
    @Override
    public String description() {
      return (materialized ? "materialized view " : "view ") + schema + "." + name + ": drop";
    }
  }

  /** {@code ALTER TABLE ... DROP COLUMN}; loses the column's values unless it is generated. */
  record DropColumn(String schema, String table, String column, boolean generated) implements Change {
    @Override
    public boolean destructive() {
      return !generated;
    }

    @Override
    public String description() {
      return "table " + schema + "." + table + ": drop column " + column + (generated ? " (generated)" : " (its values are lost)");
    }
  }

  /** {@code ALTER TABLE ... DROP CONSTRAINT name} (primary key, unique, check, exclusion or foreign key). */
  record DropConstraint(String schema, String table, String name, String kind) implements Change {
    @Override
    public String description() {
      return "table " + schema + "." + table + ": drop " + kind + " " + name;
    }
  }

  /** {@code DROP INDEX [CONCURRENTLY] schema.name}. */
  record DropIndex(String schema, String name, boolean concurrently) implements Change {
    @Override
    public boolean requiresNoTransaction() {
      return concurrently;
    }

    @Override
    public String description() {
      return "index " + schema + "." + name + ": drop";
    }
  }

  /** {@code DROP POLICY name ON schema.table}. */
  record DropPolicy(String schema, String table, String name) implements Change {
    @Override
    public String description() {
      return "policy " + name + " on " + schema + "." + table + ": drop";
    }
  }

  /** {@code REVOKE privileges ON kind object FROM grantee}; {@code grant.privileges()} are the revoked ones. */
  record Revoke(GrantModel grant) implements Change {
    public Revoke {
      Objects.requireNonNull(grant, "grant");
    }

    @Override
    public String description() {
      return "revoke " + grant.privileges() + " on " + grant.objectType().toLowerCase(java.util.Locale.ROOT) + " "
          + (grant.schema() == null ? "" : grant.schema() + ".") + grant.name() + " from " + grant.grantee();
    }
  }

  // --- alters --------------------------------------------------------------------------------------

  /** {@code ALTER EXTENSION name SET SCHEMA schema}. */
  record AlterExtensionSchema(String name, String schema) implements Change {
    @Override
    public String description() {
      return "extension " + name + ": move to schema " + schema;
    }
  }

  /** {@code ALTER ROLE name} with every attribute of {@code role} (memberships are separate changes). */
  record AlterRole(RoleModel role) implements Change {
    @Override
    public String description() {
      return "role " + role.name() + ": change attributes";
    }
  }

  /** {@code GRANT group TO member} ({@code grant}) or {@code REVOKE group FROM member}. */
  record RoleMembership(String member, String group, boolean grant) implements Change {
    @Override
    public String description() {
      return "role " + member + ": " + (grant ? "join " : "leave ") + group;
    }
  }

  /**
   * {@code ALTER TYPE ... ADD VALUE 'value' [BEFORE 'before' | AFTER 'after']}. See
   * {@link #requiresCommitAfter()}: the label is usable only once committed.
   */
  record AddEnumValue(String schema, String enumName, String value, String before, String after) implements Change {
    @Override
    public boolean requiresCommitAfter() {
      return true;
    }

    @Override
    public String description() {
      return "enum " + schema + "." + enumName + ": add value " + value;
    }
  }

  /** {@code ALTER DOMAIN ... SET DEFAULT expr} or {@code DROP DEFAULT} when {@code defaultExpr} is null. */
  record SetDomainDefault(String schema, String domain, String defaultExpr) implements Change {
    @Override
    public String description() {
      return "domain " + schema + "." + domain + ": " + (defaultExpr == null ? "drop default" : "set default");
    }
  }

  /** {@code ALTER DOMAIN ... SET NOT NULL} / {@code DROP NOT NULL}. */
  record SetDomainNotNull(String schema, String domain, boolean notNull) implements Change {
    @Override
    public String description() {
      return "domain " + schema + "." + domain + ": " + (notNull ? "set not null" : "drop not null");
    }
  }

  /** {@code ALTER DOMAIN ... DROP CONSTRAINT name}. */
  record DropDomainCheck(String schema, String domain, String name) implements Change {
    @Override
    public String description() {
      return "domain " + schema + "." + domain + ": drop check " + name;
    }
  }

  /** {@code ALTER DOMAIN ... VALIDATE CONSTRAINT name}. */
  record ValidateDomainCheck(String schema, String domain, String name) implements Change {
    @Override
    public String description() {
      return "domain " + schema + "." + domain + ": validate check " + name;
    }
  }

  /** {@code ALTER SEQUENCE ...} setting the type and options that differ from {@code from}. */
  /** {@code ALTER SEQUENCE schema.name OWNED BY schema.table.column} ({@code OWNED BY NONE} when {@code table} is null). */
  record SetSequenceOwner(String schema, String name, String table, String column) implements ObjectChange {
    @Override
    public String sql() {
      return "ALTER SEQUENCE " + Sql.qualified(schema, name) + " OWNED BY "
          + (table == null ? "NONE" : Sql.qualified(schema, table) + "." + Sql.name(column));
    }

    @Override
    public String description() {
      return "sequence " + schema + "." + name + ": owned by " + (table == null ? "no column" : table + "." + column);
    }
  }

  record AlterSequence(SequenceModel from, SequenceModel to) implements Change {
    @Override
    public String description() {
      return "sequence " + to.schema() + "." + to.name() + ": change options";
    }
  }

  /** {@code ALTER TABLE ... ADD COLUMN definition}. */
  record AddColumn(String schema, String table, dev.sluice.schema.model.ColumnModel column) implements Change {
    @Override
    public String description() {
      return "table " + schema + "." + table + ": add column " + column.name();
    }
  }

  /**
   * {@code ALTER TABLE ... ALTER COLUMN c TYPE type [COLLATE c] [USING c::type]}.
   *
   * @param using the USING expression, or null when PostgreSQL's assignment cast applies
   * @param lossy whether some values may not survive (narrowing, enum value removal)
   */
  record AlterColumnType(String schema, String table, String column, String fromType, String toType, String collation,
      String using, boolean lossy) implements Change {
    @Override
    public boolean destructive() {
      return lossy;
    }

    @Override
    public String description() {
      return "table " + schema + "." + table + ": change type of column " + column + " (" + fromType + " -> " + toType + ")";
    }
  }

  /** {@code ALTER TABLE ... ALTER COLUMN c SET NOT NULL} / {@code DROP NOT NULL}. */
  record SetColumnNotNull(String schema, String table, String column, boolean notNull) implements Change {
    @Override
    public String description() {
      return "table " + schema + "." + table + ": column " + column + (notNull ? " set not null" : " drop not null");
    }
  }

  /** {@code ALTER TABLE ... ALTER COLUMN c SET DEFAULT expr} or {@code DROP DEFAULT} when null. */
  record SetColumnDefault(String schema, String table, String column, String defaultExpr) implements Change {
    @Override
    public String description() {
      return "table " + schema + "." + table + ": column " + column + (defaultExpr == null ? " drop default" : " set default");
    }
  }

  /** {@code ALTER TABLE ... ALTER COLUMN c ADD GENERATED ... AS IDENTITY (options)}. */
  record AddIdentity(String schema, String table, String column, IdentityModel identity) implements Change {
    @Override
    public String description() {
      return "table " + schema + "." + table + ": column " + column + " add identity";
    }
  }

  /**
   * {@code SELECT setval(pg_get_serial_sequence(table, column), max(column) + 1, false) FROM table}:
   * after an identity is added to a column that already holds values, its new sequence would start
   * at 1 and the next insert would collide with an existing row, so the sequence moves past them.
   */
  record SyncIdentitySequence(String schema, String table, String column) implements Change {
    @Override
    public String description() {
      return "table " + schema + "." + table + ": column " + column + " identity continues after the existing values";
    }
  }

  /** {@code ALTER TABLE ... ALTER COLUMN c DROP IDENTITY}; the values stay, the sequence goes. */
  record DropIdentity(String schema, String table, String column) implements Change {
    @Override
    public String description() {
      return "table " + schema + "." + table + ": column " + column + " drop identity";
    }
  }

  /** {@code ALTER TABLE ... ALTER COLUMN c SET GENERATED ... SET option ...} for the differing parts. */
  record AlterIdentity(String schema, String table, String column, IdentityModel from, IdentityModel to) implements Change {
    @Override
    public String description() {
      return "table " + schema + "." + table + ": column " + column + " change identity";
    }
  }

  /**
   * {@code ALTER TABLE ... ALTER COLUMN c DROP EXPRESSION} (PostgreSQL 13+): a generated column
   * becomes a plain one keeping its values.
   */
  record DropColumnExpression(String schema, String table, String column) implements Change {
    @Override
    public String description() {
      return "table " + schema + "." + table + ": column " + column + " stop being generated";
    }
  }

  /** {@code ALTER TABLE ... ADD CONSTRAINT name PRIMARY KEY (...)}. */
  record AddPrimaryKey(String schema, String table, dev.sluice.schema.model.PrimaryKeyModel primaryKey) implements Change {
    @Override
    public String description() {
      return "table " + schema + "." + table + ": add primary key " + primaryKey.name();
    }
  }

  /** {@code ALTER TABLE ... ADD CONSTRAINT name UNIQUE (...)}. */
  record AddUnique(String schema, String table, dev.sluice.schema.model.UniqueModel unique) implements Change {
    @Override
    public String description() {
      return "table " + schema + "." + table + ": add unique constraint " + unique.name();
    }
  }

  /** {@code ALTER TABLE ... ADD CONSTRAINT name EXCLUDE ...}. */
  record AddExclusion(String schema, String table, dev.sluice.schema.model.ExclusionModel exclusion,
      java.util.List<String> tableColumns) implements Change {
    @Override
    public String description() {
      return "table " + schema + "." + table + ": add exclusion constraint " + exclusion.name();
    }
  }

  /** {@code ALTER TABLE ... VALIDATE CONSTRAINT name} of a check or foreign key added NOT VALID earlier. */
  record ValidateConstraint(String schema, String table, String name) implements Change {
    @Override
    public String description() {
      return "table " + schema + "." + table + ": validate constraint " + name;
    }
  }

  /** {@code ALTER TABLE parent ATTACH PARTITION schema.partition bound}. */
  record AttachPartition(String schema, String parent, String partition, String bound) implements Change {
    @Override
    public String description() {
      return "partition " + schema + "." + partition + ": attach to " + schema + "." + parent;
    }
  }

  /** {@code ALTER TABLE parent DETACH PARTITION schema.partition}; the partition stays as a plain table. */
  record DetachPartition(String schema, String parent, String partition) implements Change {
    @Override
    public String description() {
      return "partition " + schema + "." + partition + ": detach from " + schema + "." + parent;
    }
  }

  /**
   * {@code ALTER TABLE ... ENABLE|DISABLE ROW LEVEL SECURITY, FORCE|NO FORCE ROW LEVEL SECURITY};
   * a null flag is left as it is.
   */
  record AlterRowLevelSecurity(String schema, String table, Boolean enable, Boolean force) implements Change {
    public AlterRowLevelSecurity {
      if (enable == null && force == null) throw new IllegalArgumentException("nothing to change on " + table);
    }

    @Override
    public String description() {
      return "table " + schema + "." + table + ": row level security";
    }
  }

  /**
   * {@code ALTER POLICY name ON table TO roles [USING (...)] [WITH CHECK (...)]}: used when only the
   * roles or the clauses changed and no clause was removed (ALTER POLICY cannot remove one).
   */
  record AlterPolicy(String schema, String table, PolicyModel policy) implements Change {
    @Override
    public String description() {
      return "policy " + policy.name() + " on " + schema + "." + table + ": change";
    }
  }

  /**
   * A {@code serial} column becomes an identity column in place: one {@code DO} block drops the
   * default and the owned sequence, adds the identity and, when {@code continueSequence}, moves the
   * new sequence to where the old one was (or past the largest value, whichever is higher), read at
   * migrate time. Values and the next number are kept.
   */
  record SerialToIdentity(String schema, String table, String column, IdentityModel identity, boolean continueSequence)
      implements Change {
    @Override
    public String description() {
      return "table " + schema + "." + table + ": column " + column + " serial to identity (values and next number kept)";
    }
  }

  /**
   * The reverse of {@link SerialToIdentity}: the identity is dropped and an owned sequence
   * ({@code table_column_seq}, of the column's type) becomes the default, continuing where the identity was.
   *
   * @param serialType {@code serial}, {@code bigserial} or {@code smallserial}
   */
  record IdentityToSerial(String schema, String table, String column, String serialType) implements Change {
    @Override
    public String description() {
      return "table " + schema + "." + table + ": column " + column + " identity to " + serialType
          + " (values and next number kept)";
    }
  }

  // --- composite types and table options (rendered by CompositeTypeDdl and TableOptionsDdl) --------

  /** {@code CREATE TYPE schema.name AS (attribute type, ...)}. */
  record CreateCompositeType(dev.sluice.schema.model.CompositeTypeModel type) implements Change {
    public CreateCompositeType {
      Objects.requireNonNull(type, "type");
    }

    @Override
    public String description() {
      return "composite type " + type.schema() + "." + type.name();
    }
  }

  /** {@code DROP TYPE schema.name} of a composite type nothing uses any more. */
  record DropCompositeType(String schema, String name) implements Change {
    @Override
    public String description() {
      return "composite type " + schema + "." + name + ": drop";
    }
  }

  /** {@code ALTER TYPE schema.name ADD ATTRIBUTE ...}: appended last; existing values get NULL for it. */
  record AddAttribute(String schema, String typeName, dev.sluice.schema.model.CompositeTypeModel.Attribute attribute)
      implements Change {
    @Override
    public String description() {
      return "composite type " + schema + "." + typeName + ": add attribute " + attribute.name();
    }
  }

  /** {@code ALTER TYPE schema.name DROP ATTRIBUTE a}: the attribute's values in stored rows are lost. */
  record DropAttribute(String schema, String typeName, String attribute) implements Change {
    @Override
    public boolean destructive() {
      return true;
    }

    @Override
    public String description() {
      return "composite type " + schema + "." + typeName + ": drop attribute " + attribute + " (its values are lost)";
    }
  }

  /** {@code ALTER TYPE schema.name ALTER ATTRIBUTE a TYPE t [COLLATE c]}; only for types no column stores. */
  record AlterAttributeType(String schema, String typeName, dev.sluice.schema.model.CompositeTypeModel.Attribute attribute)
      implements Change {
    @Override
    public String description() {
      return "composite type " + schema + "." + typeName + ": attribute " + attribute.name() + " becomes " + attribute.type();
    }
  }

  /** {@code ALTER TABLE ... SET LOGGED | SET UNLOGGED}: rewrites the table under an exclusive lock. */
  record SetLogged(String schema, String table, boolean logged) implements Change {
    @Override
    public String description() {
      return "table " + schema + "." + table + ": set " + (logged ? "logged" : "unlogged");
    }
  }

  /** {@code ALTER TABLE ... SET (name = value, ...), RESET (name, ...)}: storage parameters. */
  record SetStorageParameters(String schema, String table, java.util.Map<String, String> set, java.util.List<String> reset)
      implements Change {
    public SetStorageParameters {
      set = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set == null ? java.util.Map.of() : set));
      reset = java.util.List.copyOf(reset == null ? java.util.List.of() : reset);
      if (set.isEmpty() && reset.isEmpty()) throw new IllegalArgumentException("no storage parameter changes on " + table);
    }

    @Override
    public String description() {
      return "table " + schema + "." + table + ": storage parameters";
    }
  }

  /** {@code ALTER TABLE ... REPLICA IDENTITY {DEFAULT | FULL | NOTHING | USING INDEX i}}. */
  record SetReplicaIdentity(String schema, String table, dev.sluice.schema.model.TableOptions.ReplicaIdentity identity,
      String index) implements Change {
    @Override
    public String description() {
      return "table " + schema + "." + table + ": replica identity " + identity.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** {@code ALTER TABLE ... CLUSTER ON index}, or {@code SET WITHOUT CLUSTER} when {@code index} is null. */
  record ClusterOn(String schema, String table, String index) implements Change {
    @Override
    public String description() {
      return "table " + schema + "." + table + (index == null ? ": no cluster index" : ": cluster on " + index);
    }
  }

  /**
   * {@code ALTER TABLE ... INHERIT parent} (the table has the parent's columns and CHECK constraints
   * by then) or {@code NO INHERIT parent} (the inherited columns stay, as the table's own).
   */
  record AlterInherit(String schema, String table, dev.sluice.schema.model.ParentTable parent, boolean inherit)
      implements Change {
    public AlterInherit {
      Objects.requireNonNull(parent, "parent");
    }

    @Override
    public String description() {
      return "table " + schema + "." + table + ": " + (inherit ? "inherit " : "no inherit ") + parent.key();
    }
  }
}
