package dev.sluice.kit.lint;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells whether a DEFAULT expression calls a volatile function. Since PostgreSQL 11, ADD COLUMN with a
 * non-volatile default stores the value in the catalog (no rewrite); a volatile one must be evaluated per
 * row, which rewrites the table.
 */
final class Volatility {
  private static final Set<String> VOLATILE = Set.of("random", "random_normal", "gen_random_uuid",
      "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7", "clock_timestamp",
      "timeofday", "nextval", "currval", "lastval", "setval", "txid_current", "pg_current_xact_id",
      "gen_random_bytes", "gen_salt");

  /** Functions and function-like keywords known to be immutable or stable (no rewrite), plus cast targets. */
  private static final Set<String> NOT_VOLATILE = Set.of("now", "transaction_timestamp", "statement_timestamp",
      "current_timestamp", "current_time", "localtimestamp", "localtime", "current_date", "current_setting",
      "current_user", "session_user", "lower", "upper", "coalesce", "nullif", "greatest", "least", "concat",
      "concat_ws", "length", "abs", "round", "trunc", "floor", "ceil", "date_trunc", "timezone", "make_date",
      "make_time", "make_timestamp", "make_timestamptz", "make_interval", "to_timestamp", "to_date", "to_char",
      "to_jsonb", "to_json", "jsonb_build_object", "jsonb_build_array", "json_build_object", "json_build_array",
      "array_fill", "cast", "row", "array", "format", "md5", "replace", "substring", "trim", "interval",
      "varchar", "character", "char", "numeric", "decimal", "timestamp", "timestamptz", "time", "bit", "float",
      "varying", "precision", "zone", "int", "integer", "bigint", "smallint", "text", "jsonb", "json", "uuid");

  private Volatility() {}

  /** The first volatile function called, else the first function the linter does not know, else neither. */
  record Verdict(String volatileFunction, String unknownFunction) {}

  static Verdict of(List<Token> expr) {
    String unknown = null;
    for (int i = 0; i + 1 < expr.size(); i++) {
      Token t = expr.get(i);
      if (!t.isIdent() || !expr.get(i + 1).isPunct("(")) continue;
      if (i > 0 && (expr.get(i - 1).isPunct("::") || expr.get(i - 1).isWord("AS"))) continue; // a cast's type
      String name = t.ident().toLowerCase(Locale.ROOT);
      if (VOLATILE.contains(name)) return new Verdict(name, null);
      if (!NOT_VOLATILE.contains(name) && unknown == null) unknown = name;
    }
    return new Verdict(null, unknown);
  }
}
