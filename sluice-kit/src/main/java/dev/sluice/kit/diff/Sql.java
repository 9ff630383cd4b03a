package dev.sluice.kit.diff;

import dev.sluice.schema.model.SequenceOptions;
import dev.sluice.sql.Identifiers;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Small SQL text helpers shared by the DDL writers: literals, quoted names, verbatim fragments. */
final class Sql {
  private static final Pattern SIMPLE_VALUE = Pattern.compile("[A-Za-z0-9_.+-]+");

  private Sql() {}

  /** {@code 'text'} with single quotes doubled; NUL cannot be sent to PostgreSQL and is rejected. */
  static String literal(String text) {
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a text literal cannot contain NUL: " + text.replace("\0", "\\0"));
    }
    return "'" + text.replace("'", "''") + "'";
  }

  /** A model SQL fragment (expression, type, query) spliced as written; rejects null, blank and NUL. */
  static String fragment(String what, String sql) {
    if (sql == null || sql.isBlank()) throw new IllegalArgumentException(what + " is empty");
    if (sql.indexOf('\0') >= 0) throw new IllegalArgumentException(what + " contains NUL");
    return sql.strip();
  }

  private static final Pattern QUALIFIED_COLLATION = Pattern.compile(
      "(?:[a-z_][a-z0-9_$]*|\"(?:[^\"]|\"\")+\")\\.(?:[a-z_][a-z0-9_$]*|\"(?:[^\"]|\"\")+\")");

  /**
   * A collation as the model names it: {@code schema.name} (each part bare or double-quoted, as
   * {@code quote_ident} prints it) is written as it is, any other name is one quoted identifier
   * ({@code "en_US.utf8"}, {@code "C"}).
   */
  static String collation(String collation) {
    if (collation.indexOf('\0') < 0 && QUALIFIED_COLLATION.matcher(collation).matches()) return collation;
    return name(collation);
  }

  static String name(String name) {
    return Identifiers.quote(name);
  }

  static String qualified(String schema, String name) {
    return Identifiers.qualify(schema, name);
  }

  /** Comma-separated quoted identifiers. */
  static String names(List<String> names) {
    return names.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
  }

  /** A storage parameter value: bare when it is a plain word or number, else a literal. */
  static String optionValue(String value) {
    return SIMPLE_VALUE.matcher(value).matches() ? value : literal(value);
  }

  /** A possibly schema-qualified name such as an operator class: {@code schema.name} split at the dot. */
  static String maybeQualified(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? Identifiers.quote(name) : Identifiers.qualify(name.substring(0, dot), name.substring(dot + 1));
  }

  /** {@code DEFERRABLE [INITIALLY DEFERRED]} or nothing. */
  static String deferrable(boolean deferrable, boolean initiallyDeferred) {
    if (initiallyDeferred) return " DEFERRABLE INITIALLY DEFERRED";
    return deferrable ? " DEFERRABLE" : "";
  }

  /** Sequence options that differ from PostgreSQL's defaults, space separated, or "". */
  static String sequenceOptions(SequenceOptions o) {
    StringBuilder sb = new StringBuilder();
    if (o.start() != null) sb.append(" START WITH ").append(o.start());
    if (o.increment() != null) sb.append(" INCREMENT BY ").append(o.increment());
    if (o.minValue() != null) sb.append(" MINVALUE ").append(o.minValue());
    if (o.maxValue() != null) sb.append(" MAXVALUE ").append(o.maxValue());
    if (o.cache() != null) sb.append(" CACHE ").append(o.cache());
    if (o.cycle()) sb.append(" CYCLE");
    return sb.toString().strip();
  }

  static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }
}
