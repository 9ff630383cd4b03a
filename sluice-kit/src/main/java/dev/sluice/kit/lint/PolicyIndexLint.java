package dev.sluice.kit.lint;

import dev.sluice.schema.model.IndexModel;
import dev.sluice.schema.model.PolicyModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rule {@link LintRule#RL101} over a schema model (not a migration script): every column of a table
 * that its row-level security policies reference should lead some index, primary key or unique
 * constraint, because the policy runs as a filter on every statement.
 *
 * <p>Column references are found by scanning the policy expressions for identifiers (quoted or not,
 * string literals skipped) that name a column of the table, unqualified or qualified with the table's
 * name; names qualified with something else (a joined table's alias) are not the table's columns.
 */
public final class PolicyIndexLint {
  private PolicyIndexLint() {}

  /** RL101 findings for every table of {@code model}; {@code line} is 0 (they come from the model). */
  public static List<LintFinding> lint(SchemaModel model) {
    List<LintFinding> out = new ArrayList<>();
    for (TableModel t : model.tables()) out.addAll(lint(t));
    return out;
  }

  /** RL101 findings for one table. */
  public static List<LintFinding> lint(TableModel t) {
    List<LintFinding> out = new ArrayList<>();
    if (t.policies().isEmpty()) return out;
    Set<String> columns = new LinkedHashSet<>();
    t.columns().forEach(c -> columns.add(c.name()));
    Set<String> leading = new LinkedHashSet<>();
    if (t.primaryKey() != null && !t.primaryKey().columns().isEmpty()) leading.add(t.primaryKey().columns().get(0));
    t.uniques().forEach(u -> {
      if (!u.columns().isEmpty()) leading.add(u.columns().get(0));
    });
    for (IndexModel i : t.indexes()) {
      if (!i.elements().isEmpty() && !i.elements().get(0).isExpression()) leading.add(i.elements().get(0).expression());
    }
    Set<String> reported = new LinkedHashSet<>();
    for (PolicyModel p : t.policies()) {
      for (String expr : new String[] {p.using(), p.withCheck()}) {
        if (expr == null) continue;
        for (String col : referencedColumns(expr, t.name(), columns)) {
          if (!leading.contains(col) && reported.add(col)) {
            out.add(new LintFinding(LintRule.RL101.code(), LintRule.RL101.severity(), "table " + t.schema() + "."
                + t.name() + ": policy " + p.name() + " filters on column " + col + ", which leads no index;"
                + " add index().on(" + col + ") so the policy does not scan the table", 0,
                "CREATE POLICY " + p.name() + " ON " + t.name()));
          }
        }
      }
    }
    return out;
  }

  /** Column names of the table referenced in {@code expr}. */
  static Set<String> referencedColumns(String expr, String table, Set<String> columns) {
    Set<String> out = new LinkedHashSet<>();
    List<String> ids = new ArrayList<>();
    List<Boolean> afterDot = new ArrayList<>();
    int i = 0;
    int n = expr.length();
    boolean dot = false;
    while (i < n) {
      char c = expr.charAt(i);
      if (c == '\'') {
        i++;
        while (i < n) {
          if (expr.charAt(i) == '\'') {
            if (i + 1 < n && expr.charAt(i + 1) == '\'') {
              i += 2;
              continue;
            }
            break;
          }
          i++;
        }
        i++;
        dot = false;
      } else if (c == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (i < n) {
          if (expr.charAt(i) == '"') {
            if (i + 1 < n && expr.charAt(i + 1) == '"') {
              sb.append('"');
              i += 2;
              continue;
            }
            break;
          }
          sb.append(expr.charAt(i++));
        }
        i++;
        ids.add(sb.toString());
        afterDot.add(dot);
        dot = false;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_' || expr.charAt(i) == '$')) i++;
        ids.add(expr.substring(start, i).toLowerCase(Locale.ROOT));
        afterDot.add(dot);
        dot = false;
      } else {
        if (c == '.') dot = true;
        else if (!Character.isWhitespace(c)) dot = false;
        i++;
      }
    }
    for (int k = 0; k < ids.size(); k++) {
      String id = ids.get(k);
      if (!columns.contains(id)) continue;
      boolean qualified = afterDot.get(k);
      if (k + 1 < ids.size() && afterDot.get(k + 1)) continue; // it qualifies the next name: not a column here
      if (qualified && !(k > 0 && ids.get(k - 1).equals(table))) continue;
      out.add(id);
    }
    return out;
  }
}
