package dev.sluice.studio;

import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Small builders for the studio's generated SQL. Identifiers come from the introspected model and are quoted
 * with {@link Identifiers}; values are always placeholders bound as untyped text and declared with the column's
 * type (the type text is PostgreSQL's own {@code format_type} output from the catalog, never user input), so the
 * type's input function reads them and no cast runs. Comparisons go through {@link Comparisons}.
 */
final class SqlParts {
  private SqlParts() {}

  static String qualified(TableModel t) {
    return Identifiers.qualify(Catalog.schemaOf(t), t.name());
  }

  static String col(String alias, String column) {
    return alias == null ? Identifiers.quote(column) : alias + "." + Identifiers.quote(column);
  }

  static String param(ColumnModel c) {
    return "CAST(? AS " + castType(c.type()) + ")";
  }

  /** The model writes serial columns as {@code serial} (a DDL shorthand, not a type); casts need the real type. */
  static String castType(String type) {
    return switch (type) {
      case "serial" -> "integer";
      case "bigserial" -> "bigint";
      case "smallserial" -> "smallint";
      default -> type;
    };
  }

  /**
   * Every column itself, no cast: read as text results ({@link StudioDb} turns binary transfer off), each value is
   * the type's output function, what psql shows. A {@code ::text} here would run a table owner's
   * {@code CREATE CAST (their_type AS text) WITH FUNCTION f} as the studio's login.
   */
  static String selectList(String alias, TableModel t) {
    List<String> parts = new ArrayList<>();
    for (ColumnModel c : t.columns()) parts.add(col(alias, c.name()));
    return String.join(", ", parts);
  }

  static List<Map<String, Object>> columnsMeta(TableModel t) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ColumnModel c : t.columns()) out.add(Map.of("name", c.name(), "type", c.type()));
    return out;
  }

  /** {@code alias.k1 OPERATOR(pg_catalog.=) CAST(? AS t1) AND ...} for a key map (primary key values by column name). */
  static String keyCondition(Comparisons cmp, String alias, TableModel t, Map<String, String> key, List<Object> binds) {
    if (t.primaryKey() == null) throw ApiException.badRequest("table " + t.name() + " has no primary key; rows cannot be addressed");
    List<String> parts = new ArrayList<>();
    for (String k : t.primaryKey().columns()) {
      if (key == null || !key.containsKey(k) || key.get(k) == null) throw ApiException.badRequest("row key is missing primary key column " + k);
      Catalog.column(t, k);
      parts.add(cmp.compare(alias, k, "="));
      binds.add(key.get(k));
    }
    return String.join(" AND ", parts);
  }

  static String likeEscape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
