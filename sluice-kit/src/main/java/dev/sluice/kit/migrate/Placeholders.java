package dev.sluice.kit.migrate;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway-style placeholders in migration files: {@code ${name}} is replaced by the value of
 * {@code name} from {@link MigratorOptions#placeholders()} everywhere in the file (strings and comments
 * too, as Flyway does). {@code $${name}} is the escape: it stands for the literal text {@code ${name}}.
 * A placeholder without a value is an error naming the file and line, before anything is applied.
 * Checksums are always of the file as written (un-substituted), so changing a value does not make an
 * applied migration "changed".
 */
final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("(\\$?)\\$\\{([^{}\\n]*)\\}");

  private Placeholders() {}

  /** {@code sql} with every placeholder replaced; throws {@link MigrationException} for one without a value. */
  static String substitute(String file, String sql, Map<String, String> values) {
    if (sql.indexOf("${") < 0) return sql;
    Matcher m = PLACEHOLDER.matcher(sql);
    StringBuilder out = new StringBuilder(sql.length());
    while (m.find()) {
      String name = m.group(2);
      String replacement;
      if (!m.group(1).isEmpty()) {
        replacement = "${" + name + "}"; // $${name}: the escape
      } else {
        replacement = values.get(name);
        if (replacement == null) {
          int line = 1 + (int) sql.substring(0, m.start()).chars().filter(c -> c == '\n').count();
          String known = values.isEmpty() ? "none are defined" : "defined: " + String.join(", ", new TreeSet<>(values.keySet()));
          throw new MigrationException(file + " line " + line + ": no value for placeholder ${" + name + "} (" + known
              + "); define it (sluice.json \"placeholders\", --placeholder " + name + "=VALUE, or SLUICE_PLACEHOLDERS_"
              + name.toUpperCase(java.util.Locale.ROOT) + "), or write $${" + name + "} for the literal text",
              file, line, null, null, null);
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
