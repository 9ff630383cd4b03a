package dev.sluice.kit.introspect;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits {@code pg_get_partkeydef()} output such as {@code RANGE (created_at)} or
 * {@code LIST (lower(name), region)} into its keys: commas inside parentheses, quoted identifiers and
 * string literals do not split.
 */
final class PartitionKeys {
  private PartitionKeys() {}

  /** The key texts between the outer parentheses of a partition key definition. */
  static List<String> split(String partkeydef) {
    int open = partkeydef.indexOf('(');
    int close = partkeydef.lastIndexOf(')');
    if (open < 0 || close < open) throw new IllegalArgumentException("unexpected partition key: " + partkeydef);
    String inner = partkeydef.substring(open + 1, close);
    List<String> keys = new ArrayList<>();
    int depth = 0;
    int start = 0;
    char quote = 0;
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        keys.add(inner.substring(start, i).strip());
        start = i + 1;
      }
    }
    keys.add(inner.substring(start).strip());
    return keys;
  }
}
