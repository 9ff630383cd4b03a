package dev.sluice.kit.introspect;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What {@link Introspector} reads.
 *
 * @param schemas schemas to read; empty means every non-system schema (not {@code pg_catalog},
 *     {@code information_schema}, {@code pg_toast*}, {@code pg_temp*}, nor {@code sluice}, which holds
 *     the migration history)
 * @param excludeTables glob patterns ({@code *} any run of characters, {@code ?} one character) of
 *     tables and views to leave out, matched against both {@code name} and {@code schema.name}
 */
public record IntrospectOptions(List<String> schemas, List<String> excludeTables) {
  public IntrospectOptions {
    schemas = schemas == null ? List.of() : List.copyOf(schemas);
    excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
  }

  /** Every non-system schema, every table. */
  public static IntrospectOptions all() {
    return new IntrospectOptions(List.of(), List.of());
  }

  /** Only the given schemas. */
  public static IntrospectOptions schemas(String... schemas) {
    return new IntrospectOptions(List.of(schemas), List.of());
  }

  /** True when relation {@code schema.name} matches one of the exclusion globs. */
  public boolean excludes(String schema, String name) {
    for (String glob : excludeTables) {
      Pattern p = glob(glob);
      if (p.matcher(name).matches() || p.matcher(schema + "." + name).matches()) return true;
    }
    return false;
  }

  private static Pattern glob(String glob) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*') re.append(".*");
      else if (c == '?') re.append('.');
      else re.append(Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(re.toString());
  }
}
