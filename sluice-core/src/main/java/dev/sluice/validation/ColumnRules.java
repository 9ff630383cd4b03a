package dev.sluice.validation;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.CheckModel;
import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.types.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the schema says about one column's values, derived once from the table definition and shared by
 * {@link Validator} and {@link JsonSchemas}.
 */
record ColumnRules(Column<?> column, String name, boolean notNull, boolean hasDefault, boolean readOnly,
    Integer maxLength, Integer precision, Integer scale, List<String> enumLabels, CheckParser.Bound min,
    CheckParser.Bound max) {

  private static final Pattern LENGTH = Pattern.compile("^(?:character varying|character|varchar|char|bit varying|bit)\\((\\d+)\\)$");
  private static final Pattern NUMERIC = Pattern.compile("^numeric\\((\\d+)(?:,\\s*(\\d+))?\\)$");

  /** Required on insert: NOT NULL and nothing (database default, identity, app-side default) fills it. */
  boolean requiredOnInsert() {
    return notNull && !hasDefault && !readOnly;
  }

  String sqlType() {
    return column.dataType().sqlName();
  }

  static List<ColumnRules> of(Table<?> table) {
    TableModel model = table.definition().toModel();
    Map<String, CheckParser.Bound> mins = new HashMap<>();
    Map<String, CheckParser.Bound> maxs = new HashMap<>();
    for (CheckModel check : model.checks()) {
      CheckParser.Bounds b = CheckParser.parse(check.expression());
      if (b == null) continue; // unparseable: PostgreSQL still enforces it
      b.min().forEach((c, v) -> CheckParser.tighten(mins, c, v, true));
      b.max().forEach((c, v) -> CheckParser.tighten(maxs, c, v, false));
    }
    List<String> pk = model.primaryKey() == null ? List.of() : model.primaryKey().columns();
    List<ColumnRules> out = new ArrayList<>();
    for (Column<?> c : table.columns()) {
      ColumnModel cm = model.column(c.name()).orElseThrow();
      String type = cm.type();
      boolean serial = type.endsWith("serial");
      boolean readOnly = cm.generatedExpr() != null
          || (cm.identity() != null && cm.identity().kind().name().equals("ALWAYS"));
      boolean hasDefault = cm.defaultExpr() != null || cm.identity() != null || serial || c.defaultFn() != null
          || cm.generatedExpr() != null;
      Integer maxLength = null, precision = null, scale = null;
      Matcher m = LENGTH.matcher(type);
      if (m.matches()) maxLength = Integer.parseInt(m.group(1));
      m = NUMERIC.matcher(type);
      if (m.matches()) {
        precision = Integer.parseInt(m.group(1));
        scale = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      }
      out.add(new ColumnRules(c, c.name(), cm.notNull() || pk.contains(c.name()), hasDefault, readOnly, maxLength,
          precision, scale, enumLabels(c.dataType()), mins.get(c.name()), maxs.get(c.name())));
    }
    return List.copyOf(out);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static List<String> enumLabels(DataType<?> type) {
    Class<?> jt = type.javaType();
    if (jt == null || !jt.isEnum()) return null;
    List<String> labels = new ArrayList<>();
    for (Object e : jt.getEnumConstants()) labels.add(((DataType) type).codec().toText(e));
    return List.copyOf(labels);
  }
}
