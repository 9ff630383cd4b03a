package dev.sluice.kit.diff;

import dev.sluice.schema.model.IdentityModel;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.RoleModel;
import dev.sluice.schema.model.SequenceModel;
import dev.sluice.schema.model.SequenceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Renames, drops and ALTERs: the statements of the alter/drop half of the differ. */
final class AlterDdl {
  private AlterDdl() {}

  /** The next number a sequence would hand out, or past the column's largest value: read at migrate time. */
  private static String nextNumber(String table, String column) {
    return "  EXECUTE pg_catalog.format('SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM %s',\n"
        + "    pg_catalog.pg_get_serial_sequence(" + Sql.literal(table) + ", " + Sql.literal(column) + ")) INTO next;\n"
        + "  next := greatest(next, (SELECT coalesce(max(" + Sql.name(column) + "), 0) + 1 FROM " + table + "));\n";
  }

  private static String doBlock(String body) {
    String tag = "$sluice$";
    for (int i = 1; body.contains(tag); i++) tag = "$sluice" + i + "$";
    return "DO " + tag + "\n" + body + tag;
  }

  static String serialToIdentity(Change.SerialToIdentity c) {
    String table = Sql.qualified(c.schema(), c.table());
    String options = Sql.sequenceOptions(c.identity().options());
    String body = "DECLARE\n  next bigint;\n  seq text := pg_catalog.pg_get_serial_sequence(" + Sql.literal(table) + ", "
        + Sql.literal(c.column()) + ");\nBEGIN\n"
        + nextNumber(table, c.column())
        + "  " + alterColumn(c.schema(), c.table(), c.column()) + "DROP DEFAULT;\n"
        + "  EXECUTE pg_catalog.format('DROP SEQUENCE %s', seq);\n"
        + "  " + alterColumn(c.schema(), c.table(), c.column()) + "ADD GENERATED "
        + (c.identity().kind() == IdentityModel.Kind.ALWAYS ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY"
        + (options.isEmpty() ? "" : " (" + options + ")") + ";\n"
        + (c.continueSequence() ? "  PERFORM pg_catalog.setval(pg_catalog.pg_get_serial_sequence(" + Sql.literal(table) + ", "
            + Sql.literal(c.column()) + "), next, false);\n" : "")
        + "END\n";
    return doBlock(body);
  }

  static String identityToSerial(Change.IdentityToSerial c) {
    String table = Sql.qualified(c.schema(), c.table());
    String type = switch (c.serialType()) {
      case "bigserial" -> "bigint";
      case "smallserial" -> "smallint";
      default -> "integer";
    };
    String seq = Sql.qualified(c.schema(), c.table() + "_" + c.column() + "_seq");
    String body = "DECLARE\n  next bigint;\nBEGIN\n"
        + nextNumber(table, c.column())
        + "  " + alterColumn(c.schema(), c.table(), c.column()) + "DROP IDENTITY;\n"
        + "  CREATE SEQUENCE " + seq + " AS " + type + " OWNED BY " + table + "." + Sql.name(c.column()) + ";\n"
        + "  " + alterColumn(c.schema(), c.table(), c.column()) + "SET DEFAULT pg_catalog.nextval(" + Sql.literal(seq)
        + "::pg_catalog.regclass);\n"
        + "  PERFORM pg_catalog.setval(" + Sql.literal(seq) + ", next, false);\n"
        + "END\n";
    return doBlock(body);
  }

  static String render(Change change) {
    if (change instanceof Change.RenameSchema c) return "ALTER SCHEMA " + Sql.name(c.from()) + " RENAME TO " + Sql.name(c.to());
    if (change instanceof Change.SetSchema c) {
      return "ALTER " + c.objectType() + " " + Sql.qualified(c.schema(), c.name()) + " SET SCHEMA " + Sql.name(c.newSchema());
    }
    if (change instanceof Change.RenameTable c) return alterTable(c.schema(), c.from()) + "RENAME TO " + Sql.name(c.to());
    if (change instanceof Change.RenameColumn c) {
      return alterTable(c.schema(), c.table()) + "RENAME COLUMN " + Sql.name(c.from()) + " TO " + Sql.name(c.to());
    }
    if (change instanceof Change.RenameEnum c) return "ALTER TYPE " + Sql.qualified(c.schema(), c.from()) + " RENAME TO " + Sql.name(c.to());
    if (change instanceof Change.RenameEnumValue c) {
      return "ALTER TYPE " + Sql.qualified(c.schema(), c.enumName()) + " RENAME VALUE " + Sql.literal(c.from()) + " TO "
          + Sql.literal(c.to());
    }
    if (change instanceof Change.RenameView c) {
      return "ALTER " + (c.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + Sql.qualified(c.schema(), c.from()) + " RENAME TO "
          + Sql.name(c.to());
    }
    if (change instanceof Change.RenameConstraint c) {
      return alterTable(c.schema(), c.table()) + "RENAME CONSTRAINT " + Sql.name(c.from()) + " TO " + Sql.name(c.to());
    }
    if (change instanceof Change.RenameIndex c) return "ALTER INDEX " + Sql.qualified(c.schema(), c.from()) + " RENAME TO " + Sql.name(c.to());
    if (change instanceof Change.DropSchema c) return "DROP SCHEMA " + Sql.name(c.name());
    if (change instanceof Change.DropExtension c) return "DROP EXTENSION " + Sql.name(c.name());
    if (change instanceof Change.DropEnum c) return "DROP TYPE " + Sql.qualified(c.schema(), c.name());
    if (change instanceof Change.DropDomain c) return "DROP DOMAIN " + Sql.qualified(c.schema(), c.name());
    if (change instanceof Change.DropSequence c) return "DROP SEQUENCE " + Sql.qualified(c.schema(), c.name());
    if (change instanceof Change.DropTable c) return "DROP TABLE " + Sql.qualified(c.schema(), c.name());
    if (change instanceof Change.DropView c) {
      return "DROP " + (c.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + Sql.qualified(c.schema(), c.name());
    }
    if (change instanceof Change.DropColumn c) return alterTable(c.schema(), c.table()) + "DROP COLUMN " + Sql.name(c.column());
    if (change instanceof Change.DropConstraint c) return alterTable(c.schema(), c.table()) + "DROP CONSTRAINT " + Sql.name(c.name());
    if (change instanceof Change.DropIndex c) {
      return "DROP INDEX " + (c.concurrently() ? "CONCURRENTLY " : "") + Sql.qualified(c.schema(), c.name());
    }
    if (change instanceof Change.DropPolicy c) return "DROP POLICY " + Sql.name(c.name()) + " ON " + Sql.qualified(c.schema(), c.table());
    if (change instanceof Change.Revoke c) return AccessDdl.revoke(c.grant());
    if (change instanceof Change.AlterExtensionSchema c) {
      return "ALTER EXTENSION " + Sql.name(c.name()) + " SET SCHEMA " + Sql.name(c.schema());
    }
    if (change instanceof Change.AlterRole c) return alterRole(c.role());
    if (change instanceof Change.RoleMembership c) {
      return c.grant() ? "GRANT " + Sql.name(c.group()) + " TO " + Sql.name(c.member())
          : "REVOKE " + Sql.name(c.group()) + " FROM " + Sql.name(c.member());
    }
    if (change instanceof Change.AddEnumValue c) {
      return "ALTER TYPE " + Sql.qualified(c.schema(), c.enumName()) + " ADD VALUE " + Sql.literal(c.value())
          + (c.before() != null ? " BEFORE " + Sql.literal(c.before()) : c.after() != null ? " AFTER " + Sql.literal(c.after()) : "");
    }
    if (change instanceof Change.SetDomainDefault c) {
      return alterDomain(c.schema(), c.domain()) + (c.defaultExpr() == null ? "DROP DEFAULT"
          : "SET DEFAULT " + Sql.fragment("default of domain " + c.domain(), c.defaultExpr()));
    }
    if (change instanceof Change.SetDomainNotNull c) return alterDomain(c.schema(), c.domain()) + (c.notNull() ? "SET NOT NULL" : "DROP NOT NULL");
    if (change instanceof Change.DropDomainCheck c) return alterDomain(c.schema(), c.domain()) + "DROP CONSTRAINT " + Sql.name(c.name());
    if (change instanceof Change.ValidateDomainCheck c) {
      return alterDomain(c.schema(), c.domain()) + "VALIDATE CONSTRAINT " + Sql.name(c.name());
    }
    if (change instanceof Change.AlterSequence c) return alterSequence(c.from(), c.to());
    if (change instanceof Change.AddColumn c) return alterTable(c.schema(), c.table()) + "ADD COLUMN " + TableDdl.column(c.column());
    if (change instanceof Change.AlterColumnType c) {
      return alterColumn(c.schema(), c.table(), c.column()) + "TYPE " + Sql.fragment("type of column " + c.column(), c.toType())
          + (c.collation() == null ? "" : " COLLATE " + Sql.collation(c.collation()))
          + (c.using() == null ? "" : " USING " + c.using());
    }
    if (change instanceof Change.SetColumnNotNull c) {
      return alterColumn(c.schema(), c.table(), c.column()) + (c.notNull() ? "SET NOT NULL" : "DROP NOT NULL");
    }
    if (change instanceof Change.SetColumnDefault c) {
      return alterColumn(c.schema(), c.table(), c.column()) + (c.defaultExpr() == null ? "DROP DEFAULT"
          : "SET DEFAULT " + Sql.fragment("default of " + c.column(), c.defaultExpr()));
    }
    if (change instanceof Change.AddIdentity c) {
      String options = Sql.sequenceOptions(c.identity().options());
      return alterColumn(c.schema(), c.table(), c.column()) + "ADD GENERATED "
          + (c.identity().kind() == IdentityModel.Kind.ALWAYS ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY"
          + (options.isEmpty() ? "" : " (" + options + ")");
    }
    if (change instanceof Change.SyncIdentitySequence c) {
      String table = Sql.qualified(c.schema(), c.table());
      return "SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence(" + Sql.literal(table) + ", " + Sql.literal(c.column())
          + "), coalesce(max(" + Sql.name(c.column()) + "), 0) + 1, false) FROM " + table;
    }
    if (change instanceof Change.DropIdentity c) return alterColumn(c.schema(), c.table(), c.column()) + "DROP IDENTITY";
    if (change instanceof Change.SerialToIdentity c) return serialToIdentity(c);
    if (change instanceof Change.IdentityToSerial c) return identityToSerial(c);
    if (change instanceof Change.AlterIdentity c) return alterIdentity(c);
    if (change instanceof Change.DropColumnExpression c) return alterColumn(c.schema(), c.table(), c.column()) + "DROP EXPRESSION";
    if (change instanceof Change.AddPrimaryKey c) {
      return alterTable(c.schema(), c.table()) + "ADD CONSTRAINT " + Sql.name(c.primaryKey().name()) + " PRIMARY KEY ("
          + Sql.names(c.primaryKey().columns()) + ")";
    }
    if (change instanceof Change.AddUnique c) return alterTable(c.schema(), c.table()) + "ADD " + TableDdl.unique(c.unique());
    if (change instanceof Change.AddExclusion c) {
      return alterTable(c.schema(), c.table()) + "ADD " + TableDdl.exclusion(c.exclusion(), c.tableColumns());
    }
    if (change instanceof Change.ValidateConstraint c) return alterTable(c.schema(), c.table()) + "VALIDATE CONSTRAINT " + Sql.name(c.name());
    if (change instanceof Change.AttachPartition c) {
      return alterTable(c.schema(), c.parent()) + "ATTACH PARTITION " + Sql.qualified(c.schema(), c.partition()) + " "
          + Sql.fragment("bound of partition " + c.partition(), c.bound());
    }
    if (change instanceof Change.DetachPartition c) {
      return alterTable(c.schema(), c.parent()) + "DETACH PARTITION " + Sql.qualified(c.schema(), c.partition());
    }
    if (change instanceof Change.AlterRowLevelSecurity c) {
      List<String> parts = new ArrayList<>();
      if (c.enable() != null) parts.add(c.enable() ? "ENABLE ROW LEVEL SECURITY" : "DISABLE ROW LEVEL SECURITY");
      if (c.force() != null) parts.add(c.force() ? "FORCE ROW LEVEL SECURITY" : "NO FORCE ROW LEVEL SECURITY");
      return alterTable(c.schema(), c.table()) + String.join(", ", parts);
    }
    if (change instanceof Change.AlterPolicy c) return alterPolicy(c);
    return null;
  }

  private static String alterTable(String schema, String table) {
    return "ALTER TABLE " + Sql.qualified(schema, table) + " ";
  }

  private static String alterColumn(String schema, String table, String column) {
    return alterTable(schema, table) + "ALTER COLUMN " + Sql.name(column) + " ";
  }

  private static String alterDomain(String schema, String domain) {
    return "ALTER DOMAIN " + Sql.qualified(schema, domain) + " ";
  }

  private static String alterRole(RoleModel r) {
    return "ALTER ROLE " + Sql.name(r.name())
        + (r.login() ? " LOGIN" : " NOLOGIN")
        + (r.inherit() ? " INHERIT" : " NOINHERIT")
        + (r.bypassRls() ? " BYPASSRLS" : " NOBYPASSRLS")
        + (r.createDb() ? " CREATEDB" : " NOCREATEDB")
        + (r.createRole() ? " CREATEROLE" : " NOCREATEROLE");
  }

  private static String alterSequence(SequenceModel from, SequenceModel to) {
    StringBuilder sb = new StringBuilder("ALTER SEQUENCE ").append(Sql.qualified(to.schema(), to.name()));
    if (!from.dataType().equals(to.dataType())) sb.append(" AS ").append(Sql.fragment("type of sequence " + to.name(), to.dataType()));
    sb.append(optionChanges(from.options(), to.options(), " "));
    return sb.toString();
  }

  /**
   * The sequence clauses that turn {@code a} into {@code b}; an option returning to its default is
   * reset explicitly ({@code NO MINVALUE}, {@code CACHE 1}...). START WITH only changes the start a
   * later RESTART uses; it never moves the current value.
   */
  static String optionChanges(SequenceOptions a, SequenceOptions b, String prefix) {
    StringBuilder sb = new StringBuilder();
    boolean descending = b.increment() != null && b.increment() < 0;
    if (!Objects.equals(a.increment(), b.increment())) {
      sb.append(prefix).append("INCREMENT BY ").append(b.increment() == null ? 1 : b.increment());
    }
    if (!Objects.equals(a.minValue(), b.minValue())) {
      sb.append(prefix).append(b.minValue() == null ? "NO MINVALUE" : "MINVALUE " + b.minValue());
    }
    if (!Objects.equals(a.maxValue(), b.maxValue())) {
      sb.append(prefix).append(b.maxValue() == null ? "NO MAXVALUE" : "MAXVALUE " + b.maxValue());
    }
    if (!Objects.equals(a.start(), b.start())) {
      long start = b.start() != null ? b.start() : b.minValue() != null && !descending ? b.minValue()
          : b.maxValue() != null && descending ? b.maxValue() : descending ? -1 : 1;
      sb.append(prefix).append("START WITH ").append(start);
    }
    if (!Objects.equals(a.cache(), b.cache())) sb.append(prefix).append("CACHE ").append(b.cache() == null ? 1 : b.cache());
    if (a.cycle() != b.cycle()) sb.append(prefix).append(b.cycle() ? "CYCLE" : "NO CYCLE");
    return sb.toString();
  }

  private static String alterIdentity(Change.AlterIdentity c) {
    StringBuilder sb = new StringBuilder(alterColumn(c.schema(), c.table(), c.column()).stripTrailing());
    if (c.from().kind() != c.to().kind()) {
      sb.append(c.to().kind() == IdentityModel.Kind.ALWAYS ? " SET GENERATED ALWAYS" : " SET GENERATED BY DEFAULT");
    }
    sb.append(optionChanges(c.from().options(), c.to().options(), " SET "));
    return sb.toString();
  }

  private static String alterPolicy(Change.AlterPolicy c) {
    PolicyModel p = c.policy();
    StringBuilder sb = new StringBuilder("ALTER POLICY ").append(Sql.name(p.name())).append(" ON ")
        .append(Sql.qualified(c.schema(), c.table())).append(" TO ").append(AccessDdl.roleList(p.roles()));
    if (p.using() != null) sb.append(" USING (").append(Sql.fragment("USING of policy " + p.name(), p.using())).append(')');
    if (p.withCheck() != null) {
      sb.append(" WITH CHECK (").append(Sql.fragment("WITH CHECK of policy " + p.name(), p.withCheck())).append(')');
    }
    return sb.toString();
  }
}
