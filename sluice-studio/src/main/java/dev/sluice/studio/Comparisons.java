package dev.sluice.studio;

import dev.sluice.schema.model.TableModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Comparisons on a table's columns (filters, row keys, keyset cursors) that cannot run anyone else's code.
 *
 * <p>An operator written as {@code =} is looked up by name and argument types, through the search path: a table
 * owner's {@code CREATE OPERATOR = (mytype, mytype)} or an implicit {@code CREATE CAST (mytype AS text)} would be
 * picked and run as the studio's login. So every comparison here names a {@code pg_catalog} operator whose two
 * argument types are exactly the column's (base) type, checked in the catalog first: PostgreSQL then takes that
 * exact match and looks no further. Types without such an operator (enums, composites, arrays, ranges) are
 * compared with the {@code pg_catalog} function of the polymorphic operator ({@code enum_eq}, {@code record_lt}...),
 * which has a single candidate. Values are bound untyped and declared with {@code CAST(? AS base)}, which only
 * names the placeholder's type (PostgreSQL reads the text with the type's input function, no cast runs); a domain
 * column is compared as its base type (a relabel, no function).
 */
final class Comparisons {
  static final List<String> OPERATORS = List.of("=", "<>", "<", ">", "<=", ">=");

  private record Col(String base, boolean domain, Map<String, Boolean> exact, Map<String, String> functions) {}

  private final TableModel table;
  private final Map<String, Col> cols;

  private Comparisons(TableModel table, Map<String, Col> cols) {
    this.table = table;
    this.cols = cols;
  }

  static Comparisons of(Connection c, TableModel t) throws SQLException {
    record Raw(String name, long base, String type, boolean domain, String poly) {}
    List<Raw> raws = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("""
        WITH RECURSIVE base(attname, tid, depth) AS (
          SELECT a.attname, a.atttypid, 0 FROM pg_catalog.pg_attribute a
           WHERE a.attrelid = CAST(? AS pg_catalog.regclass) AND a.attnum > 0 AND NOT a.attisdropped
          UNION ALL
          SELECT b.attname, t.typbasetype, b.depth + 1 FROM base b JOIN pg_catalog.pg_type t ON t.oid = b.tid
           WHERE t.typtype = 'd' AND b.depth < 32)
        SELECT DISTINCT ON (b.attname) b.attname, b.tid::pg_catalog.int8, pg_catalog.format_type(b.tid, NULL), b.depth > 0,
               CASE WHEN t.typtype = 'e' THEN 'anyenum' WHEN t.typcategory = 'A' THEN 'anyarray'
                    WHEN t.typtype = 'c' THEN 'record' WHEN t.typtype = 'r' THEN 'anyrange'
                    WHEN t.typtype = 'm' THEN 'anymultirange' END
          FROM base b JOIN pg_catalog.pg_type t ON t.oid = b.tid
         ORDER BY b.attname, b.depth DESC""")) {
      ps.setObject(1, SqlParts.qualified(t), java.sql.Types.OTHER);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) raws.add(new Raw(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getString(5)));
      }
    }
    // A type without pg_catalog operators of its own (varchar, a domain's base...) compares as the built-in type it
    // is binary-coercible to (varchar -> text): such casts need a superuser to create, and run no function.
    Map<Long, Long> coerced = new HashMap<>();
    Map<Long, String> coercedName = new HashMap<>();
    Long[] bases = raws.stream().map(Raw::base).distinct().toArray(Long[]::new);
    try (PreparedStatement ps = c.prepareStatement("""
        SELECT DISTINCT ON (k.castsource) k.castsource::pg_catalog.int8, k.casttarget::pg_catalog.int8,
               pg_catalog.format_type(k.casttarget, NULL)
          FROM pg_catalog.pg_cast k
         WHERE k.castmethod = 'b' AND k.castsource::pg_catalog.int8 = ANY (?) AND k.casttarget < 16384
           AND NOT EXISTS (SELECT FROM pg_catalog.pg_operator o WHERE o.oprnamespace = 'pg_catalog'::pg_catalog.regnamespace
                            AND o.oprname = '=' AND o.oprleft = k.castsource AND o.oprright = k.castsource)
           AND EXISTS (SELECT FROM pg_catalog.pg_operator o WHERE o.oprnamespace = 'pg_catalog'::pg_catalog.regnamespace
                        AND o.oprname = '=' AND o.oprleft = k.casttarget AND o.oprright = k.casttarget)
         ORDER BY k.castsource, k.casttarget <> 'pg_catalog.text'::pg_catalog.regtype, k.casttarget""")) {
      ps.setArray(1, c.createArrayOf("int8", bases));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          coerced.put(rs.getLong(1), rs.getLong(2));
          coercedName.put(rs.getLong(1), rs.getString(3));
        }
      }
    }
    Long[] compared = raws.stream().map(r -> coerced.getOrDefault(r.base(), r.base())).distinct().toArray(Long[]::new);
    Map<Long, Map<String, Boolean>> exact = new HashMap<>();
    Map<String, Map<String, String>> poly = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("""
        SELECT o.oprleft::pg_catalog.int8, pg_catalog.format_type(o.oprleft, NULL), o.oprname, p.proname
          FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_proc p ON p.oid = o.oprcode
         WHERE o.oprnamespace = 'pg_catalog'::pg_catalog.regnamespace AND p.pronamespace = 'pg_catalog'::pg_catalog.regnamespace
           AND o.oprleft = o.oprright AND o.oprname = ANY (?)
           AND (o.oprleft::pg_catalog.int8 = ANY (?)
                OR o.oprleft IN ('anyenum'::pg_catalog.regtype, 'anyarray'::pg_catalog.regtype, 'record'::pg_catalog.regtype,
                                 'anyrange'::pg_catalog.regtype, 'anymultirange'::pg_catalog.regtype))""")) {
      ps.setArray(1, c.createArrayOf("text", OPERATORS.toArray()));
      ps.setArray(2, c.createArrayOf("int8", compared));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          exact.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(3), true);
          poly.computeIfAbsent(rs.getString(2), k -> new HashMap<>()).put(rs.getString(3), rs.getString(4));
        }
      }
    }
    Map<String, Col> cols = new HashMap<>();
    for (Raw r : raws) {
      Long target = coerced.get(r.base());
      String type = target == null ? r.type() : coercedName.get(r.base());
      long typeOid = target == null ? r.base() : target;
      cols.put(r.name(), new Col(type, r.domain() || target != null, exact.getOrDefault(typeOid, Map.of()),
          r.poly() == null ? Map.of() : poly.getOrDefault(r.poly(), Map.of())));
    }
    return new Comparisons(t, cols);
  }

  private Col col(String column) {
    Col c = cols.get(column);
    if (c == null) throw ApiException.badRequest("table " + table.name() + " has no column " + column);
    return c;
  }

  /**
   * The column as the type it is compared as: a domain is relabelled to the type it is over, varchar to text
   * (binary-coercible, no function runs).
   */
  String expr(String alias, String column) {
    Col c = col(column);
    String e = SqlParts.col(alias, column);
    return c.domain() ? "CAST(" + e + " AS " + c.base() + ")" : e;
  }

  /** A placeholder for a value of the column's base type. */
  String param(String column) {
    return "CAST(? AS " + col(column).base() + ")";
  }

  boolean exact(String column, String op) {
    return col(column).exact().containsKey(op);
  }

  /** {@code alias.column <op> ?} (one placeholder), with a pg_catalog operator or function as described above. */
  String compare(String alias, String column, String op) {
    if (!OPERATORS.contains(op)) throw new IllegalArgumentException(op);
    Col c = col(column);
    if (c.exact().containsKey(op)) return expr(alias, column) + " OPERATOR(pg_catalog." + op + ") " + param(column);
    String fn = c.functions().get(op);
    if (fn == null) {
      throw ApiException.badRequest("column " + column + " of type " + c.base() + " has no built-in " + op + " comparison");
    }
    return "pg_catalog." + dev.sluice.sql.Identifiers.quote(fn) + "(" + expr(alias, column) + ", " + param(column) + ")";
  }

  /**
   * The keyset condition "after this cursor" on {@code columns} (their placeholders in order): a row comparison
   * when every column has an exact operator (so the primary key index serves it), else the expanded OR form.
   */
  String after(String alias, List<String> columns, boolean desc, List<Object> binds, List<String> values) {
    String op = desc ? "<" : ">";
    if (columns.size() == 1) {
      binds.add(values.get(0));
      return compare(alias, columns.get(0), op);
    }
    if (columns.stream().allMatch(k -> exact(k, op) && exact(k, "="))) {
      List<String> l = new ArrayList<>();
      List<String> r = new ArrayList<>();
      for (String k : columns) {
        l.add(expr(alias, k));
        r.add(param(k));
      }
      binds.addAll(values);
      return "(" + String.join(", ", l) + ") OPERATOR(pg_catalog." + op + ") (" + String.join(", ", r) + ")";
    }
    List<String> ors = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      List<String> ands = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        ands.add(compare(alias, columns.get(j), "="));
        binds.add(values.get(j));
      }
      ands.add(compare(alias, columns.get(i), op));
      binds.add(values.get(i));
      ors.add("(" + String.join(" AND ", ands) + ")");
    }
    return "(" + String.join(" OR ", ors) + ")";
  }
}
