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
 * @param foreignSchemas schemas that belong to someone else (the code declares only external objects there,
 *     such as Supabase's {@code auth}): never read, whatever {@code schemas} says, so nothing in them is
 *     compared, altered or dropped; unlike a {@code schemas} filter this keeps database-wide kinds read
 */
public record IntrospectOptions(List<String> schemas, List<String> excludeTables, List<String> foreignSchemas) {
  public IntrospectOptions {
    schemas = schemas == null ? List.of() : List.copyOf(schemas);
    excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
    foreignSchemas = foreignSchemas == null ? List.of() : List.copyOf(new java.util.TreeSet<>(foreignSchemas));
  }

  /** The given schemas (empty: every non-system schema) without the excluded tables. */
  public IntrospectOptions(List<String> schemas, List<String> excludeTables) {
    this(schemas, excludeTables, List.of());
  }

  /** These options, also leaving out {@code foreign} (see {@link #foreignSchemas()}). */
  public IntrospectOptions withForeignSchemas(java.util.Collection<String> foreign) {
    java.util.Set<String> all = new java.util.TreeSet<>(foreignSchemas);
    all.addAll(foreign);
    return new IntrospectOptions(schemas, excludeTables, List.copyOf(all));
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
