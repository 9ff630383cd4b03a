package dev.sluice.spring.boot;

import dev.sluice.runtime.StatementObserver;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each statement as a Micrometer {@link Observation} named {@code sluice.statement} (timers via the
 * meter handler, spans via a tracing bridge): low-cardinality {@code db.operation} (SELECT, INSERT...)
 * and {@code db.table} (the first table named after FROM / INTO / UPDATE, {@code none} when there is
 * none), {@code db.statement.name} when the statement runs inside {@link #named} ({@code none} otherwise),
 * and the SQL text (placeholders, never values) only as the high-cardinality {@code db.statement}.
 */
public final class ObservationStatementObserver implements StatementObserver {
  /** The observation name. */
  public static final String NAME = "sluice.statement";
  private static final Pattern TABLE = Pattern.compile(
      "\\b(?:from|into|update|join)\\s+((?:\"[^\"]+\"|[a-z_][a-z0-9_$]*)(?:\\.(?:\"[^\"]+\"|[a-z_][a-z0-9_$]*))?)",
      Pattern.CASE_INSENSITIVE);
  private static final ThreadLocal<String> NAME_IN_SCOPE = new ThreadLocal<>();
  private final ObservationRegistry registry;

  /**
   * Runs {@code body} with {@code statementName} as the {@code db.statement.name} tag of the statements it
   * runs on this thread (a fixed name per call site, such as {@code "projects.list"}: it is low-cardinality).
   */
  public static <R> R named(String statementName, java.util.function.Supplier<R> body) {
    String outer = NAME_IN_SCOPE.get();
    NAME_IN_SCOPE.set(java.util.Objects.requireNonNull(statementName, "statementName"));
    try {
      return body.get();
    } finally {
      if (outer == null) NAME_IN_SCOPE.remove();
      else NAME_IN_SCOPE.set(outer);
    }
  }

  public ObservationStatementObserver(ObservationRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Handle start(String sql) {
    if (registry.isNoop()) return null;
    String name = NAME_IN_SCOPE.get();
    Observation observation = Observation.createNotStarted(NAME, registry)
        .lowCardinalityKeyValues(KeyValues.of("db.system", "postgresql", "db.operation", operation(sql), "db.table", table(sql),
            "db.statement.name", name == null ? "none" : name))
        .highCardinalityKeyValue("db.statement", sql)
        .contextualName(operation(sql).toLowerCase(Locale.ROOT) + " " + table(sql))
        .start();
    return new Handle() {
      @Override
      public void success(int rows) {
        observation.stop();
      }

      @Override
      public void failure(Throwable error) {
        observation.error(error);
        observation.stop();
      }
    };
  }

  /** The statement's first keyword after a leading WITH clause's CTEs is not parsed: WITH counts as itself. */
  static String operation(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char ch = sql.charAt(i);
      if (Character.isWhitespace(ch) || ch == '(') {
        i++;
      } else if (sql.startsWith("--", i)) {
        int nl = sql.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i);
        i = end < 0 ? n : end + 2;
      } else {
        break;
      }
    }
    int j = i;
    while (j < n && Character.isLetter(sql.charAt(j))) j++;
    return j == i ? "OTHER" : sql.substring(i, j).toUpperCase(Locale.ROOT);
  }

  static String table(String sql) {
    Matcher m = TABLE.matcher(sql);
    return m.find() ? m.group(1).replace("\"", "") : "none";
  }
}
