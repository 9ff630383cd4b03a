package dev.sluice.query;

import dev.sluice.sql.QueryPart;

/** A boolean SQL predicate: WHERE, HAVING, ON, CHECK and policy clauses are conditions. */
public interface Condition extends QueryPart {
  /** {@code (this AND other)}. */
  default Condition and(Condition other) {
    return Conditions.combine("AND", this, other);
  }

  /** {@code (this OR other)}. */
  default Condition or(Condition other) {
    return Conditions.combine("OR", this, other);
  }

  /** {@code NOT (this)}. */
  default Condition not() {
    return Conditions.not(this);
  }

  /** This condition as a boolean field (to select it or compare it). */
  default Field<Boolean> asField() {
    return Expressions.conditionField(this);
  }
}
