package dev.sluice.schema;

import dev.sluice.schema.model.ExclusionModel;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code EXCLUDE USING gist (professional_id WITH =, during WITH &&)}: built in a table's
 * constructor with {@code exclude().with(professionalId, "=").with(during, "&&")}. Scalar equality
 * under gist needs the {@code btree_gist} extension (declare it in the schema).
 */
public final class Exclusion {
  private final String explicitName;
  private String method = "gist";
  private final List<ExclusionModel.Element> elements = new ArrayList<>();
  private final List<String> columnNames = new ArrayList<>();
  private String where;
  private boolean deferrable;
  private boolean initiallyDeferred;

  Exclusion(String name) {
    this.explicitName = name;
  }

  /** Access method (default gist). */
  public Exclusion using(String accessMethod) {
    method = accessMethod;
    return this;
  }

  /** {@code column WITH operator}. */
  public Exclusion with(Column<?> column, String operator) {
    elements.add(new ExclusionModel.Element(column.name(), null, operator));
    columnNames.add(column.name());
    return this;
  }

  /** {@code (expression) WITH operator}. */
  public Exclusion withExpression(String expression, String operator) {
    elements.add(new ExclusionModel.Element("(" + expression + ")", null, operator));
    columnNames.add("expr");
    return this;
  }

  /**
   * An element exactly as PostgreSQL holds it: {@code expression} (a column name or a parenthesised
   * expression, used verbatim), an operator class or null, and the operator.
   */
  public Exclusion element(String expression, String opclass, String operator) {
    elements.add(new ExclusionModel.Element(expression, opclass, operator));
    columnNames.add(expression.startsWith("(") ? "expr" : expression);
    return this;
  }

  /** Only rows matching the predicate take part. */
  public Exclusion where(String predicate) {
    where = predicate;
    return this;
  }

  /** DEFERRABLE [INITIALLY DEFERRED]. */
  public Exclusion deferrable(boolean initiallyDeferredToo) {
    deferrable = true;
    initiallyDeferred = initiallyDeferredToo;
    return this;
  }

  ExclusionModel toModel(String table, List<String> problems) {
    if (elements.isEmpty()) {
      problems.add("table " + table + ": exclusion constraint has no elements");
      return null;
    }
    String name = explicitName != null ? explicitName : Names.of(table, columnNames, "excl");
    return new ExclusionModel(name, method, elements, where, deferrable, initiallyDeferred);
  }
}
