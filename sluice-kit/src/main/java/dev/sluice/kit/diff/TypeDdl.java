package dev.sluice.kit.diff;

import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.DomainModel;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.ExtensionModel;
import dev.sluice.schema.model.SequenceModel;
import java.util.stream.Collectors;

/** Schemas, extensions, enums, domains, sequences and comments. */
final class TypeDdl {
  private TypeDdl() {}

  static String createSchema(String name) {
    return "CREATE SCHEMA " + Sql.name(name);
  }

  /** IF NOT EXISTS: an extension may already be installed by the server's template or an admin. */
  static String createExtension(ExtensionModel e) {
    return "CREATE EXTENSION IF NOT EXISTS " + Sql.name(e.name()) + (e.schema() == null ? "" : " SCHEMA " + Sql.name(e.schema()))
        + (e.version() == null ? "" : " VERSION " + Sql.literal(e.version()));
  }

  static String createEnum(EnumModel e) {
    return "CREATE TYPE " + Sql.qualified(e.schema(), e.name()) + " AS ENUM ("
        + e.values().stream().map(Sql::literal).collect(Collectors.joining(", ")) + ")";
  }

  static String createDomain(DomainModel d) {
    StringBuilder sb = new StringBuilder("CREATE DOMAIN ").append(Sql.qualified(d.schema(), d.name()))
        .append(" AS ").append(Sql.fragment("base type of domain " + d.name(), d.baseType()));
    if (d.collation() != null) sb.append(" COLLATE ").append(Sql.collation(d.collation()));
    if (d.defaultExpr() != null) sb.append(" DEFAULT ").append(Sql.fragment("default of domain " + d.name(), d.defaultExpr()));
    if (d.notNull()) sb.append(" NOT NULL");
    for (CheckModel c : d.checks()) {
      if (!c.notValid()) sb.append(' ').append(TableDdl.check(c));
    }
    return sb.toString();
  }

  static String addDomainCheck(Change.AddDomainCheck c) {
    return "ALTER DOMAIN " + Sql.qualified(c.schema(), c.domain()) + " ADD " + TableDdl.check(c.check());
  }

  static String createSequence(SequenceModel s) {
    String options = Sql.sequenceOptions(s.options());
    return "CREATE SEQUENCE " + Sql.qualified(s.schema(), s.name()) + " AS " + Sql.fragment("type of sequence " + s.name(), s.dataType())
        + (options.isEmpty() ? "" : " " + options);
  }

  static String comment(Change.SetComment c) {
    String object = c.column() == null
        ? Sql.qualified(c.schema(), c.name())
        : Sql.qualified(c.schema(), c.name()) + "." + Sql.name(c.column());
    return "COMMENT ON " + c.target().sql() + " " + object + " IS " + (c.comment() == null ? "NULL" : Sql.literal(c.comment()));
  }
}
