package dev.sluice.validation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.schema.Table;
import java.math.BigDecimal;

/**
 * JSON Schema (draft 2020-12) of a table's rows, for API docs and front-end form validation, derived from
 * the same rules as {@link Validator}: types and formats ({@code uuid}, {@code date-time}, {@code date},
 * {@code time}), {@code maxLength}, {@code enum} labels, {@code minimum}/{@code maximum} (or exclusive) from
 * parsed CHECKs and numeric precision, nullability as {@code ["string", "null"]}. {@link Mode#INSERT}
 * lists required columns and leaves out generated ones; {@link Mode#UPDATE} requires nothing;
 * {@link Mode#SELECT} describes every column, all required.
 *
 * <pre>{@code
 * ObjectNode schema = JsonSchemas.forTable(USERS, Mode.INSERT);
 * }</pre>
 */
public final class JsonSchemas {
  /** The {@code $schema} URI written into every schema. */
  public static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

  private JsonSchemas() {}

  /** The schema of one row of {@code table} for {@code mode}. */
  public static ObjectNode forTable(Table<?> table, Mode mode) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("$schema", DRAFT_2020_12);
    root.put("title", table.definition().name() + (mode == Mode.SELECT ? "" : " (" + mode.name().toLowerCase() + ")"));
    root.put("type", "object");
    ObjectNode props = root.putObject("properties");
    ArrayNode required = f.arrayNode();
    for (ColumnRules r : ColumnRules.of(table)) {
      if (mode != Mode.SELECT && r.readOnly()) continue;
      props.set(r.name(), property(r, mode));
      if (mode == Mode.SELECT || (mode == Mode.INSERT && r.requiredOnInsert())) required.add(r.name());
    }
    if (!required.isEmpty()) root.set("required", required);
    root.put("additionalProperties", false);
    return root;
  }

  private static ObjectNode property(ColumnRules r, Mode mode) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    String sql = r.sqlType();
    boolean array = sql.endsWith("[]");
    ObjectNode item = array ? p.putObject("items") : p;
    String base = array ? sql.substring(0, sql.length() - 2) : sql;
    String type = describe(r, base, item);
    boolean nullable = !r.notNull();
    String outer = array ? "array" : type;
    if (outer == null) {
      // json/jsonb and unknown types: any JSON value
      return p;
    }
    if (nullable) p.putArray("type").add(outer).add("null");
    else p.put("type", outer);
    if (array && type != null) item.put("type", type);
    return p;
  }

  /** Writes format/maxLength/enum/bounds into {@code node}; returns the JSON type, or null for any. */
  private static String describe(ColumnRules r, String sql, ObjectNode node) {
    if (r.enumLabels() != null) {
      ArrayNode e = node.putArray("enum");
      r.enumLabels().forEach(e::add);
      return "string";
    }
    String type;
    switch (sql) {
      case "smallint", "integer", "bigint", "smallserial", "serial", "bigserial" -> type = "integer";
      case "real", "double precision" -> type = "number";
      case "boolean" -> type = "boolean";
      case "uuid" -> {
        node.put("format", "uuid");
        type = "string";
      }
      case "timestamp with time zone", "timestamp without time zone" -> {
        node.put("format", "date-time");
        type = "string";
      }
      case "date" -> {
        node.put("format", "date");
        type = "string";
      }
      case "time without time zone", "time with time zone" -> {
        node.put("format", "time");
        type = "string";
      }
      case "inet", "cidr" -> type = "string";
      case "json", "jsonb" -> type = null;
      default -> {
        if (sql.startsWith("numeric") || sql.equals("money")) type = "number";
        else if (sql.startsWith("timestamp")) {
          node.put("format", "date-time");
          type = "string";
        } else if (sql.startsWith("time")) {
          node.put("format", "time");
          type = "string";
        } else type = "string";
      }
    }
    if (r.maxLength() != null && "string".equals(type)) node.put("maxLength", r.maxLength());
    if ("integer".equals(type) || "number".equals(type)) {
      if (r.min() != null) node.put(r.min().inclusive() ? "minimum" : "exclusiveMinimum", number(r.min().value()));
      if (r.max() != null) node.put(r.max().inclusive() ? "maximum" : "exclusiveMaximum", number(r.max().value()));
      if (r.scale() != null && r.scale() > 0) node.put("multipleOf", BigDecimal.ONE.movePointLeft(r.scale()));
    }
    return type;
  }

  private static BigDecimal number(BigDecimal d) {
    return d.stripTrailingZeros().scale() <= 0 ? d.setScale(0) : d;
  }
}
