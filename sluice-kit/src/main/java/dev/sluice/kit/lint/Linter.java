package dev.sluice.kit.lint;

import dev.sluice.kit.sql.SqlScript;
import dev.sluice.kit.sql.SqlStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lints a migration's SQL (generated or hand-written) for statements that lose data, fail on existing
 * data, lock live tables or break running application code; rules and codes in {@link LintRule}.
 *
 * <p>The script is split with {@link SqlScript} (so dollar-quoted function bodies stay inside their
 * {@code CREATE FUNCTION} and are never linted as statements) and each statement is tokenized, not
 * pattern-matched. Statements are linted in order, tracking what the migration itself created (new tables
 * are exempt) and whether {@code lock_timeout} has been set.
 *
 * <p>Suppression: {@code -- sluice:lint-ignore LK101} (several codes separated by commas or spaces; no code
 * = all) in the comment lines directly above a statement.
 */
public final class Linter {
  static final String NO_TRANSACTION_MARKER = "sluice:no-transaction";
  private static final String IGNORE_MARKER = "sluice:lint-ignore";

  private Linter() {}

  /** Findings for {@code sql}, ordered by line. */
  public static List<LintFinding> lint(String sql, LintContext ctx) {
    if (ctx == null) ctx = LintContext.defaults();
    List<SqlStatement> statements = SqlScript.split(sql);
    String[] lines = sql.split("\n", -1);
    boolean noTransaction = !statements.isEmpty() && hasNoTransactionMarker(lines, statements.get(0).line());
    MigrationState state = new MigrationState(ctx, noTransaction);
    List<LintFinding> out = new ArrayList<>();
    for (SqlStatement st : statements) {
      Set<String> ignored = suppressedCodes(lines, st.line());
      List<LintFinding> found = new ArrayList<>();
      new StatementLinter(st, state, found).lint();
      for (LintFinding f : found) {
        if (!ignored.contains("*") && !ignored.contains(f.code())) out.add(f);
      }
    }
    out.sort(java.util.Comparator.comparingInt(LintFinding::line));
    return out;
  }

  /** Whether a comment line before the first statement carries {@code -- sluice:no-transaction}. */
  static boolean hasNoTransactionMarker(String[] lines, int firstStatementLine) {
    for (int i = 0; i < Math.min(firstStatementLine - 1, lines.length); i++) {
      String l = lines[i].strip();
      if (l.startsWith("--") && l.substring(2).strip().toLowerCase(Locale.ROOT).startsWith(NO_TRANSACTION_MARKER)) {
        return true;
      }
    }
    return false;
  }

  /** Codes named by {@code -- sluice:lint-ignore} comments in the comment lines directly above {@code line}. */
  static Set<String> suppressedCodes(String[] lines, int line) {
    Set<String> codes = new HashSet<>();
    for (int i = line - 2; i >= 0 && i < lines.length; i--) {
      String l = lines[i].strip();
      if (!l.startsWith("--")) break;
      String body = l.substring(2).strip();
      if (!body.toLowerCase(Locale.ROOT).startsWith(IGNORE_MARKER)) continue;
      String rest = body.substring(IGNORE_MARKER.length()).strip();
      if (rest.isEmpty()) {
        codes.add("*");
        continue;
      }
      for (String code : rest.split("[,\\s]+")) {
        if (code.matches("(?i)[A-Z]{2}\\d{3}")) codes.add(code.toUpperCase(Locale.ROOT));
        else break; // the rest is a free-text reason
      }
    }
    return codes;
  }
}
