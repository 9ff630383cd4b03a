package dev.sluice.kit.pull;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a canonical type text to DSL source: the typed column factory where one exists
 * ({@code integer("id")}, {@code varchar("name", 40)}), enums and domains of the schema by their
 * constants, arrays with {@code .array()}, and {@link dev.sluice.types.PgTypes#textual(String)} for any
 * other type so the exact text survives. Each mapping reproduces the input text exactly (checked by
 * rebuilding the canonical text from the parsed numbers).
 */
final class TypeMapper {
  /** Source snippets for one type. {@code factory} is null when only {@code column(name, dataType)} works. */
  record Mapped(String javaType, String dataTypeExpr, String factory, String factoryArgs, boolean textual,
      Mapped element, String columnArg) {
    Mapped(String javaType, String dataTypeExpr, String factory, String factoryArgs, boolean textual, Mapped element) {
      this(javaType, dataTypeExpr, factory, factoryArgs, textual, element, dataTypeExpr);
    }

    /** The column expression for SQL column literal {@code nameLiteral}. */
    String column(String nameLiteral) {
      if (element != null) return element.column(nameLiteral) + ".array()";
      if (factory != null) return factory + "(" + nameLiteral + factoryArgs + ")";
      return "column(" + nameLiteral + ", " + columnArg + ")";
    }
  }

  /** Built-in type: table factory method, PgTypes constant, Java class. */
  private record Simple(String factory, String constant, String javaClass) {}

  private static final Map<String, Simple> SIMPLE = Map.ofEntries(
      Map.entry("smallint", new Simple("smallint", "SMALLINT", "java.lang.Short")),
      Map.entry("integer", new Simple("integer", "INTEGER", "java.lang.Integer")),
      Map.entry("bigint", new Simple("bigint", "BIGINT", "java.lang.Long")),
      Map.entry("smallserial", new Simple("smallserial", "SMALLSERIAL", "java.lang.Short")),
      Map.entry("serial", new Simple("serial", "SERIAL", "java.lang.Integer")),
      Map.entry("bigserial", new Simple("bigserial", "BIGSERIAL", "java.lang.Long")),
      Map.entry("numeric", new Simple("numeric", "NUMERIC", "java.math.BigDecimal")),
      Map.entry("real", new Simple("real", "REAL", "java.lang.Float")),
      Map.entry("double precision", new Simple("doublePrecision", "DOUBLE", "java.lang.Double")),
      Map.entry("money", new Simple("money", "MONEY", "java.math.BigDecimal")),
      Map.entry("boolean", new Simple("bool", "BOOLEAN", "java.lang.Boolean")),
      Map.entry("text", new Simple("text", "TEXT", "java.lang.String")),
      Map.entry("character varying", new Simple("varchar", "VARCHAR", "java.lang.String")),
      Map.entry("public.citext", new Simple("citext", "CITEXT", "java.lang.String")),
      Map.entry("uuid", new Simple("uuid", "UUID_TYPE", "java.util.UUID")),
      Map.entry("bytea", new Simple("bytea", "BYTEA", "byte[]")),
      Map.entry("date", new Simple("date", "DATE", "java.time.LocalDate")),
      Map.entry("time without time zone", new Simple("time", "TIME", "java.time.LocalTime")),
      Map.entry("time with time zone", new Simple("timetz", "TIMETZ", "java.time.OffsetTime")),
      Map.entry("timestamp without time zone", new Simple("timestamp", "TIMESTAMP", "java.time.LocalDateTime")),
      Map.entry("timestamp with time zone", new Simple("timestamptz", "TIMESTAMPTZ", "java.time.OffsetDateTime")),
      Map.entry("interval", new Simple("interval", "INTERVAL", "dev.sluice.types.Interval")),
      Map.entry("json", new Simple("json", "JSON", "com.fasterxml.jackson.databind.JsonNode")),
      Map.entry("jsonb", new Simple("jsonb", "JSONB", "com.fasterxml.jackson.databind.JsonNode")),
      Map.entry("int4range", new Simple("int4range", "INT4RANGE", "Range<java.lang.Integer>")),
      Map.entry("int8range", new Simple("int8range", "INT8RANGE", "Range<java.lang.Long>")),
      Map.entry("numrange", new Simple("numrange", "NUMRANGE", "Range<java.math.BigDecimal>")),
      Map.entry("tsrange", new Simple("tsrange", "TSRANGE", "Range<java.time.LocalDateTime>")),
      Map.entry("tstzrange", new Simple("tstzrange", "TSTZRANGE", "Range<java.time.OffsetDateTime>")),
      Map.entry("daterange", new Simple("daterange", "DATERANGE", "Range<java.time.LocalDate>")),
      Map.entry("inet", new Simple("inet", "INET", "java.lang.String")),
      Map.entry("cidr", new Simple("cidr", "CIDR", "java.lang.String")),
      Map.entry("macaddr", new Simple("macaddr", "MACADDR", "java.lang.String")),
      Map.entry("point", new Simple("point", "POINT", "dev.sluice.types.Point")),
      Map.entry("tsvector", new Simple("tsvector", "TSVECTOR", "java.lang.String")),
      Map.entry("tsquery", new Simple(null, "TSQUERY", "java.lang.String")),
      Map.entry("xml", new Simple("xml", "XML", "java.lang.String")));

  private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d{1,4}),(\\d{1,4})\\)");
  private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d{1,8})\\)");
  private static final Pattern CHAR = Pattern.compile("character\\((\\d{1,8})\\)");
  private static final Pattern TIMES = Pattern.compile("(time|timestamp)\\((\\d)\\) (with|without) time zone");
  private static final Pattern VECTOR = Pattern.compile("public\\.vector\\((\\d{1,5})\\)");

  /**
   * A user-defined type of the schema: an enum ({@code enumClass} set), a domain ({@code domainBase}
   * set) or a type read as text (neither set: a range type), declared as constant {@code constant} of the holder class.
   */
  record Named(String constant, String enumClass, String domainBase) {}

  private final Imports imports;
  private final Map<String, Named> named;
  private final String holderPrefix;
  private int depth;

  /**
   * @param named enum and domain types by canonical text ({@code schema.name})
   * @param holderPrefix how this file refers to the holder's constants ({@code "DbSchema."} or {@code ""})
   */
  TypeMapper(Imports imports, Map<String, Named> named, String holderPrefix) {
    this.imports = imports;
    this.named = named;
    this.holderPrefix = holderPrefix;
  }

  Mapped map(String type) {
    Mapped m = mapScalar(type);
    if (m != null) return m;
    if (type.endsWith("[]")) {
      String element = type.substring(0, type.length() - 2);
      Mapped e = element.endsWith("[]") ? null : mapScalar(element);
      if (e != null) {
        return new Mapped(e.javaType() + "[]", pgTypes() + ".arrayOf(" + e.dataTypeExpr() + ")", null, null, false, e);
      }
    }
    return textual(type);
  }

  private Mapped textual(String type) {
    return new Mapped(imports.use("java.lang.String"), pgTypes() + ".textual(" + JavaLiterals.string(type) + ")",
        null, null, true, null);
  }

  private String pgTypes() {
    return imports.use("dev.sluice.types.PgTypes");
  }

  private String javaType(String spec) {
    if (spec.equals("byte[]")) return spec;
    if (spec.startsWith("Range<")) {
      String inner = spec.substring(6, spec.length() - 1);
      return imports.use("dev.sluice.types.Range") + "<" + simple(inner) + ">";
    }
    return simple(spec);
  }

  private String simple(String fqcn) {
    return fqcn.startsWith("java.lang.") ? fqcn.substring("java.lang.".length()) : imports.use(fqcn);
  }

  private Mapped mapScalar(String type) {
    Named n = named.get(type);
    if (n != null && depth < 20) {
      String ref = holderPrefix + n.constant();
      if (n.enumClass() != null) return new Mapped(n.enumClass(), ref + ".dataType()", null, null, false, null, ref);
      if (n.domainBase() == null) return new Mapped(imports.use("java.lang.String"), ref + ".dataType()", null, null, false, null);
      depth++;
      try {
        Mapped base = map(n.domainBase());
        return new Mapped(base.javaType(), ref + ".dataType()", null, null, false, null);
      } finally {
        depth--;
      }
    }
    Simple s = SIMPLE.get(type);
    if (s != null) {
      String dt = pgTypes() + "." + s.constant();
      return new Mapped(javaType(s.javaClass()), dt, s.factory(), "", false, null);
    }
    Matcher m;
    if ((m = NUMERIC.matcher(type)).matches()) {
      int p = Integer.parseInt(m.group(1));
      int sc = Integer.parseInt(m.group(2));
      if (p >= 1 && p <= 1000 && sc <= p && type.equals("numeric(" + p + "," + sc + ")")) {
        return new Mapped(javaType("java.math.BigDecimal"), pgTypes() + ".numeric(" + p + ", " + sc + ")", "numeric",
            ", " + p + ", " + sc, false, null);
      }
    } else if ((m = VARCHAR.matcher(type)).matches()) {
      int n1 = Integer.parseInt(m.group(1));
      if (n1 >= 1 && n1 <= 10_485_760 && type.equals("character varying(" + n1 + ")")) {
        return new Mapped("String", pgTypes() + ".varchar(" + n1 + ")", "varchar", ", " + n1, false, null);
      }
    } else if ((m = CHAR.matcher(type)).matches()) {
      int n1 = Integer.parseInt(m.group(1));
      if (n1 >= 1 && n1 <= 10_485_760 && type.equals("character(" + n1 + ")")) {
        return new Mapped("String", pgTypes() + ".character(" + n1 + ")", "character", ", " + n1, false, null);
      }
    } else if ((m = TIMES.matcher(type)).matches()) {
      int p = Integer.parseInt(m.group(2));
      boolean tz = m.group(3).equals("with");
      boolean stamp = m.group(1).equals("timestamp");
      if (p <= 6) {
        String f = stamp ? (tz ? "timestamptz" : "timestamp") : (tz ? "timetz" : "time");
        String jt = stamp ? (tz ? "java.time.OffsetDateTime" : "java.time.LocalDateTime")
            : (tz ? "java.time.OffsetTime" : "java.time.LocalTime");
        return new Mapped(javaType(jt), pgTypes() + "." + f + "(" + p + ")", f, ", " + p, false, null);
      }
    } else if ((m = VECTOR.matcher(type)).matches()) {
      int d = Integer.parseInt(m.group(1));
      if (d >= 1 && d <= 16000 && type.equals("public.vector(" + d + ")")) {
        return new Mapped("float[]", pgTypes() + ".vector(" + d + ")", "vector", ", " + d, false, null);
      }
    }
    return null;
  }
}
