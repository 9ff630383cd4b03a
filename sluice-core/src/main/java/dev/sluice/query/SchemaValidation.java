package dev.sluice.query;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.validation.FieldError;
import dev.sluice.validation.ValidationException;
import dev.sluice.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs {@link Validator} over the values of an INSERT or UPDATE being rendered ({@code .validate()}). */
final class SchemaValidation {
  private SchemaValidation() {}

  /** Throws {@link ValidationException} with the errors of every row; a multi-row insert names the row. */
  static void check(Validator validator, Table<?> target, List<Assignments> rows) {
    List<FieldError> all = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      List<FieldError> errors = validator.validate(values(rows.get(i)));
      for (FieldError e : errors) {
        all.add(rows.size() == 1 ? e : new FieldError(e.column(), e.code(), "row " + (i + 1) + ": " + e.message()));
      }
    }
    if (!all.isEmpty()) throw new ValidationException(target.name(), all);
  }

  /** Bound values as they are; expressions and DEFAULT as {@link Validator#SQL_EXPRESSION}. */
  private static Map<Column<?>, Object> values(Assignments a) {
    Map<Column<?>, Object> out = new LinkedHashMap<>();
    for (String name : a.names()) {
      Field<?> f = a.value(name);
      out.put(a.column(name), f instanceof Param<?> p ? p.value() : Validator.SQL_EXPRESSION);
    }
    return out;
  }
}
