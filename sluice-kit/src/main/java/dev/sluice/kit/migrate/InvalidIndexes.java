package dev.sluice.kit.migrate;

import dev.sluice.kit.sql.SqlScript;
import dev.sluice.kit.sql.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * INVALID indexes ({@code pg_index.indisvalid = false}): what a {@code CREATE INDEX CONCURRENTLY} (or
 * {@code REINDEX CONCURRENTLY}) that failed or whose session died leaves behind. PostgreSQL keeps
 * maintaining such an index on writes but never uses it for reads, and {@code CREATE INDEX ... IF NOT
 * EXISTS} with its name silently succeeds, so a migrator must look at them explicitly.
 *
 * <p>Indexes of partitioned tables ({@code relkind 'I'}) are left out: {@code CREATE INDEX ON ONLY}
 * a partitioned table makes one invalid on purpose until every partition's index is attached.
 */
final class InvalidIndexes {
  private InvalidIndexes() {}

  /** An INVALID index. */
  record Index(long oid, String schema, String name, String table) {
    String qualifiedName() {
      return ident(schema) + "." + ident(name);
    }

    /** The statement that removes it (without blocking writers). */
    String fix() {
      return "DROP INDEX CONCURRENTLY " + qualifiedName() + ";";
    }

    String describe() {
      return "INVALID index " + qualifiedName() + " on " + ident(schema) + "." + ident(table) + "; fix: " + fix();
    }
  }

  /**
   * The index a {@code CREATE [UNIQUE] INDEX} statement names ({@code name} folded like PostgreSQL
   * does: lower case unless quoted), the table as written (for {@code to_regclass}), and its options.
   */
  record Target(String name, String tableText, boolean concurrently, boolean ifNotExists, int line, String statement) {}

  private static final String INVALID = "select i.indexrelid::bigint, n.nspname, c.relname, t.relname from pg_index i"
      + " join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace"
      + " join pg_class t on t.oid = i.indrelid"
      + " where not i.indisvalid and c.relkind = 'i' and n.nspname <> 'information_schema'"
      + " and n.nspname not like 'pg\\_%'";

  /** Every INVALID index of the database (outside the system schemas), by oid. */
  static Map<Long, Index> all(Connection c) throws SQLException {
    Map<Long, Index> out = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(INVALID + " order by n.nspname, c.relname");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.put(rs.getLong(1), new Index(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }
    return out;
  }

  /** The INVALID index named {@code target.name()} in the schema of its table, or null. */
  static Index named(Connection c, Target target) throws SQLException {
    if (target.name() == null) return null;
    try (PreparedStatement ps = c.prepareStatement(INVALID + " and c.relname = ?"
        + " and c.relnamespace = (select relnamespace from pg_class where oid = to_regclass(?))")) {
      ps.setString(1, target.name());
      ps.setString(2, target.tableText());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Index(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)) : null;
      }
    } catch (SQLException e) {
      // a table name to_regclass cannot parse: the statement itself will fail and say why
      if ("42601".equals(e.getSQLState()) || "42602".equals(e.getSQLState())) return null;
      throw e;
    }
  }

  /**
   * The INVALID indexes after a migration: those its {@code CREATE INDEX} statements name, plus every
   * INVALID index that was not there {@code before} it ran (e.g. from {@code REINDEX CONCURRENTLY}, or
   * an index without a name).
   */
  static List<Index> leftBy(Connection c, Migration m, Map<Long, Index> before) throws SQLException {
    Map<Long, Index> found = new LinkedHashMap<>();
    for (Target t : targets(m.upStatements())) {
      Index i = named(c, t);
      if (i != null) found.put(i.oid(), i);
    }
    for (Index i : all(c).values()) if (!before.containsKey(i.oid())) found.putIfAbsent(i.oid(), i);
    return List.copyOf(found.values());
  }

  /**
   * The INVALID indexes that a {@code CREATE INDEX ... IF NOT EXISTS} of {@code m} would silently
   * accept (an index of that name exists and is INVALID, and no earlier statement of {@code m} drops it).
   */
  static List<String> wouldBeAccepted(Connection c, Migration m) throws SQLException {
    List<String> problems = new ArrayList<>();
    Set<String> dropped = new HashSet<>();
    for (SqlStatement s : m.upStatements()) {
      dropped.addAll(droppedIndexNames(s.text()));
      Target t = target(s);
      if (t == null || !t.ifNotExists() || t.name() == null || dropped.contains(t.name())) continue;
      Index i = named(c, t);
      if (i != null) {
        problems.add(m.fileName() + " line " + s.line() + ": CREATE INDEX ... IF NOT EXISTS " + ident(t.name())
            + " would accept the existing " + i.describe() + " (then run the migration again)");
      }
    }
    return problems;
  }

  static List<Target> targets(List<SqlStatement> statements) {
    List<Target> out = new ArrayList<>();
    for (SqlStatement s : statements) {
      Target t = target(s);
      if (t != null) out.add(t);
    }
    return out;
  }

  /** The target of a {@code CREATE [UNIQUE] INDEX} statement, or null for any other statement. */
  static Target target(SqlStatement s) {
    List<String> tok = tokens(SqlScript.stripComments(s.text()), 16);
    int i = 0;
    if (!is(tok, i++, "CREATE")) return null;
    if (is(tok, i, "UNIQUE")) i++;
    if (!is(tok, i++, "INDEX")) return null;
    boolean concurrently = is(tok, i, "CONCURRENTLY");
    if (concurrently) i++;
    boolean ifNotExists = is(tok, i, "IF") && is(tok, i + 1, "NOT") && is(tok, i + 2, "EXISTS");
    if (ifNotExists) i += 3;
    String name = null;
    if (!is(tok, i, "ON")) {
      if (i >= tok.size()) return null;
      name = fold(tok.get(i++));
    }
    if (!is(tok, i++, "ON")) return null;
    if (is(tok, i, "ONLY")) return null; // an index of a partitioned parent alone: INVALID on purpose
    StringBuilder table = new StringBuilder();
    while (i < tok.size()) {
      table.append(tok.get(i++));
      if (i < tok.size() && tok.get(i).equals(".")) table.append(tok.get(i++));
      else break;
    }
    return new Target(name, table.toString(), concurrently, ifNotExists, s.line(), s.text());
  }

  /** Index names (folded, without schema) a {@code DROP INDEX} statement drops. */
  static List<String> droppedIndexNames(String sql) {
    List<String> tok = tokens(SqlScript.stripComments(sql), 200);
    int i = 0;
    if (!is(tok, i++, "DROP") || !is(tok, i++, "INDEX")) return List.of();
    if (is(tok, i, "CONCURRENTLY")) i++;
    if (is(tok, i, "IF") && is(tok, i + 1, "EXISTS")) i += 2;
    List<String> out = new ArrayList<>();
    String last = null;
    for (; i < tok.size(); i++) {
      String t = tok.get(i);
      if (t.equals(",")) {
        if (last != null) out.add(last);
        last = null;
      } else if (t.equals(".")) {
        last = null;
      } else if (is(tok, i, "CASCADE") || is(tok, i, "RESTRICT")) {
        break;
      } else {
        last = fold(t);
      }
    }
    if (last != null) out.add(last);
    return out;
  }

  /** Words, quoted identifiers (with their quotes), and single punctuation characters. */
  private static List<String> tokens(String sql, int max) {
    List<String> out = new ArrayList<>();
    int n = sql.length();
    int i = 0;
    while (i < n && out.size() < max) {
      char ch = sql.charAt(i);
      if (Character.isWhitespace(ch)) {
        i++;
      } else if (ch == '"') {
        int j = i + 1;
        while (j < n) {
          if (sql.charAt(j) == '"') {
            if (j + 1 < n && sql.charAt(j + 1) == '"') j += 2;
            else break;
          } else {
            j++;
          }
        }
        out.add(sql.substring(i, Math.min(n, j + 1)));
        i = j + 1;
      } else if (Character.isLetterOrDigit(ch) || ch == '_' || ch == '$') {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) j++;
        out.add(sql.substring(i, j));
        i = j;
      } else {
        out.add(String.valueOf(ch));
        i++;
      }
    }
    return out;
  }

  private static boolean is(List<String> tok, int i, String keyword) {
    return i < tok.size() && tok.get(i).equalsIgnoreCase(keyword);
  }

  /** An identifier as PostgreSQL stores it: quoted ones verbatim, others in lower case. */
  static String fold(String token) {
    if (token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")) {
      return token.substring(1, token.length() - 1).replace("\"\"", "\"");
    }
    return token.toLowerCase(Locale.ROOT);
  }

  /** An identifier quoted when PostgreSQL would need it. */
  static String ident(String name) {
    if (name.matches("[a-z_][a-z0-9_$]*")) return name;
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
